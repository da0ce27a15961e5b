/** A Turn for one activity: who, where, and the dependencies whose publisher keeps what this turn posted. */
import { type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Board, Person } from '../../domain/kernel/board.js';
import type { FileLinks } from '../../files/links.js';
import { messages } from '../../i18n/index.js';
import type { BindRequest } from '../../usecases/binding.js';
import type { Committed, Deps } from '../../usecases/deps.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { OutboxPublisher, Rendered } from '../outbox/publisher.js';
import type { CommandIndex } from '../commands/index.js';
import { richText } from '../commands/text.js';
import { activityKeyOf, activityTenantId, channelIdOf, teamIdOf } from './identity.js';
import type { Turn } from './context.js';

/** The channel an activity came from, to bind the board to; undefined outside a channel. */
export function bindRequestOf(ctx: TurnContext): BindRequest | undefined {
  const channelId = channelIdOf(ctx.activity);
  if (!channelId) return undefined;
  const tenantId = activityTenantId(ctx.activity);
  const teamId = teamIdOf(ctx.activity);
  return {
    conversationReference: TC.getConversationReference(ctx.activity),
    channelId,
    serviceUrl: ctx.activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

export interface MadeTurn {
  readonly turn: Turn;
  /** What the turn committed, if it committed a change (then its posts are sent, and a job it planned for now runs). */
  committed(): Committed | undefined;
}

export interface TurnSetting {
  readonly board: Board;
  readonly deps: Deps & { readonly publisher: OutboxPublisher };
  readonly links: FileLinks;
  readonly commands: CommandIndex;
  /** The boards the deployment serves (R19: `brug denne kanal` takes a channel only from a board not among them). */
  readonly boards?: { readonly list: readonly Pick<Board, 'id'>[] };
}

/**
 * `boundChannelId`: the channel the board is bound to, if it is; `text`: the message's
 * text meant for the board (without a leading board id in a 1:1 chat).
 */
export function makeTurn(ctx: TurnContext, person: Person, setting: TurnSetting, boundChannelId: string | undefined, text = ctx.activity.text ?? ''): MadeTurn {
  const { board, deps, links } = setting;
  const channelId = channelIdOf(ctx.activity);
  const rendered: Rendered = new Map();
  let committed: Committed | undefined;
  const publisher = deps.publisher;
  const turnDeps: Deps = {
    ...deps,
    publisher: {
      publish: (repo, b, events, now) => publisher.publish(repo, b, events, now, rendered),
    },
    onCommit: (c) => {
      // Of a turn's changes: a job due now if any planned one; card updates only if all queued only those.
      const onlyUpdates = c.onlyUpdates && (!committed ? c.onlyUpdates : committed.onlyUpdates && [...committed.onlyUpdates, ...c.onlyUpdates]);
      committed = { dueNow: (committed?.dueNow ?? false) || c.dueNow, ...(onlyUpdates ? { onlyUpdates } : {}) };
    },
  };
  const activity = activityKeyOf(ctx.activity);
  const turn: Turn = {
    person,
    origin: { board, actor: person, ...(activity ? { activity } : {}) },
    m: messages(board.locale),
    deps: turnDeps,
    links,
    richText: richText(text),
    bound: boundChannelId !== undefined,
    inBoundChannel: channelId !== undefined && channelId === boundChannelId,
    // Binding is done from a channel's conversation only.
    ...(ctx.activity.conversation?.conversationType === 'channel' && bindRequestOf(ctx)
      ? { bindRequest: { ...bindRequestOf(ctx)!, served: (setting.boards?.list ?? [board]).map((b) => b.id) } }
      : {}),
    help: () => setting.commands.help(board, person, ctx.activity.conversation?.conversationType === 'personal'),
    posted: (key) => rendered.get(key)?.attachments?.[0]?.content as AdaptiveCardJson | undefined,
  };
  return { turn, committed: () => committed };
}
