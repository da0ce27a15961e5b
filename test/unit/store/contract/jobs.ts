/** Store contract: Jobs: planning, claiming, taking over. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { LEASE, at, job } from './data.js';
import type { ContractHarness } from './harness.js';

export function jobsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('jobs', () => {
    it('schedules a job and reads it back', async () => {
      await store.scheduleJob(job('vote.deadline:m1', { payload: { motionId: 'm1', n: [1, 2] } }));
      const read = await store.getJob('vote.deadline:m1');
      expect(read).toEqual({
        boardId: store.boardId,
        id: expect.any(Number),
        key: 'vote.deadline:m1',
        kind: 'vote.deadline',
        dueAt: at(10),
        payload: { motionId: 'm1', n: [1, 2] },
        status: 'pending',
        attempts: 0,
      });
      expect(read).not.toHaveProperty('lastError');
      expect(read).not.toHaveProperty('doneAt');
      expect(await store.getJob('nope')).toBeUndefined();
    });

    it('stores an absent payload as absent', async () => {
      await store.scheduleJob({ key: 'k', kind: 'tick', dueAt: at(1) });
      const read = await store.getJob('k');
      expect(read).toEqual({ id: expect.any(Number), boardId: store.boardId, key: 'k', kind: 'tick', dueAt: at(1), status: 'pending', attempts: 0 });
      expect(read).not.toHaveProperty('payload');
    });

    it('re-plans a job with the same key: one job, new due time, kind and payload', async () => {
      await store.scheduleJob(job('k', { dueAt: at(10), payload: { v: 1 } }));
      const before = await store.getJob('k');
      await store.scheduleJob(job('k', { kind: 'agenda.reminder', dueAt: at(20), payload: { v: 2 } }));
      const after = await store.getJob('k');
      expect(after).toEqual({
        boardId: store.boardId,
        id: before!.id,
        key: 'k',
        kind: 'agenda.reminder',
        dueAt: at(20),
        payload: { v: 2 },
        status: 'pending',
        attempts: 0,
      });
      expect(await store.claimDueJobs(at(15), 10)).toEqual([]);
      expect((await store.claimDueJobs(at(20), 10)).map((j) => j.key)).toEqual(['k']);
    });

    it('does not re-plan a done job', async () => {
      await store.scheduleJob(job('k', { dueAt: at(10) }));
      const [claimed] = await store.claimDueJobs(at(10), 1);
      await store.completeJob(claimed!.id, at(11));
      await store.scheduleJob(job('k', { dueAt: at(30), payload: { v: 'new' } }));
      const read = await store.getJob('k');
      expect(read).toMatchObject({ status: 'done', dueAt: at(10), doneAt: at(11), payload: { motionId: 'k' } });
      expect(await store.claimDueJobs(at(60), 10)).toEqual([]);
    });

    it('re-arms a failed or cancelled job when it is scheduled again', async () => {
      await store.scheduleJob(job('failed', { dueAt: at(1) }));
      await store.scheduleJob(job('cancelled', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 1);
      expect(claimed!.key).toBe('failed');
      await store.failJob(claimed!.id, 'boom');
      await store.cancelJob('cancelled');

      await store.scheduleJob(job('failed', { dueAt: at(5) }));
      await store.scheduleJob(job('cancelled', { dueAt: at(5) }));
      const failed = await store.getJob('failed');
      expect(failed).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(5) });
      expect(failed).not.toHaveProperty('lastError');
      expect(await store.getJob('cancelled')).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(5) });
    });

    it('cancels a pending job so it is never claimed', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      await store.cancelJob('k');
      expect(await store.getJob('k')).toMatchObject({ status: 'cancelled' });
      expect(await store.claimDueJobs(at(100), 10)).toEqual([]);
      await store.cancelJob('nope'); // unknown key: no effect, no error
    });

    it('does not cancel a done job', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 1);
      await store.completeJob(claimed!.id, at(2));
      await store.cancelJob('k');
      expect(await store.getJob('k')).toMatchObject({ status: 'done' });
    });

    it('claims due jobs only, earliest first, up to the limit', async () => {
      await store.scheduleJob(job('c', { dueAt: at(3) }));
      await store.scheduleJob(job('a', { dueAt: at(1) }));
      await store.scheduleJob(job('later', { dueAt: at(60) }));
      await store.scheduleJob(job('b', { dueAt: at(2) }));

      const first = await store.claimDueJobs(at(3), 2);
      expect(first.map((j) => j.key)).toEqual(['a', 'b']);
      for (const j of first) expect(j).toMatchObject({ status: 'running', attempts: 1 });

      // Due exactly now counts; running jobs are not claimed again; future ones wait.
      expect((await store.claimDueJobs(at(3), 10)).map((j) => j.key)).toEqual(['c']);
      expect(await store.claimDueJobs(at(4), 10)).toEqual([]);
      expect(await store.claimDueJobs(at(4), 0)).toEqual([]);
      expect((await store.getJob('a'))?.status).toBe('running');
    });

    it('completes a claimed job', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.completeJob(claimed!.id, at(2));
      expect(await store.getJob('k')).toEqual({
        boardId: store.boardId,
        id: claimed!.id,
        key: 'k',
        kind: 'vote.deadline',
        dueAt: at(1),
        payload: { motionId: 'k' },
        status: 'done',
        attempts: 1,
        doneAt: at(2),
      });
      expect(await store.claimDueJobs(at(100), 10)).toEqual([]);
    });

    it('puts a failed job back at its retry time, then claims it again', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.failJob(claimed!.id, 'connector 503', at(5));
      expect(await store.getJob('k')).toMatchObject({ status: 'pending', dueAt: at(5), lastError: 'connector 503', attempts: 1 });
      expect(await store.claimDueJobs(at(4), 10)).toEqual([]);
      const [again] = await store.claimDueJobs(at(5), 10);
      expect(again).toMatchObject({ id: claimed!.id, status: 'running', attempts: 2, lastError: 'connector 503' });
    });

    it('marks a job failed for good without a retry time', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.failJob(claimed!.id, 'bad payload');
      expect(await store.getJob('k')).toMatchObject({ status: 'failed', lastError: 'bad payload' });
      expect(await store.claimDueJobs(at(1000), 10)).toEqual([]);
    });

    it('marks a job rejected (no retry would cure it) without a retry time, and never plans it again at start', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1) }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.failJob(claimed!.id, 'bad payload', 'rejected');
      expect(await store.getJob('k')).toMatchObject({ status: 'rejected', lastError: 'bad payload' });
      expect(await store.planFailedJobsAgain(['vote.deadline'])).toEqual([]);
      expect(await store.claimDueJobs(at(1000), 10)).toEqual([]);
      // Its use case may plan it anew, with a payload that fits.
      await store.scheduleJob(job('k', { dueAt: at(5) }));
      expect(await store.getJob('k')).toMatchObject({ status: 'pending', attempts: 0 });
    });

    it('plans the jobs failed for good of the kinds given again, once: pending, attempts counted anew, due time and last error kept; nothing else', async () => {
      for (const key of ['failed', 'other-kind', 'rejected', 'done', 'cancelled', 'running']) await store.scheduleJob(job(key, { dueAt: at(1), ...(key === 'other-kind' ? { kind: 'other' } : {}) }));
      await store.scheduleJob(job('pending', { dueAt: at(50) }));
      await store.cancelJob('cancelled');
      const claimed = new Map((await store.claimDueJobs(at(1), 10)).map((j) => [j.key, j]));
      await store.failJob(claimed.get('failed')!.id, 'database away');
      await store.failJob(claimed.get('other-kind')!.id, 'database away');
      await store.failJob(claimed.get('rejected')!.id, 'bad payload', 'rejected');
      await store.completeJob(claimed.get('done')!.id, at(2));
      const again = await store.planFailedJobsAgain(['vote.deadline']);
      expect(again).toEqual([expect.objectContaining({ key: 'failed', kind: 'vote.deadline', boardId: store.boardId, status: 'pending', attempts: 0, dueAt: at(1), lastError: 'database away' })]);
      expect(await store.getJob('failed')).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(1) });
      expect(await store.getJob('other-kind')).toMatchObject({ status: 'failed' });
      expect(await store.getJob('rejected')).toMatchObject({ status: 'rejected' });
      expect(await store.getJob('done')).toMatchObject({ status: 'done' });
      expect(await store.getJob('cancelled')).toMatchObject({ status: 'cancelled' });
      expect(await store.getJob('running')).toMatchObject({ status: 'running' });
      expect(await store.getJob('pending')).toMatchObject({ status: 'pending', dueAt: at(50) });
      expect(await store.planFailedJobsAgain(['vote.deadline'])).toEqual([]);
      expect(await store.planFailedJobsAgain([])).toEqual([]);
      // Due at once: claimed as any due job.
      expect((await store.claimDueJobs(at(2), 10)).map((j) => [j.key, j.attempts])).toEqual([['failed', 1]]);
    });

    it('claims a running job again once its claim’s lease ran out (a claimer that hangs), not sooner', async () => {
      await store.scheduleJob(job('k', { dueAt: at(0) }));
      expect(await store.claimDueJobs(at(0), 10)).toHaveLength(1);
      expect(await store.claimDueJobs(at(LEASE), 10)).toEqual([]);
      const [again] = await store.claimDueJobs(at(LEASE + 1), 10);
      expect(again).toMatchObject({ key: 'k', status: 'running', attempts: 2 });
      expect(await store.claimDueJobs(at(LEASE + 2), 10)).toEqual([]);
    });

    it.skipIf(!h.reopen)('gives a job claimed by a process that is gone to the next process at once, and only it', async () => {
      await store.scheduleJob(job('crashed', { dueAt: at(0) }));
      await store.scheduleJob(job('later', { dueAt: at(5) }));
      const [claimed] = await store.claimDueJobs(at(0), 1);
      expect(claimed?.key).toBe('crashed');
      await store.close(); // as a kill -9 while it ran
      store = await h.reopen!();
      const [again] = await store.claimDueJobs(at(0), 10);
      expect(again).toMatchObject({ id: claimed!.id, key: 'crashed', status: 'running', attempts: 2 });
      expect(await store.claimDueJobs(at(0), 10)).toEqual([]);
      await store.completeJob(again!.id, at(1));
      expect(await store.getJob('crashed')).toMatchObject({ status: 'done', doneAt: at(1) });
    });

    it('never gives the same job to two concurrent claimers', async () => {
      for (let i = 0; i < 7; i++) await store.scheduleJob(job(`k${i}`, { dueAt: at(i) }));
      const [a, b, c] = await Promise.all([
        store.claimDueJobs(at(10), 3),
        store.claimDueJobs(at(10), 3),
        store.claimDueJobs(at(10), 3),
      ]);
      const ids = [...a!, ...b!, ...c!].map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(7);
      for (const j of [...a!, ...b!, ...c!]) expect(j.attempts).toBe(1);
    });

    it('keeps a job re-planned while it ran: its old claim cannot complete or fail it', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 1 } }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.scheduleJob(job('k', { dueAt: at(30), payload: { v: 2 } }));
      await store.completeJob(claimed!.id, at(2));
      await store.failJob(claimed!.id, 'late failure');
      const read = await store.getJob('k');
      expect(read).toMatchObject({ status: 'pending', dueAt: at(30), payload: { v: 2 }, attempts: 0 });
      expect(read).not.toHaveProperty('doneAt');
      expect(read).not.toHaveProperty('lastError');
    });

    it('does not give a job re-planned while it runs to a second claimer: it runs again once the first run ends', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 1 } }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      // Re-planned during its run, due at once (a board file changed, another instance's action).
      await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 2 } }));
      expect(await store.getJob('k')).toMatchObject({ status: 'replanned', dueAt: at(1), payload: { v: 2 } });
      expect(await store.claimDueJobs(at(2), 10)).toEqual([]);
      await store.completeJob(claimed!.id, at(2));
      expect(await store.getJob('k')).toMatchObject({ status: 'pending', dueAt: at(1), payload: { v: 2 } });
      const [again] = await store.claimDueJobs(at(2), 10);
      expect(again).toMatchObject({ id: claimed!.id, payload: { v: 2 }, status: 'running', attempts: 1 });
      await store.completeJob(again!.id, at(3));
      expect(await store.getJob('k')).toMatchObject({ status: 'done', doneAt: at(3) });
    });

    it('takes over a job re-planned for later while it ran only at its new time, when its claim ran out or its claimer is gone', async () => {
      const week = 7 * 24 * 60;
      await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 1 } }));
      await store.claimDueJobs(at(1), 10);
      await store.scheduleJob(job('k', { dueAt: at(week), payload: { v: 2 } }));
      expect(await store.claimDueJobs(at(1 + LEASE + 1), 10)).toEqual([]);
      if (h.reopen) {
        await store.close(); // as a kill -9 while it ran
        store = await h.reopen();
        expect(await store.claimDueJobs(at(2), 10)).toEqual([]);
      }
      const [taken] = await store.claimDueJobs(at(week), 10);
      expect(taken).toMatchObject({ key: 'k', status: 'running', payload: { v: 2 } });
    });

    it('runs a re-planned job once more after a failed run, at the re-planned time, and takes it over like a running one', async () => {
      await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 1 } }));
      const [claimed] = await store.claimDueJobs(at(1), 10);
      await store.scheduleJob(job('k', { dueAt: at(3), payload: { v: 2 } }));
      await store.failJob(claimed!.id, 'connector 503', at(60));
      expect(await store.getJob('k')).toMatchObject({ status: 'pending', dueAt: at(3), payload: { v: 2 }, attempts: 0 });
      // A claim whose lease ran out is taken over with the latest plan.
      const [second] = await store.claimDueJobs(at(3), 10);
      await store.scheduleJob(job('k', { dueAt: at(4), payload: { v: 3 } }));
      const [taken] = await store.claimDueJobs(at(3 + LEASE + 1), 10);
      expect(taken).toMatchObject({ id: second!.id, status: 'running', payload: { v: 3 } });
      // The cancel of a job re-planned while it runs leaves the run alone and drops the plan after it.
      await store.scheduleJob(job('k', { dueAt: at(200), payload: { v: 4 } }));
      await store.cancelJob('k');
      expect(await store.getJob('k')).toMatchObject({ status: 'running' });
      await store.completeJob(taken!.id, at(3 + LEASE + 2));
      expect(await store.getJob('k')).toMatchObject({ status: 'done' });
      expect(await store.claimDueJobs(at(1000), 10)).toEqual([]);
    });
  });
}
