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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from '../support/fake-connector.js';
import { probeStore } from '../support/store-probe.js';
import { jobKeys } from '../../src/usecases/meeting-jobs.js';
import { voteDeadlineJobKey, voteReminderJobKey } from '../../src/usecases/voting.js';

let h: Harness | undefined;
let connector: FakeConnector | undefined;
let dataDir: string | undefined;
/** The warnings every start logged. */
let logged: Record<string, unknown>[] = [];

afterEach(async () => {
  await h?.close();
  h = undefined;
  await connector?.close();
  connector = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  logged = [];
});

/** The bot stopped as a supervisor stops it (SIGTERM: close, the store closed with it). */
async function stop(): Promise<void> {
  logged.push(...h!.logs());
  await h!.close();
  h = undefined;
}

/** A new bot at `instant` on the same data directory, which catches up as it starts. */
async function startAt(instant: string): Promise<void> {
  h = await startHarness({ clockStart: instant, dataDir: dataDir!, connector: connector! });
  await h.app.settled();
}

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(connector!.url, who, text)));
const vote = async (who: Person, motionId: string, choice: string) => void (await h!.send(cardAction(connector!.url, who, 'vote.cast', { motionId, choice })));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const text = (p: PostedActivity) => connector!.textOf(p);
const isVoteCard = (motion: string) => (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast') && text(p).includes(motion);

const LIGHTS = 'Vinterbelysning i gårdene';
const LAUNDRY = 'Ny vaskeriordning';

/** What the channel got from `since` on, told apart by what each is (the rest: »other«). */
function channelPostsSince(since: number): string[] {
  return connector!
    .posts()
    .filter((p) => p.seq >= since && p.conversationId.startsWith(CHANNEL_ID))
    .map((p) => {
      const t = text(p);
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
    connector = await startFakeConnector();
    dataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-outage-'));
    h = await startInstalledHarness('2027-02-01T10:00:00+01:00', { dataDir, connector });
    // Tuesday 16 February 14.00: the chair's reminder 9 February, the agenda 11 February, the board's reminder 15 February, all at 09.00.
    await say(people.pia, 'møde 16-02-2027 14:00');
    const [meeting] = await h.store.listMeetings({});

    // Vote A, Monday 8 February 10.00: reminded Wednesday 10.00, closes Thursday 11 February 10.00.
    await h.at('2027-02-08T10:00:00+01:00');
    await say(people.anne, `afstemning ${LIGHTS}`);
    const lights = idIn(connector.posts().find(isVoteCard(LIGHTS))!, 'motionId');
    await vote(people.anne, lights, 'for');
    await vote(people.birgitte, lights, 'for');
    await vote(people.henrik, lights, 'against');
    // Vote B, Tuesday 9 February 08.00: reminded Thursday 08.00, closes Friday 12 February 08.00.
    await h.at('2027-02-09T08:00:00+01:00');
    await say(people.anne, `afstemning ${LAUNDRY}`);
    const laundry = idIn(connector.posts().find(isVoteCard(LAUNDRY))!, 'motionId');
    await vote(people.anne, laundry, 'for');
    const setUp = connector.mark();
    await h.at('2027-02-09T08:30:00+01:00');
    expect(channelPostsSince(setUp)).toEqual([]);

    // Down from Tuesday 08.30 to Thursday 12.00.
    await stop();
    let since = connector.mark();
    await startAt('2027-02-11T12:00:00+01:00');
    // In the order they fell due: the chair's reminder (9 Feb 09.00) and vote A's (10 Feb 10.00) are past their moment (the
    // agenda was due at 09.00 today, vote A closed at 10.00): left out. Vote B's (today 08.00) still helps; the agenda (09.00:
    // on its day, so on time); vote A closed at its deadline (10.00), its outcome announced.
    expect(channelPostsSince(since)).toEqual([`vote reminder: ${LAUNDRY}`, 'agenda', `outcome: ${LIGHTS}`]);
    expect(text(connector.posts().find((p) => p.seq >= since && text(p).includes(LAUNDRY))!)).toContain('fredag den 12. februar 2027 kl. 08.00');
    expect(await h!.store.getMotion(lights)).toMatchObject({ closedAt: new Date('2027-02-11T09:00:00Z'), closeReason: 'deadline' });
    expect((await h!.store.getMeeting(meeting!.id))?.agendaLate).toBeFalsy();

    // Down again from Thursday 12.30 to the meeting, Tuesday 16 February 14.30: vote B's deadline, the board's reminder
    // (past its moment: the meeting has begun) and the attendance card fell due meanwhile.
    await h!.at('2027-02-11T12:30:00+01:00');
    await stop();
    since = connector.mark();
    await startAt('2027-02-16T14:30:00+01:00');
    expect(channelPostsSince(since)).toEqual([`outcome: ${LAUNDRY}`, 'attendance card']);
    expect(await h!.store.getMotion(laundry)).toMatchObject({ closedAt: new Date('2027-02-12T07:00:00Z'), closeReason: 'deadline' });

    // A further restart repeats nothing.
    await stop();
    since = connector.mark();
    await startAt('2027-02-16T15:00:00+01:00');
    await h!.tick();
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
    for (const key of keys) expect((await h!.store.getJob(key))?.status, key).toBe('done');
    // Each reminder left out said so in one line of the log, and nothing else went wrong.
    await stop();
    const dropped = logged.filter((l) => String(l.msg).startsWith('reminder not sent'));
    expect(dropped.map((l) => l.job).sort()).toEqual([jobKeys.agendaReminder(meeting!.id), jobKeys.meetingReminder(meeting!.id), voteReminderJobKey(lights)].sort());
    expect(logged.filter((l) => !String(l.msg).startsWith('reminder not sent'))).toEqual([]);
    const probe = probeStore({ dataDir });
    try {
      expect(await probe.unsent(), await probe.describeUnsent()).toBe(0);
    } finally {
      await probe.close();
    }
  });
});
