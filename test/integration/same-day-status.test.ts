/**
 * R18 with two meetings on one day: `status` lists each decision with the day it was made,
 * and a decision on an item of a meeting that shares its day with another meeting of the
 * report names that meeting's time too (PRODUCT §1.3): both meetings' »Godkendelse af
 * dagsorden« are otherwise two lines that fit either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
});

afterAll(async () => {
  await h?.close();
});

const say = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => void (await h.send(cardAction(h.connector.url, who, verb, data)));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const lastText = (start: string) => h.connector.posts().map((p) => h.connector.textOf(p)).filter((t) => t.startsWith(start)).at(-1) ?? '';

/** The chair's conclusion on item 1 of the meeting under way, closed at once. */
async function concludeItemOne(text: string): Promise<void> {
  await say(people.anne, `konklusion 1 ${text}`);
  const card = h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Konklusion')).at(-1)!;
  await act(people.anne, 'conclusion.close', { conclusionId: idIn(card, 'conclusionId') });
}

describe('R18: status on a day with two meetings', () => {
  it('R18: each decision on an item names its meeting\'s time when the report holds another meeting that day (its day too, when decided on another); one alone on its day is named by the day', async () => {
    await say(people.pia, 'møde 03-12-2026 10:00');
    await say(people.pia, 'møde 03-12-2026 15:00');
    await say(people.pia, 'møde 08-12-2026 14:00');
    await h.at('2026-12-03T10:05:00+01:00');
    await concludeItemOne('Dagsordenen godkendes (formiddag).');
    await h.at('2026-12-03T15:05:00+01:00');
    await concludeItemOne('Dagsordenen godkendes (eftermiddag).');
    // A vote on item 2 that nobody finishes: it closes at its deadline, 72 hours on, on Sunday 6 December.
    await h.at('2026-12-03T15:10:00+01:00');
    await say(people.anne, 'afstemning 2');
    await h.at('2026-12-08T14:05:00+01:00');
    await concludeItemOne('Dagsordenen godkendes (tirsdag).');
    await h.at('2026-12-08T16:00:00+01:00');
    await say(people.anne, 'status 01-12-2026 31-12-2026');

    const report = literal(lastText('**Status for perioden'));
    expect(report).toContain('- torsdag den 3. december 2026 (mødet kl. 10.00): Punkt 1. Godkendelse af dagsorden – Dagsordenen godkendes (formiddag).');
    expect(report).toContain('- torsdag den 3. december 2026 (mødet kl. 15.00): Punkt 1. Godkendelse af dagsorden – Dagsordenen godkendes (eftermiddag).');
    expect(report).toContain('- tirsdag den 8. december 2026: Punkt 1. Godkendelse af dagsorden – Dagsordenen godkendes (tirsdag).');
    // Decided on another day than its meeting's: the meeting's own day and time, never a meeting on the day of the decision.
    expect(report).toContain('- søndag den 6. december 2026 (mødet torsdag den 3. december 2026 kl. 15.00): »2. Godkendelse af referat');
    expect(report).not.toContain('søndag den 6. december 2026 (mødet kl.');
  });

});
