/**
 * R9, R10: a year whose date poll was confirmed, and whose meetings were since cancelled
 * (`aflys møde`) or moved out of it, is no longer taken as having its dates once it has fewer
 * than R9's four ordinary meetings: the reminders about it resume, saying what happened, and
 * `mødedatoer <år>` posts a new poll for the dates it lacks. Over HTTP, in process
 * (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

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
  return { pollId: JSON.stringify(body).match(/"pollId":"([^"]+)"/)![1]!, proposed, id: card.id as string, text: literal(JSON.stringify(body)) };
}

async function confirm(bot: Harness, from: Person, pollId: string, dates: string) {
  const since = bot.connector.mark();
  const res = await bot.send(cardAction(bot.connector.url, from, 'dates.confirm', { pollId, dates }));
  expect(res.status).toBe(200);
  expect((res.body as { type: string }).type).toBe(CARD);
  return literal(bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).includes('er fastlagt:'), { since })));
}

/** The lines of `møder` for the ordinary meetings of a year. */
const ordinaryIn = async (bot: Harness, year: number) => (await mk(bot).say(people.lars, 'møder')).split('\n').filter((l) => l.startsWith('- Ordinært møde') && l.includes(String(year)));
const reminders = (bot: Harness) => bot.connector.posts().map((p) => literal(bot.connector.textOf(p))).filter((t) => t.includes('Påmindelse: Mødedatoerne'));

describe('R9, R10: a confirmed year that has lost its meetings can be planned again', () => {
  it('R9, R10: all four meetings of a confirmed poll cancelled: the reminders resume, saying so, and »mødedatoer 2027« posts a new poll for four dates', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    const { tell } = mk(h);
    const first = await poll(h, 2027);
    await confirm(h, people.anne, first.pollId, '2027-02-11,2027-05-13,2027-08-12,2027-11-11');
    await h.at('2026-11-10T09:00:30+01:00');
    expect(reminders(h)).toEqual([]);

    // The board cancels them all (a new meeting rhythm is to be agreed).
    for (const date of ['11-02-2027', '13-05-2027', '12-08-2027', '11-11-2027']) await tell(people.anne, `aflys møde ${date}`);
    expect(await ordinaryIn(h, 2027)).toEqual([]);
    await h.at('2026-11-24T09:00:30+01:00');
    expect(reminders(h)).toEqual([
      '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: Påmindelse: Mødedatoerne for 2027 blev fastlagt, men der er nu ingen ordinære møder i 2027, og der skal være fire om året. Foreslå datoer til de manglende møder med »mødedatoer 2027«, eller planlæg dem med »møde <dato> <tid>«.',
    ]);

    const second = await poll(h, 2027);
    expect(second.text).toContain('Formandskabet: vælg mindst fire datoer');
    await h.at('2026-12-08T09:00:30+01:00');
    expect(reminders(h).at(-1)).toContain('Påmindelse: Mødedatoerne for 2027 er ikke fastlagt. Forslaget til mødedatoer for 2027 er lagt op i kanalen.');
    const announced = await confirm(h, people.anne, second.pollId, '2027-03-11,2027-06-10,2027-09-09,2027-12-09');
    expect(announced).toContain('Mødedatoerne for 2027 er fastlagt: torsdag den 11. marts 2027 kl. 14.00');
    expect(await ordinaryIn(h, 2027)).toHaveLength(4);
    await h.at('2026-12-22T09:00:30+01:00');
    await h.at('2027-01-05T09:00:30+01:00');
    expect(reminders(h)).toHaveLength(2);
  });

  it('R9, R10: one of the four cancelled in the year itself: the reminder names the three left; a new poll asks for one date, naming them, and its confirmation makes four', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    const { tell } = mk(h);
    const first = await poll(h, 2027);
    await confirm(h, people.anne, first.pollId, '2027-02-11,2027-05-13,2027-08-12,2027-11-11');
    await h.at('2027-01-05T09:00:30+01:00');
    expect(reminders(h)).toEqual([]);
    await tell(people.anne, 'aflys møde 13-05-2027');
    await h.at('2027-01-19T09:00:30+01:00');
    expect(reminders(h)).toEqual([
      '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: Påmindelse: Mødedatoerne for i år (2027) blev fastlagt, men der er nu kun tre ordinære møder i år, og der skal være fire om året. Foreslå datoer til de manglende møder med »mødedatoer 2027«, eller planlæg dem med »møde <dato> <tid>«.',
    ]);
    const second = await poll(h, 2027);
    expect(second.text).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00, torsdag den 12. august 2027 kl. 14.00 og torsdag den 11. november 2027 kl. 14.00.');
    expect(second.text).toContain('Formandskabet: vælg mindst én dato');
    expect(second.proposed).toContain('2027-06-10');
    const announced = await confirm(h, people.anne, second.pollId, '2027-06-10');
    expect(announced).toContain('Mødedatoerne for 2027 er fastlagt: torsdag den 11. februar 2027 kl. 14.00, torsdag den 10. juni 2027 kl. 14.00, torsdag den 12. august 2027 kl. 14.00 og torsdag den 11. november 2027 kl. 14.00.');
    expect(await ordinaryIn(h, 2027)).toHaveLength(4);
    await h.at('2027-02-02T09:00:30+01:00');
    expect(reminders(h)).toHaveLength(1);
  });
});
