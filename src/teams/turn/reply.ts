/**
 * Handlers return a reply; one place sends it: as a message for a text command, as the
 * invoke answer for a card action (PRODUCT §2: the updated card, or a message saying why not).
 */
import type { Activity, Mention, TurnContext } from 'botbuilder';
import type { Messages } from '../../i18n/index.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { cardForBoard } from '../cards/board.js';
import { cardActivity } from '../outbox/posts.js';
import { answerWithCard, answerWithMessage } from './invoke.js';

export type RefusalKey = { [K in keyof Messages['refusal']]: Messages['refusal'][K] extends string ? K : never }[keyof Messages['refusal']];
export type ExampleKey = keyof Messages['examples'];

export type Reply =
  | { readonly text: string; readonly entities?: readonly Mention[] }
  /** A card; `activity` is the whole message when it carries more (a file besides the card). */
  | { readonly card: AdaptiveCardJson; readonly activity?: Partial<Activity> }
  /** Why not, in the board's language, with a correct example when one helps. */
  | { readonly refusal: RefusalKey; readonly example?: ExampleKey }
  | { readonly none: true };

export const say = (text: string): Reply => ({ text });
export const refusal = (key: RefusalKey, example?: ExampleKey): Reply => (example ? { refusal: key, example } : { refusal: key });
export const showCard = (card: AdaptiveCardJson, activity?: Partial<Activity>): Reply => (activity ? { card, activity } : { card });
export const nothing: Reply = { none: true };

/** R19: a card given in a 1:1 chat names its board in its actions' data (cards/board.ts). */
export function withCardBoard(reply: Reply, board: string): Reply {
  if (!('card' in reply)) return reply;
  const card = cardForBoard(reply.card, board);
  if (!reply.activity) return { card };
  const attachments = reply.activity.attachments?.map((a) => (a.contentType === 'application/vnd.microsoft.card.adaptive' ? { ...a, content: cardForBoard(a.content, board) } : a));
  return { card, activity: { ...reply.activity, ...(attachments ? { attachments } : {}) } };
}

/** What was asked, for a refusal by role to name it: the command, else the card action (the policy's action). */
export interface Asked {
  readonly command?: string;
  readonly action?: string;
}

type RoleKey = keyof Messages['roleRefusal'];
const isRoleKey = (m: Messages, key: string): key is RoleKey => key in m.roleRefusal;

/** "Only the chair and the secretary can put items on the agenda." when what was asked is known; else the general text. */
export function refusalText(m: Messages, key: RefusalKey, asked: Asked = {}): string {
  const what = (asked.command ? m.what.commands[asked.command] : undefined) ?? (asked.action ? m.what.actions[asked.action] : undefined);
  if (what && isRoleKey(m, key)) return m.roleRefusal[key](what);
  return m.refusal[key];
}

function textOf(m: Messages, reply: Extract<Reply, { refusal: RefusalKey }>, asked: Asked = {}): string {
  const text = refusalText(m, reply.refusal, asked);
  return reply.example ? `${text}\n\n${m.examples[reply.example]}` : text;
}

/** Answers a text command in the thread it was written in. */
export async function sendReply(ctx: TurnContext, m: Messages, reply: Reply, asked: Asked = {}): Promise<void> {
  if ('none' in reply) return;
  if ('refusal' in reply) return void (await ctx.sendActivity(textOf(m, reply, asked)));
  if ('card' in reply) return void (await ctx.sendActivity(reply.activity ?? cardActivity(reply.card)));
  await ctx.sendActivity(reply.entities ? { type: 'message', text: reply.text, entities: [...reply.entities] } : reply.text);
}

/** Answers a card action (Universal Actions): the card as it now stands, or a message. */
export async function answerInvoke(ctx: TurnContext, m: Messages, reply: Reply, asked: Asked = {}): Promise<void> {
  if ('card' in reply) return answerWithCard(ctx, reply.card);
  if ('refusal' in reply) return answerWithMessage(ctx, textOf(m, reply, asked));
  if ('text' in reply) return answerWithMessage(ctx, reply.text);
  throw new Error('a card action must answer with a card or a message');
}
