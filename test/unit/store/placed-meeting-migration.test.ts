/**
 * R16, the upgrade to migration 0019_placed_meeting: the votes on no item and the tasks made
 * before it are stored with the meeting the version before placed them with, worked out by the
 * same rule (meetingOfMoment: the meeting of their day under way when they were made; before the
 * day's first, the first; a cancelled one does not count), on their board's local day
 * (`timezones`, from the board files). An upgraded store places them as before. The database the
 * version before left is made here from today's, without the columns and the migration's record.
 * SQLite, and PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meeting.js';
import type { Task } from '../../../src/domain/tasks.js';
import type { Store } from '../../../src/store/port.js';
import { tasksStore } from '../../../src/store/ports/tasks.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';
import { meeting, motion } from './contract/data.js';

const BEFORE_0019 = [
  'alter table outbox drop column stale_at',
  "delete from kysely_migration where name = '0020_outbox_stale_at'",
  'alter table motions drop column placed_meeting_id',
  'alter table tasks drop column placed_meeting_id',
  "delete from kysely_migration where name = '0019_placed_meeting'",
];

const dirs: string[] = [];
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await schemas?.drop();
});

interface Where {
  open(): Promise<Store>;
  /** The database as the version before 0017 left it. */
  downgrade(): Promise<void>;
}

function sqlite(): Where {
  const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-0017-'));
  dirs.push(dir);
  const file = join(dir, 'store.sqlite');
  return {
    open: () => openSqliteStore({ file, board: 'slagelse' }),
    async downgrade() {
      const db = new BetterSqlite3(file);
      try {
        for (const statement of BEFORE_0019) db.exec(statement);
      } finally {
        db.close();
      }
    },
  };
}

function postgres(): Where {
  const schema = schemas!.fresh();
  return {
    open: () => openPgStore({ url: pgTestUrl!, schema, board: 'slagelse' }),
    async downgrade() {
      const client = new pg.Client({ connectionString: pgTestUrl });
      await client.connect();
      try {
        for (const statement of BEFORE_0019) await client.query(statement.replace(/(motions|tasks|outbox|kysely_migration)/, `"${schema}".$1`));
      } finally {
        await client.end();
      }
    },
  };
}

const planned = (id: string, startsAt: string, status: Meeting['status'] = 'planned') => meeting(id, { startsAt: new Date(startsAt), status });
const task = (id: string, createdAt: string): Task => ({ id, text: id, owner: { kind: 'person', personId: 'p-anne' }, due: '2026-12-31', createdBy: 'p-chair', createdAt: new Date(createdAt) });

// Thursday 10 December 2026, Copenhagen (UTC+1): meetings at 10.00 and 14.00; 17 December at 14.00, cancelled.
const MEETINGS = [planned('ten', '2026-12-10T09:00:00Z'), planned('two', '2026-12-10T13:00:00Z'), planned('gone', '2026-12-17T13:00:00Z', 'cancelled')];
/** When each was made (UTC), and the meeting the version before placed it with. */
const MADE: readonly [string, string, string | undefined][] = [
  ['before-all', '2026-12-10T07:00:00Z', 'ten'], // 08.00: before the day's first, the first
  ['after-ten', '2026-12-10T11:30:00Z', 'ten'], // 12.30: the 10.00 meeting under way
  ['hour-before-two', '2026-12-10T12:30:00Z', 'two'], // 13.30: in the hour before 14.00
  ['evening', '2026-12-10T20:00:00Z', 'two'], // 21.00: after the last, the last
  ['cancelled-day', '2026-12-17T09:00:00Z', undefined], // its meeting cancelled: between meetings
  ['no-meeting', '2026-12-14T09:00:00Z', undefined], // a day without a meeting
];

describe.each([
  ['SQLite', sqlite, false],
  ['PostgreSQL', postgres, !pgTestUrl],
] as const)('R16: what was made on no item before migration 0017 (%s)', (_name, where, skip) => {
  it.skipIf(skip)('R16: is stored with the meeting the version before placed it with, on the board\'s local day; a vote on an item is left alone', async () => {
    const db = where();
    let store = await db.open();
    await store.migrate({ existingBoard: 'slagelse' });
    // A board in UTC+14 (its file says so): its meetings at the same instants are at 23.00 on the 10th and 03.00 on the 11th there.
    const far = store.forBoard('kiritimati');
    for (const [board, p] of [[store, ''], [far, 'far-']] as const) {
      for (const m of MEETINGS) await board.insertMeeting({ ...m, id: `${p}${m.id}` });
      for (const [id, at] of MADE) {
        await board.insertMotion(motion(`${p}vote-${id}`, { openedAt: new Date(at) }));
        await board.part(tasksStore).insertTask(task(`${p}task-${id}`, at));
      }
      await board.insertMotion(motion(`${p}on-item`, { openedAt: new Date('2026-12-10T11:30:00Z'), agendaItem: { meetingId: `${p}two`, itemId: 'i' } }));
    }
    await store.close();
    await db.downgrade();

    store = await db.open();
    try {
      await store.migrate({ timezones: { kiritimati: 'Pacific/Kiritimati' } });
      for (const [id, , expected] of MADE) {
        expect((await store.getMotion(`vote-${id}`))?.placedMeetingId, id).toBe(expected);
        expect((await store.part(tasksStore).getTask(`task-${id}`))?.placedMeetingId, id).toBe(expected);
      }
      expect(await store.getMotion('on-item')).not.toHaveProperty('placedMeetingId');
      // On the far board's own days: 08.00 in Copenhagen is 21.00 on the 10th there (the day of its 23.00 meeting); 12.30 is
      // 01.30 on the 11th, the day of its 03.00 meeting, not of the one before, which Copenhagen's day would give.
      const farAfter = store.forBoard('kiritimati');
      expect((await farAfter.getMotion('far-vote-before-all'))?.placedMeetingId).toBe('far-ten');
      expect((await farAfter.getMotion('far-vote-after-ten'))?.placedMeetingId).toBe('far-two');
      expect((await farAfter.part(tasksStore).getTask('far-task-after-ten'))?.placedMeetingId).toBe('far-two');
      expect(await farAfter.getMotion('far-on-item')).not.toHaveProperty('placedMeetingId');
    } finally {
      await store.close();
    }
  });
});
