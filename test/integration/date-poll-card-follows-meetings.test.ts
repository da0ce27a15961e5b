/**
 * R9, R10: the open date poll's channel card names the year's ordinary meetings already planned
 * (»Allerede planlagt i 2027: …«) and how many dates the chair must choose. A meeting of the year
 * planned by hand, moved into or out of it, or cancelled while the poll is open updates the posted
 * card; nothing is updated when no poll for that year is open. Over HTTP, in process
 * (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
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

/** The poll card as the channel now shows it (posted, then updated): its JSON, for its texts and labels. */
const shown = (bot: Harness, id: string) => literal(JSON.stringify(bot.connector.message(id)!.activity));
/** How many times the poll card has been updated. */
const cardUpdates = (bot: Harness, id: string) => bot.connector.updates().filter((u) => u.id === id).length;

describe('R10: the open date poll\'s card follows the year\'s ordinary meetings', () => {
  it('R9, R10: a meeting of 2027 planned by hand, moved out of the year and back into it, and one cancelled, each update the open poll\'s »Allerede planlagt« and how many dates to choose', async () => {
    h = await startInstalledHarness('2027-01-05T10:00:00+01:00');
    const { say, tell } = mk(h);
    expect(await say(people.anne, 'møde 11-02-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    const { id, proposed } = await poll(h, 2027);
    expect(shown(h, id)).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00.');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst tre datoer');
    // Days the poll does not propose (a meeting there would be kept by the confirmation, not counted besides).
    for (const day of ['2027-03-04', '2027-04-15']) expect(proposed).not.toContain(day);

    // Planned by hand: two besides, two dates to choose.
    let mark = h.connector.mark();
    expect(await say(people.anne, 'møde 04-03-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    expect(shown(h, id)).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00 og torsdag den 4. marts 2027 kl. 14.00.');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst to datoer');

    // Moved out of the year: one besides again.
    mark = h.connector.mark();
    await tell(people.anne, 'flyt møde 04-03-2027 til 06-01-2028');
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    expect(shown(h, id)).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00.');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst tre datoer');

    // Moved into the year.
    mark = h.connector.mark();
    await tell(people.anne, 'flyt møde 06-01-2028 til 15-04-2027');
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    expect(shown(h, id)).toContain('Allerede planlagt i 2027: torsdag den 11. februar 2027 kl. 14.00 og torsdag den 15. april 2027 kl. 14.00.');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst to datoer');

    // Cancelled: the one left.
    mark = h.connector.mark();
    await tell(people.anne, 'aflys møde 11-02-2027');
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    expect(shown(h, id)).toContain('Allerede planlagt i 2027: torsdag den 15. april 2027 kl. 14.00.');
    expect(shown(h, id)).not.toContain('11. februar');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst tre datoer');

    // And the last: none planned, four to choose, no »Allerede planlagt«.
    mark = h.connector.mark();
    await tell(people.anne, 'aflys møde 15-04-2027');
    await h.pass(SPACING);
    await h.connector.waitForUpdate((p) => p.id === id, { since: mark });
    expect(shown(h, id)).not.toContain('Allerede planlagt');
    expect(shown(h, id)).toContain('Formandskabet: vælg mindst fire datoer');
  });

  it('R10: nothing is updated for a meeting of another year, an extraordinary meeting, one on a proposed date, or one planned once no poll for the year is open (confirmed)', async () => {
    h = await startInstalledHarness('2027-01-05T10:00:00+01:00');
    const { say } = mk(h);
    const { id, pollId, proposed } = await poll(h, 2027);
    const quiet = async (command: string) => {
      const before = cardUpdates(h!, id);
      expect(await say(people.anne, command)).toMatch(/møde er planlagt/);
      await h!.pass(SPACING);
      expect(cardUpdates(h!, id)).toBe(before);
    };
    // The poll is for 2027: a meeting of 2028, and an extraordinary meeting (not among R9's four), leave its card as it is.
    await quiet('møde 13-01-2028 14:00');
    await quiet('ekstraordinært møde 04-03-2027 14:00 Budget');
    // An ordinary meeting on a proposed date is that date's (the confirmation keeps it), not one besides the poll's.
    expect(proposed).toContain('2027-05-13');
    await quiet('møde 13-05-2027 14:00');
    expect(shown(h, id)).not.toContain('Allerede planlagt');

    const res = await h.send(cardAction(h.connector.url, people.anne, 'dates.confirm', { pollId, dates: '2027-06-10,2027-08-12,2027-09-09,2027-12-09' }));
    expect(res.status).toBe(200);
    await h.pass(SPACING);
    // Confirmed: no poll for 2027 is open; a meeting planned in it now leaves the confirmed card alone.
    await quiet('møde 15-04-2027 14:00');
  });
});
