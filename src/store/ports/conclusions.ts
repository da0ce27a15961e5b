/** Decisions by consent (R7), objections, and dissents (R8) on conclusions and on votes. */
import type { Conclusion, Dissent, Objection } from '../../domain/conclusion.js';
import type { ReadOptions } from './read.js';

export type { Conclusion, Dissent, Objection };

export interface ConclusionsPort {
  insertConclusion(conclusion: Conclusion): Promise<void>;
  /** Marks the conclusions' items reopened (`genoptag`): they no longer decide them. */
  reopenConclusions(ids: readonly string[], at: Date): Promise<void>;
  /** The line that names a conclusion's item and its meeting, made anew (the meeting was moved). */
  setConclusionItemHeading(id: string, heading: string): Promise<void>;
  getConclusion(id: string, read?: ReadOptions): Promise<Conclusion | undefined>;
  /**
   * By meeting, concluded time in [from, to) and/or decided time in [decidedFrom, decidedTo)
   * (R18: a conclusion is a decision of the period it was decided in; a decided bound leaves
   * out the undecided), ordered by concludedAt.
   */
  listConclusions(filter?: { meetingId?: string; from?: Date; to?: Date; decidedFrom?: Date; decidedTo?: Date }): Promise<Conclusion[]>;
  /**
   * Moves a conclusion on from `from` (only if it is still in that status): to 'decided'
   * (with decidedAt, decidedBy), 'objected', or 'voted' (with motionId). False when another
   * change came first.
   */
  updateConclusion(
    id: string,
    from: Conclusion['status'],
    change: Pick<Conclusion, 'status'> & Partial<Pick<Conclusion, 'decidedAt' | 'decidedBy' | 'motionId'>>,
  ): Promise<boolean>;
  /** One objection per (conclusion, person); false when the person had objected already. */
  addObjection(objection: Objection): Promise<boolean>;
  /** Ordered by time. */
  listObjections(conclusionId: string): Promise<Objection[]>;
  /** One dissent per (subject, person); false when the person had one already. */
  insertDissent(dissent: Dissent): Promise<boolean>;
  /** Ordered by time. */
  listDissents(subject: { conclusionId: string } | { motionId: string }): Promise<Dissent[]>;
}
