/**
 * R10 across New Year: a board that enters a year whose dates are not fixed (its poll still
 * open, or nothing done at all) goes on being reminded every two weeks, naming this year's
 * `mødedatoer <år>`, until the year's dates are fixed or the year can no longer hold R9's
 * four ordinary meetings; the next season (from datePlanningStart) for the following year
 * starts as before. Over HTTP, in process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

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
const texts = (bot: Harness) => bot.connector.posts().map((p) => literal(bot.connector.textOf(p)));
/** The reminders about `year`'s dates sent while it is the current year. */
const thisYear = (bot: Harness, year: number) => texts(bot).filter((t) => t.includes(`Påmindelse: Mødedatoerne for i år (${year}) er endnu ikke fastlagt.`));
/** The reminders about `year`'s dates sent in the year before (the autumn season). */
const nextYear = (bot: Harness, year: number) => texts(bot).filter((t) => t.includes(`Påmindelse: Mødedatoerne for ${year} er ikke fastlagt`));

/** `mødedatoer <år>` in the channel: the poll's id and proposed dates. */
async function poll(bot: Harness, from: Person, year: number): Promise<{ pollId: string; proposed: string[] }> {
  const since = bot.connector.mark();
  await bot.send(channelMessage(bot.connector.url, from, `mødedatoer ${year}`));
  const card = await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith(`Mødedatoer for ${year}`), { since });
  const body = (card.attachments as any[]).find((a) => a.contentType === CARD).content;
  const proposed = body.body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
  return { pollId: JSON.stringify(body).match(/"pollId":"([^"]+)"/)![1]!, proposed };
}

/** The reminder days of the season about 2027, from 1 September 2026, every 14 days, at 09.00 local. */
const DAYS_2027 = ['01-05', '01-19', '02-02', '02-16', '03-02', '03-16', '03-30', '04-13', '04-27', '05-11', '05-25', '06-08', '06-22', '07-06', '07-20', '08-03', '08-17', '08-31'];
const at9 = (mmdd: string, year = 2027) => {
  const month = Number(mmdd.slice(0, 2));
  // Summer time from the last Sunday of March to the last Sunday of October.
  const summer = (month > 3 && month < 10) || mmdd === '03-30';
  return `${year}-${mmdd}T09:00:30${summer ? '+02:00' : '+01:00'}`;
};

describe('R10: the reminders go on after New Year while the year\'s dates are not fixed', () => {
  it('R10: a poll for 2027 posted in November and never confirmed: from 5 January the chair and the secretary are reminded of it, as this year\'s, every two weeks', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await poll(bot, people.pia, 2027);
    for (const day of ['11-10', '11-24', '12-08', '12-22']) await bot.at(`2026-${day}T09:00:30+01:00`);
    expect(nextYear(bot, 2027)).toHaveLength(4);
    await bot.at('2027-01-05T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toEqual([
      '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: Påmindelse: Mødedatoerne for i år (2027) er endnu ikke fastlagt. Forslaget til mødedatoer for 2027 er lagt op i kanalen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«.',
    ]);
    // Not »next year«, not a new poll (one open poll per year).
    expect(thisYear(bot, 2027)[0]).not.toContain('»mødedatoer 2027«');
    expect(nextYear(bot, 2027)).toHaveLength(4);
    await bot.at('2027-01-12T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    await bot.at('2027-01-19T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(2);
  });

  it('R10: in February the channel\'s card of the poll, updated by an answer, no longer offers the proposed dates that have passed (confirming one is refused), to answer or to confirm', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    const { pollId, proposed } = await poll(bot, people.pia, 2027);
    expect(proposed[0]).toBe('2027-02-11');
    await bot.at('2027-02-20T10:00:00+01:00');
    const since = bot.connector.updates().length;
    const res = await bot.send(cardAction(bot.connector.url, people.birgitte, 'dates.answer', { pollId, available: '2027-05-13,2027-06-10' }));
    expect(res.status).toBe(200);
    await bot.pass(UPDATE_INTERVAL_MS);
    const channelCard = bot.connector.updates().slice(since).filter((p) => bot.connector.textOf(p).startsWith('Mødedatoer for 2027')).at(-1)!;
    const body = JSON.stringify((channelCard.attachments as any[]).find((a) => a.contentType === CARD).content);
    expect(body).toContain('2027-05-13');
    expect(body).toContain('Har svaret: Birgitte Bach.');
    expect(body).not.toContain('2027-02-11');
    expect(body).not.toContain('11. februar 2027');
  });

  it('R10: nothing done at all: in January the reminder asks for this year\'s poll with »mødedatoer 2027«', async () => {
    const bot = await board('2026-12-28T10:00:00+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(0);
    await bot.at('2027-01-05T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toEqual([
      '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: Påmindelse: Mødedatoerne for i år (2027) er endnu ikke fastlagt. Foreslå datoer med »mødedatoer 2027«.',
    ]);
    expect(texts(bot).join('\n')).not.toContain('årets sidste møde');
    expect(texts(bot).join('\n')).not.toContain('i 2026');
  });

  it('R10: the January reminders stop once the poll is confirmed', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    const { pollId } = await poll(bot, people.pia, 2027);
    await bot.at('2027-01-05T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    await bot.at('2027-01-10T10:00:00+01:00');
    const res = await bot.send(cardAction(bot.connector.url, people.anne, 'dates.confirm', { pollId, dates: '2027-02-11,2027-05-13,2027-08-12,2027-11-11' }));
    expect(res.status).toBe(200);
    await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt:'));
    await bot.at('2027-01-19T09:00:30+01:00');
    await bot.at('2027-02-02T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    // The next season, about 2028, starts as before.
    expect((await bot.store.getJob('date-planning:2027-09-01'))?.status).toBe('pending');
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(nextYear(bot, 2028)).toHaveLength(1);
  });

  it('R9, R10: the January reminders stop once four ordinary meetings of the year are planned; one is not enough', async () => {
    const bot = await board('2026-12-28T10:00:00+01:00');
    await bot.at('2027-01-05T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    expect(await say(bot, people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await bot.at('2027-01-19T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(2);
    for (const date of ['13-05-2027', '12-08-2027', '11-11-2027']) expect(await say(bot, people.anne, `møde ${date} 14:00`)).toMatch(/^Ordinært møde er planlagt/);
    await bot.at('2027-02-02T09:00:30+01:00');
    await bot.at('2027-02-16T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(2);
  });

  it('R9, R10: they stop when the year can no longer hold four ordinary meetings (where »mødedatoer« refuses the year); 1 September starts the season about the year after', async () => {
    const bot = await board('2026-12-28T10:00:00+01:00');
    for (const day of DAYS_2027) await bot.at(at9(day));
    // 3 August: 12 August, 9 September, 11 November and 9 December are still to come; from 12 August no longer four.
    expect(thisYear(bot, 2027)).toHaveLength(DAYS_2027.indexOf('08-03') + 1);
    expect(await say(bot, people.pia, 'mødedatoer 2027')).toMatch(/^Året kan ikke længere rumme fire ordinære møder/);
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(nextYear(bot, 2028)).toHaveLength(1);
    expect(thisYear(bot, 2027)).toHaveLength(DAYS_2027.indexOf('08-03') + 1);
  });

  it('R10: a board the bot first serves in March 2027 (its earlier meetings held before) is not reminded of 2027\'s dates; »mødedatoer 2027« still works, and 1 September starts the season about 2028', async () => {
    const bot = await board('2027-03-03T10:00:00+01:00');
    for (const day of ['03-16', '03-30', '04-13', '04-27']) await bot.at(at9(day));
    expect(thisYear(bot, 2027)).toEqual([]);
    await bot.restart('2027-05-03T10:00:00+02:00');
    await say(bot, people.anne, 'hjælp');
    await bot.at(at9('05-11'));
    expect(thisYear(bot, 2027)).toEqual([]);
    expect((await poll(bot, people.pia, 2027)).proposed.length).toBeGreaterThanOrEqual(4);
    await bot.at(at9('05-25'));
    expect(thisYear(bot, 2027)).toEqual([]);
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(nextYear(bot, 2028)).toHaveLength(1);
  });

  it('R10: the autumn season is unchanged: from 1 September it is about next year, and says so', async () => {
    const bot = await board('2026-08-31T10:00:00+02:00');
    await bot.at('2026-09-01T09:00:30+02:00');
    expect(nextYear(bot, 2027)).toHaveLength(1);
    expect(nextYear(bot, 2027)[0]).toContain('Foreslå datoer med »mødedatoer 2027«.');
    expect(thisYear(bot, 2026)).toHaveLength(0);
    await bot.at('2026-09-15T09:00:30+02:00');
    expect(nextYear(bot, 2027)).toHaveLength(2);
  });

  it('PRODUCT (each job is done once), R10: a restart in January posts the latest missed reminder once, none twice, and the next one still comes', async () => {
    const bot = await board('2026-12-28T10:00:00+01:00');
    // Down across 5 and 19 January.
    await bot.restart('2027-01-25T10:00:00+01:00');
    await say(bot, people.anne, 'hjælp');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    await bot.restart('2027-01-26T10:00:00+01:00');
    await say(bot, people.anne, 'hjælp');
    expect(thisYear(bot, 2027)).toHaveLength(1);
    await bot.at('2027-02-02T09:00:30+01:00');
    expect(thisYear(bot, 2027)).toHaveLength(2);
    // A restart right after it sends nothing again.
    await bot.restart('2027-02-02T09:05:00+01:00');
    await say(bot, people.anne, 'hjælp');
    expect(thisYear(bot, 2027)).toHaveLength(2);
  });
});
