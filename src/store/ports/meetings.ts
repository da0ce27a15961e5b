/** Meetings (R9-R11). */
import type { Meeting } from '../../domain/meeting.js';

export type { Meeting };

export interface MeetingsPort {
  insertMeeting(meeting: Meeting): Promise<void>;
  getMeeting(id: string): Promise<Meeting | undefined>;
  /** Meetings starting in [from, to), ordered by start; all statuses unless `status` is given. */
  listMeetings(range?: { from?: Date; to?: Date; status?: Meeting['status'] }): Promise<Meeting[]>;
  /** Sets status, start, place or subject of a meeting. */
  updateMeeting(id: string, changes: Partial<Pick<Meeting, 'status' | 'startsAt' | 'place' | 'subject'>>): Promise<void>;
}
