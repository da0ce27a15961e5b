/**
 * What the use cases need from the outside: the store (a port), a clock, ids, the texts
 * they store, and the publisher that turns their events into posts. No Teams, HTTP or SQL
 * types here. No board either: each call names the board it is on (runner.ts, Origin).
 */
import type { Board } from '../domain/kernel/board.js';
import type { Clock } from '../domain/kernel/clock.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import type { MinutesRecord } from '../domain/minutes.js';
import type { Contributions } from './contributions.js';
import type { RosterMember } from '../domain/roster.js';
import type { ChannelBinding, Repository, Store } from '../store/port.js';
import type { BoardEvent } from './event.js';

/** The store of `board` (R19: every row belongs to a board; every read and write is scoped to it). */
export function boardStore(deps: Pick<Deps, 'store'>, board: Pick<Board, 'id'>): Store {
  return deps.store.forBoard(board.id);
}

/** Turns events into posts. It writes to the outbox through `repo`, inside the use case's transaction. */
export interface Publisher {
  publish(repo: Repository, board: Board, events: readonly BoardEvent[], now: Date): Promise<void>;
}

/**
 * The texts a use case stores, in the board's language: an agenda item's label and the
 * minutes drafted from the record. The shell writes them (src/teams/texts.ts).
 */
export interface Texts {
  /**
   * The item as the board refers to it: "5. Budget 2027"; on a draft agenda, whose numbers
   * still move (R13: they are fixed when it is sent), by its title only: "»Budget 2027«".
   */
  itemLabel(board: Board, item: NumberedItem, meeting: Meeting): string;
  /** What a vote on the item is about (its motion's text): "5. Budget 2027"; on a draft agenda, "Budget 2027" (texts quote a motion themselves). */
  itemMotion(board: Board, item: NumberedItem, meeting: Meeting): string;
  /**
   * The item and the meeting whose agenda it is on: "Item 7. Youth strategy – agenda of the meeting Thursday 10 December 2026"
   * (a draft's: no number); with `sharesDay` (another meeting that day) the meeting's time too (PRODUCT §1.3).
   */
  itemHeading(board: Board, item: NumberedItem, meeting: Meeting, sharesDay: boolean): string;
  /** The minutes' first text (Markdown), from the record (R16). */
  minutes(board: Board, record: MinutesRecord): string;
}

/** The team's members as Teams lists them (all pages), for the bound channel's team. */
export interface Roster {
  members(binding: ChannelBinding): Promise<RosterMember[]>;
}

/** What a committed change asks of what runs after it. */
export interface Committed {
  /** It planned a job due at once (an agenda for a meeting days away, the roster at binding): tick now, not at the next minute. */
  readonly dueNow: boolean;
  /**
   * When what it queued in the outbox was card updates only (a vote): their outbox keys. An
   * update of a card sent less than UPDATE_INTERVAL_MS ago is held back, and the outbox's
   * wake-up sends it: no flush is needed for it now.
   */
  readonly onlyUpdates?: readonly string[];
}

export interface Deps {
  /** Every board's store: a use case reads and writes its board's only (boardStore). */
  readonly store: Store;
  readonly clock: Clock;
  readonly publisher: Publisher;
  readonly texts: Texts;
  readonly newId: () => string;
  /** What the features add to agendas, minutes and status (contributions.ts); none when absent. */
  readonly contributions?: Contributions;
  /** The team's roster (PRODUCT §1.1); without it, only people who wrote to the bot can be @mentioned. */
  readonly roster?: Roster;
  /** Told after a change was committed (the Teams turn then sends what it queued, and runs what it planned for now). */
  readonly onCommit?: (committed: Committed) => void;
}
