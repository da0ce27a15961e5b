/**
 * The Store contract against PostgreSQL, plus what only a shared server shows:
 * two stores (two pools, as two bot instances) claiming, voting, closing and
 * migrating at the same time. Runs when TEST_DATABASE_URL or DATABASE_URL is set
 * (CI sets it). The contract's tests share one schema, migrated once and emptied before
 * each test (ReusedSchema); the others each work in a fresh schema, dropped afterwards.
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { CLAIM_LEASE_MS } from '../../../src/store/claims.js';
import { migrations as allMigrations } from '../../../src/store/migrations/index.js';
import { CLAIMER_LOCK_SPACE } from '../../../src/store/postgres-presence.js';
import { describePgUrl, openPgStore } from '../../../src/store/postgres.js';
import { ReusedSchema, TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';
import { describeStoreContract } from './contract/index.js';
import { activityKey } from '../../support/activity-keys.js';

const url = pgTestUrl;

const T0 = new Date('2025-03-03T09:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
/** A claim's lease, in minutes. */
const LEASE = CLAIM_LEASE_MS / 60_000;

/** Schemas made by this file, dropped when their test ends (and at the end, in case). */
const schemas = new TestSchemas(url ?? '');
const freshSchema = (): string => schemas.fresh();
const dropSchemas = (): Promise<void> => schemas.drop();

describe.skipIf(!url)('PostgreSQL store', () => {
  const dbUrl = url ?? '';

  afterEach(dropSchemas);
  afterAll(dropSchemas);

  // The contract's tests share one schema, migrated once and emptied before each test.
  const contractSchema = new ReusedSchema(dbUrl);
  afterAll(() => contractSchema.drop());
  let lastSchema = '';
  describeStoreContract('postgres', async () => openPgStore({ url: dbUrl, schema: (lastSchema = await contractSchema.next()) }), {
    // Another instance on the same database.
    reopen: () => openPgStore({ url: dbUrl, schema: lastSchema }),
  });

  describe('PostgreSQL only', () => {
    const opened: Store[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    /** Their schema: migrated by the first pair, emptied for each pair after it. */
    const pairSchema = new ReusedSchema(dbUrl);
    afterAll(() => pairSchema.drop());

    /** Two stores on one empty, migrated schema (returned third), each with its own pool: two instances of the bot. */
    async function twoStores(): Promise<[Store, Store, string]> {
      const schema = await pairSchema.next();
      const a = await openPgStore({ url: dbUrl, schema });
      const b = await openPgStore({ url: dbUrl, schema });
      opened.push(a, b);
      await a.migrate();
      await b.migrate();
      return [a, b, schema];
    }

    it('puts every table, and the Migrator’s, in the given schema', async () => {
      const schema = freshSchema();
      const store = await openPgStore({ url: dbUrl, schema });
      opened.push(store);
      await store.migrate();
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_name: string }>(
          'select table_name from information_schema.tables where table_schema = $1 order by table_name',
          [schema],
        );
        expect(rows.map((r) => r.table_name)).toEqual(
          expect.arrayContaining([
            'kysely_migration',
            'kysely_migration_lock',
            'motions',
            'jobs',
            'outbox',
            'meetings',
            'conclusions',
            'objections',
            'dissents',
            'date_polls',
            'date_answers',
            'minutes',
            'attendees',
            'tasks',
            'card_copies',
          ]),
        );
        const { rows: migrations } = await client.query<{ name: string }>(`select name from "${schema}".kysely_migration order by name`);
        expect(migrations.map((m) => m.name)).toEqual(Object.keys(allMigrations('postgres')).sort());
      } finally {
        await client.end();
      }
    });

    it('migrates concurrently from two stores', async () => {
      const schema = freshSchema();
      const stores = await Promise.all([1, 2, 3].map(() => openPgStore({ url: dbUrl, schema })));
      opened.push(...stores);
      await Promise.all(stores.map((s) => s.migrate()));
      await Promise.all(stores.map((s) => s.migrate()));
      expect(await stores[0]!.markActivityProcessed(activityKey('act-1'), T0)).toBe(true);
      expect(await stores[1]!.markActivityProcessed(activityKey('act-1'), T0)).toBe(false);
    });

    it('gives every instance the same secret, also when they ask at once', async () => {
      const [a, b] = await twoStores();
      const asked = await Promise.all([a, b, a, b].map((s, i) => s.secret('file-links', () => `candidate-${i}`)));
      expect(new Set(asked).size).toBe(1);
      expect(await b.secret('file-links', () => 'later')).toBe(asked[0]);
    });

    it('migrates two schemas at once', async () => {
      const stores = await Promise.all([freshSchema(), freshSchema()].map((schema) => openPgStore({ url: dbUrl, schema })));
      opened.push(...stores);
      await Promise.all(stores.map((s) => s.migrate()));
      await stores[0]!.markActivityProcessed(activityKey('act-1'), T0);
      expect(await stores[1]!.markActivityProcessed(activityKey('act-1'), T0)).toBe(true);
    });

    it('never gives one job to both instances, and together they claim all due jobs', async () => {
      const [a, b] = await twoStores();
      for (let i = 0; i < 50; i++) await a.scheduleJob({ key: `k${i}`, kind: 'tick', dueAt: at(i % 5) });
      const claimedBy = new Map<number, string>();
      for (let round = 0; round < 10; round++) {
        const batches = await Promise.all([
          a.claimDueJobs(at(10), 4),
          b.claimDueJobs(at(10), 4),
          a.claimDueJobs(at(10), 3),
          b.claimDueJobs(at(10), 3),
        ]);
        batches.forEach((batch, n) => {
          for (const job of batch) {
            expect(claimedBy.has(job.id), `job ${job.key} claimed twice`).toBe(false);
            claimedBy.set(job.id, n % 2 === 0 ? 'a' : 'b');
            expect(job).toMatchObject({ status: 'running', attempts: 1 });
          }
        });
      }
      expect(claimedBy.size).toBe(50);
      expect(await a.claimDueJobs(at(10), 50)).toEqual([]);
      expect(new Set(claimedBy.values())).toEqual(new Set(['a', 'b']));
    });

    it('never gives one outbox entry to both instances, and together they claim all', async () => {
      const [a, b] = await twoStores();
      for (let i = 0; i < 50; i++) {
        await b.enqueueOutbox({ key: `p${i}`, kind: i % 3 === 0 ? 'update' : 'send', conversation: { id: 'c' }, activity: { n: i }, dueAt: at(0) });
      }
      const claimed = new Set<number>();
      for (let round = 0; round < 10; round++) {
        const batches = await Promise.all([a.claimOutbox(at(1), 4), b.claimOutbox(at(1), 4), a.claimOutbox(at(1), 3), b.claimOutbox(at(1), 3)]);
        for (const entry of batches.flat()) {
          expect(claimed.has(entry.id), `entry ${entry.key} claimed twice`).toBe(false);
          claimed.add(entry.id);
          expect(entry).toMatchObject({ status: 'sending', attempts: 1 });
        }
      }
      expect(claimed.size).toBe(50);
      expect(await b.claimOutbox(at(1), 50)).toEqual([]);
    });

    it('a claim that finds nothing opens no transaction (most flushes: a card’s update waits for its second)', async () => {
      const [a] = await twoStores();
      await a.enqueueOutbox({ key: 'later', kind: 'send', conversation: { id: 'c' }, activity: {}, dueAt: at(5) });
      const ran: string[] = [];
      const query = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        // The store's driver passes a query config ({ text, values, name? }).
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
        if (typeof text === 'string') ran.push(text);
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        expect(await a.claimOutbox(at(1), 1)).toEqual([]);
        expect(ran.filter((q) => /^begin/i.test(q))).toEqual([]);
        expect(await a.claimOutbox(at(5), 1)).toMatchObject([{ key: 'later', status: 'sending' }]);
        expect(ran.filter((q) => /^begin/i.test(q))).toHaveLength(1);
      } finally {
        pg.Client.prototype.query = query;
      }
    });

    it('holds a live instance’s claims until their lease ends; then the other takes over, and the first can no longer fail them', async () => {
      const [a, b] = await twoStores();
      await a.enqueueOutbox({ key: 'p', kind: 'send', conversation: { id: 'c' }, activity: { n: 1 }, dueAt: at(0) });
      await a.scheduleJob({ key: 'j', kind: 'tick', dueAt: at(0) });
      const [post] = await a.claimOutbox(at(0), 1);
      const [job] = await a.claimDueJobs(at(0), 1);
      expect(await b.claimOutbox(at(LEASE), 10)).toEqual([]);
      expect(await b.claimDueJobs(at(LEASE), 10)).toEqual([]);

      const [takenPost] = await b.claimOutbox(at(LEASE + 1), 10);
      const [takenJob] = await b.claimDueJobs(at(LEASE + 1), 10);
      expect(takenPost).toMatchObject({ id: post!.id, attempts: 2 });
      expect(takenJob).toMatchObject({ id: job!.id, attempts: 2 });
      // A's late failures would put them back or give them up under B's feet: ignored.
      await a.markOutboxFailed(post!.id, 'late 503', at(LEASE + 2));
      await a.failJob(job!.id, 'late failure');
      expect(await b.getOutbox('p')).toMatchObject({ status: 'sending', attempts: 2 });
      expect(await b.getJob('j')).toMatchObject({ status: 'running', attempts: 2 });
      await b.markOutboxFailed(takenPost!.id, '503', at(LEASE + 2));
      expect(await b.getOutbox('p')).toMatchObject({ status: 'pending', lastError: '503' });
    });

    it('a card update A sent slowly does not mark the newer state B is sending as sent: B’s failure still retries it', async () => {
      const [a, b] = await twoStores();
      const update = (n: number, t: number) =>
        a.enqueueOutbox({ key: 'card-update', kind: 'update', updatesKey: 'card', conversation: { id: 'c' }, activity: { n }, dueAt: at(t) });
      await update(1, 0);
      const [first] = await a.claimOutbox(at(0), 1); // A sends v1, slowly
      await update(2, 1); // a vote meanwhile: v2 waits in the row
      const [second] = await b.claimOutbox(at(LEASE + 1), 1); // A's lease ran out: B sends v2
      expect(second).toMatchObject({ id: first!.id, activity: { n: 2 } });
      await a.markOutboxSent(first!.id, at(LEASE + 2), 'msg-1'); // A's v1 arrives at last
      expect(await b.getOutbox('card-update')).toMatchObject({ status: 'sending', activity: { n: 2 } });
      await b.markOutboxFailed(second!.id, '503', at(LEASE + 3)); // B's v2 fails: it must go again
      expect(await b.getOutbox('card-update')).toMatchObject({ status: 'pending', activity: { n: 2 }, lastError: '503' });
    });

    it('gives the claims of an instance whose connection drops (killed) to the other at once; it comes back under a new claimer', async () => {
      const [a, b, schema] = await twoStores();
      for (const key of ['p1', 'p2']) await a.enqueueOutbox({ key, kind: 'send', conversation: { id: 'c' }, activity: { key }, dueAt: at(0) });
      await a.scheduleJob({ key: 'j', kind: 'tick', dueAt: at(0) });
      const [post] = await a.claimOutbox(at(0), 1);
      const [job] = await a.claimDueJobs(at(0), 1);
      expect(await b.claimOutbox(at(0), 1)).toMatchObject([{ key: 'p2', attempts: 1 }]);

      // What the server sees of a kill -9: A's connections close. Its presence lock goes with them.
      const admin = new pg.Client({ connectionString: dbUrl });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ n: number }>(
          `select count(pg_terminate_backend(l.pid))::int as n from pg_locks l
           where l.locktype = 'advisory' and l.objsubid = 2 and l.classid = $1::int4::oid
             and l.objid = (select claimed_by from "${schema}".outbox where id = $2)::oid`,
          [CLAIMER_LOCK_SPACE, post!.id],
        );
        expect(rows[0]!.n).toBe(1);
      } finally {
        await admin.end();
      }
      await expect.poll(async () => (await b.claimOutbox(at(0), 1)).map((e) => [e.key, e.attempts])).toEqual([['p1', 2]]);
      expect(await b.claimDueJobs(at(0), 1)).toMatchObject([{ id: job!.id, attempts: 2 }]);

      // A lives on (its pool is fine): its next claim takes a new presence, and B's claims stay B's.
      await a.enqueueOutbox({ key: 'p3', kind: 'send', conversation: { id: 'c' }, activity: {}, dueAt: at(0) });
      expect((await a.claimOutbox(at(0), 10)).map((e) => e.key)).toEqual(['p3']);
    });

    it('keeps one ballot when both instances record one organisation’s vote at once', async () => {
      const [a, b] = await twoStores();
      for (let m = 0; m < 10; m++) {
        await a.insertMotion({
          id: `m${m}`,
          text: 'Forslag',
          openedBy: 'p-chair',
          openedAt: T0,
          deadline: at(60),
          majority: 'simple',
          organisationIds: ['FOB', 'AB'],
        });
      }
      await Promise.all(
        Array.from({ length: 10 }, (_, m) => [
          a.upsertBallot({ motionId: `m${m}`, organisationId: 'FOB', choice: 'for', castBy: 'p-1', castAt: at(1) }),
          b.upsertBallot({ motionId: `m${m}`, organisationId: 'FOB', choice: 'against', castBy: 'p-2', castAt: at(1) }),
          b.transaction((repo) =>
            repo.upsertBallot({ motionId: `m${m}`, organisationId: 'FOB', choice: 'abstain', castBy: 'p-3', castAt: at(1) }),
          ),
        ]).flat(),
      );
      for (let m = 0; m < 10; m++) {
        const ballots = await b.listBallots(`m${m}`);
        expect(ballots).toHaveLength(1);
        expect(ballots[0]).toMatchObject({ motionId: `m${m}`, organisationId: 'FOB' });
      }
    });

    it('lets exactly one of the instances close a motion', async () => {
      const [a, b] = await twoStores();
      for (let m = 0; m < 10; m++) {
        await a.insertMotion({
          id: `m${m}`,
          text: 'Forslag',
          openedBy: 'p-chair',
          openedAt: T0,
          deadline: at(60),
          majority: 'simple',
          organisationIds: ['FOB'],
        });
      }
      for (let m = 0; m < 10; m++) {
        const results = await Promise.all([
          a.closeMotion(`m${m}`, at(60), 'deadline'),
          b.closeMotion(`m${m}`, at(61), 'all-voted'),
          b.transaction((repo) => repo.closeMotion(`m${m}`, at(62), 'chair', 'p-chair')),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      }
      expect(await a.listOpenMotions()).toEqual([]);
    });

    it('a shared read of a motion (a vote) waits for no other vote; a locking read (a close) waits for the votes under way and then sees their ballots', async () => {
      const [a, b] = await twoStores();
      await a.insertMotion({ id: 'm1', text: 'Forslag', openedBy: 'p-chair', openedAt: T0, deadline: at(60), majority: 'simple', organisationIds: ['FOB', 'AB'] });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      // A vote on instance A, under way: the motion read with a shared lock, its ballot written, not committed.
      const vote = a.transaction(async (repo) => {
        await repo.getMotion('m1', { lock: 'shared' });
        await repo.upsertBallot({ motionId: 'm1', organisationId: 'FOB', choice: 'for', castBy: 'p-1', castAt: at(1) });
        holding();
        await gate;
      });
      await held;
      const admin = new pg.Client({ connectionString: dbUrl });
      try {
        // Another vote, on instance B, does not wait for it.
        const other = await b.transaction(async (repo) => {
          const motion = await repo.getMotion('m1', { lock: 'shared' });
          await repo.upsertBallot({ motionId: 'm1', organisationId: 'AB', choice: 'against', castBy: 'p-2', castAt: at(2) });
          return motion;
        });
        expect(other?.closedAt).toBeUndefined();
        // A close on B waits for the vote under way…
        const close = b.transaction(async (repo) => {
          await repo.getMotion('m1', { lock: true });
          return { ballots: (await repo.listBallots('m1')).length, closed: await repo.closeMotion('m1', at(3), 'all-voted') };
        });
        await admin.connect();
        const waiting = async () =>
          Number((await admin.query(`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%"motions"%for update%'`)).rows[0].n);
        await expect.poll(waiting).toBe(1);
        release();
        await vote;
        // …and then counts both ballots.
        expect(await close).toEqual({ ballots: 2, closed: true });
      } finally {
        release();
        await vote.catch(() => undefined);
        await admin.end();
      }
    });

    it('records an activity once across instances, also inside transactions', async () => {
      const [a, b] = await twoStores();
      const results = await Promise.all([
        a.markActivityProcessed(activityKey('act'), T0),
        b.markActivityProcessed(activityKey('act'), T0),
        a.transaction((repo) => repo.markActivityProcessed(activityKey('act'), T0)),
        b.transaction(async (repo) => {
          const first = await repo.markActivityProcessed(activityKey('act'), T0);
          // The transaction is still usable after the duplicate: nothing aborted it.
          await repo.appendAudit({ at: T0, actor: 'system', action: 'probe', subject: 'act' });
          return first;
        }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.listAudit({ action: 'probe' })).toHaveLength(1);
    });

    it('sorts text bytewise, as SQLite does, whatever the database locale', async () => {
      const [a] = await twoStores();
      const ids = ['p-a', 'p-B', 'p_c', 'pA', 'p-Ø', 'p-æ', 'p a', 'P-z'];
      for (const personId of ids) await a.rememberTeamsIdentity({ personId, teamsUserId: `29:${personId}`, name: personId, seenAt: T0 });
      expect((await a.listTeamsIdentities()).map((i) => i.personId)).toEqual([...ids].sort());
    });

    it('reports health as postgres without the password', async () => {
      const schema = freshSchema();
      const withPassword = new URL(dbUrl);
      withPassword.password = 'sekret-pw';
      const store = await openPgStore({ url: withPassword.toString(), schema });
      opened.push(store);
      const health = await store.health();
      expect(health.kind).toBe('postgres');
      expect(health.detail).not.toContain('sekret-pw');
      expect(describePgUrl('postgres://bot:sekret-pw@db.example:6543/board')).toBe('db.example:6543/board');
      expect(describePgUrl('postgresql://bot:sekret-pw@db.example/board?sslmode=require')).toBe('db.example/board');
    });

    it('reports health not ok, without throwing, for an unreachable server and once closed', async () => {
      const store = await openPgStore({ url: 'postgres://bot:sekret-pw@127.0.0.1:1/nowhere' });
      const started = Date.now();
      const health = await store.health();
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(health).toMatchObject({ ok: false, kind: 'postgres' });
      expect(health.detail).toEqual(expect.stringContaining('127.0.0.1:1/nowhere'));
      expect(health.detail).not.toContain('sekret-pw');
      await store.close();

      const [a] = await twoStores();
      expect(await a.health()).toMatchObject({ ok: true, kind: 'postgres' });
      await a.close();
      opened.splice(opened.indexOf(a), 1);
      expect(await a.health()).toMatchObject({ ok: false, kind: 'postgres', detail: expect.any(String) });
    });

    it('refuses a schema name it would have to quote', async () => {
      await expect(openPgStore({ url: dbUrl, schema: 'Bad-Name' })).rejects.toThrow(/schema/);
    });
  });
});
