/**
 * The routes of a turn: a text command through the command tables, a card action through
 * the verbs' table. Each identifies the actor, asks where the bot answers (scope.ts), lets
 * the handler reply, and sends what the change queued.
 */
import type { Application } from '@microsoft/teams-ai/lib/Application.js';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Board, Person } from '../../domain/kernel/board.js';
import { withoutTrailing } from '../../domain/kernel/text.js';
import { type Messages, messages } from '../../i18n/index.js';
import { boundChannelId } from '../../usecases/binding.js';
import { peopleByTeamsId } from '../../usecases/roster.js';
import type { Committed } from '../../usecases/deps.js';
import type { VerbSpec } from '../feature.js';
import { TURN_LOCALE, cutText } from '../fit.js';
import { md } from '../text/markdown.js';
import { withMentionNames } from '../commands/text.js';
import { CARD_BOARD } from '../cards/board.js';
import { refusalIn } from '../verb-data.js';
import { answerWithMessage } from './invoke.js';
import { ANY_OF_MINE, type BoardDirectory } from './boards.js';
import { type TurnSetting, makeTurn } from './make.js';
import { type Asked, type Reply, answerInvoke, refusalText, say, sendReply, withCardBoard } from './reply.js';
import { answersHere, whereFrom } from './scope.js';

export interface Routing extends Omit<TurnSetting, 'board'> {
  /** The boards served, and which one an activity is for (R19). */
  readonly boards: BoardDirectory;
  readonly log: Logger;
  readonly verbs: Readonly<Record<string, VerbSpec>>;
  /** Called after a change was committed, to send what it queued (and run a job it planned for now). */
  readonly onCommitted: (committed: Committed) => void;
}

/** PRODUCT §1.1: the bound channel and 1:1 chats only; elsewhere the refusal to say, naming nobody. */
function refusalHere(r: Routing, m: Messages, ctx: TurnContext, anywhere: boolean, bound: string | undefined, asked: object): string | undefined {
  const where = whereFrom(ctx.activity, bound);
  if (answersHere(anywhere, where)) return undefined;
  r.log.info({ where, ...asked, activityId: ctx.activity.id }, 'refused: not the board\'s channel');
  return where === 'unbound' ? m.refusal['not-bound'] : m.trust.elsewhere;
}

/** Whether the activity is in a 1:1 chat with the bot. */
const personal = (ctx: TurnContext): boolean => ctx.activity.conversation?.conversationType === 'personal';

/** The board id a `brug denne kanal <board-id>` names, if the text is one. */
/** `brug denne kanal [id]`: the board id it names (any board: the writer's own, for one of theirs, found by locate), or undefined for another command. */
function boardToBind(matched: ReturnType<Routing['commands']['match']>): string | typeof ANY_OF_MINE | undefined {
  return matched.kind === 'command' && matched.spec.name === 'bind' ? ((matched.args as { boardId?: string }).boardId ?? ANY_OF_MINE) : undefined;
}

/** R19: in a 1:1 chat with someone on several boards, the answer names the board it is about. */
function naming(board: Board, reply: Reply, m: Messages, asked: Asked): Reply {
  const heading = m.trust.answerFor(md(board.name));
  if ('text' in reply) return { ...reply, text: `${heading}\n\n${reply.text}` };
  if ('refusal' in reply) return say(`${heading}\n\n${refusalText(m, reply.refusal, asked)}${reply.example ? `\n\n${m.examples[reply.example]}` : ''}`);
  return reply;
}

/**
 * The @mentions of people in a command, named as the board file names the person Teams knows
 * by that id (a display name may be written otherwise: »Bach, Birgitte«); one the bot does not
 * know keeps the name Teams shows.
 */
async function mentionsByBoardName(r: Routing, board: Board, ctx: TurnContext, text: string): Promise<string> {
  const mentions = (ctx.activity.entities ?? []).flatMap((e) =>
    e.type === 'mention' && typeof e.text === 'string' && typeof e.mentioned?.id === 'string' && e.mentioned.id !== ctx.activity.recipient?.id ? [{ text: e.text as string, id: e.mentioned.id as string }] : [],
  );
  if (mentions.length === 0 || !text.includes('<at>')) return text;
  const people = await peopleByTeamsId(r.deps, board, mentions.map((m) => m.id));
  return withMentionNames(text, mentions, (id) => people.get(id)?.name);
}

/** The most of an unknown text the answer quotes back: a paste is not repeated whole (nor cut off the answer's end). */
const QUOTED_BACK = 200;

/**
 * An unknown text: a greeting alone (a new member's first message) is answered with who the bot is;
 * "did you mean help?" when its first words are a typo of a command, else where to look.
 */
function unknownText(r: Routing, m: Messages, board: Board, asker: Person, text: string): Reply {
  const greeting = withoutTrailing(text.trim(), /[!.,]/).replace(/\s+/g, ' ').toLocaleLowerCase(board.locale);
  if (m.greetings.includes(greeting)) return say(m.hello(md(asker.name), md(board.name)));
  const suggestion = r.commands.suggest(text, board.locale, asker);
  const quoted = md(cutText(text, QUOTED_BACK));
  return say(suggestion ? m.help.didYouMean(quoted, suggestion) : m.unknownCommand(quoted));
}


export async function onMessage(r: Routing, ctx: TurnContext): Promise<void> {
  const raw = ctx.activity.text ?? '';
  const located = await r.boards.locate(ctx, raw, boardToBind(r.commands.match(raw)));
  if ('refusal' in located) {
    // Asked which board: the 1:1 chat is theirs all the same, for each board's reminders.
    await r.boards.rememberPersonalChat(ctx);
    return void (await ctx.sendActivity(located.refusal));
  }
  const { board } = located;
  const m = messages(board.locale);
  ctx.turnState.set(TURN_LOCALE, board.locale);
  const person = await r.boards.peopleOf(board).identify(ctx, (text) => ctx.sendActivity(text));
  if (!person) return;
  await r.boards.rememberPersonalChat(ctx);
  const text = await mentionsByBoardName(r, board, ctx, located.text);
  const matched = r.commands.match(text);
  const bound = located.boundChannelId ?? (await boundChannelId(r.deps, board));
  const command = matched.kind === 'command' ? matched.spec.name : matched.kind;
  const refusal = refusalHere(r, m, ctx, matched.kind === 'command' && matched.spec.anywhere === true, bound, { command, board: board.id });
  if (refusal) return void (await ctx.sendActivity(refusal));
  const { turn, committed } = makeTurn(ctx, person, { ...r, board }, bound, text);
  const reply =
    matched.kind === 'command'
      ? await matched.spec.handle(turn, matched.args)
      : matched.kind === 'empty'
        ? say(r.commands.help(board, person, ctx.activity.conversation?.conversationType === 'personal'))
        : unknownText(r, m, board, person, matched.text);
  const asked = matched.kind === 'command' ? { command: matched.spec.name, action: matched.spec.action } : {};
  const answer = personal(ctx) ? withCardBoard(reply, board.id) : reply;
  await sendReply(ctx, m, located.named ? naming(board, answer, m, asked) : answer, asked);
  const change = committed();
  if (change) r.onCommitted(change);
}

export function routeVerbs(app: Application, r: Routing): void {
  for (const [verb, spec] of Object.entries(r.verbs)) {
    app.adaptiveCards.actionExecute(verb, async (ctx) => {
      const answerRefusal = (text: string) => answerWithMessage(ctx, text);
      // The language of the answer: the board's once known (several boards may speak several).
      let m = r.boards.m;
      try {
        // R19: the card's board is the board of the conversation it is in; in a 1:1 chat, the one
        // the card names (withCardBoard): a person on several boards is not asked which.
        const named = ctx.activity.value?.action?.data?.[CARD_BOARD];
        const located = personal(ctx) ? await r.boards.locateCard(ctx, named) : await r.boards.locate(ctx, '');
        if ('refusal' in located) {
          await answerRefusal(located.refusal);
          return '';
        }
        const { board } = located;
        m = messages(board.locale);
        ctx.turnState.set(TURN_LOCALE, board.locale);
        const parsed = spec.data.safeParse(ctx.activity.value?.action?.data ?? {});
        // A typed text too long to read is refused as too long, naming its limit, once the person and the place are known.
        const tooLong = parsed.success ? undefined : refusalIn(parsed.error.issues);
        if (!parsed.success && !tooLong) {
          // R19: from another tenant, the tenant check answers first (as for a good press), not the board's words for bad data.
          if (await r.boards.peopleOf(board).refusesTenant(ctx, answerRefusal)) return '';
          r.log.warn({ verb, activityId: ctx.activity.id, issues: parsed.error.issues }, 'refused: malformed card data');
          await answerRefusal(m.refusal['malformed-data']);
          return '';
        }
        // Someone not on the card's board is refused here (a stranger to it), whatever other boards they sit on.
        const person = await r.boards.peopleOf(board).identify(ctx, answerRefusal);
        if (!person) return '';
        const bound = located.boundChannelId ?? (await boundChannelId(r.deps, board));
        const refusal = refusalHere(r, m, ctx, false, bound, { verb, board: board.id });
        if (refusal) {
          await answerRefusal(refusal);
          return '';
        }
        if (!parsed.success) {
          await answerRefusal(m.refusal[tooLong!]);
          return '';
        }
        const { turn, committed } = makeTurn(ctx, person, { ...r, board }, bound);
        const reply = await spec.handle(turn, parsed.data);
        await answerInvoke(ctx, m, personal(ctx) ? withCardBoard(reply, board.id) : reply, { action: verb });
        const change = committed();
        if (change) r.onCommitted(change);
      } catch (err) {
        r.log.error({ err, verb, activityId: ctx.activity.id }, 'card action failed');
        await answerRefusal(m.refusal.error);
      }
      return '';
    });
  }
  // Any other invoke — an unknown verb, a card action without one, an invoke this bot does not
  // offer — gets a clean answer that changes nothing, instead of HTTP 501.
  app.activity(ActivityTypes.Invoke, async (ctx) => {
    const action = (ctx.activity.value as { action?: { verb?: unknown } } | null | undefined)?.action;
    r.log.warn({ name: ctx.activity.name, verb: typeof action?.verb === 'string' ? action.verb : undefined, activityId: ctx.activity.id }, 'refused: unhandled invoke');
    if (ctx.activity.name === 'adaptiveCard/action') {
      const known = typeof action?.verb === 'string' && action.verb !== '';
      const refusal = (m: Messages) => m.refusal[known ? 'unknown-action' : 'malformed-data'];
      const located = await r.boards.locate(ctx, '').catch(() => undefined);
      const answer = (text: string) => answerWithMessage(ctx, text);
      // R19: from another tenant than that board's, the tenant check answers first, as for a good press.
      if (located && 'board' in located && (await r.boards.peopleOf(located.board).refusesTenant(ctx, answer))) return;
      // In the language of the conversation's board where one is known (the channel's, the presser's own in a 1:1 chat);
      // before that (a channel bound to none, someone on no board), in those of the presser's boards or their tenant's.
      const board = located && 'board' in located && !located.stranger ? located.board : undefined;
      await answer(board ? refusal(messages(board.locale)) : await r.boards.inTheirLanguages(ctx, refusal).catch(() => refusal(r.boards.m)));
    } else {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    }
  });
}
