/** A Turn for one activity: who, where, and the dependencies whose publisher keeps what this turn posted. */
import { type TurnContext } from 'botbuilder';
import type { Board, Person } from '../../domain/kernel/board.js';
import type { FileLinks } from '../../files/links.js';
import { messages } from '../../i18n/index.js';
import type { BindRequest } from '../../usecases/binding.js';
import type { Deps } from '../../usecases/deps.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { OutboxPublisher, Rendered } from '../outbox/publisher.js';
import { richText } from '../commands/parse.js';
import type { Turn } from './context.js';

export interface TurnPlace {
  /** The bound channel's id, if the board is bound. */
  readonly boundChannelId: string | undefined;
  /** The channel the activity came from, if any. */
  readonly channelId: string | undefined;
  readonly bindRequest: BindRequest | undefined;
}

export interface MadeTurn {
  readonly turn: Turn;
  /** Whether the turn committed a change (then its posts are sent and what fell due runs). */
  committed(): boolean;
}

export function makeTurn(
  ctx: TurnContext,
  person: Person,
  board: Board,
  deps: Deps & { readonly publisher: OutboxPublisher },
  links: FileLinks,
  place: TurnPlace,
): MadeTurn {
  const rendered: Rendered = new Map();
  let committed = false;
  const publisher = deps.publisher;
  const turnDeps: Deps = {
    ...deps,
    publisher: {
      publish: (repo, b, events, now) => publisher.publish(repo, b, events, now, rendered),
      publishOne: (repo, event) => publisher.publishOne(repo, event),
    },
    onCommit: () => {
      committed = true;
    },
  };
  const turn: Turn = {
    person,
    origin: { board, actor: person, ...(ctx.activity.id ? { activityId: ctx.activity.id } : {}) },
    m: messages(board.locale),
    deps: turnDeps,
    links,
    richText: richText(ctx.activity.text ?? ''),
    bound: place.boundChannelId !== undefined,
    inBoundChannel: place.channelId !== undefined && place.channelId === place.boundChannelId,
    ...(place.bindRequest ? { bindRequest: place.bindRequest } : {}),
    posted: (key) => rendered.get(key)?.attachments?.[0]?.content as AdaptiveCardJson | undefined,
  };
  return { turn, committed: () => committed };
}
