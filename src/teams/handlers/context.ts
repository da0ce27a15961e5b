/** What every handler gets: the turn, the acting person, the use cases' dependencies and the catalogue. */
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/kernel/board.js';
import { type Messages, messages } from '../../i18n/index.js';
import type { FileLinks } from '../../files/links.js';
import type { Deps, LegacyOrigin as Origin } from '../../usecases/deps.js';

export type RefusalKey = { [K in keyof Messages['refusal']]: Messages['refusal'][K] extends string ? K : never }[keyof Messages['refusal']];

export interface HandlerContext {
  readonly ctx: TurnContext;
  readonly person: Person;
  readonly deps: Deps;
  readonly m: Messages;
  readonly origin: Origin;
  /** Sends what a committed change queued (outbox) and runs what fell due (scheduler). */
  readonly committed: () => void;
  /** Signed links to the bot's files (minutes, agenda). */
  readonly links: FileLinks;
}

export function refusalText(m: Messages, key: RefusalKey): string {
  return m.refusal[key];
}

export function handlerContext(ctx: TurnContext, person: Person, deps: Deps, committed: () => void, links: FileLinks): HandlerContext {
  return { ctx, person, deps, m: messages(deps.board.locale), origin: ctx.activity.id ? { activityId: ctx.activity.id } : {}, committed, links };
}
