/**
 * R9, R10: an open date poll whose proposed dates pass one by one. What it still offers (the
 * dates after today) counts against what the year lacks of R9's four ordinary meetings, the
 * meetings held or planned on its passed dates among them; when the dates left cannot give the
 * year its four, the card, the confirmation, `mødedatoer` and the reminder say so plainly and
 * how to go on (plan the missing meeting with `møde`), instead of asking for a confirmation
 * that cannot be made. Over HTTP, in process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
/** A card's updates are spaced: a minute on, the held update goes out. */
const SPACING = 60_000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const content = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;

/** `mødedatoer <år>` in the channel: the poll's id, its proposed dates and its card's message id. */
async function poll(bot: Harness, year: number) {
  const since = bot.connector.mark();
  await mk(bot).tell(people.pia, `mødedatoer ${year}`);
  const card = await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith(`Mødedatoer for ${year}`), { since });
  const body = content(card);
  const proposed: string[] = body.body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
  return { pollId: JSON.stringify(body).match(/"pollId":"([^"]+)"/)![1]!, proposed, id: card.id as string };
}

async function act(bot: Harness, from: Person, verb: string, data: Record<string, unknown>) {
  const res = await bot.send(cardAction(bot.connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

/** The card as `who` sees it now (the client's refresh): its JSON with the text literal. */
const refreshed = async (bot: Harness, who: Person, pollId: string) => {
  const res = await act(bot, who, 'dates.refresh', { pollId });
  expect(res.type).toBe(CARD);
  return literal(JSON.stringify(res.value));
};

/** The lines of `møder` for the ordinary meetings of a year. */
const ordinaryIn = async (bot: Harness, year: number) => (await mk(bot).say(people.lars, 'møder')).split('\n').filter((l) => l.startsWith('- Ordinært møde') && l.includes(String(year)));

const reminders = (bot: Harness) => bot.connector.posts().map((p) => literal(bot.connector.textOf(p))).filter((t) => t.includes('Påmindelse: Mødedatoerne for i år (2027)'));

describe('R10: an open date poll whose proposed dates pass', () => {
  it('R9, R10: meetings planned by hand on proposed dates that have since passed count toward the year\'s four: the card names them and asks for the dates that remain, not four', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    const { say } = mk(h);
    const { pollId, proposed } = await poll(h, 2027);
    expect(proposed).toEqual(['2027-02-11', '2027-03-11', '2027-05-13', '2027-06-10', '2027-08-12', '2027-09-09', '2027-11-11', '2027-12-09']);
    // The board planned its first meetings by hand, on proposed dates, and held them.
    expect(await say(people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    expect(await say(people.anne, 'møde 13-05-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.at('2027-09-01T10:00:00+02:00');
    const card = await refreshed(h, people.anne, pollId);
    expect(card).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00 og torsdag den 13. maj 2027 kl. 14.00.');
    expect(card).toContain('Formandskabet: vælg mindst to datoer');
    expect(card).not.toContain('vælg mindst fire datoer');
    // And two of the three left make the year's four.
    const res = await act(h, people.anne, 'dates.confirm', { pollId, dates: '2027-11-11,2027-12-09' });
    expect(res.type).toBe(CARD);
    // Two held, two to come (`møder` lists those to come).
    expect(await ordinaryIn(h, 2027)).toHaveLength(2);
    expect((await h.store.listMeetings({ status: 'planned' })).filter((m) => m.kind === 'ordinary' && m.startsAt.toISOString().startsWith('2027'))).toHaveLength(4);
  });

  it('R9, R10: too few proposed dates left for the year\'s four: the card says so and how to go on, offers no confirmation, the confirmation and »mødedatoer« refuse naming it; a meeting planned by hand on another day makes the dates left enough', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    const { say } = mk(h);
    const { pollId, id } = await poll(h, 2027);
    // 12 August has passed: 9 September, 11 November and 9 December are left, three of the four.
    await h.at('2027-08-20T10:00:00+02:00');
    const stranded =
      'Der er kun tre af de foreslåede datoer tilbage, og med dem får 2027 ikke fire ordinære møder. Planlæg det manglende møde med »møde <dato> <tid>« på en dag, der ikke er foreslået; så kan datoerne bekræftes.';
    const card = await refreshed(h, people.anne, pollId);
    expect(card).toContain(stranded);
    expect(card).not.toContain('Bekræft datoer');
    expect(card).not.toContain('vælg mindst');

    const refused = await act(h, people.anne, 'dates.confirm', { pollId, dates: '2027-09-09,2027-11-11,2027-12-09' });
    expect(refused.type).toBe(MESSAGE);
    expect(literal(refused.value)).toBe(`${stranded} Intet er ændret.`);
    expect(await ordinaryIn(h, 2027)).toEqual([]);

    expect(await say(people.pia, 'mødedatoer 2027')).toBe(`Forslaget til mødedatoer for 2027 er lagt op i kanalen, men det kan ikke bekræftes. ${stranded} Intet er ændret.`);

    // One planned by hand on a day not proposed: the three left make four.
    const mark = h.connector.mark();
    expect(await say(people.anne, 'møde 07-10-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    const channel = literal(JSON.stringify(h.connector.message(id)!.activity));
    expect(channel).toContain('Allerede planlagt i 2027: torsdag den 7. oktober 2027 kl. 14.00.');
    expect(channel).toContain('Formandskabet: vælg mindst tre datoer');
    expect(channel).not.toContain('Der er kun');
    const res = await act(h, people.anne, 'dates.confirm', { pollId, dates: '2027-09-09,2027-11-11,2027-12-09' });
    expect(res.type).toBe(CARD);
    expect(await ordinaryIn(h, 2027)).toHaveLength(4);
  });

  it('R9, R10: the reminder does not ask to confirm a poll whose dates left cannot give the year its four: it says so, and how to go on', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    const { say } = mk(h);
    const { pollId } = await poll(h, 2027);
    // Planned by hand on a proposed date: that date's meeting, no fourth beside the dates.
    expect(await say(people.anne, 'møde 11-11-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.at('2027-08-03T09:00:30+02:00');
    expect(reminders(h).at(-1)).toContain('Forslaget til mødedatoer for 2027 er lagt op i kanalen. Besvar det');
    // 17 August: 9 September, 11 November (its meeting) and 9 December are left.
    await h.at('2027-08-17T09:00:30+02:00');
    const last = reminders(h).at(-1)!;
    expect(last).toContain(
      'Påmindelse: Mødedatoerne for i år (2027) er endnu ikke fastlagt. Forslaget til mødedatoer for 2027 kan ikke bekræftes. Der er kun tre af de foreslåede datoer tilbage, og med dem får 2027 ikke fire ordinære møder. Planlæg det manglende møde med »møde <dato> <tid>« på en dag, der ikke er foreslået; så kan datoerne bekræftes.',
    );
    expect(last).not.toContain('Besvar det');
    // Indeed: the three left are not enough.
    const refused = await act(h, people.anne, 'dates.confirm', { pollId, dates: '2027-09-09,2027-11-11,2027-12-09' });
    expect(refused.type).toBe(MESSAGE);
  });
});
