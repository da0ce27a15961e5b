/**
 * A job whose run fails is retried with backoff (30 s doubling to an hour, eight attempts) and
 * then failed for good. A database away for longer than that (or a bug fixed by a redeploy) must
 * not leave the board for good without what the job was for: at the next start every job failed
 * for good is planned again, once, and its run decides, as for any job caught up after a stop,
 * whether it still has anything to do (the agenda five days before, R13; the vote closed at its
 * deadline, R6; the objection window's decision, R7; the date-planning reminder, R10). A job whose
 * subject is gone meanwhile (the meeting cancelled, the vote closed by hand, the year's dates
 * confirmed) does nothing. Each failure for good is one error line naming the job's kind and
 * board; each job planned again one warning line. Over HTTP, in process (app-harness.ts), the
 * fake Bot Connector on 127.0.0.1, the clock the test's; the database made to fail by its
 * transactions failing, as a database that is away fails them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { CONCLUSION_WINDOW_JOB, conclusionWindowJobKey } from '../../src/usecases/conclusions.js';
import { JOB, jobKeys } from '../../src/usecases/meeting-jobs.js';
import { VOTE_DEADLINE_JOB, voteDeadlineJobKey } from '../../src/usecases/voting.js';

let h: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const text = (p: PostedActivity) => h!.connector.textOf(p);
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const isVoteCard = (motion: string) => (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast') && text(p).includes(motion);

const LIGHTS = 'Vinterbelysning i gårdene';
const BUDGET = 'Budgettet godkendes.';

/** What the channel got from `since` on, told apart by what each is. */
function postsSince(since: number): string[] {
  return h!.connector
    .posts()
    .filter((p) => p.seq >= since)
    .map((p) => {
      const t = text(p);
      if (/(^|\n)Dagsorden\s*\n/.test(`\n${t}`) && t.includes('Godkendelse af dagsorden')) return t.includes('Udsendt for sent') ? 'agenda (late)' : 'agenda';
      if (/^(Ikke )?[Vv]edtaget: /.test(t) && t.includes(LIGHTS)) return `outcome: ${LIGHTS}`;
      if (t.includes(BUDGET) && t.includes('Afgjort')) return 'conclusion decided';
      if (t.includes('Påmindelse: Mødedatoerne for 2027')) return 'date-planning reminder';
      return `other: ${t.slice(0, 80)}`;
    });
}

/**
 * The database away from now on: every transaction fails (a job's run fails in its first one). The
 * clock moves an hour at a time, each hour a tick, for `hours`: each job due meanwhile is tried
 * again at each tick (its retries wait 30 s to 32 min), and its eighth failure is for good.
 */
async function databaseAway(hours: number): Promise<void> {
  const away = vi.spyOn(h!.store, 'transaction').mockImplementation(async () => {
    throw new Error('database away');
  });
  for (let i = 1; i <= hours; i++) await h!.pass(3_600_000);
  away.mockRestore();
}

const errors = () => h!.logs().filter((l) => l.level === 50);
const plannedAgain = () => h!.logs().filter((l) => l.msg === 'job failed for good: planned again at start');

describe('jobs failed for good are planned again at the next start', () => {
  it('R13, R6, R7: the agenda, the vote\'s outcome and the conclusion\'s decision, lost to a database away for longer than the retries, come at the next start, once, dated as they fell due; one error line each when they failed, one warning line each when planned again', async () => {
    h = await startInstalledHarness('2027-02-01T10:00:00+01:00');
    // Tuesday 16 February 14.00: the agenda goes out Thursday 11 February 09.00.
    await say(people.pia, 'møde 16-02-2027 14:00');
    const [meeting] = await h.store.listMeetings({});
    // A vote Monday 8 February 10.00: its deadline Thursday 11 February 10.00.
    await h.at('2027-02-08T10:00:00+01:00');
    await say(people.anne, `afstemning ${LIGHTS}`);
    const lights = idIn(h.connector.posts().find(isVoteCard(LIGHTS))!, 'motionId');
    await h.send(cardAction(h.connector.url, people.anne, 'vote.cast', { motionId: lights, choice: 'for' }));
    await h.send(cardAction(h.connector.url, people.henrik, 'vote.cast', { motionId: lights, choice: 'for' }));
    // A conclusion Tuesday 9 February 12.00: its window ends Thursday 11 February 12.00.
    await h.at('2027-02-09T12:00:00+01:00');
    await say(people.anne, 'punkt Budget beslutning');
    await say(people.anne, `konklusion 5 ${BUDGET}`);
    const [conclusion] = await h.store.listConclusions({});
    await h.at('2027-02-11T08:30:00+01:00');

    // The database away from 08.30 to 21.30: all three fail, each eight times, then for good.
    let since = h.connector.mark();
    await databaseAway(13);
    const keys = { [JOB.agendaPost]: jobKeys.agendaPost(meeting!.id), [VOTE_DEADLINE_JOB]: voteDeadlineJobKey(lights), [CONCLUSION_WINDOW_JOB]: conclusionWindowJobKey(conclusion!.id) };
    for (const key of Object.values(keys)) expect(await h.store.getJob(key), key).toMatchObject({ status: 'failed', attempts: 8, lastError: 'database away' });
    // For each, one line at error level, naming the job, its kind and its board (the retries before it are warnings).
    expect(errors().map((l) => ({ msg: l.msg, job: l.job, kind: l.kind, board: l.board }))).toEqual(
      Object.entries(keys).map(([kind, job]) => ({ msg: 'job failed for good', job, kind, board: h!.store.boardId })),
    );
    // Back, it stays so while the bot runs: nothing came.
    await h.at('2027-02-11T22:00:00+01:00');
    expect(postsSince(since)).toEqual([]);

    // A redeploy Friday 12 February 08.00: each comes now, once, in the order they fell due.
    since = h.connector.mark();
    await h.restart('2027-02-12T08:00:00+01:00');
    await h.app.settled();
    expect(postsSince(since)).toEqual(['agenda (late)', `outcome: ${LIGHTS}`, 'conclusion decided']);
    expect(await h.store.getMotion(lights)).toMatchObject({ closedAt: new Date('2027-02-11T09:00:00Z'), closeReason: 'deadline' });
    expect((await h.store.listConclusions({}))[0]?.decidedAt).toEqual(new Date('2027-02-11T11:00:00Z'));
    for (const key of Object.values(keys)) expect((await h.store.getJob(key))?.status, key).toBe('done');
    expect(plannedAgain().map((l) => ({ level: l.level, job: l.job, kind: l.kind, board: l.board, lastError: l.lastError }))).toEqual(
      Object.entries(keys).map(([kind, job]) => ({ level: 40, job, kind, board: h!.store.boardId, lastError: 'database away' })),
    );

    // A further start repeats nothing and plans nothing again.
    since = h.connector.mark();
    await h.restart('2027-02-12T09:00:00+01:00');
    await h.tick();
    expect(postsSince(since)).toEqual([]);
    expect(plannedAgain()).toHaveLength(3);
  });

  it('R13, R6: a job whose subject is gone meanwhile (the meeting cancelled, the vote closed by the chair) does nothing when planned again: no agenda for the cancelled meeting, no second outcome', async () => {
    h = await startInstalledHarness('2027-02-01T10:00:00+01:00');
    await say(people.pia, 'møde 16-02-2027 14:00');
    const [meeting] = await h.store.listMeetings({});
    await h.at('2027-02-08T10:00:00+01:00');
    await say(people.anne, `afstemning ${LIGHTS}`);
    const lights = idIn(h.connector.posts().find(isVoteCard(LIGHTS))!, 'motionId');
    await h.at('2027-02-11T08:30:00+01:00');
    await databaseAway(10);
    expect((await h.store.getJob(jobKeys.agendaPost(meeting!.id)))?.status).toBe('failed');
    expect((await h.store.getJob(voteDeadlineJobKey(lights)))?.status).toBe('failed');

    // Back: the meeting is cancelled and the chair closes the vote (as at its deadline).
    await say(people.pia, 'aflys møde 16-02-2027');
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId: lights, confirm: true }));
    expect(await h.store.getMeeting(meeting!.id)).toMatchObject({ status: 'cancelled' });
    expect(await h.store.getMotion(lights)).toMatchObject({ closedAt: new Date('2027-02-11T09:00:00Z') });
    const outcomes = () => h!.connector.posts().filter((p) => /^(Ikke )?[Vv]edtaget: /.test(text(p)) && text(p).includes(LIGHTS));
    expect(outcomes()).toHaveLength(1);
    const audited = (await h.store.listAudit({})).length;

    const since = h.connector.mark();
    await h.restart('2027-02-12T08:00:00+01:00');
    await h.app.settled();
    expect(postsSince(since)).toEqual([]);
    expect(outcomes()).toHaveLength(1);
    expect(await h.store.getMeeting(meeting!.id)).toMatchObject({ status: 'cancelled' });
    expect(await h.store.listAudit({})).toHaveLength(audited);
    // Planned again (one line each), they ran and found nothing to do: done, not to be planned again.
    expect(plannedAgain().map((l) => l.job).sort()).toEqual([jobKeys.agendaPost(meeting!.id), voteDeadlineJobKey(lights)].sort());
    for (const key of [jobKeys.agendaPost(meeting!.id), voteDeadlineJobKey(lights)]) expect((await h.store.getJob(key))?.status, key).toBe('done');
    // Nothing left to fail again.
    await h.at('2027-02-13T08:00:00+01:00');
    expect(errors()).toHaveLength(2);
  });

  it('R10: the date-planning reminder lost to a database away comes at the next start while next year has no dates; once the year\'s dates are confirmed, it does not', async () => {
    for (const confirmed of [false, true]) {
      h = await startInstalledHarness('2026-08-31T10:00:00+02:00');
      // The season's first reminder: Tuesday 1 September 09.00.
      await h.at('2026-09-01T08:30:00+02:00');
      await databaseAway(10);
      expect((await h.store.getJob('date-planning:2026-09-01'))?.status).toBe('failed');
      if (confirmed) {
        await say(people.anne, 'mødedatoer 2027');
        const card = await h.connector.waitForPost((p) => text(p).startsWith('Mødedatoer for 2027'));
        const pollId = idIn(card, 'pollId');
        const res = await h.send(cardAction(h.connector.url, people.anne, 'dates.confirm', { pollId, dates: '2027-03-11,2027-06-10,2027-09-09,2027-12-09' }));
        expect(res.status).toBe(200);
        expect(h.connector.posts().some((p) => text(p).startsWith('Mødedatoerne for 2027 er fastlagt:'))).toBe(true);
      }
      const since = h.connector.mark();
      await h.restart('2026-09-02T08:00:00+02:00');
      await h.app.settled();
      expect(postsSince(since), confirmed ? 'confirmed' : 'not confirmed').toEqual(confirmed ? [] : ['date-planning reminder']);
      await h.close();
      h = undefined;
    }
  });
});
