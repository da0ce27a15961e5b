/**
 * What a feature adds to what other features make, without those features knowing it:
 * items on a meeting's agenda, sections of the minutes drafted for a meeting, sections of
 * `status`. Each contribution reads in the caller's transaction (or reading) and answers
 * in the board's language; src/features.ts collects them from the features and
 * createBotApp hands them to the use cases (Deps). The agenda, the minutes and the report
 * only ask for them: a feature removed takes its contributions with it.
 */
import type { AgendaItemKind, Board } from '../domain/kernel/board.js';
import type { Meeting } from '../domain/meeting.js';
import type { MinutesRecord } from '../domain/minutes.js';
import type { Repository } from '../store/port.js';
import type { BoardEvent } from './event.js';

/** Where a contribution reads: one connection or transaction, one instant, one board. */
export interface At {
  readonly repo: Repository;
  readonly now: Date;
  readonly board: Board;
}

/** A change's transaction, as a feature that acts after the change sees it (runner.ts `Tx` is one). */
export interface ChangeAt extends At {
  readonly contributions: Contributions;
  /** The minutes drafted from a record, in the board's language (deps.ts `Texts`). */
  readonly texts: { minutes(board: Board, record: MinutesRecord): string };
}

/** An item a feature puts on an agenda, before the closing standing items; `notes` are Markdown lines under it. */
export interface ContributedItem {
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly notes: readonly string[];
}

/** A titled section of Markdown (minutes, status). */
export interface TextSection {
  readonly title: string;
  readonly text: string;
  /**
   * In minutes: what was made between meetings, which these minutes report (R16: tasks given on a
   * day without a meeting), not at the meeting: no part of its record, as cancelling it asks.
   */
  readonly betweenMeetings?: true;
}

/** The period `status` reports on: `from` included, `to` excluded. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

export interface Contributions {
  /** Items on `meeting`'s agenda (while it is a draft, as things stand at `now`). */
  readonly agendaItems: readonly ((at: At, meeting: Meeting) => Promise<readonly ContributedItem[]>)[];
  /** Sections of the minutes drafted for `meeting` (R16), after its items. */
  readonly minutesSections: readonly ((at: At, meeting: Meeting) => Promise<readonly TextSection[]>)[];
  /** Sections of the progress report for `period` (R18). */
  readonly statusSections: readonly ((at: At, period: Period) => Promise<readonly TextSection[]>)[];
  /**
   * What a feature does after any change, in its transaction, given the change's events: the
   * events of what it did (the minutes' draft following the record, R16).
   */
  readonly afterChange: readonly ((tx: ChangeAt, events: readonly BoardEvent[]) => Promise<readonly BoardEvent[]>)[];
  /**
   * What a feature brings in line with the board file at start, in the start's transaction (the
   * file may have changed since: a member left, the posting time moved), and the events of what
   * it changed: each is in the audit log and its posts go through the outbox, as any change's.
   */
  readonly atStart: readonly ((at: At) => Promise<readonly BoardEvent[]>)[];
  /**
   * R16, a meeting cancelled, in its transaction: what a feature stored as made at it on no item (the
   * tasks) stored anew where `place` puts it by when it was made (the day's meeting under way then, of
   * those that remain; undefined: between meetings), before its minutes are read again.
   */
  readonly placeAnew: readonly ((at: At, cancelled: Meeting, place: (madeAt: Date) => string | undefined) => Promise<void>)[];
  /**
   * A meeting planned, in its transaction (before afterChange): lines (Markdown, in the board's
   * language) a feature adds to the answer to the one who planned it (R11: a demanded meeting it
   * does not answer, and how to word it so that it does).
   */
  readonly plannedNotes: readonly ((at: At, planned: Meeting) => Promise<readonly string[]>)[];
}

/** A feature's part of the contributions (any of them). */
export type Contribution = Partial<Contributions>;

export const NO_CONTRIBUTIONS: Contributions = { agendaItems: [], minutesSections: [], statusSections: [], afterChange: [], atStart: [], placeAnew: [], plannedNotes: [] };

/** The features' contributions as one. */
export function contributions(parts: readonly Contribution[]): Contributions {
  return {
    agendaItems: parts.flatMap((p) => p.agendaItems ?? []),
    minutesSections: parts.flatMap((p) => p.minutesSections ?? []),
    statusSections: parts.flatMap((p) => p.statusSections ?? []),
    afterChange: parts.flatMap((p) => p.afterChange ?? []),
    atStart: parts.flatMap((p) => p.atStart ?? []),
    placeAnew: parts.flatMap((p) => p.placeAnew ?? []),
    plannedNotes: parts.flatMap((p) => p.plannedNotes ?? []),
  };
}

/** Every contribution of one kind, in the features' order, one after another (one transaction). */
export async function gather<T, A>(each: readonly ((at: At, arg: A) => Promise<readonly T[]>)[], at: At, arg: A): Promise<T[]> {
  const out: T[] = [];
  for (const contribute of each) out.push(...(await contribute(at, arg)));
  return out;
}
