/**
 * A reminder whose moment has passed is not sent (R6, R13; README, "Reminders after an
 * outage"): one already queued in the outbox when Teams stopped answering, or when the bot was
 * stopped before it went out, is dropped once what it reminds of has passed — the vote's
 * deadline, the meeting's start — and the log says so in one line. Agendas and outcomes are never
 * dropped; a reminder still of use goes out late. Real HTTP, the fake Bot Connector on 127.0.0.1,
 * an injected clock (app-harness.ts); a restart is a new app and store on the same SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from '../support/fake-connector.js';

let h: Harness | undefined;
let connector: FakeConnector | undefined;
let dataDir: string | undefined;
let logged: Record<string, unknown>[] = [];

afterEach(async () => {
  connector?.stopFailing();
  await h?.close();
  h = undefined;
  await connector?.close();
  connector = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  logged = [];
});

async function startInstalled(instant: string): Promise<void> {
  connector = await startFakeConnector();
  dataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-stale-'));
  h = await startInstalledHarness(instant, { dataDir, connector });
}

/** Teams stops answering (429 to every post and update, as long as it lasts). */
const teamsDown = () => connector!.failNext(100_000, 429, { 'Retry-After': '0' });

/** The bot stopped (SIGTERM): its last flush fails too while Teams is down; what is queued stays in the store. */
async function stop(): Promise<void> {
  logged.push(...h!.logs());
  await h!.close();
  h = undefined;
}

/** Teams answers again, and a new bot starts at `instant` on the same data directory. */
async function startAt(instant: string): Promise<void> {
  connector!.stopFailing();
  h = await startHarness({ clockStart: instant, dataDir: dataDir!, connector: connector! });
  await h.app.settled();
}

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(connector!.url, who, text)));
const vote = async (who: Person, motionId: string, choice: string) => void (await h!.send(cardAction(connector!.url, who, 'vote.cast', { motionId, choice })));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const text = (p: PostedActivity) => connector!.textOf(p);
const posted = (predicate: (t: string) => boolean) => connector!.posts().filter((p) => predicate(text(p)));
const droppedLines = () => [...logged, ...(h?.logs() ?? [])].filter((l) => String(l.msg).startsWith('reminder not sent'));

const MOTION = 'Ny vaskeriordning';

/** Vote opened Monday 8 February 2027 10.00 (FOB for): reminded Wednesday 10.00, closes Thursday 11 February 10.00. Lars (BK) has a 1:1 chat. */
async function openVote(): Promise<string> {
  await startInstalled('2027-02-08T09:00:00+01:00');
  await h!.send(personalMessage(connector!.url, people.lars, 'hjælp'));
  await h!.at('2027-02-08T10:00:00+01:00');
  await say(people.anne, `afstemning ${MOTION}`);
  const motionId = idIn(connector!.posts().find((p) => JSON.stringify(p.attachments ?? []).includes('vote.cast'))!, 'motionId');
  await vote(people.anne, motionId, 'for');
  return motionId;
}

const isVoteReminder = (t: string) => t.includes('Påmindelse:') && t.includes(MOTION);
const isOutcome = (t: string) => /^(Ikke )?[Vv]edtaget: /.test(t) && t.includes(MOTION);

describe('a vote reminder held up until the vote has closed (R6)', () => {
  it('R6: queued when Teams stopped answering, the bot stopped, started again after the deadline: the reminder is not sent, the outcome is; one log line per post dropped', async () => {
    const motionId = await openVote();
    teamsDown();
    await h!.at('2027-02-10T10:00:00+01:00');
    expect(posted(isVoteReminder)).toEqual([]);
    expect((await h!.store.getOutbox(`vote.reminder:${motionId}:channel`))?.status).toBe('pending');
    await stop();
    const since = connector!.mark();
    await startAt('2027-02-11T10:30:00+01:00');
    expect(posted(isVoteReminder)).toEqual([]);
    expect(posted(isOutcome)).toHaveLength(1);
    // The card in Lars's chat was never posted: the vote card's update on the close does not go there.
    expect(connector!.requests.filter((r) => r.seq >= since && !r.failed && r.conversationId === personalConversationId(people.lars))).toEqual([]);
    for (const key of [`vote.reminder:${motionId}:channel`, `vote.reminder:${motionId}:to:${people.lars.aadObjectId}`]) {
      expect(await h!.store.getOutbox(key), key).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: its moment passed/) });
    }
    expect(droppedLines().map((l) => l.key).sort()).toEqual([`vote.reminder:${motionId}:channel`, `vote.reminder:${motionId}:to:${people.lars.aadObjectId}`].sort());
  });

  it('R6: Teams down from the reminder past the deadline, the bot running on: when Teams answers again the outcome goes out and the reminder does not', async () => {
    const motionId = await openVote();
    teamsDown();
    await h!.at('2027-02-10T10:00:00+01:00');
    await h!.at('2027-02-11T10:00:30+01:00');
    expect(posted(isOutcome)).toEqual([]);
    connector!.stopFailing();
    await h!.pass(10 * 60_000);
    expect(posted(isOutcome)).toHaveLength(1);
    expect(posted(isVoteReminder)).toEqual([]);
    expect(droppedLines()).toHaveLength(2);
    expect((await h!.store.getMotion(motionId))?.closedAt).toEqual(new Date('2027-02-11T09:00:00Z'));
  });

  it('R6: a reminder held up that is still of use (the vote still open) goes out when Teams answers again, once', async () => {
    await openVote();
    teamsDown();
    await h!.at('2027-02-10T10:00:00+01:00');
    await stop();
    await startAt('2027-02-10T16:00:00+01:00');
    expect(posted(isVoteReminder)).toHaveLength(2); // the channel's @mention and Lars's 1:1 reminder
    expect(droppedLines()).toEqual([]);
  });
});

describe('the day-before reminder held up until the meeting has begun (R13)', () => {
  async function meetingWithAgendaOut(): Promise<void> {
    await startInstalled('2027-02-01T10:00:00+01:00');
    await say(people.pia, 'møde 16-02-2027 14:00');
    await h!.at('2027-02-11T09:00:30+01:00');
    expect(posted((t) => t.includes('Godkendelse af dagsorden'))).toHaveLength(1);
  }

  it('R13: queued the day before while Teams was down, the bot back after the meeting began: the reminder is not sent; the attendance card is', async () => {
    await meetingWithAgendaOut();
    teamsDown();
    await h!.at('2027-02-15T09:00:00+01:00');
    await stop();
    await startAt('2027-02-16T14:30:00+01:00');
    expect(posted((t) => t.startsWith('Påmindelse: ordinært møde'))).toEqual([]);
    expect(posted((t) => t.startsWith('Fremmøde'))).toHaveLength(1);
    // Its post in the agenda's thread, dropped by the outbox (the chair's reminder, caught up past the agenda's deadline as the clock jumped, by its job).
    expect(droppedLines().map((l) => l.key ?? l.job)).toEqual([expect.stringMatching(/:agenda-reminder$/), expect.stringMatching(/:day-before:reply$/)]);
  });

  it('R13: an agenda held up in the outbox is never dropped: it goes out after the restart, even past the meeting\'s start', async () => {
    await startInstalled('2027-02-01T10:00:00+01:00');
    await say(people.pia, 'møde 16-02-2027 14:00');
    teamsDown();
    await h!.at('2027-02-11T09:00:30+01:00');
    await stop();
    await startAt('2027-02-16T14:30:00+01:00');
    const agendas = posted((t) => t.includes('Godkendelse af dagsorden')).filter((p) => p.conversationId === CHANNEL_ID);
    expect(agendas).toHaveLength(1);
    // Its reminder the day before fell due while the bot was down and the meeting has begun: not sent (its job says so).
    expect(posted((t) => t.startsWith('Påmindelse: ordinært møde'))).toEqual([]);
    expect(droppedLines().map((l) => l.job)).toEqual([expect.stringMatching(/:agenda-reminder$/), expect.stringMatching(/:day-before$/)]);
  });
});
