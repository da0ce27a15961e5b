import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_CACHE_KIB, openSqliteDatabase, openSqliteStore } from '../../../src/store/sqlite.js';
import { migratedImage, openMigratedSqliteStore } from '../../support/sqlite-image.js';
import { describeStoreContract } from './contract/index.js';
import { activityKey } from '../../support/activity-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-store-'));
let counter = 0;
/** A fresh file in a directory that does not exist yet (the store creates it). */
const freshFile = (): string => join(dir, `run-${++counter}`, 'nested', 'bot.sqlite');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite :memory:', () => openMigratedSqliteStore({ file: ':memory:' }));
let lastFile = '';
/**
 * Each contract test on a new file holding a copy of a migrated database (test/support/
 * sqlite-image.ts): migrating a file anew (a dozen migrations, each committed with its fsync)
 * took 0.1 s a test. The contract's own migrate() then finds it up to date, as a restarted
 * bot does. Making a file from nothing is tested below and by the start-up tests.
 */
describeStoreContract('sqlite file', () => openMigratedSqliteStore({ file: (lastFile = join(dir, `run-${++counter}`, 'bot.sqlite')) }), {
  // The next process on the same file (a restart).
  reopen: () => openSqliteStore({ file: lastFile }),
});

describe('SQLite store', () => {
  it('keeps its files to the bot\'s user: DATA_DIR 0700, the database and its -wal/-shm 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const file = freshFile();
      const store = await openSqliteStore({ file });
      try {
        await store.migrate();
        await store.markActivityProcessed(activityKey('act-1'), new Date());
        expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
      } finally {
        await store.close();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing data directory and database files that others could read', async () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    chmodSync(dirname(file), 0o755);
    const first = await openSqliteStore({ file });
    await first.migrate();
    await first.close();
    chmodSync(file, 0o644);
    const second = await openSqliteStore({ file });
    try {
      expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it('leaves a shared data directory (sticky, as /tmp) as it is, and keeps its own files to itself', async () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true });
    chmodSync(dirname(file), 0o1777);
    const store = await openSqliteStore({ file });
    try {
      await store.migrate();
      expect(statSync(dirname(file)).mode & 0o7777).toBe(0o1777);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('keeps its data when closed and reopened', async () => {
    const file = freshFile();
    const T = new Date('2025-03-03T09:00:00.000Z');
    const motion = {
      id: 'm1',
      text: 'Forslag',
      openedBy: 'p-chair',
      openedAt: T,
      deadline: new Date('2025-03-05T09:00:00.000Z'),
      majority: 'simple' as const,
      organisationIds: ['FOB', 'AB'],
    };
    const ballot = { motionId: 'm1', organisationId: 'FOB', choice: 'for' as const, castBy: 'p-fob', castAt: T };

    const first = await openSqliteStore({ file });
    await first.migrate();
    await first.transaction(async (repo) => {
      await repo.insertMotion(motion);
      await repo.upsertBallot(ballot);
      await repo.appendAudit({ at: T, actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1', data: { choice: 'for' } });
    });
    await first.markActivityProcessed(activityKey('act-1'), T);
    await first.scheduleJob({ key: 'vote.deadline:m1', kind: 'vote.deadline', dueAt: motion.deadline });
    await first.close();

    const second = await openSqliteStore({ file });
    try {
      await second.migrate();
      expect(await second.getMotion('m1')).toEqual(motion);
      expect(await second.listBallots('m1')).toEqual([ballot]);
      expect(await second.listAudit({ subject: 'motion:m1' })).toMatchObject([{ action: 'vote.cast', data: { choice: 'for' } }]);
      expect(await second.markActivityProcessed(activityKey('act-1'), T)).toBe(false);
      expect(await second.getJob('vote.deadline:m1')).toMatchObject({ status: 'pending', dueAt: motion.deadline });
    } finally {
      await second.close();
    }
  });

  it('keeps meetings, agenda items, petitions and personal conversations when closed and reopened', async () => {
    const file = freshFile();
    const T = new Date('2025-03-03T09:00:00.000Z');
    const meeting = {
      id: 'mt1',
      kind: 'extraordinary' as const,
      startsAt: new Date('2025-03-17T16:00:00.000Z'),
      subject: 'Budget',
      place: 'Mødelokale 1',
      status: 'planned' as const,
      createdBy: 'p-chair',
      createdAt: T,
    };
    const item = {
      id: 'i1',
      meetingId: 'mt1',
      title: 'Budget 2026',
      kind: 'decision' as const,
      section: 'added' as const,
      position: 1,
      attachments: [],
      addedBy: 'p-chair',
      addedAt: T,
    };
    const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' };

    const first = await openSqliteStore({ file });
    await first.migrate();
    await first.transaction(async (repo) => {
      await repo.insertMeeting(meeting);
      await repo.insertAgendaItem(item);
      await repo.addAttachment('i1', { url: 'https://x/budget.pdf', title: 'Budget' });
      await repo.insertPetition({ id: 'pe1', subject: 'Budget', createdBy: 'p-fob', createdAt: T });
      await repo.addPetitionSupport({ petitionId: 'pe1', personId: 'p-fob', supportedAt: T });
    });
    await first.markAgendaSent('mt1', T, true);
    await first.savePersonalConversation('p-fob', reference, T);
    await first.close();

    const second = await openSqliteStore({ file });
    try {
      await second.migrate();
      expect(await second.getMeeting('mt1')).toEqual({ ...meeting, agendaSentAt: T, agendaLate: true });
      expect(await second.listMeetings({ from: T })).toHaveLength(1);
      expect(await second.listAgendaItems('mt1')).toEqual([
        { ...item, attachments: [{ url: 'https://x/budget.pdf', title: 'Budget' }] },
      ]);
      expect(await second.addPetitionSupport({ petitionId: 'pe1', personId: 'p-fob', supportedAt: T })).toBe(false);
      expect(await second.markAgendaSent('mt1', T, false)).toBe(false);
      expect(await second.getPersonalConversation('p-fob')).toEqual(reference);
    } finally {
      await second.close();
    }
  });

  it('keeps conclusions, objections, dissents, date polls, minutes and attendees when closed and reopened', async () => {
    const file = freshFile();
    const T = new Date('2025-03-03T09:00:00.000Z');
    const later = new Date('2025-03-05T09:00:00.000Z');
    const motion = {
      id: 'm1',
      text: 'Forslag',
      openedBy: 'p-chair',
      openedAt: T,
      deadline: later,
      majority: 'simple' as const,
      organisationIds: ['FOB', 'AB'],
      agendaItem: { meetingId: 'mt1', itemId: 'i1' },
    };
    const conclusion = {
      id: 'c1',
      agendaItem: { meetingId: 'mt1', itemId: 'i1' },
      itemLabel: '4. Budget 2026',
      text: 'Budgettet godkendes.',
      concludedBy: 'p-chair',
      concludedAt: T,
      objectionDeadline: later,
      status: 'open' as const,
    };
    const objection = { conclusionId: 'c1', personId: 'p-ab', organisationId: 'AB', at: T };
    const dissent = { id: 'd1', subject: { motionId: 'm1' }, personId: 'p-ab', organisationId: 'AB', text: 'Imod.\n«Ordret»', at: T };
    const poll = {
      id: 'dp1',
      year: 2026,
      proposedDates: ['2026-03-05', '2026-06-04', '2026-09-03', '2026-12-03'],
      time: '16:00',
      createdBy: 'p-secretary',
      createdAt: T,
    };
    const answer = { pollId: 'dp1', personId: 'p-ab', available: ['2026-03-05'], answeredAt: T };
    const minutes = {
      id: 'r1',
      meetingId: 'mt1',
      version: 1,
      text: '# Referat',
      draftedBy: 'p-secretary',
      draftedAt: T,
      updatedAt: T,
    };
    const attendee = { meetingId: 'mt1', name: 'Revisor Bo', addedBy: 'p-secretary', addedAt: T };

    const first = await openSqliteStore({ file });
    await first.migrate();
    await first.transaction(async (repo) => {
      await repo.insertMotion(motion);
      await repo.insertConclusion(conclusion);
      await repo.addObjection(objection);
      await repo.updateConclusion('c1', 'open', { status: 'objected' });
      await repo.insertDissent(dissent);
      await repo.insertDatePoll(poll);
      await repo.upsertDateAnswer(answer);
      await repo.insertMinutes(minutes);
      await repo.addAttendee(attendee);
    });
    await first.confirmDatePoll('dp1', later, 'p-chair', poll.proposedDates);
    await first.approveMinutes('r1', later, 'p-chair');
    await first.close();

    const second = await openSqliteStore({ file });
    try {
      await second.migrate();
      expect(await second.listMotions({ meetingId: 'mt1' })).toEqual([motion]);
      expect(await second.getConclusion('c1')).toEqual({ ...conclusion, status: 'objected' });
      expect(await second.listConclusions({ meetingId: 'mt1' })).toHaveLength(1);
      expect(await second.listObjections('c1')).toEqual([objection]);
      expect(await second.addObjection(objection)).toBe(false);
      expect(await second.listDissents({ motionId: 'm1' })).toEqual([dissent]);
      expect(await second.getDatePoll('dp1')).toEqual({ ...poll, confirmedAt: later, confirmedBy: 'p-chair', confirmedDates: poll.proposedDates });
      expect(await second.confirmDatePoll('dp1', later, 'p-chair', [])).toBe(false);
      expect(await second.listDateAnswers('dp1')).toEqual([answer]);
      expect(await second.getMinutes('r1')).toEqual({ ...minutes, approvedAt: later, approvedBy: 'p-chair' });
      expect(await second.updateMinutesText('r1', 'changed', later)).toBe(false);
      expect(await second.listAttendees('mt1')).toEqual([attendee]);
    } finally {
      await second.close();
    }
  });

  it('migrates twice harmlessly, keeping the data', async () => {
    const store = await openSqliteStore({ file: freshFile() });
    try {
      await store.migrate();
      await store.markActivityProcessed(activityKey('act-1'), new Date());
      await store.migrate();
      expect(await store.markActivityProcessed(activityKey('act-1'), new Date())).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('opens its connection durable (WAL, synchronous = FULL) and with a 2 MB page cache, not better-sqlite3\'s 16 MB', () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true });
    const database = openSqliteDatabase(file);
    try {
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      // synchronous: 2 is FULL.
      expect(database.pragma('synchronous', { simple: true })).toBe(2);
      expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(SQLITE_CACHE_KIB).toBe(2000);
      expect(database.pragma('cache_size', { simple: true })).toBe(-2000);
    } finally {
      database.close();
    }
  });

  it('opens a store in memory from the tests\' migrated image with the schema and migrations a new store migrates to', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    await store.migrate();
    await store.close();
    const schemaOf = (db: BetterSqlite3.Database) => ({
      schema: db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all(),
      migrations: db.prepare('select name from kysely_migration order by name').all(),
    });
    const fresh = new BetterSqlite3(file, { readonly: true });
    const copy = openSqliteDatabase(':memory:', await migratedImage());
    try {
      expect(schemaOf(copy)).toEqual(schemaOf(fresh));
      expect(copy.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      fresh.close();
      copy.close();
    }
    expect(() => openSqliteDatabase(file, Buffer.alloc(0))).toThrow(/only in memory/);
  });

  it('puts the file in WAL mode and creates the schema', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    await store.migrate();
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      );
      expect(tables).toEqual(
        expect.arrayContaining([
          'processed_activities',
          'channel_binding',
          'teams_identities',
          'motions',
          'ballots',
          'audit_log',
          'jobs',
          'outbox',
          'meetings',
          'agenda_items',
          'petitions',
          'petition_supports',
          'personal_conversations',
          'conclusions',
          'objections',
          'dissents',
          'date_polls',
          'date_answers',
          'minutes',
          'attendees',
          'card_copies',
        ]),
      );
    } finally {
      raw.close();
    }
  });

  it('reports health as sqlite, and not ok without throwing once closed', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    await store.migrate();
    expect(await store.health()).toMatchObject({ ok: true, kind: 'sqlite' });
    await store.close();
    const after = await store.health();
    expect(after.ok).toBe(false);
    expect(after.kind).toBe('sqlite');
    expect(after.detail).toEqual(expect.any(String));
  });

  it('R19: allows one channel binding row per board, and a channel to one board only', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    await store.migrate();
    await store.close();
    const raw = new BetterSqlite3(file);
    const bind = (board: string, channel: string) =>
      raw.prepare(`insert into channel_binding (board_id, conversation_reference, channel_id, service_url, bound_at) values ('${board}', '{}', '${channel}', 's', 't')`).run();
    try {
      bind('a', 'c1');
      bind('b', 'c2');
      expect(() => bind('a', 'c3')).toThrow(/UNIQUE/);
      expect(() => bind('c', 'c1')).toThrow(/UNIQUE/);
    } finally {
      raw.close();
    }
  });
});
