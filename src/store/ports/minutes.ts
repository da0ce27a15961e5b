/** Minutes and attendance (R16). */
import type { Apology } from '../../domain/apology.js';
import type { Attendee, Minutes } from '../../domain/minutes.js';
import type { ReadOptions } from './read.js';

export type { Apology, Attendee, Minutes };

export interface MinutesPort {
  insertMinutes(minutes: Minutes): Promise<void>;
  getMinutes(id: string, read?: ReadOptions): Promise<Minutes | undefined>;
  /** A meeting's minutes, by version ascending. */
  listMinutes(meetingId: string): Promise<Minutes[]>;
  /** Replaces the text of unapproved minutes; false when they are approved (they never change). */
  updateMinutesText(id: string, text: string, at: Date): Promise<boolean>;
  /**
   * Replaces the text of a draft nobody has corrected since it was drafted (not approved, its
   * `updatedAt` still its `draftedAt`) with a new draft from the record, drafted `at`; false
   * when it is approved or corrected meanwhile.
   */
  redraftMinutes(id: string, text: string, at: Date): Promise<boolean>;
  /** Approves once; false when already approved, or while the record has changed since the last correction (behindTheRecord). */
  approveMinutes(id: string, at: Date, by: string): Promise<boolean>;
  /** The meeting's record changed at `at` while these (unapproved, corrected) minutes do not follow it; false when approved. */
  markRecordChanged(id: string, at: Date): Promise<boolean>;
  /** Attendance the secretary adds (R16); one row per (meeting, name). False when already there. */
  addAttendee(attendee: Attendee): Promise<boolean>;
  listAttendees(meetingId: string): Promise<Attendee[]>;
  /** Removes a name from a meeting's attendance; false when it was not there. */
  removeAttendee(meetingId: string, name: string): Promise<boolean>;
  /** A person's apologies for a meeting (R16): one per person, a second replaces the first. */
  saveApology(apology: Apology): Promise<void>;
  /** A meeting's apologies, by when they were sent. */
  listApologies(meetingId: string): Promise<Apology[]>;
  /** Withdraws a person's apologies; false when there were none. */
  removeApology(meetingId: string, personId: string): Promise<boolean>;
}
