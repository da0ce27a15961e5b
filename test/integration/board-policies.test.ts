/**
 * PRODUCT §3 (the board file's policies), walked over HTTP: a board whose file sets every
 * timing policy to something other than its default is served by those values, not by the
 * defaults the other tests walk (agenda 5 days before at 09:00, reminders 7 days before, votes
 * 72 h, objections 48 h, date planning from 1 September, poll meetings at 14:00, LBF on the
 * first meeting, simple majority). Each policy is named in its test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const POLICIES = `policies:
  majority: absolute
  agendaLeadDays: 3
  agendaReminderDays: 10
  voteDeadlineHours: 48
  voteReminderHours: 6
  objectionHours: 24
  datePlanningStart: "12-05"
  postingTime: "08:30"
  meetingTime: "16:30"
  lbfFollowUpMeeting: last
  objectionWindowInMeeting: window
  linkTtlDays: 2
`;

const dir = mkdtempSync(join(tmpdir(), 'board-policies-'));
const file = join(dir, 'demo.yaml');
const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
const withPolicies = demo.replace(/^policies:\n(?: {2}.*\n)+/m, POLICIES);

let bot: Harness;
beforeAll(async () => {
  // The demo board with the policies above in place of its own (which are the defaults).
  expect(withPolicies).not.toBe(demo);
  writeFileSync(file, withPolicies);
  bot = await startInstalledHarness('2026-12-01T08:00:00+01:00', { boardConfig: file });
});
afterAll(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (p: unknown) => literal(bot.connector.textOf(p));
/** What the bot posted while `run` ran (no typing indicators). */
async function postedBy(run: () => Promise<unknown>): Promise<PostedActivity[]> {
  const before = bot.connector.posts().length;
  await run();
  return bot.connector.posts().slice(before).filter((p) => p.type !== 'typing');
}
const say = async (who: Person, words: string) => (await postedBy(() => bot.send(channelMessage(bot.connector.url, who, words)))).map(text).join('\n');
const at = async (instant: string) => (await postedBy(() => bot.at(instant))).map(text);
const press = (who: Person, verb: string, data: Record<string, unknown>) => bot.send(cardAction(bot.connector.url, who, verb, data));
const dataOf = (p: PostedActivity, key: string) => JSON.stringify(p).match(new RegExp(`"${key}":"([^"]+)"`))![1]!;

let motionId = '';
let pollPost: PostedActivity;

describe('a board file with its own policies (PRODUCT §3)', () => {
  it('agendaLeadDays 3, postingTime 08:30: the answer to møde gives the agenda deadline three days before, at 08.30; linkTtlDays 2: its calendar link expires in two days', async () => {
    const answer = await say(people.anne, 'møde 21-12-2026 14:00');
    expect(answer).toContain('Dagsordenen udsendes senest fredag den 18. december 2026 kl. 08.30.');
    const exp = Number(/[?&]exp=(\d+)/.exec(answer)![1]);
    expect(exp * 1000).toBe(Date.parse('2026-12-03T08:00:00+01:00'));
  });

  it('voteDeadlineHours 48: a vote opened Tuesday 08.00 is open until Thursday 08.00', async () => {
    const [card] = await postedBy(() => bot.send(channelMessage(bot.connector.url, people.anne, 'afstemning Absolut flertal kræves')));
    expect(text(card)).toContain('Åben til torsdag den 3. december 2026 kl. 08.00');
    motionId = dataOf(card!, 'motionId');
    for (const member of [people.anne, people.karsten, people.birgitte]) expect((await press(member, 'vote.cast', { motionId, choice: 'for' })).status).toBe(200);
  });

  it('R7, objectionHours 24: a conclusion outside a meeting is decided 24 hours after it was posted, not 48', async () => {
    expect(await say(people.anne, 'konklusion 3 Økonomien er i orden')).toContain('dog senest onsdag den 2. december 2026 kl. 08.00');
    expect(await at('2026-12-02T07:59:00+01:00')).toEqual([]);
    const decided = await at('2026-12-02T08:00:00+01:00');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatch(/^Afgjort: Punkt »Økonomi«/);
  });

  it('voteReminderHours 6: six hours before the deadline the members of the organisations that have not voted are reminded; that is 02.00, in the night, so at 07.00 (R6)', async () => {
    expect(await at('2026-12-03T02:00:00+01:00')).toEqual([]);
    expect(await at('2026-12-03T06:59:00+01:00')).toEqual([]);
    const [reminder, ...more] = await at('2026-12-03T07:00:00+01:00');
    expect(more).toEqual([]);
    expect(reminder).toContain('Påmindelse: Slagelse Almennyttige Boligselskab (SAB), Skælskør Boligselskab (SBS) og BoligKorsør (BK) har endnu ikke stemt');
    for (const name of ['Henrik Holm', 'Mette Møller', 'Lars Lund']) expect(reminder).toContain(name);
    for (const name of ['Birgitte Bach', 'Karsten Kjær']) expect(reminder).not.toContain(name);
  });

  it('R6, majority absolute: at its deadline 3 for, 0 against of six organisations is not adopted (more than half of all must vote for)', async () => {
    expect(await at('2026-12-03T07:59:00+01:00')).toEqual([]);
    const [outcome] = await at('2026-12-03T08:00:00+01:00');
    expect(outcome!.split('\n')[0]).toBe('Ikke vedtaget: 3 for, 0 imod, 0 undlader');
  });

  it('R10, datePlanningStart 12-05: the date-planning reminder comes on 5 December at 08.30, not before', async () => {
    expect(await at('2026-12-04T09:00:00+01:00')).not.toContainEqual(expect.stringContaining('Mødedatoerne'));
    expect(await at('2026-12-05T08:29:00+01:00')).toEqual([]);
    const [reminder] = await at('2026-12-05T08:30:00+01:00');
    expect(reminder).toContain('Påmindelse: Mødedatoerne for 2027 er ikke fastlagt.');
  });

  it('R13, agendaReminderDays 10: the chair and the secretary are reminded ten days before the meeting, at 08.30', async () => {
    expect(await at('2026-12-11T08:29:00+01:00')).toEqual([]);
    const [reminder] = await at('2026-12-11T08:30:00+01:00');
    expect(reminder).toContain('Påmindelse: Dagsordenen til mødet mandag den 21. december 2026 kl. 14.00 skal udsendes senest fredag den 18. december 2026 kl. 08.30.');
  });

  it('R13, agendaLeadDays 3: the agenda goes out three days before the meeting at 08.30, on time', async () => {
    expect(await at('2026-12-18T08:29:00+01:00')).toEqual([]);
    const [agenda] = await at('2026-12-18T08:30:00+01:00');
    expect(agenda).toMatch(/^Dagsorden\nOrdinært møde mandag den 21. december 2026 kl. 14.00/);
    expect(agenda).not.toContain('Udsendt for sent');
  });

  it('R10, R13, postingTime 08:30: the date-planning reminder comes again two weeks later, and the day-before reminder, at 08.30', async () => {
    expect(await at('2026-12-19T08:29:00+01:00')).toEqual([]);
    expect(await at('2026-12-19T08:30:00+01:00')).toEqual([expect.stringContaining('Påmindelse: Mødedatoerne for 2027 er ikke fastlagt.')]);
    expect(await at('2026-12-20T08:29:00+01:00')).toEqual([]);
    const [reminder] = await at('2026-12-20T08:30:00+01:00');
    expect(reminder).toContain('Påmindelse: ordinært møde i morgen, mandag den 21. december 2026 kl. 14.00.');
  });

  it('R7, objectionWindowInMeeting window: a conclusion made during the meeting is decided when the 24-hour window ends, without the chair closing it', async () => {
    await at('2026-12-21T14:30:00+01:00');
    expect(await say(people.anne, 'konklusion 1 Dagsordenen er godkendt')).toContain('dog senest tirsdag den 22. december 2026 kl. 14.30');
    expect(await at('2026-12-22T14:29:00+01:00')).not.toContainEqual(expect.stringMatching(/^Afgjort: Punkt 1/));
    expect(await at('2026-12-22T14:30:00+01:00')).toContainEqual(expect.stringMatching(/^Afgjort: Punkt 1\. Godkendelse af dagsorden/));
  });

  it('R10, meetingTime 16:30: the date poll proposes its meetings at 16.30, and the confirmed ones are planned then', async () => {
    const [posted] = await postedBy(() => bot.send(channelMessage(bot.connector.url, people.pia, 'mødedatoer 2027')));
    pollPost = posted!;
    expect(text(pollPost)).toContain('alle kl. 16.30');
    const dates = [...new Set(JSON.stringify(pollPost).match(/2027-\d\d-\d\d/g))].slice(0, 4);
    expect(dates).toHaveLength(4);
    expect((await press(people.anne, 'dates.confirm', { pollId: dataOf(pollPost, 'pollId'), dates: dates.join(',') })).status).toBe(200);
    const planned = (await say(people.lars, 'møder')).split('\n').filter((l) => l.startsWith('- Ordinært møde') && l.includes('2027'));
    expect(planned).toHaveLength(4);
    for (const line of planned) expect(line).toContain('kl. 16.30');
  });

  it('R15, lbfFollowUpMeeting last: the yearly LBF follow-up is on the last of the year\'s meetings, not the first', async () => {
    const dates = [...new Set(JSON.stringify(pollPost).match(/2027-\d\d-\d\d/g))].slice(0, 4).sort();
    const lbf = /Årlig opfølgning på indikatorer i LBF-portalen/;
    expect(await say(people.lars, `dagsorden ${dates[0]}`)).not.toMatch(lbf);
    expect(await say(people.lars, `dagsorden ${dates[3]}`)).toMatch(lbf);
  });
});
