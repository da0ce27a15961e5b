import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
