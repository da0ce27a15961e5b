/**
 * R19: a process claims the jobs and posts of the boards it serves only (StoreOptions.serves).
 * A board whose file is gone (or that another instance serves) keeps its due jobs and posts
 * pending: they are neither run nor sent without its board, nor failed for good; one failed for good
 * is planned again at start by a process that serves its board only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-serves-'));
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schemas?.drop();
});

/** Two stores on one database: one serving every board, one serving board "a" only. */
const backends: { name: string; open: () => Promise<[Store, Store]> }[] = [
  {
    name: 'SQLite',
    async open() {
      const file = join(dir, 'serves.db');
      const all = await openSqliteStore({ file, board: 'a' });
      await all.migrate();
      return [all, await openSqliteStore({ file, board: 'a', serves: ['a'] })];
    },
  },
  ...(pgTestUrl && schemas
    ? [
        {
          name: 'PostgreSQL',
          async open(): Promise<[Store, Store]> {
            const schema = schemas.fresh();
            const all = await openPgStore({ url: pgTestUrl!, schema, board: 'a' });
            await all.migrate();
            return [all, await openPgStore({ url: pgTestUrl!, schema, board: 'a', serves: ['a'] })];
          },
        },
      ]
    : []),
];

describe.each(backends)('R19: the boards a process serves, $name', ({ open }) => {
  it('claims only their due jobs and posts; another board\'s stay pending, untouched', async () => {
    const [all, onlyA] = await open();
    try {
      const past = new Date('2026-12-01T08:00:00Z');
      const now = new Date('2026-12-01T09:00:00Z');
      for (const board of ['a', 'b']) {
        await all.forBoard(board).scheduleJob({ key: `agenda-post:${board}`, kind: 'agenda-post', dueAt: past });
        await all.forBoard(board).enqueueOutbox({ key: `post:${board}`, kind: 'send', conversation: { conversation: { id: board } }, activity: { text: board }, dueAt: past });
      }
      const jobs = await onlyA.claimDueJobs(now, 10);
      const posts = await onlyA.claimOutbox(now, 10);
      expect(jobs.map((j) => j.boardId)).toEqual(['a']);
      expect(posts.map((e) => e.boardId)).toEqual(['a']);
      await onlyA.completeJob(jobs[0]!.id, now);
      await onlyA.markOutboxSent(posts[0]!.id, now, 'msg-a');
      // Board b's wait, as they were: a process serving it claims them.
      expect(await all.forBoard('b').getJob('agenda-post:b')).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await all.forBoard('b').getOutbox('post:b')).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await all.claimDueJobs(now, 10)).map((j) => j.boardId)).toEqual(['b']);
      expect((await all.claimOutbox(now, 10)).map((e) => e.boardId)).toEqual(['b']);
    } finally {
      await onlyA.close();
      await all.close();
    }
  });

  it('plans again at start only their jobs failed for good; another board\'s stay failed', async () => {
    const [all, onlyA] = await open();
    try {
      const later = new Date('2026-12-02T09:00:00Z');
      for (const board of ['a', 'b']) await all.forBoard(board).scheduleJob({ key: `reminder:${board}`, kind: 'reminder', dueAt: later });
      for (const job of await all.claimDueJobs(later, 10)) if (job.kind === 'reminder') await all.forBoard(job.boardId).failJob(job.id, 'database away');
      expect((await onlyA.planFailedJobsAgain(['reminder'])).map((j) => j.boardId)).toEqual(['a']);
      expect(await all.forBoard('b').getJob('reminder:b')).toMatchObject({ status: 'failed' });
      expect((await all.planFailedJobsAgain(['reminder'])).map((j) => j.boardId)).toEqual(['b']);
    } finally {
      await onlyA.close();
      await all.close();
    }
  });
});
