/** Meetings (R9-R11). */
import type { Selectable } from 'kysely';
import type { Meeting, MeetingsPort } from '../ports/meetings.js';
import type { ReadOptions } from '../ports/read.js';
import type { MeetingsTable } from '../schema.js';
import { type StoreContext, lockBoard, locked, scoped } from './context.js';
import { date, iso } from './values.js';

type MeetingStatus = Meeting['status'];

/** The first key of the lock on planning a board's meetings ("meet" in ASCII): apart from the other advisory locks. */
const PLANNING_LOCK_SPACE = 0x6d656574;

export function meetingsQueries(ctx: StoreContext): MeetingsPort {
  return {
    async insertMeeting(meeting: Meeting): Promise<void> {
      const sent = meeting.agendaSentAt !== undefined;
      await scoped.insert(ctx, 'meetings', {
          id: meeting.id,
          kind: meeting.kind,
          starts_at: iso(meeting.startsAt),
          subject: meeting.subject ?? null,
          place: meeting.place ?? null,
          status: meeting.status,
          created_by: meeting.createdBy,
          created_at: iso(meeting.createdAt),
          agenda_sent_at: sent ? iso(meeting.agendaSentAt) : null,
          // Lateness belongs to a send: recorded only with it.
          agenda_late: sent ? (meeting.agendaLate ? 1 : 0) : null,
          revision: meeting.revision ?? null,
        })
        .execute();
    },

    async getMeeting(id: string, read?: ReadOptions): Promise<Meeting | undefined> {
      const row = await locked(ctx, scoped.select(ctx, 'meetings').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toMeeting(row) : undefined;
    },

    lockMeetingPlanning: () => lockBoard(ctx, PLANNING_LOCK_SPACE),

    async listMeetings(range: { from?: Date; to?: Date; status?: MeetingStatus } = {}): Promise<Meeting[]> {
      let query = scoped.select(ctx, 'meetings').selectAll();
      if (range.from !== undefined) query = query.where('starts_at', '>=', iso(range.from));
      if (range.to !== undefined) query = query.where('starts_at', '<', iso(range.to));
      if (range.status !== undefined) query = query.where('status', '=', range.status);
      const rows = await query.orderBy('starts_at').orderBy('id').execute();
      return rows.map(toMeeting);
    },

    /** A field absent or undefined in `changes` is left as it is. */
    async updateMeeting(
      id: string,
      changes: Partial<Pick<Meeting, 'status' | 'startsAt' | 'place' | 'subject' | 'revision' | 'agendaLate'>>,
    ): Promise<void> {
      const set: Partial<Pick<MeetingsTable, 'status' | 'starts_at' | 'place' | 'subject' | 'revision' | 'agenda_late'>> = {
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.startsAt !== undefined ? { starts_at: iso(changes.startsAt) } : {}),
        ...(changes.place !== undefined ? { place: changes.place } : {}),
        ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
        ...(changes.revision !== undefined ? { revision: changes.revision } : {}),
        // Lateness belongs to a send: only a sent agenda's is changed (a meeting moved, R13).
        ...(changes.agendaLate !== undefined ? { agenda_late: changes.agendaLate ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await scoped.update(ctx, 'meetings').set(set).where('id', '=', id).execute();
    },
  };
}

function toMeeting(r: Selectable<MeetingsTable>): Meeting {
  return {
    id: r.id,
    kind: r.kind as Meeting['kind'],
    startsAt: date(r.starts_at),
    ...(r.subject !== null ? { subject: r.subject } : {}),
    ...(r.place !== null ? { place: r.place } : {}),
    status: r.status as MeetingStatus,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.agenda_sent_at !== null
      ? { agendaSentAt: date(r.agenda_sent_at), agendaLate: Number(r.agenda_late ?? 0) === 1 }
      : {}),
    ...(r.revision ? { revision: Number(r.revision) } : {}),
  };
}
