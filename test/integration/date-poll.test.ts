/**
 * The date poll (R10) against the meetings already planned, its words about the year it is
 * for, and the annual reminder once the year's last ordinary meeting is past: over HTTP, in
 * process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function board(clockStart: string): Promise<Harness> {
  h = await startInstalledHarness(clockStart);
  return h;
}

const say = async (bot: Harness, from: Person, text: string) => literal(bot.connector.textOf(await ask(bot, bot.connector, from, text)));
const content = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;

/** `mødedatoer <år>`: the poll card it posts in the channel. */
async function poll(bot: Harness, from: Person, year: number): Promise<{ card: PostedActivity; pollId: string; proposed: string[] }> {
  const since = bot.connector.mark();
  await bot.send(channelMessage(bot.connector.url, from, `mødedatoer ${year}`));
  const card = await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith(`Mødedatoer for ${year}`), { since });
  const body = content(card);
  const proposed = body.body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
  const pollId = JSON.stringify(body).match(/"pollId":"([^"]+)"/)![1]!;
  return { card, pollId, proposed };
}

async function act(bot: Harness, from: Person, verb: string, data: Record<string, unknown>) {
  const res = await bot.send(cardAction(bot.connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

/** The lines of `møder` for the ordinary meetings of a year. */
const ordinaryIn = async (bot: Harness, year: number) => (await say(bot, people.lars, 'møder')).split('\n').filter((l) => l.startsWith('- Ordinært møde') && l.includes(String(year)));

const CONFIRM = '2027-06-10,2027-08-12,2027-09-09,2027-12-09';

describe('R10: the date poll and the meetings already planned', () => {
  it('R10: the poll does not propose a day that already holds a planned meeting', async () => {
    const bot = await board('2027-05-20T10:00:00+02:00');
    expect(await say(bot, people.anne, 'møde 09-12-2027 14:00 Rådhuset')).toMatch(/^Ordinært møde er planlagt torsdag den 9\. december 2027 kl\. 14\.00/);
    const { proposed } = await poll(bot, people.anne, 2027);
    expect(proposed).not.toContain('2027-12-09');
    // The window's next meeting day instead: the poll still offers two dates in the quarter.
    expect(proposed).toEqual(['2027-06-10', '2027-08-12', '2027-09-09', '2027-11-11', '2027-12-10']);
  });

  it('R10: confirming a date whose ordinary meeting was planned after the poll was posted keeps that meeting, confirms the rest, and says which was already planned', async () => {
    const bot = await board('2027-05-20T10:00:00+02:00');
    const { pollId, proposed } = await poll(bot, people.anne, 2027);
    expect(proposed).toContain('2027-12-09');
    expect(await say(bot, people.anne, 'møde 09-12-2027 14:00 Rådhuset')).toMatch(/^Ordinært møde er planlagt/);
    const since = bot.connector.mark();
    const res = await act(bot, people.anne, 'dates.confirm', { pollId, dates: CONFIRM });
    expect(res.type).toBe(CARD);
    expect(literal(bot.connector.textOf(res.value))).toContain('Allerede planlagt: torsdag den 9. december 2027 kl. 14.00.');
    const announced = literal(bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt:'), { since })));
    expect(announced).toContain(
      'Mødedatoerne for 2027 er fastlagt: torsdag den 10. juni 2027 kl. 14.00, torsdag den 12. august 2027 kl. 14.00, torsdag den 9. september 2027 kl. 14.00 og torsdag den 9. december 2027 kl. 14.00. Mødet torsdag den 9. december 2027 kl. 14.00 var allerede planlagt.',
    );
    const meetings = await ordinaryIn(bot, 2027);
    expect(meetings).toHaveLength(4);
    expect(meetings.filter((l) => l.includes('9. december 2027'))).toHaveLength(1);
    // The meeting kept is the one planned by hand, its place with it.
    expect((await bot.store.listMeetings({ status: 'planned' })).filter((m) => m.startsAt.toISOString().startsWith('2027-12-09')).map((m) => m.place)).toEqual(['Rådhuset']);
  });

  it('R10: an ordinary meeting already on a confirmed date at another time is that date\'s meeting: kept at its time, none planned beside it', async () => {
    const bot = await board('2027-05-20T10:00:00+02:00');
    const { pollId } = await poll(bot, people.anne, 2027);
    expect(await say(bot, people.anne, 'møde 09-12-2027 10:00')).toMatch(/^Ordinært møde er planlagt/);
    const since = bot.connector.mark();
    expect((await act(bot, people.anne, 'dates.confirm', { pollId, dates: CONFIRM })).type).toBe(CARD);
    const announced = literal(bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt:'), { since })));
    expect(announced).toContain('og torsdag den 9. december 2027 kl. 10.00. Mødet torsdag den 9. december 2027 kl. 10.00 var allerede planlagt.');
    const meetings = await ordinaryIn(bot, 2027);
    expect(meetings).toHaveLength(4);
    expect(meetings.filter((l) => l.includes('9. december 2027'))).toEqual([expect.stringContaining('kl. 10.00')]);
  });

  it('R10: an extraordinary meeting at the very time of a confirmed date is named and nothing is confirmed; one at another time of the day does not stand in the way', async () => {
    const bot = await board('2027-05-20T10:00:00+02:00');
    const { pollId } = await poll(bot, people.anne, 2027);
    expect(await say(bot, people.anne, 'ekstraordinært møde 09-12-2027 14:00 Helhedsplanen')).toMatch(/^Ekstraordinært møde er planlagt/);
    expect(await say(bot, people.anne, 'ekstraordinært møde 11-11-2027 10:00 Budget')).toMatch(/^Ekstraordinært møde er planlagt/);
    const refused = await act(bot, people.anne, 'dates.confirm', { pollId, dates: `${CONFIRM},2027-11-11` });
    expect(refused.type).toBe(MESSAGE);
    expect(literal(refused.value)).toBe(
      'Der er allerede et ekstraordinært møde torsdag den 9. december 2027 kl. 14.00. Fravælg datoen, eller aflys det ekstraordinære møde. Intet er ændret.',
    );
    expect(await ordinaryIn(bot, 2027)).toEqual([]);
    const res = await act(bot, people.anne, 'dates.confirm', { pollId, dates: '2027-06-10,2027-08-12,2027-09-09,2027-11-11' });
    expect(res.type).toBe(CARD);
    expect(literal(bot.connector.textOf(res.value))).not.toContain('Allerede planlagt');
    const meetings = await ordinaryIn(bot, 2027);
    expect(meetings).toHaveLength(4);
    expect(meetings.find((l) => l.includes('11. november 2027'))).toContain('kl. 14.00');
  });
});

describe('R10: the date poll names the year it is for', () => {
  it('R10: a poll for the current year says so on its card; the help and the refusal by role speak of a year\'s dates, not only next year\'s', async () => {
    const bot = await board('2027-01-05T10:00:00+01:00');
    const { card } = await poll(bot, people.anne, 2027);
    const text = literal(bot.connector.textOf(card));
    expect(text).toContain('Forslag til ordinære møder i 2027, alle kl. 14.00.');
    expect(text).not.toContain('næste års');
    const help = await say(bot, people.anne, 'hjælp');
    expect(help).toContain('»mødedatoer <år>« – foreslå mødedatoer for et år');
    expect(help).not.toContain('næste års');
    expect(await say(bot, people.henrik, 'mødedatoer 2027')).toBe('Kun formandskabet og sekretæren kan planlægge mødedatoer. Intet er ændret.');
  });
});

describe('R10: a year the poll cannot be for is refused naming the years it can', () => {
  it('R10: a year too far ahead, one past and none at all are answered with the years »mødedatoer« takes, from this year\'s clock, and an example of one (Danish)', async () => {
    const bot = await board('2028-01-10T10:00:00+01:00');
    const expected = 'Angiv et år fra 2028 til 2033, fx »mødedatoer 2029«. Intet er ændret.';
    expect(await say(bot, people.pia, 'mødedatoer 2034')).toBe(expected);
    expect(await say(bot, people.pia, 'mødedatoer 2027')).toBe(expected);
    expect(await say(bot, people.pia, 'mødedatoer')).toBe(expected);
    expect(await bot.store.listDatePolls(2034)).toEqual([]);
  });

  it('R10: the same in English', async () => {
    h = await startHarness({ clockStart: '2026-09-10T10:00:00Z', boardConfig: englishFile() });
    const { say: sayEn } = mk(h);
    await sayEn(people.anne, 'use this channel');
    expect(await sayEn(people.pia, 'plan dates 2032')).toBe('Give a year from 2026 to 2031, e.g. "plan dates 2027". Nothing was changed.');
  });
});

describe('R10: the reminder once the year\'s last ordinary meeting is past', () => {
  it('R10: before the year\'s last ordinary meeting the reminder says the dates are agreed there; once it is held, that no ordinary meeting of the year is planned any more, and how to propose dates', async () => {
    const bot = await board('2026-12-01T10:00:00+01:00');
    expect(await say(bot, people.anne, 'møde 10-12-2026 14:00')).toMatch(/^Ordinært møde er planlagt/);
    const reminders = () => bot.connector.posts().map((p) => literal(bot.connector.textOf(p))).filter((t) => t.includes('Påmindelse: Mødedatoerne for 2027'));
    await bot.at('2026-12-08T09:00:30+01:00');
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toContain('De aftales på årets sidste møde.');
    await bot.at('2026-12-22T09:00:30+01:00');
    expect(reminders()).toHaveLength(2);
    const after = reminders()[1]!;
    expect(after).toContain('Påmindelse: Mødedatoerne for 2027 er ikke fastlagt, og der er ikke planlagt flere ordinære møder i 2026. Foreslå datoer med »mødedatoer 2027«.');
    expect(after).not.toContain('årets sidste møde');
  });
});

describe('R10: who may answer the date poll', () => {
  it('R10: a guest is refused naming who may: the members and the secretary (the secretary may answer)', async () => {
    const bot = await board('2027-05-20T10:00:00+02:00');
    const { pollId, proposed } = await poll(bot, people.anne, 2027);
    const guest = await act(bot, people.gustav, 'dates.answer', { pollId, available: proposed[0] });
    expect(JSON.stringify(guest.value)).toContain('Kun bestyrelsens medlemmer og sekretæren kan svare på datoforslagene. Intet er ændret.');
    const secretary = await act(bot, people.pia, 'dates.answer', { pollId, available: proposed[0] });
    expect(secretary.type).toBe(CARD);
  });
});
