/**
 * The PostgreSQL store's pipelined driver (src/store/postgres-driver.ts, issue 12): in a
 * transaction, the writes whose result nobody reads go out with the next statement it waits
 * for, and a failure among them fails the transaction with its own error, storing nothing;
 * the reads sent ahead go out with the read after them.
 * Runs when TEST_DATABASE_URL or DATABASE_URL is set (CI sets it).
 */
import { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { ReusedSchema, TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';
import { T0, at, ballot, conversation, motion, post } from './contract/data.js';
import { activityKey } from '../../support/activity-keys.js';

const url = pgTestUrl;

type WriteGeneric = (this: Socket, ...args: unknown[]) => unknown;

/**
 * Watches every write to the server on `port` (each is one batch of statements): `onWrite` is
 * called with its socket before it goes out, and the write goes out unless it returns false.
 * Returns the function that stops watching.
 */
function watchWrites(port: number, onWrite: (socket: Socket) => boolean): () => void {
  const proto = Socket.prototype as unknown as { _writeGeneric: WriteGeneric };
  const original = proto._writeGeneric;
  proto._writeGeneric = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port && !onWrite(this)) return undefined;
    return original.apply(this, args);
  };
  return () => {
    proto._writeGeneric = original;
  };
}

/** Drops the line to the server at the next write to it after `dropAtNextWrite()` (that write is lost). */
function lineCut(port: number): { dropAtNextWrite(): void; dropped(): boolean; stop(): void } {
  let cut = false;
  let stop = () => {};
  return {
    dropAtNextWrite: () => {
      stop = watchWrites(port, (socket) => {
        if (cut) return true;
        cut = true;
        socket.destroy(new Error('the line to the database dropped'));
        return false;
      });
    },
    dropped: () => cut,
    stop: () => stop(),
  };
}

/**
 * Until `check` holds, asking again each turn of the event loop (another instance's change is
 * heard when its notification arrives); fails after many tries.
 */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('it never held');
}

/** The writes to the server while `work` runs. */
async function writesDuring<T>(port: number, work: () => Promise<T>): Promise<{ result: T; writes: number }> {
  let writes = 0;
  const stop = watchWrites(port, () => {
    writes++;
    return true;
  });
  try {
    return { result: await work(), writes };
  } finally {
    stop();
  }
}

const entry = (action: string) => ({ at: T0, actor: 'p-chair', action, subject: 'motion:m1' });

describe.skipIf(!url)('PostgreSQL driver: writes sent ahead in a transaction', () => {
  const schema = new ReusedSchema(url ?? '');
  let store: Store;
  const port = Number(new URL(url ?? 'postgres://x:5432/').port || 5432);

  let schemaName: string;

  beforeAll(async () => {
    schemaName = await schema.next();
    store = await openPgStore({ url: url!, schema: schemaName });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    schemaName = await schema.next();
    store = await openPgStore({ url: url!, schema: schemaName });
  });
  afterAll(async () => {
    await store?.close();
    await schema.drop();
  });

  /** Until the store keeps what it reads (it hears other instances' changes): a read of the binding then costs no write. */
  async function untilKept(kept: Store): Promise<void> {
    await until(async () => {
      await kept.getBinding();
      return (await writesDuring(port, () => kept.getBinding())).writes === 0;
    });
  }

  it('a vote\'s transaction goes to the server in three writes: BEGIN with the activity\'s record and the motion with its ballots; the ballot and the audit entry with the binding and the Teams ids; the outbox entry with COMMIT and the read of the ballots as committed', async () => {
    await untilKept(store); // the store hears other instances' changes: its own connection is up
    await store.insertMotion(motion('m1'));
    await store.saveBinding({ conversationReference: conversation, channelId: '19:abc@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: T0 });
    await store.rememberTeamsIdentity({ personId: 'p-chair', teamsUserId: '29:chair', name: 'Anne Andersen', seenAt: T0 });
    await store.listBallots('m1'); // the pool has its connection
    const { result, writes } = await writesDuring(port, () =>
      store.transaction(async (repo) => {
        // As the runner does: the work does not wait for the activity's record.
        const marked = repo.markActivityProcessed(activityKey('activity-1'), T0);
        const found = await repo.getMotionWithBallots('m1', { lock: 'shared' });
        const fresh = await marked;
        await repo.upsertBallot(ballot('m1', 'FOB'));
        const committed = repo.listBallotsOnceCommitted('m1'); // read right after COMMIT, in its write
        await repo.appendAudit(entry('ballot.cast'));
        // As the publisher asks them: the binding not awaited before the Teams ids are asked for.
        const bound = repo.getBinding();
        const ids = await repo.listTeamsIdentities();
        await repo.enqueueOutbox(post('card:m1', { kind: 'update', updatesKey: 'card:m1' }));
        return { fresh, found: found?.motion.id, before: found?.ballots.length, channel: (await bound)?.channelId, ids: ids.map((i) => i.teamsUserId), committed };
      }),
    );
    const { committed, ...read } = result;
    expect(read).toEqual({ fresh: true, found: 'm1', before: 0, channel: '19:abc@thread.tacv2', ids: ['29:chair'] });
    expect(writes).toBe(3);
    expect(await committed).toEqual([ballot('m1', 'FOB')]);
    // All of it is stored.
    expect(await store.listBallots('m1')).toEqual([ballot('m1', 'FOB')]);
    expect((await store.listAudit()).map((e) => e.action)).toEqual(['ballot.cast']);
    expect(await store.getOutbox('card:m1')).toMatchObject({ kind: 'update' });
  });

  it('with the binding and the Teams ids kept (they did not change), a vote\'s transaction goes in two writes', async () => {
    await untilKept(store);
    await store.insertMotion(motion('m1'));
    await store.saveBinding({ conversationReference: conversation, channelId: '19:abc@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: T0 });
    await store.rememberTeamsIdentity({ personId: 'p-chair', teamsUserId: '29:chair', name: 'Anne Andersen', seenAt: T0 });
    const vote = (activityId: string, organisationId: string) =>
      store.transaction(async (repo) => {
        const marked = repo.markActivityProcessed(activityKey(activityId), T0);
        await repo.getMotionWithBallots('m1', { lock: 'shared' });
        expect(await marked).toBe(true);
        await repo.upsertBallot(ballot('m1', organisationId));
        await repo.appendAudit(entry('ballot.cast'));
        const bound = repo.getBinding();
        const ids = await repo.listTeamsIdentities();
        await repo.enqueueOutbox(post('card:m1', { kind: 'update', updatesKey: 'card:m1' }));
        return { channel: (await bound)?.channelId, ids: ids.map((i) => i.teamsUserId) };
      });
    expect((await writesDuring(port, () => vote('activity-1', 'FOB'))).writes).toBe(3); // read, and kept
    // Until the notices of the two writes above have come back (each makes the store forget once), a vote may read again.
    let kept = await writesDuring(port, () => vote('activity-2', 'AB'));
    for (let n = 3; kept.writes !== 2 && n < 10; n++) kept = await writesDuring(port, () => vote(`activity-${n}`, 'AB'));
    expect(kept.result).toEqual({ channel: '19:abc@thread.tacv2', ids: ['29:chair'] });
    expect(kept.writes).toBe(2);
  });

  it('another instance\'s change of the binding or the Teams ids is heard: what was kept is read again', async () => {
    const other = await openPgStore({ url: url!, schema: schemaName });
    try {
      await untilKept(store);
      await store.saveBinding({ conversationReference: conversation, channelId: '19:old@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: T0 });
      await untilKept(store);
      expect((await store.getBinding())?.channelId).toBe('19:old@thread.tacv2'); // kept
      expect(await store.boardOfChannel('19:old@thread.tacv2')).toBe(store.boardId);
      await other.saveBinding({ conversationReference: conversation, channelId: '19:new@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: at(1) });
      await until(async () => (await store.getBinding())?.channelId === '19:new@thread.tacv2');
      expect(await store.boardOfChannel('19:old@thread.tacv2')).toBeUndefined();
      expect(await store.listTeamsIdentities()).toEqual([]);
      await other.rememberTeamsIdentity({ personId: 'p-chair', teamsUserId: '29:chair', name: 'Anne Andersen', seenAt: T0 });
      await until(async () => (await store.listTeamsIdentities()).length === 1);
    } finally {
      await other.close();
    }
  });

  it('what a transaction reads after its own write is not kept, even when another instance\'s change is heard in between: it may yet be rolled back', async () => {
    const other = await openPgStore({ url: url!, schema: schemaName });
    try {
      await untilKept(store);
      await expect(
        store.transaction(async (repo) => {
          await repo.rememberTeamsIdentity({ personId: 'p-chair', teamsUserId: '29:chair', name: 'Anne Andersen', seenAt: T0 });
          // Heard meanwhile: another instance's change, which makes the store forget what it kept.
          await other.saveBinding({ conversationReference: conversation, channelId: '19:new@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: T0 });
          await until(async () => (await store.getBinding())?.channelId === '19:new@thread.tacv2');
          expect(await repo.listTeamsIdentities()).toHaveLength(1);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.listTeamsIdentities()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('when its line for hearing changes drops, the store forgets what it kept, reads afresh, and keeps again once it hears again', async () => {
    const other = await openPgStore({ url: url!, schema: schemaName });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await store.saveBinding({ conversationReference: conversation, channelId: '19:old@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: T0 });
      await untilKept(store);
      await untilKept(other);
      // The listening connection of `store` (the one that listens on this schema's channel, other than `other`'s) is cut.
      const listeners = async () =>
        (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where query like $1 and datname = current_database() order by backend_start`, [`listen "bestyrelsesbot_known:${schemaName}"%`])).rows.map((r) => r.pid);
      const [first] = await listeners();
      await admin.query('select pg_terminate_backend($1)', [first]);
      await other.saveBinding({ conversationReference: conversation, channelId: '19:new@thread.tacv2', serviceUrl: conversation.serviceUrl, boundAt: at(1) });
      await until(async () => (await store.getBinding())?.channelId === '19:new@thread.tacv2' && (await other.getBinding())?.channelId === '19:new@thread.tacv2');
      await untilKept(store);
      await untilKept(other);
      expect((await listeners()).length).toBe(2);
    } finally {
      await admin.end();
      await other.close();
    }
  });

  it('a motion read with its ballots in one write: the ballots are read after the motion\'s lock is taken', async () => {
    await store.insertMotion(motion('m1'));
    await store.upsertBallot(ballot('m1', 'FOB'));
    let closing!: () => void;
    const closer = store.transaction(async (repo) => {
      await repo.getMotion('m1', { lock: true });
      await new Promise<void>((resolve) => (closing = resolve));
      await repo.upsertBallot(ballot('m1', 'AB', { castAt: at(1) })); // written while the motion is locked
    });
    while (!closing) await new Promise((r) => setImmediate(r));
    const read = store.transaction((repo) => repo.getMotionWithBallots('m1', { lock: 'shared' }));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // The read waits for the motion's lock (its ballots' statement, sent with it, has not run).
      const waiting = async () =>
        (await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)).rows[0]!.n;
      while ((await waiting()) === 0) await new Promise((r) => setImmediate(r));
    } finally {
      await admin.end();
    }
    closing();
    await closer;
    // Sent together, but the ballots' statement ran once the motion's lock was had: it sees the ballot written under the lock.
    expect((await read)?.ballots.map((b) => b.organisationId).sort()).toEqual(['AB', 'FOB']);
    expect(await store.transaction((repo) => repo.getMotionWithBallots('no-such-motion'))).toBeUndefined();
  });

  it('the ballots read once committed see what another transaction committed meanwhile; if the transaction rolls back, the read rejects', async () => {
    await store.insertMotion(motion('m1'));
    let other!: () => void;
    const otherVote = store.transaction(async (repo) => {
      await repo.upsertBallot(ballot('m1', 'AB', { castAt: at(1) }));
      await new Promise<void>((resolve) => (other = resolve));
    });
    while (!other) await new Promise((r) => setImmediate(r));
    const { committed, inTransaction } = await store.transaction(async (repo) => {
      await repo.upsertBallot(ballot('m1', 'FOB'));
      const inTransaction = await repo.listBallots('m1'); // the other's ballot is not committed yet
      other(); // and now it commits, before this transaction does
      await otherVote;
      return { committed: repo.listBallotsOnceCommitted('m1'), inTransaction };
    });
    expect(inTransaction.map((b) => b.organisationId)).toEqual(['FOB']);
    expect((await committed).map((b) => b.organisationId).sort()).toEqual(['AB', 'FOB']);

    let never: Promise<unknown> | undefined;
    await expect(
      store.transaction(async (repo) => {
        await repo.upsertBallot(ballot('m1', 'FOB', { castAt: at(5) }));
        never = repo.listBallotsOnceCommitted('m1');
        throw new Error('the use case refused');
      }),
    ).rejects.toThrow('the use case refused');
    await expect(never).rejects.toThrow('rolled back');
  });

  it('a connection lost while reads sent ahead are under way fails the transaction with the loss, and leaves nothing unanswered', async () => {
    await store.insertMotion(motion('m1'));
    await store.listBallots('m1'); // the pool has its connection
    const line = lineCut(port);
    const failed = store.transaction(async (repo) => {
      await repo.markActivityProcessed(activityKey('activity-1'), T0);
      line.dropAtNextWrite(); // the motion with its ballots
      await repo.getMotionWithBallots('m1', { lock: 'shared' });
    });
    try {
      await expect(failed).rejects.toThrow('the line to the database dropped');
    } finally {
      line.stop();
    }
    expect(line.dropped()).toBe(true);
    expect(await store.transaction((repo) => repo.markActivityProcessed(activityKey('activity-1'), T0))).toBe(true); // not stored the first time
  });

  it('a write sent ahead that fails fails the transaction with its own error, and nothing of the transaction is stored', async () => {
    await store.insertMotion(motion('m1'));
    const failed = store.transaction(async (repo) => {
      await repo.appendAudit(entry('before'));
      await repo.upsertBallot(ballot('no-such-motion', 'FOB')); // the ballot's motion must exist
      await repo.appendAudit(entry('after'));
      await repo.upsertBallot(ballot('m1', 'AB'));
    });
    await expect(failed).rejects.toMatchObject({ code: '23503' }); // foreign key violation, not "transaction aborted"
    expect(await store.listAudit()).toEqual([]);
    expect(await store.listBallots('m1')).toEqual([]);
  });

  it('a statement waited for after a failed write reports that write\'s error, and the work stops there', async () => {
    await store.insertMotion(motion('m1'));
    let read = false;
    const failed = store.transaction(async (repo) => {
      await repo.upsertBallot(ballot('no-such-motion', 'FOB'));
      await repo.getMotion('m1');
      read = true;
    });
    await expect(failed).rejects.toMatchObject({ code: '23503' });
    expect(read).toBe(false);
    // The connection is fine afterwards: the next transactions commit.
    await store.transaction(async (repo) => repo.upsertBallot(ballot('m1', 'FOB', { castAt: at(2) })));
    expect(await store.listBallots('m1')).toEqual([ballot('m1', 'FOB', { castAt: at(2) })]);
  });

  it('work that fails after its writes were sent ahead rolls them back', async () => {
    await store.insertMotion(motion('m1'));
    const failed = store.transaction(async (repo) => {
      await repo.upsertBallot(ballot('m1', 'FOB'));
      await repo.appendAudit(entry('ballot.cast'));
      throw new Error('the use case refused');
    });
    await expect(failed).rejects.toThrow('the use case refused');
    expect(await store.listBallots('m1')).toEqual([]);
    expect(await store.listAudit()).toEqual([]);
  });

  it('a connection lost while a transaction\'s writes are under way fails the transaction with the loss, stores none of it, and the next runs on a new connection', async () => {
    await store.insertMotion(motion('m1'));
    await store.listBallots('m1'); // the pool has its connection
    const line = lineCut(port);
    const failed = store.transaction(async (repo) => {
      await repo.getMotion('m1', { lock: 'shared' });
      line.dropAtNextWrite(); // the ballot and the audit entry, sent ahead, with COMMIT
      await repo.upsertBallot(ballot('m1', 'FOB'));
      await repo.appendAudit(entry('ballot.cast'));
    });
    try {
      await expect(failed).rejects.toThrow('the line to the database dropped');
    } finally {
      line.stop();
    }
    expect(line.dropped()).toBe(true);
    expect(await store.listBallots('m1')).toEqual([]);
    expect(await store.listAudit()).toEqual([]);
    await store.transaction(async (repo) => repo.upsertBallot(ballot('m1', 'AB')));
    expect(await store.listBallots('m1')).toEqual([ballot('m1', 'AB')]);
  });

  it('outside a transaction a write is waited for: it is stored when the call returns', async () => {
    await store.insertMotion(motion('m1'));
    await store.upsertBallot(ballot('m1', 'FOB'));
    await expect(store.upsertBallot(ballot('no-such-motion', 'FOB'))).rejects.toMatchObject({ code: '23503' });
    expect(await store.listBallots('m1')).toEqual([ballot('m1', 'FOB')]);
  });

  it('a statement prepared before another instance changed its table fails once; the next call prepares it afresh', async () => {
    const schemas = new TestSchemas(url!);
    const name = schemas.fresh();
    const own = await openPgStore({ url: url!, schema: name });
    const admin = new pg.Client({ connectionString: url });
    try {
      await own.migrate();
      await own.insertMotion(motion('m1'));
      expect(await own.getMotion('m1')).toMatchObject({ id: 'm1' }); // prepared on the pool's connection
      await admin.connect();
      await admin.query(`alter table "${name}".motions add column added_later text`); // a newer version migrated
      await expect(own.getMotion('m1')).rejects.toMatchObject({ code: '0A000' });
      expect(await own.getMotion('m1')).toMatchObject({ id: 'm1' });
      expect(await own.getMotion('m1')).toMatchObject({ id: 'm1' });
    } finally {
      await admin.end();
      await own.close();
      await schemas.drop();
    }
  });
});
