/**
 * The README's guarantee (what fell due while the bot was down is done on its next start, once),
 * R6, R13 and R16 across outages: the bot is stopped, the clock moves past several due jobs (the
 * agenda five days before, the reminders, the votes' deadlines, the attendance card), and a new
 * bot starts on the same data directory. Each due thing happens exactly once, in the order it
 * fell due; a reminder whose moment has passed meanwhile (the agenda already due, the vote
 * already closed, the meeting begun) is not sent and is logged in one line; nothing else is
 * lost, and a further restart repeats nothing. Real HTTP, the fake Bot Connector on 127.0.0.1,
 * an injected clock (app-harness.ts); each start a new app and store on the same SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { Restarts, idIn } from '../support/restarts.js';
import { probeStore } from '../support/store-probe.js';
import { jobKeys } from '../../src/usecases/meeting-jobs.js';
import { voteDeadlineJobKey, voteReminderJobKey } from '../../src/usecases/voting.js';

const bot = new Restarts('outage');
afterEach(() => bot.close());

const isVoteCard = (motion: string) => (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast') && bot.text(p).includes(motion);

const LIGHTS = 'Vinterbelysning i gårdene';
const LAUNDRY = 'Ny vaskeriordning';

/** What the channel got from `since` on, told apart by what each is (the rest: »other«). */
function channelPostsSince(since: number): string[] {
  return bot.connector
    .posts()
    .filter((p) => p.seq >= since && p.conversationId.startsWith(CHANNEL_ID))
    .map((p) => {
      const t = bot.text(p);
      if (t.startsWith('Påmindelse: Dagsordenen')) return 'agenda reminder';
      if (t.includes('Påmindelse:') && t.includes(LIGHTS)) return `vote reminder: ${LIGHTS}`;
      if (t.includes('Påmindelse:') && t.includes(LAUNDRY)) return `vote reminder: ${LAUNDRY}`;
      if (t.startsWith('Påmindelse: ordinært møde')) return 'day-before reminder';
      if (/(^|\n)Dagsorden\s*\n/.test(`\n${t}`) && t.includes('Godkendelse af dagsorden')) return t.includes('Udsendt for sent') ? 'agenda (late)' : 'agenda';
      if (/^(Ikke )?[Vv]edtaget: /.test(t) && t.includes(LIGHTS)) return `outcome: ${LIGHTS}`;
      if (/^(Ikke )?[Vv]edtaget: /.test(t) && t.includes(LAUNDRY)) return `outcome: ${LAUNDRY}`;
      if (t.startsWith('Fremmøde')) return 'attendance card';
      return `other: ${t.slice(0, 80)}`;
    });
}

describe('an outage across several due jobs, and the restart on the same data directory', () => {
  it('R6, R13, R16: each due thing happens once, in order; reminders whose moment has passed are left out and logged; a further restart repeats nothing', async () => {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    // Tuesday 16 February 14.00: the chair's reminder 9 February, the agenda 11 February, the board's reminder 15 February, all at 09.00.
    await bot.say(people.pia, 'møde 16-02-2027 14:00');
    const [meeting] = await bot.h.store.listMeetings({});

    // Vote A, Monday 8 February 10.00: reminded Wednesday 10.00, closes Thursday 11 February 10.00.
    await bot.h.at('2027-02-08T10:00:00+01:00');
    await bot.say(people.anne, `afstemning ${LIGHTS}`);
    const lights = idIn(bot.connector.posts().find(isVoteCard(LIGHTS))!, 'motionId');
    await bot.vote(people.anne, lights, 'for');
    await bot.vote(people.birgitte, lights, 'for');
    await bot.vote(people.henrik, lights, 'against');
    // Vote B, Tuesday 9 February 08.00: reminded Thursday 08.00, closes Friday 12 February 08.00.
    await bot.h.at('2027-02-09T08:00:00+01:00');
    await bot.say(people.anne, `afstemning ${LAUNDRY}`);
    const laundry = idIn(bot.connector.posts().find(isVoteCard(LAUNDRY))!, 'motionId');
    await bot.vote(people.anne, laundry, 'for');
    const setUp = bot.connector.mark();
    await bot.h.at('2027-02-09T08:30:00+01:00');
    expect(channelPostsSince(setUp)).toEqual([]);

    // Down from Tuesday 08.30 to Thursday 12.00.
    await bot.stop();
    let since = bot.connector.mark();
    await bot.startAt('2027-02-11T12:00:00+01:00');
    // In the order they fell due: the chair's reminder (9 Feb 09.00) and vote A's (10 Feb 10.00) are past their moment (the
    // agenda was due at 09.00 today, vote A closed at 10.00): left out. Vote B's (today 08.00) still helps; the agenda (09.00:
    // on its day, so on time); vote A closed at its deadline (10.00), its outcome announced.
    expect(channelPostsSince(since)).toEqual([`vote reminder: ${LAUNDRY}`, 'agenda', `outcome: ${LIGHTS}`]);
    expect(bot.text(bot.connector.posts().find((p) => p.seq >= since && bot.text(p).includes(LAUNDRY))!)).toContain('fredag den 12. februar 2027 kl. 08.00');
    expect(await bot.h.store.getMotion(lights)).toMatchObject({ closedAt: new Date('2027-02-11T09:00:00Z'), closeReason: 'deadline' });
    expect((await bot.h.store.getMeeting(meeting!.id))?.agendaLate).toBeFalsy();

    // Down again from Thursday 12.30 to the meeting, Tuesday 16 February 14.30: vote B's deadline, the board's reminder
    // (past its moment: the meeting has begun) and the attendance card fell due meanwhile.
    await bot.h.at('2027-02-11T12:30:00+01:00');
    await bot.stop();
    since = bot.connector.mark();
    await bot.startAt('2027-02-16T14:30:00+01:00');
    expect(channelPostsSince(since)).toEqual([`outcome: ${LAUNDRY}`, 'attendance card']);
    expect(await bot.h.store.getMotion(laundry)).toMatchObject({ closedAt: new Date('2027-02-12T07:00:00Z'), closeReason: 'deadline' });

    // A further restart repeats nothing.
    await bot.stop();
    since = bot.connector.mark();
    await bot.startAt('2027-02-16T15:00:00+01:00');
    await bot.h.tick();
    expect(channelPostsSince(since)).toEqual([]);

    // Over the whole outage: each thing once, and nothing else.
    const all = channelPostsSince(setUp);
    for (const once of ['agenda', `outcome: ${LIGHTS}`, `outcome: ${LAUNDRY}`, `vote reminder: ${LAUNDRY}`, 'attendance card']) expect(all.filter((p) => p === once), once).toHaveLength(1);
    for (const never of ['agenda reminder', `vote reminder: ${LIGHTS}`, 'day-before reminder', 'agenda (late)']) expect(all, never).not.toContain(never);
    expect(all.filter((p) => p.startsWith('other:'))).toEqual([]);
    // Nothing lost: every job done, and (below) nothing left in the outbox to send.
    const keys = [
      jobKeys.agendaReminder(meeting!.id),
      jobKeys.agendaPost(meeting!.id),
      jobKeys.meetingReminder(meeting!.id),
      jobKeys.attendance(meeting!.id),
      voteReminderJobKey(lights),
      voteDeadlineJobKey(lights),
      voteReminderJobKey(laundry),
      voteDeadlineJobKey(laundry),
    ];
    for (const key of keys) expect((await bot.h.store.getJob(key))?.status, key).toBe('done');
    // Each reminder left out said so in one line of the log, and nothing else went wrong.
    await bot.stop();
    const dropped = bot.lines().filter((l) => String(l.msg).startsWith('reminder not sent'));
    expect(dropped.map((l) => l.job).sort()).toEqual([jobKeys.agendaReminder(meeting!.id), jobKeys.meetingReminder(meeting!.id), voteReminderJobKey(lights)].sort());
    expect(bot.lines().filter((l) => !String(l.msg).startsWith('reminder not sent'))).toEqual([]);
    const probe = probeStore({ dataDir: bot.dataDir! });
    try {
      expect(await probe.unsent(), await probe.describeUnsent()).toBe(0);
    } finally {
      await probe.close();
    }
  });
});
