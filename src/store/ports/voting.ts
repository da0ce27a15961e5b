/** Votes: motions and their ballots (R5, R6). */
import type { Ballot, Motion } from '../../domain/voting.js';
import type { ReadOptions } from './read.js';

export type { Ballot, Motion };

export interface VotingPort {
  insertMotion(motion: Motion): Promise<void>;
  getMotion(id: string, read?: ReadOptions): Promise<Motion | undefined>;
  /**
   * The motion (read as `read` asks, as getMotion does) and then its ballots, as listBallots
   * reads them: both in one round trip where the store can send them together (PostgreSQL).
   */
  getMotionWithBallots(id: string, read?: ReadOptions): Promise<{ motion: Motion; ballots: Ballot[] } | undefined>;
  listOpenMotions(): Promise<Motion[]>;
  /** Marks the motions' items reopened (`genoptag`): they no longer decide them. */
  reopenMotions(ids: readonly string[], at: Date): Promise<void>;
  /** The line that names a motion's item and its meeting, made anew (the meeting was moved). */
  setMotionItemHeading(id: string, heading: string): Promise<void>;
  /** Closes the motion if it is still open; false when it was already closed (one close wins). */
  closeMotion(id: string, closedAt: Date, reason: NonNullable<Motion['closeReason']>, closedBy?: string): Promise<boolean>;

  /**
   * Motions by agenda meeting, opening time in [openedFrom, openedTo) and/or closing time in
   * [closedFrom, closedTo) (R18: a vote is a decision of the period it closed in; a closing
   * bound leaves out open motions), ordered by openedAt.
   */
  listMotions(filter?: { meetingId?: string; openedFrom?: Date; openedTo?: Date; closedFrom?: Date; closedTo?: Date }): Promise<Motion[]>;
  /** R16: the votes on no item stored as opened at the meeting (Motion.placedMeetingId), ordered by openedAt. */
  listMotionsPlacedAt(meetingId: string): Promise<Motion[]>;
  /** R16: the meeting a vote on no item is stored as opened at, stored anew (its meeting was cancelled); undefined: between meetings. */
  placeMotion(id: string, meetingId: string | undefined): Promise<void>;

  /** Inserts or replaces the organisation's ballot: one per (motion, organisation), by unique key. */
  upsertBallot(ballot: Ballot): Promise<void>;
  listBallots(motionId: string): Promise<Ballot[]>;
  /**
   * In a transaction: the ballots as committed once it commits, others' committed before it
   * included (on PostgreSQL read right after its COMMIT, in the same round trip); rejects if
   * it rolls back. Await it after the transaction. Outside one, or where transactions run one
   * at a time (SQLite), it reads them at once, which comes to the same.
   */
  listBallotsOnceCommitted(motionId: string): Promise<Ballot[]>;
}
