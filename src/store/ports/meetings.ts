/** Meetings (R9-R11). */
import type { ReadOptions } from './read.js';
import type { Meeting } from '../../domain/meeting.js';

export type { Meeting };

export interface MeetingsPort {
  insertMeeting(meeting: Meeting): Promise<void>;
  /** `{ lock: true }`: a change that depends on what else the meeting holds (one decision per item) waits for another such change (read.ts). */
  getMeeting(id: string, read?: ReadOptions): Promise<Meeting | undefined>;
  /**
   * Waits for another change planning a meeting on this board, until this transaction ends:
   * before reading the meetings that a new one must not clash with (two instances planning the
   * same meeting at once plan it once).
   */
  lockMeetingPlanning(): Promise<void>;
  /** Meetings starting in [from, to), ordered by start; all statuses unless `status` is given. */
  listMeetings(range?: { from?: Date; to?: Date; status?: Meeting['status'] }): Promise<Meeting[]>;
  /** Sets status, start, place or subject of a meeting. */
  updateMeeting(id: string, changes: Partial<Pick<Meeting, 'status' | 'startsAt' | 'place' | 'subject' | 'revision' | 'agendaLate'>>): Promise<void>;
}
