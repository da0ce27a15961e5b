/** The typed job registry (issue 9): the features' jobs by kind, each payload checked against its schema. */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JOBS } from '../../../src/features.js';
import { jobHandlers } from '../../../src/scheduler/registry.js';
import { Scheduler } from '../../../src/scheduler/runner.js';
import type { Store } from '../../../src/store/port.js';
import { openMigratedSqliteStore } from '../../support/sqlite-image.js';
import { type JobContext, defineJob } from '../../../src/usecases/jobs.js';

let store: Store;
const now = new Date('2026-12-01T08:00:00Z');
const log = pino({ level: 'silent' });
const context = {} as JobContext;

beforeEach(async () => {
  store = await openMigratedSqliteStore({ file: ':memory:' });
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

describe('the job registry', () => {
  it('runs a job with its payload as its kind declares it', async () => {
    const seen: string[] = [];
    const echo = defineJob({ kind: 'echo', payload: z.object({ word: z.string() }), run: async (_ctx, { word }) => void seen.push(word) });
    const scheduler = new Scheduler({ store, clock: () => now, log, handlers: jobHandlers([echo], () => context) });
    await store.scheduleJob({ key: 'e1', kind: 'echo', dueAt: now, payload: { word: 'hej' } });
    await scheduler.tick();
    expect(seen).toEqual(['hej']);
    expect((await store.getJob('e1'))?.status).toBe('done');
  });

  it('rejects a job whose payload does not fit its kind at once, saying so, without running it or retrying, nor planning it again at start', async () => {
    let ran = false;
    const echo = defineJob({ kind: 'echo', payload: z.object({ word: z.string() }), run: async () => void (ran = true) });
    const scheduler = new Scheduler({ store, clock: () => now, log, handlers: jobHandlers([echo], () => context) });
    await store.scheduleJob({ key: 'e2', kind: 'echo', dueAt: now, payload: { word: 7 } });
    await scheduler.tick();
    expect(ran).toBe(false);
    const job = await store.getJob('e2');
    expect(job).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(job?.lastError).toMatch(/job e2 \(echo\) has a payload that does not fit its kind: word: Expected string, received number/);
    await scheduler.catchUp();
    expect(ran).toBe(false);
    expect(await store.getJob('e2')).toMatchObject({ status: 'rejected', attempts: 1 });
  });

  it('holds every job kind the features plan, once each', () => {
    const kinds = JOBS.map((j) => j.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.sort()).toEqual(['agenda.post', 'agenda.reminder', 'conclusion.open-reminder', 'conclusion.window', 'dates.reminder', 'meeting.attendance', 'meeting.attendance-close', 'meeting.reminder', 'petition.lapse', 'petition.reminder', 'roster.read', 'task.reminder', 'vote.deadline', 'vote.reminder']);
    expect(() => jobHandlers([...JOBS, JOBS[0]!], () => context)).toThrow(/two job definitions for the kind/);
  });
});
