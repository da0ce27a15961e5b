/** The one command runner (issue 9): policy, clock, one transaction, first delivery, audit, publishing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Person } from '../../../src/domain/kernel/board.js';
import { refuse } from '../../../src/domain/kernel/result.js';
import type { Store } from '../../../src/store/port.js';
import { openMigratedSqliteStore } from '../../support/sqlite-image.js';
import type { Deps } from '../../../src/usecases/deps.js';
import type { BoardEvent } from '../../../src/usecases/event.js';
import { type Origin, done, run } from '../../../src/usecases/runner.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';
import { activityKey } from '../../support/activity-keys.js';

const board = loadBoardFile(DEMO_CONFIG_PATH);
const anne = board.people.find((p) => p.name.startsWith('Anne'))!;
const birgitte = board.people.find((p) => p.name.startsWith('Birgitte'))!;
const NOW = new Date('2026-12-01T09:00:00Z');

let store: Store;
let published: BoardEvent[][];
let deps: Deps;

beforeEach(async () => {
  store = await openMigratedSqliteStore({ file: ':memory:', board: board.id });
  await store.migrate();
  published = [];
  deps = {
    store,
    clock: () => NOW,
    newId: () => 'id-1',
    texts: { itemLabel: () => '', itemMotion: () => '', itemHeading: () => '', minutes: () => '' },
    publisher: {
      publish: async (repo, _board, events) => {
        published.push([...events]);
        // Written in the use case's transaction: a rollback takes it back.
        await repo.enqueueOutbox({ key: `post:${events.length}`, kind: 'send', conversation: {}, activity: {}, dueAt: NOW });
      },
    },
  };
});
afterEach(async () => {
  await store.close();
});

const by = (actor: Person, activityId?: string, conversationId?: string): Origin => ({ board, actor, ...(activityId ? { activity: activityKey(activityId, conversationId) } : {}) });

describe('run', () => {
  it('audits each event with its subject derived from it, and publishes them in the same transaction', async () => {
    const result = await run(deps, by(anne, 'act-1'), { action: 'vote.open' }, async () =>
      done('opened', { type: 'motion.opened', motion: { id: 'm1' }, data: { text: 'Forslag' } }, { type: 'petition.majority', petition: { id: 'p1' }, actor: 'system' }),
    );
    expect(result).toEqual({ ok: true, value: 'opened' });
    expect(await store.listAudit()).toMatchObject([
      { actor: anne.id, action: 'motion.opened', subject: 'motion:m1', data: { text: 'Forslag' }, activityId: 'act-1' },
      { actor: 'system', action: 'petition.majority', subject: 'petition:p1' },
    ]);
    expect(published.map((events) => events.map((e) => e.type))).toEqual([['motion.opened', 'petition.majority']]);
    expect(await store.getOutbox('post:2')).toBeDefined();
  });

  it('tells what it committed: whether the change planned a job due at once (then the scheduler ticks at once)', async () => {
    const told: unknown[] = [];
    const watched: Deps = { ...deps, onCommit: (c) => told.push(c) };
    await run(watched, by(anne, 'act-due-later'), { action: 'vote.open' }, async (tx) => {
      await tx.repo.scheduleJob({ key: 'later', kind: 'k', dueAt: new Date(NOW.getTime() + 1) });
      return done('planned');
    });
    await run(watched, by(anne, 'act-due-now'), { action: 'vote.open' }, async (tx) => {
      await tx.repo.scheduleJob({ key: 'now', kind: 'k', dueAt: NOW });
      return done('planned');
    });
    await run(watched, by(anne, 'act-due-now'), { action: 'vote.open' }, async () => done('again')); // a redelivery commits nothing new
    expect(told).toEqual([{ dueNow: false }, { dueNow: true }]);
    expect(await store.getJob('now')).toMatchObject({ status: 'pending' });
  });

  it('tells which card updates the change queued when it queued nothing else (a vote: the outbox may hold them back)', async () => {
    const told: unknown[] = [];
    const watched: Deps = { ...deps, onCommit: (c) => told.push(c) };
    const entry = (key: string, kind: 'send' | 'update') => ({ key, kind, conversation: {}, activity: {}, dueAt: NOW, ...(kind === 'update' ? { updatesKey: 'card' } : {}) });
    const queuing = (activityId: string, kinds: ('send' | 'update')[]) =>
      run(watched, by(anne, activityId), { action: 'vote.open' }, async (tx) => {
        for (const [i, kind] of kinds.entries()) await tx.repo.enqueueOutbox(entry(`${activityId}:${i}`, kind));
        return done('queued');
      });
    await queuing('act-updates', ['update', 'update']);
    await queuing('act-mixed', ['update', 'send']);
    await queuing('act-send', ['send']);
    await queuing('act-nothing', []);
    expect(told).toEqual([{ dueNow: false, onlyUpdates: ['act-updates:0', 'act-updates:1'] }, { dueNow: false }, { dueNow: false }, { dueNow: false }]);
  });

  it('asks the role policy first: a refusal reads and writes nothing', async () => {
    let worked = false;
    const result = await run(deps, by(birgitte, 'act-2'), { action: 'vote.open' }, async () => {
      worked = true;
      return done(undefined);
    });
    expect(result).toEqual({ ok: false, reason: 'not-chair' });
    expect(worked).toBe(false);
    expect(await store.markActivityProcessed(activityKey('act-2'), NOW)).toBe(true);
  });

  it('rolls a refused change back, the activity with it: the same activity may then go through', async () => {
    const refused = await run(deps, by(anne, 'act-3'), { action: 'vote.open' }, async (tx) => {
      await tx.repo.appendAudit({ at: NOW, actor: 'x', action: 'written-then-refused', subject: 'motion:m9' });
      return refuse('empty-motion' as const);
    });
    expect(refused).toEqual({ ok: false, reason: 'empty-motion' });
    expect(await store.listAudit()).toEqual([]);
    const again = await run(deps, by(anne, 'act-3'), { action: 'vote.open' }, async () => done('now'));
    expect(again).toEqual({ ok: true, value: 'now' });
  });

  it('answers a redelivered activity with what is committed (again), with no second effect', async () => {
    const work = async () => done('first', { type: 'motion.opened', motion: { id: 'm2' } });
    const spec = { action: 'vote.open' as const, again: async () => done('as it stands') };
    expect(await run(deps, by(anne, 'act-4'), spec, work)).toEqual({ ok: true, value: 'first' });
    expect(await run(deps, by(anne, 'act-4'), spec, work)).toEqual({ ok: true, value: 'as it stands' });
    expect(await store.listAudit({ subject: 'motion:m2' })).toHaveLength(1);
    expect(published).toHaveLength(1);
  });

  it('knows an activity by its conversation and its id: the same id in another conversation is another activity (Teams\' ids are per conversation)', async () => {
    const spec = { action: 'vote.open' as const, again: async () => done('as it stands') };
    const opening = (id: string) => async () => done('opened', { type: 'motion.opened', motion: { id } });
    expect(await run(deps, by(anne, '1772355600000', '19:board-channel@thread.tacv2;messageid=1772355600000'), spec, opening('m6'))).toEqual({ ok: true, value: 'opened' });
    expect(await run(deps, by(anne, '1772355600000', 'a:1:anne'), spec, opening('m7'))).toEqual({ ok: true, value: 'opened' });
    expect(await run(deps, by(anne, '1772355600000', 'a:1:anne'), spec, opening('m8'))).toEqual({ ok: true, value: 'as it stands' });
    expect((await store.listAudit({ action: 'motion.opened' })).map((e) => [e.subject, e.activityId])).toEqual([
      ['motion:m6', '1772355600000'],
      ['motion:m7', '1772355600000'],
    ]);
  });

  it('a redelivered activity: what the work wrote before its record was found is rolled back, a refusal it met is not the answer, and nothing is told as committed', async () => {
    const told: unknown[] = [];
    const watched: Deps = { ...deps, onCommit: (c) => told.push(c) };
    const spec = { action: 'vote.open' as const, again: async () => done('as it stands') };
    // The work runs without waiting for the activity's record (one round trip on PostgreSQL).
    const writing = async (tx: Parameters<Parameters<typeof run>[3]>[0]) => {
      await tx.repo.appendAudit({ at: NOW, actor: anne.id, action: 'written.by.the.work', subject: 'motion:m5' });
      return done('first');
    };
    expect(await run(watched, by(anne, 'act-5'), spec, writing)).toEqual({ ok: true, value: 'first' });
    expect(await run(watched, by(anne, 'act-5'), spec, writing)).toEqual({ ok: true, value: 'as it stands' });
    expect(await store.listAudit({ action: 'written.by.the.work' })).toHaveLength(1); // the second time's was rolled back
    expect(await run(watched, by(anne, 'act-5'), spec, async () => refuse('vote-closed'))).toEqual({ ok: true, value: 'as it stands' });
    expect(await run(watched, by(anne, 'act-5'), { action: 'vote.open' }, writing)).toEqual({ ok: true, value: undefined });
    expect(told).toHaveLength(1);
  });
});
