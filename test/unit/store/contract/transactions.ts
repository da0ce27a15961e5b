/** Store contract: Transactions: all or nothing, across every feature. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { T0, agendaItem, at, ballot, conclusion, datePoll, dissent, job, meeting, minutes, motion, petition, post } from './data.js';
import type { ContractHarness } from './harness.js';
import { activityKey } from '../../../support/activity-keys.js';

export function transactionsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('transactions', () => {
    it('commits all the work’s writes and returns its result', async () => {
      const result = await store.transaction(async (repo) => {
        expect(await repo.markActivityProcessed(activityKey('act-1'), T0)).toBe(true);
        await repo.insertMotion(motion('m1'));
        await repo.upsertBallot(ballot('m1', 'FOB'));
        await repo.appendAudit({ at: T0, actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
        await repo.scheduleJob(job('vote.deadline:m1'));
        await repo.enqueueOutbox(post('vote.opened:m1'));
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.getMotion('m1')).toEqual(motion('m1'));
      expect(await store.listBallots('m1')).toHaveLength(1);
      expect(await store.listAudit()).toHaveLength(1);
      expect(await store.getJob('vote.deadline:m1')).toBeDefined();
      expect(await store.getOutbox('vote.opened:m1')).toBeDefined();
      expect(await store.markActivityProcessed(activityKey('act-1'), T0)).toBe(false);
    });

    it('rolls back everything when the work throws', async () => {
      const failure = new Error('boom');
      await expect(
        store.transaction(async (repo) => {
          await repo.markActivityProcessed(activityKey('act-1'), T0);
          await repo.insertMotion(motion('m1'));
          await repo.upsertBallot(ballot('m1', 'FOB'));
          await repo.appendAudit({ at: T0, actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
          await repo.scheduleJob(job('vote.deadline:m1'));
          await repo.enqueueOutbox(post('vote.opened:m1'));
          await repo.saveBinding({ conversationReference: {}, channelId: 'c', serviceUrl: 's', boundAt: T0 });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.getMotion('m1')).toBeUndefined();
      expect(await store.listBallots('m1')).toEqual([]);
      expect(await store.listAudit()).toEqual([]);
      expect(await store.getJob('vote.deadline:m1')).toBeUndefined();
      expect(await store.getOutbox('vote.opened:m1')).toBeUndefined();
      expect(await store.getBinding()).toBeUndefined();
      expect(await store.markActivityProcessed(activityKey('act-1'), T0)).toBe(true);
    });

    it('rolls back a close when the work throws after it', async () => {
      await store.insertMotion(motion('m1'));
      await expect(
        store.transaction(async (repo) => {
          expect(await repo.closeMotion('m1', at(1), 'chair', 'p-chair')).toBe(true);
          throw new Error('after close');
        }),
      ).rejects.toThrow('after close');
      expect(await store.listOpenMotions()).toHaveLength(1);
      expect(await store.closeMotion('m1', at(2), 'chair', 'p-chair')).toBe(true);
    });

    it('rolls back meeting, agenda, petition and personal writes when the work throws', async () => {
      await store.insertMeeting(meeting('mt1'));
      await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
      await store.insertPetition(petition('pe1'));
      await expect(
        store.transaction(async (repo) => {
          await repo.insertMeeting(meeting('mt2'));
          await repo.updateMeeting('mt1', { status: 'cancelled' });
          expect(await repo.markAgendaSent('mt1', at(1), false)).toBe(true);
          await repo.insertAgendaItem(agendaItem('i2', 'mt1', 2));
          await repo.addAttachment('i1', { url: 'https://x/1' });
          expect(await repo.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) })).toBe(true);
          expect(await repo.markPetitionMajority('pe1', at(1))).toBe(true);
          await repo.savePersonalConversation('p-a', { conversation: { id: 'a:1' } }, at(1));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getMeeting('mt2')).toBeUndefined();
      expect(await store.getMeeting('mt1')).toEqual(meeting('mt1'));
      expect(await store.listAgendaItems('mt1')).toEqual([agendaItem('i1', 'mt1', 1)]);
      expect(await store.getPetition('pe1')).toEqual(petition('pe1'));
      expect(await store.listPetitionSupports('pe1')).toEqual([]);
      expect(await store.getPersonalConversation('p-a')).toBeUndefined();
    });

    it('rolls back conclusion, objection, dissent, date poll, minutes and attendance writes when the work throws', async () => {
      await store.insertMotion(motion('m1'));
      await store.insertConclusion(conclusion('c1', 'mt1'));
      await store.insertDatePoll(datePoll('dp1'));
      await store.upsertDateAnswer({ pollId: 'dp1', personId: 'p-a', available: ['2026-03-05'], answeredAt: at(1) });
      await store.insertMinutes(minutes('r1', 'mt1', 1));
      await expect(
        store.transaction(async (repo) => {
          await repo.insertConclusion(conclusion('c2', 'mt1'));
          expect(await repo.updateConclusion('c1', 'open', { status: 'objected' })).toBe(true);
          expect(await repo.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(2) })).toBe(true);
          expect(await repo.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'))).toBe(true);
          expect(await repo.insertDissent(dissent('d2', { motionId: 'm1' }, 'p-a'))).toBe(true);
          await repo.insertDatePoll(datePoll('dp2'));
          expect(await repo.confirmDatePoll('dp1', at(3), 'p-chair', ['2026-03-05'])).toBe(true);
          await repo.upsertDateAnswer({ pollId: 'dp1', personId: 'p-a', available: [], answeredAt: at(3) });
          await repo.insertMinutes(minutes('r2', 'mt1', 2));
          expect(await repo.updateMinutesText('r1', 'changed', at(4))).toBe(true);
          expect(await repo.approveMinutes('r1', at(5), 'p-chair')).toBe(true);
          expect(await repo.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(5) })).toBe(true);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getConclusion('c2')).toBeUndefined();
      expect(await store.getConclusion('c1')).toEqual(conclusion('c1', 'mt1'));
      expect(await store.listObjections('c1')).toEqual([]);
      expect(await store.listDissents({ conclusionId: 'c1' })).toEqual([]);
      expect(await store.listDissents({ motionId: 'm1' })).toEqual([]);
      expect(await store.getDatePoll('dp2')).toBeUndefined();
      expect(await store.getDatePoll('dp1')).toEqual(datePoll('dp1'));
      expect(await store.listDateAnswers('dp1')).toEqual([
        { pollId: 'dp1', personId: 'p-a', available: ['2026-03-05'], answeredAt: at(1) },
      ]);
      expect(await store.listMinutes('mt1')).toEqual([minutes('r1', 'mt1', 1)]);
      expect(await store.listAttendees('mt1')).toEqual([]);
    });

    it('keeps a transaction usable after a duplicate objection, dissent or attendee', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      await store.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(1) });
      await store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'));
      await store.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(1) });
      const result = await store.transaction(async (repo) => {
        const again = [
          await repo.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(2) }),
          await repo.insertDissent(dissent('d2', { conclusionId: 'c1' }, 'p-a')),
          await repo.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(2) }),
        ];
        expect(await repo.updateConclusion('c1', 'open', { status: 'objected' })).toBe(true);
        return again;
      });
      expect(result).toEqual([false, false, false]);
      expect((await store.getConclusion('c1'))?.status).toBe('objected');
    });

    it('claims jobs and posts inside a transaction, and releases them on rollback', async () => {
      await store.scheduleJob(job('k', { dueAt: at(0) }));
      await store.enqueueOutbox(post('p'));
      await expect(
        store.transaction(async (repo) => {
          expect(await repo.claimDueJobs(at(0), 10)).toHaveLength(1);
          expect(await repo.claimOutbox(at(0), 10)).toHaveLength(1);
          throw new Error('crash');
        }),
      ).rejects.toThrow('crash');
      expect((await store.claimDueJobs(at(0), 10)).map((j) => j.key)).toEqual(['k']);
      expect((await store.claimOutbox(at(0), 10)).map((e) => e.key)).toEqual(['p']);
    });
  });
}
