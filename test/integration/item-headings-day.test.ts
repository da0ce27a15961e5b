/**
 * PRODUCT §1.3: with two meetings on a day, the line that names a vote's or a conclusion's item
 * names its meeting with its time (»… torsdag den 10. december 2026 kl. 14.00«). Planning a
 * second meeting on the day (`møde`, `ekstraordinært møde`) and cancelling it (`aflys møde`)
 * rename the other meeting's lines, as `flyt møde` does, and the cards already posted say so,
 * a closed vote's too. Before, only `flyt møde` renamed them, and no card was updated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const DAY = 'torsdag den 10. december 2026';

/** The item lines of the 14.00 meeting's votes and conclusions, as stored. */
const headings = async () => {
  const [meeting] = (await h!.store.listMeetings({ status: 'planned' })).filter((m) => m.startsAt.toISOString() === '2026-12-10T13:00:00.000Z');
  const motions = await h!.store.listMotions({ meetingId: meeting!.id });
  const conclusions = await h!.store.listConclusions({ meetingId: meeting!.id });
  return [...motions.map((m) => m.agendaItem?.heading), ...conclusions.map((c) => c.agendaItem.heading)];
};

describe('a second meeting on the day renames the first one\'s items (PRODUCT §1.3)', () => {
  it('PRODUCT §1.3: `ekstraordinært møde` on the day of a meeting makes its votes\' and conclusions\' lines name its time, on their cards too (a closed vote\'s); `aflys møde` of the second takes the time away again', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'punkt 10-12-2026 Ny legeplads beslutning');
    await tell(people.pia, 'punkt 10-12-2026 Vinduer');
    await tell(people.anne, 'afstemning 10-12-2026 5');
    await tell(people.anne, 'konklusion 10-12-2026 6 Tilbud indhentes.');
    // The vote closes at its deadline (72 h).
    await h.at('2026-12-04T10:00:00Z');
    expect(h.connector.posts().some((p) => literal(h!.connector.textOf(p)).startsWith('Ikke vedtaget'))).toBe(true);
    const before = await headings();
    expect(before).toHaveLength(2);
    for (const heading of before) expect(heading).toContain(DAY);
    for (const heading of before) expect(heading).not.toContain('kl.');

    let mark = h.connector.mark();
    await tell(people.pia, 'ekstraordinært møde 10-12-2026 17:00 Budget');
    const shared = await headings();
    for (const heading of shared) expect(heading).toContain(`${DAY} kl. 14.00`);
    // The cards posted, the closed vote's and the conclusion's, are updated to say so (a card's updates are spaced: a minute on).
    await h.pass(60_000);
    const named = (p: unknown) => literal(h!.connector.textOf(p)).includes(`${DAY} kl. 14.00`);
    await h.connector.waitForUpdate((p) => named(p) && literal(h!.connector.textOf(p)).includes('Ny legeplads'), { since: mark });
    await h.connector.waitForUpdate((p) => named(p) && literal(h!.connector.textOf(p)).includes('Vinduer'), { since: mark });

    mark = h.connector.mark();
    await tell(people.pia, 'aflys møde 10-12-2026 17:00');
    expect(await headings()).toEqual(before);
    await h.pass(60_000);
    await h.connector.waitForUpdate((p) => !named(p) && literal(h!.connector.textOf(p)).includes('Ny legeplads'), { since: mark });
  });
});

describe('the year\'s meeting dates confirmed on the day of another meeting rename its items (PRODUCT §1.3, R10)', () => {
  it('R10, PRODUCT §1.3: an ordinary meeting confirmed (*Bekræft datoer*) on the day of an extraordinary meeting makes that meeting\'s vote line name its time, on its card too', async () => {
    h = await startInstalledHarness('2027-05-20T10:00:00+02:00');
    const { tell } = mk(h);
    await tell(people.anne, 'mødedatoer 2027');
    const pollCard = h.connector.posts().find((p) => h!.connector.textOf(p).startsWith('Mødedatoer for 2027'))!;
    const pollId = JSON.stringify(pollCard).match(/"pollId":"([^"]+)"/)![1]!;
    await tell(people.anne, 'ekstraordinært møde 11-11-2027 10:00 Budget');
    await tell(people.pia, 'punkt 11-11-2027 Budget 2028 beslutning');
    const [extraordinary] = await h.store.listMeetings({ status: 'planned' });
    const agenda = literal(await mk(h).say(people.anne, 'dagsorden 11-11-2027'));
    const number = /(\d+)\. Budget 2028/.exec(agenda)![1]!;
    await tell(people.anne, `afstemning 11-11-2027 ${number}`);
    const line = async () => (await h!.store.listMotions({ meetingId: extraordinary!.id }))[0]!.agendaItem!.heading!;
    expect(await line()).toContain('torsdag den 11. november 2027');
    expect(await line()).not.toContain('kl.');

    const mark = h.connector.mark();
    const res = await h.send(cardAction(h.connector.url, people.anne, 'dates.confirm', { pollId, dates: '2027-06-10,2027-08-12,2027-09-09,2027-11-11' }));
    expect(res.status).toBe(200);
    expect((await h.store.listMeetings({ status: 'planned' })).filter((m) => m.startsAt.toISOString().startsWith('2027-11-11'))).toHaveLength(2);
    expect(await line()).toContain('torsdag den 11. november 2027 kl. 10.00');
    await h.pass(60_000);
    await h.connector.waitForUpdate((p) => literal(h!.connector.textOf(p)).includes('torsdag den 11. november 2027 kl. 10.00') && literal(h!.connector.textOf(p)).includes('Budget 2028'), { since: mark });
  });
});
