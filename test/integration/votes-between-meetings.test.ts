/**
 * R16: a decision taken between meetings is in the minutes of the next meeting, under »Mellem
 * møderne«: a vote opened on no item on a day without a meeting, and a vote or a
 * conclusion on an item of a meeting cancelled afterwards (such a decision was in no minutes
 * before: only in `status`). The
 * minutes of that next meeting follow such a vote when it closes after they were drafted; no
 * other meeting's minutes list it. Over HTTP, in process (app-harness.ts), the clock moved by
 * the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { ask } from '../support/conversation.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const members = [people.anne, people.karsten, people.birgitte, people.henrik, people.mette, people.lars];
/** Says something in the channel; what the bot posts comes in the channel or the thread. */
const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
/** What the bot answers in the thread. */
const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => h.send(cardAction(h.connector.url, who, verb, data));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const isVoteCard = (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast');

/** Opens a vote (`afstemning …`): its motion's id. */
async function openVote(text: string): Promise<string> {
  // The card is posted in the channel, not as an answer in the thread.
  await h.send(channelMessage(h.connector.url, people.anne, `afstemning ${text}`));
  return idIn(h.connector.posts().filter(isVoteCard).at(-1)!, 'motionId');
}

async function allVote(motionId: string): Promise<void> {
  for (const p of members) await act(p, 'vote.cast', { motionId, choice: p === people.lars ? 'against' : 'for' });
}

/** The minutes card of the meeting of `date` (»torsdag den 3. december 2026«) as it stands now. */
function minutesOf(date: string): string {
  const posted = h.connector.posts().filter((p) => p.replyToId === undefined && h.connector.textOf(p).startsWith('Referat\n') && h.connector.textOf(p).includes(`Ordinært møde ${date} kl. 10.00`)).at(-1);
  expect(posted, `minutes of ${date}`).toBeDefined();
  return literal(h.connector.textOf(h.connector.message(posted!.id)!.activity));
}

const HEADING = '**Mellem møderne**';

describe('R16: votes taken between meetings in the next meeting\'s minutes', () => {
  it('R16: a vote on no item opened on a day without a meeting is in the next meeting\'s minutes, not in the day\'s other record', async () => {
    await say(people.pia, 'møde 03-12-2026 10:00');
    await say(people.pia, 'møde 10-12-2026 10:00');
    await say(people.pia, 'møde 17-12-2026 10:00');
    // Tuesday 1 December: no meeting that day.
    const coffee = await openVote('Indkøb af kaffemaskine');
    await allVote(coffee);
    await h.at('2026-12-03T09:30:00Z'); // 10.30, at the meeting of 3 December
    const atMeeting = await openVote('Fri afstemning på mødet');
    await allVote(atMeeting);
    await h.at('2026-12-03T12:00:00Z');
    await tell(people.pia, 'referat');

    const minutes = minutesOf('torsdag den 3. december 2026');
    expect(minutes).toContain(HEADING);
    const between = minutes.slice(minutes.indexOf(HEADING));
    expect(between).toContain('Afstemning: Indkøb af kaffemaskine');
    expect(between).toContain('Vedtaget: 5 for, 1 imod, 0 undlader');
    expect(between).toContain('Afstemningen blev afsluttet tirsdag den 1. december 2026 kl. 09.00.');
    // The vote of the meeting's own day is the meeting's, under »Øvrige afstemninger«, once.
    expect(minutes.split('Fri afstemning på mødet')).toHaveLength(2);
    expect(between).not.toContain('Fri afstemning på mødet');
  });

  it('R16: a vote and a conclusion on items of a meeting cancelled afterwards are in the minutes of the next meeting held', async () => {
    await h.at('2026-12-04T09:00:00Z'); // Friday 4 December: the next meeting is that of 10 December
    expect(await say(people.pia, 'punkt Ny delaftale om beskæftigelse beslutning')).toMatch(/^Punkt 4 »Ny delaftale om beskæftigelse« \(til beslutning\) er sat på dagsordenen til mødet torsdag den 10\. december 2026/);
    expect(await say(people.pia, 'punkt Fordeling af lokaler beslutning')).toMatch(/^Punkt 5 »Fordeling af lokaler« \(til beslutning\)/);
    const item = await openVote('4');
    await tell(people.anne, 'konklusion 5 Lokalerne fordeles som foreslået.');
    await tell(people.karsten, 'aflys møde 10-12-2026');
    expect(h.connector.posts().some((p) => h.connector.textOf(p).startsWith('Ordinært møde torsdag den 10. december 2026 kl. 10.00 er aflyst.'))).toBe(true);
    await allVote(item);
    await h.at('2026-12-06T09:00:00Z'); // the conclusion's objection window has run out
    // Tuesday 15 December, a day without a meeting: a vote left open until the minutes are drafted.
    await h.at('2026-12-15T09:00:00Z');
    const late = await openVote('Julefrokost for bestyrelsen');
    await h.at('2026-12-17T12:00:00Z');
    await tell(people.pia, 'referat');

    const minutes = minutesOf('torsdag den 17. december 2026');
    const between = minutes.slice(minutes.indexOf(HEADING));
    expect(minutes).toContain(HEADING);
    expect(between).toContain('Ny delaftale om beskæftigelse');
    expect(between).toContain('Vedtaget: 5 for, 1 imod, 0 undlader');
    expect(between).toContain('Afstemning: Julefrokost for bestyrelsen');
    // Posted outside a meeting, the conclusion was decided when its objection window ran out (48 hours).
    expect(between).toMatch(/Fra dagsordenen til det aflyste møde torsdag den 10\. december 2026 kl\. 10\.00:\n(.*\n)*Konklusion \(punkt »Fordeling af lokaler«\): Lokalerne fordeles som foreslået\.\nAfgjort uden indsigelser søndag den 6\. december 2026 kl\. 10\.00\./);
    expect(between).toContain('Afstemningen blev åbnet tirsdag den 15. december 2026 kl. 10.00 og var ikke lukket, da referatet blev skrevet.');
    // Each vote is in one meeting's minutes.
    expect(minutes).not.toContain('Indkøb af kaffemaskine');
    expect(minutesOf('torsdag den 3. december 2026')).not.toContain('Julefrokost');

    // The vote closes after the minutes were drafted: they follow it (R16), still a draft.
    await allVote(late);
    const after = minutesOf('torsdag den 17. december 2026');
    expect(after.slice(after.indexOf(HEADING))).toMatch(/Afstemning: Julefrokost for bestyrelsen\nVedtaget: 5 for, 1 imod, 0 undlader\nAfstemningen blev afsluttet torsdag den 17\. december 2026 kl\. 13\.00\./);
    expect(after).not.toContain('var ikke lukket');
  });
});
