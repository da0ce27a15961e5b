/**
 * R9, R10: a year that enters January with some of its ordinary meetings planned by hand (fewer
 * than four): the date poll fills in what the year lacks of R9's four. Confirming the dates
 * that make four with the meetings already planned is accepted, the card says how many to
 * choose, and a refusal names the meetings already counted. Danish and English, over HTTP, in
 * process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const content = (p: PostedActivity) => (p.attachments as any[]).find((a) => a.contentType === CARD).content;

/** The poll command in the channel: the poll's id, proposed dates and the card's text. */
async function poll(bot: Harness, from: Person, command: string, title: string) {
  const since = bot.connector.mark();
  await mk(bot).tell(from, command);
  const card = await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith(title), { since });
  const body = content(card);
  const proposed: string[] = body.body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
  return { pollId: JSON.stringify(body).match(/"pollId":"([^"]+)"/)![1]!, proposed, json: JSON.stringify(body) };
}

async function confirm(bot: Harness, pollId: string, dates: readonly string[]) {
  const res = await bot.send(cardAction(bot.connector.url, people.anne, 'dates.confirm', { pollId, dates: dates.join(',') }));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

const ordinaryOf2027 = async (bot: Harness) => (await bot.store.listMeetings({ status: 'planned' })).filter((m) => m.kind === 'ordinary' && m.startsAt.toISOString().startsWith('2027'));

describe('R9, R10: the date poll in a year that has some of its ordinary meetings planned already', () => {
  it('R9, R10: with two ordinary meetings of 2027 planned by hand, the chair confirms the two dates that make four; one more is refused naming how many and why (Danish)', async () => {
    h = await startInstalledHarness('2026-12-20T10:00:00+01:00');
    const { say } = mk(h);
    expect(await say(people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    expect(await say(people.anne, 'møde 13-05-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.at('2027-01-05T09:00:30+01:00');
    const { pollId, proposed, json } = await poll(h, people.pia, 'mødedatoer 2027', 'Mødedatoer for 2027');
    // The card says which meetings the year has already, and that two more make four.
    expect(json).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00 og torsdag den 13. maj 2027 kl. 14.00.');
    expect(json).toContain('Formandskabet: vælg mindst to datoer');
    const one = await confirm(h, pollId, ['2027-08-12']);
    expect(one.type).toBe(MESSAGE);
    expect(literal(one.value)).toBe('Vælg mindst to datoer. Med de to ordinære møder, der allerede er planlagt i 2027, bliver det fire i året. Intet er ændret.');
    expect(await ordinaryOf2027(h)).toHaveLength(2);
    expect(proposed).toContain('2027-11-11');
    const since = h.connector.mark();
    const res = await confirm(h, pollId, ['2027-08-12', '2027-11-11']);
    expect(res.type).toBe(CARD);
    expect(await ordinaryOf2027(h)).toHaveLength(4);
    // The card and the announcement name the year's four, not only the two confirmed.
    expect(literal(h.connector.textOf(res.value))).toContain('Allerede planlagt: torsdag den 11. februar 2027 kl. 14.00 og torsdag den 13. maj 2027 kl. 14.00.');
    const announced = literal(h.connector.textOf(await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt:'), { since })));
    expect(announced).toContain(
      'Mødedatoerne for 2027 er fastlagt: torsdag den 11. februar 2027 kl. 14.00, torsdag den 13. maj 2027 kl. 14.00, torsdag den 12. august 2027 kl. 14.00 og torsdag den 11. november 2027 kl. 14.00. Møderne torsdag den 11. februar 2027 kl. 14.00 og torsdag den 13. maj 2027 kl. 14.00 var allerede planlagt.',
    );
    // »Føj møderne i 2027 til kalenderen«: the year's four.
    const link = /\[Føj møderne i 2027 til kalenderen\]\(([^)]+)\)/.exec(String((await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt:'), { since })).text))![1]!;
    const file = await h.get(new URL(link.replace(/&amp;/g, '&')).pathname + new URL(link.replace(/&amp;/g, '&')).search);
    expect(String(file.body).match(/BEGIN:VEVENT/g)).toHaveLength(4);
    // The year has its dates: the reminders about it stop.
    const reminders = () => mk(h!).all().filter((t) => t.includes('Mødedatoerne for i år (2027)'));
    const before = reminders().length;
    await h.at('2027-01-19T09:00:30+01:00');
    expect(reminders()).toHaveLength(before);
  });

  it('R9, R10: the same on an English board; with no meeting planned, four dates are still needed', async () => {
    h = await startHarness({ clockStart: '2026-12-20T10:00:00Z', boardConfig: englishFile() });
    const { say } = mk(h);
    await say(people.anne, 'use this channel');
    expect(await say(people.anne, 'meeting 11-02-2027 14:00')).toMatch(/^Ordinary meeting planned/);
    expect(await say(people.anne, 'meeting 13-05-2027 14:00')).toMatch(/^Ordinary meeting planned/);
    expect(await say(people.anne, 'meeting 10-06-2027 14:00')).toMatch(/^Ordinary meeting planned/);
    const { pollId, json } = await poll(h, people.pia, 'plan dates 2027', 'Meeting dates for 2027');
    expect(json).toContain('Already planned in 2027: Thursday 11 February 2027 at 14:00, Thursday 13 May 2027 at 14:00 and Thursday 10 June 2027 at 14:00.');
    expect(json).toContain('Chair: choose at least one date');
    const since = h.connector.mark();
    const res = await confirm(h, pollId, ['2027-11-11']);
    expect(res.type).toBe(CARD);
    expect(await ordinaryOf2027(h)).toHaveLength(4);
    const announced = literal(h.connector.textOf(await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('The meeting dates for 2027 are set:'), { since })));
    expect(announced).toContain('The meetings on Thursday 11 February 2027 at 14:00, Thursday 13 May 2027 at 14:00 and Thursday 10 June 2027 at 14:00 were already planned.');
    expect(announced).toContain('and Thursday 11 November 2027 at 14:00.');
    // A poll for a year with nothing planned still asks for four.
    const next = await poll(h, people.pia, 'plan dates 2028', 'Meeting dates for 2028');
    expect(next.json).toContain('Chair: choose at least four dates');
    expect(next.json).not.toContain('Already planned');
    const three = await confirm(h, next.pollId, next.proposed.slice(0, 3));
    expect(literal(three.value)).toBe('Choose at least four dates (four ordinary meetings a year). Nothing was changed.');
  });

  it('R9, R10: a year whose two ordinary meetings are held can still hold four in August: »mødedatoer« posts its poll and the reminder about this year goes on, until fewer dates remain than the year lacks', async () => {
    h = await startInstalledHarness('2026-12-20T10:00:00+01:00');
    const { say } = mk(h);
    expect(await say(people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    expect(await say(people.anne, 'møde 13-05-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    const reminders = () => mk(h!).all().filter((t) => t.includes('Påmindelse: Mødedatoerne for i år (2027) er endnu ikke fastlagt.'));
    await h.at('2027-08-03T09:00:30+02:00');
    const sent = reminders().length;
    // 17 August: 12 August is past; 9 September, 11 November and 9 December remain, and two make four.
    await h.at('2027-08-17T09:00:30+02:00');
    expect(reminders()).toHaveLength(sent + 1);
    await h.at('2027-08-20T10:00:00+02:00');
    const { pollId, proposed, json } = await poll(h, people.pia, 'mødedatoer 2027', 'Mødedatoer for 2027');
    expect(proposed).toEqual(['2027-09-09', '2027-11-11', '2027-12-09']);
    expect(json).toContain('Formandskabet: vælg mindst to datoer');
    expect((await confirm(h, pollId, ['2027-09-09', '2027-11-11'])).type).toBe(CARD);
    expect(await ordinaryOf2027(h)).toHaveLength(4);
  });

  it('R9, R10: with two ordinary meetings held and one date left in the year, »mødedatoer« refuses the year as before', async () => {
    h = await startInstalledHarness('2026-12-20T10:00:00+01:00');
    const { say } = mk(h);
    expect(await say(people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    expect(await say(people.anne, 'møde 13-05-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.at('2027-11-20T10:00:00+01:00');
    expect(await say(people.pia, 'mødedatoer 2027')).toMatch(/^Året kan ikke længere rumme fire ordinære møder/);
  });
});
