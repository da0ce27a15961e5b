import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentJobError } from '../../../src/scheduler/registry.js';
import { Scheduler, jobRetryDelayMs } from '../../../src/scheduler/runner.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { openMigratedSqliteStore } from '../../support/sqlite-image.js';

let store: Store;
let now: Date;
const clock = () => now;
const log = pino({ level: 'silent' });

beforeEach(async () => {
  store = await openMigratedSqliteStore({ file: ':memory:' });
  await store.migrate();
  now = new Date('2026-12-01T08:00:00Z');
});
afterEach(async () => {
  await store.close();
});

describe('the job runner', () => {
  it('runs only what is due, each job once', async () => {
    const ran: string[] = [];
    const scheduler = new Scheduler({ store, clock, log, handlers: { k: async (job) => void ran.push(job.key) } });
    await store.scheduleJob({ key: 'a', kind: 'k', dueAt: new Date('2026-12-01T07:00:00Z') });
    await store.scheduleJob({ key: 'b', kind: 'k', dueAt: new Date('2026-12-01T09:00:00Z') });
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0);
    now = new Date('2026-12-01T09:00:00Z');
    await scheduler.tick();
    expect(ran).toEqual(['a', 'b']);
    expect((await store.getJob('a'))?.status).toBe('done');
  });

  it('catches up on start with what fell due while the bot was down', async () => {
    const ran: string[] = [];
    await store.scheduleJob({ key: 'missed', kind: 'k', dueAt: new Date('2026-11-20T08:00:00Z') });
    const scheduler = new Scheduler({ store, clock, log, handlers: { k: async (job) => void ran.push(job.key) } });
    await scheduler.start('0 0 1 1 *');
    await scheduler.stop();
    expect(ran).toEqual(['missed']);
  });

  it('a job that answers a note (a reminder caught up past its moment, left out) is done, and the note is one warning line naming the job', async () => {
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const scheduler = new Scheduler({ store, clock, log: logged, handlers: { k: async (job) => (job.key === 'late' ? 'reminder not sent: its moment has passed' : undefined) } });
    await store.scheduleJob({ key: 'late', kind: 'k', dueAt: now });
    await store.scheduleJob({ key: 'on-time', kind: 'k', dueAt: now });
    await scheduler.tick();
    expect((await store.getJob('late'))?.status).toBe('done');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 40, job: 'late', msg: 'reminder not sent: its moment has passed' })]);
  });

  it('retries a failing job with backoff, then gives up', async () => {
    let calls = 0;
    const scheduler = new Scheduler({ store, clock, log, maxAttempts: 2, handlers: { k: async () => { calls++; throw new Error('boom'); } } });
    await store.scheduleJob({ key: 'f', kind: 'k', dueAt: now });
    await scheduler.tick();
    const retried = await store.getJob('f');
    expect(retried).toMatchObject({ status: 'pending', lastError: 'boom' });
    expect(retried!.dueAt.getTime() - now.getTime()).toBe(jobRetryDelayMs(1));
    now = retried!.dueAt;
    await scheduler.tick();
    expect(await store.getJob('f')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('a job that fails for good is one line at error level naming the job, its kind and its board; its retries before are warnings', async () => {
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const scheduler = new Scheduler({ store, clock, log: logged, maxAttempts: 2, handlers: { k: async () => { throw new Error('database away'); } } });
    await store.scheduleJob({ key: 'f', kind: 'k', dueAt: now });
    await scheduler.tick();
    now = (await store.getJob('f'))!.dueAt;
    await scheduler.tick();
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((l) => [l.level, l.msg])).toEqual([[40, 'job failed; tried again later'], [50, 'job failed for good']]);
    expect(parsed[1]).toMatchObject({ job: 'f', kind: 'k', board: store.boardId, attempts: 2, err: 'database away' });
  });

  it('at start a job failed for good is planned again, once (pending, its attempts counted anew, due at once), one warning line; it runs, and what still fails is retried and may fail for good again', async () => {
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    let away = true;
    const ran: string[] = [];
    const handlers = { k: async (job: { key: string }) => { if (away) throw new Error('database away'); ran.push(job.key); } };
    await store.scheduleJob({ key: 'f', kind: 'k', dueAt: now });
    await new Scheduler({ store, clock, log, maxAttempts: 1, handlers }).tick();
    expect(await store.getJob('f')).toMatchObject({ status: 'failed', attempts: 1 });

    // Started again, the database still away: planned again, tried again, failed for good again.
    now = new Date('2026-12-01T10:00:00Z');
    await new Scheduler({ store, clock, log: logged, maxAttempts: 1, handlers }).catchUp();
    expect(await store.getJob('f')).toMatchObject({ status: 'failed', attempts: 1 });
    // Started again, the database back: it runs, once.
    away = false;
    now = new Date('2026-12-01T11:00:00Z');
    const scheduler = new Scheduler({ store, clock, log: logged, maxAttempts: 1, handlers });
    await scheduler.catchUp();
    await scheduler.catchUp();
    expect(ran).toEqual(['f']);
    expect(await store.getJob('f')).toMatchObject({ status: 'done', attempts: 1 });
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((l) => l.msg)).toEqual(['job failed for good: planned again at start', 'job failed for good', 'job failed for good: planned again at start']);
    expect(parsed[0]).toMatchObject({ level: 40, job: 'f', kind: 'k', board: store.boardId, lastError: 'database away' });
  });

  it('a job of a kind it has no handler for (planned by an instance of another version) is retried as a failure is, so that an instance that knows the kind takes it; failed for good, it is planned again at start only by one that has a handler for it', async () => {
    const ran: string[] = [];
    const older = new Scheduler({ store, clock, log, maxAttempts: 2, handlers: {} });
    const newer = new Scheduler({ store, clock, log, maxAttempts: 2, handlers: { fresh: async (job) => void ran.push(job.key) } });
    await store.scheduleJob({ key: 'n1', kind: 'fresh', dueAt: now });
    await older.tick();
    const retried = await store.getJob('n1');
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no handler for kind fresh (an instance of another version planned it)' });
    now = retried!.dueAt;
    await newer.tick();
    expect(ran).toEqual(['n1']);

    await store.scheduleJob({ key: 'n2', kind: 'fresh', dueAt: now });
    await older.tick();
    now = (await store.getJob('n2'))!.dueAt;
    await older.tick();
    expect(await store.getJob('n2')).toMatchObject({ status: 'failed', attempts: 2 });
    // An older instance starting does not plan it again: it would only fail again.
    await older.catchUp();
    expect(await store.getJob('n2')).toMatchObject({ status: 'failed', attempts: 2 });
    await newer.catchUp();
    expect(ran).toEqual(['n1', 'n2']);
    expect(await store.getJob('n2')).toMatchObject({ status: 'done' });
  });

  it('a failure no retry cures (PermanentJobError) rejects the job at once, one error line, and no start plans it again', async () => {
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    let calls = 0;
    const handlers = { k: async () => { calls++; throw new PermanentJobError('job p is for board "gone", which no board file names'); } };
    await store.scheduleJob({ key: 'p', kind: 'k', dueAt: now });
    const scheduler = new Scheduler({ store, clock, log: logged, handlers });
    await scheduler.tick();
    await scheduler.catchUp();
    expect(calls).toBe(1);
    expect(await store.getJob('p')).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 50, msg: 'job failed for good', job: 'p', kind: 'k', rejected: true })]);
  });

  it('two schedulers on one store never run a job twice', async () => {
    const ran: string[] = [];
    const handlers = { k: async (job: { key: string }) => void ran.push(job.key) };
    for (let i = 0; i < 30; i++) await store.scheduleJob({ key: `j${i}`, kind: 'k', dueAt: now });
    const a = new Scheduler({ store, clock, log, handlers });
    const b = new Scheduler({ store, clock, log, handlers });
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(ran.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `j${i}`).sort());
  });

  it('a job a killed process was running runs again on the next start, at once, with the jobs it had not reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-jobs-'));
    const file = join(dir, 'bot.db');
    try {
      const first = await openSqliteStore({ file });
      await first.migrate();
      for (let i = 1; i <= 4; i++) await first.scheduleJob({ key: `agenda-${i}`, kind: 'k', dueAt: now });
      const started: string[] = [];
      let dying!: () => void;
      const killed = new Promise<void>((resolve) => (dying = resolve));
      const hanging = new Scheduler({
        store: first,
        clock,
        log,
        handlers: {
          k: async (job) => {
            started.push(job.key);
            if (job.key === 'agenda-2') {
              dying();
              await new Promise<never>(() => undefined);
            }
          },
        },
      });
      void hanging.tick().catch(() => undefined); // the dead process's tick, never answered
      await killed;
      await first.close(); // as a kill -9 while agenda-2 ran

      const second = await openSqliteStore({ file });
      try {
        const ran: string[] = [];
        await new Scheduler({ store: second, clock, log, handlers: { k: async (job) => void ran.push(job.key) } }).tick();
        expect(started).toEqual(['agenda-1', 'agenda-2']);
        expect(ran).toEqual(['agenda-2', 'agenda-3', 'agenda-4']);
        for (let i = 1; i <= 4; i++) expect((await second.getJob(`agenda-${i}`))?.status).toBe('done');
        expect(await second.getJob('agenda-2')).toMatchObject({ attempts: 2 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
