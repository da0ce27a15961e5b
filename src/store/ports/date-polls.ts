/** Next year's dates (R10): the poll and the members' answers. */
import type { DateAnswer, DatePoll } from '../../domain/date-planning.js';
import type { ReadOptions } from './read.js';

export type { DateAnswer, DatePoll };

export interface DatePollsPort {
  insertDatePoll(poll: DatePoll): Promise<void>;
  getDatePoll(id: string, read?: ReadOptions): Promise<DatePoll | undefined>;
  /** The polls for a year, newest first. */
  listDatePolls(year: number): Promise<DatePoll[]>;
  /** Records the confirmation once; false when the poll was confirmed already. */
  confirmDatePoll(id: string, at: Date, by: string, dates: readonly string[]): Promise<boolean>;
  /** A person's answer replaces their earlier one (unique per poll and person). */
  upsertDateAnswer(answer: DateAnswer): Promise<void>;
  listDateAnswers(pollId: string): Promise<DateAnswer[]>;
}
