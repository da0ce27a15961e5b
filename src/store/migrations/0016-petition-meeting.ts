/**
 * Migration 0016_petition_meeting (R11).
 *
 * The extraordinary meeting called on a petition's subject: the petition is answered by it, and
 * its card shows the meeting (moved or cancelled too) instead of asking for support. Null: none
 * called yet. A meeting the version before called on a petition's subject answers it from now on
 * (meetingCalledOn): else the petition would go on gathering support, and reach a majority, for a
 * meeting already called.
 */
import type { Kysely, Migration } from 'kysely';
import { meetingCalledOn } from '../../domain/petition.js';
import { type SqlDialectKind, textType } from './columns.js';

export function petitionMeeting(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').addColumn('meeting_id', text).execute();
      await linkCalledMeetings(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').dropColumn('meeting_id').execute();
    },
  };
}

/** Each petition, the meeting called on its subject before this migration, if any (its board's). */
async function linkCalledMeetings(db: Kysely<any>): Promise<void> {
  const petitions = await db.selectFrom('petitions').select(['board_id', 'id', 'subject', 'created_at']).execute();
  if (petitions.length === 0) return;
  const meetings = (await db.selectFrom('meetings').select(['board_id', 'id', 'kind', 'status', 'subject', 'starts_at', 'created_at']).where('kind', '=', 'extraordinary').execute()).map((m) => ({
    boardId: m.board_id as string,
    id: m.id as string,
    kind: m.kind,
    status: m.status,
    ...(m.subject !== null ? { subject: m.subject as string } : {}),
    startsAt: new Date(m.starts_at),
    createdAt: new Date(m.created_at),
  }));
  for (const p of petitions) {
    const meetingId = meetingCalledOn({ subject: p.subject, createdAt: new Date(p.created_at) }, meetings.filter((m) => m.boardId === p.board_id));
    if (meetingId) await db.updateTable('petitions').set({ meeting_id: meetingId }).where('board_id', '=', p.board_id).where('id', '=', p.id).execute();
  }
}
