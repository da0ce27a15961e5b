/**
 * R7: the reminder the day after a meeting does not name a conclusion objected to whose item
 * the chair has dealt with since: put to a vote (»afstemning«), or concluded anew (also the next
 * morning). Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});
const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const texts = () => h.connector.posts().map((p) => literal(h.connector.textOf(p)));
const lastConclusionCard = () => h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Konklusion')).at(-1)!;
const reminders = () => texts().filter((t) => t.includes('fra mødet torsdag den 3. december'));

describe('R7: the reminder and an objected conclusion whose item was taken on otherwise', () => {
  it('R7: the chair put the item to a vote with »afstemning« after the objection, and the vote closed: not named as undecided', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.anne, 'punkt 03-12-2026 Valg af revisor beslutning');
    await h.at('2026-12-03T13:10:00Z');
    const number = '7'; // after the standing items of the year's last meeting
    await tell(people.anne, `konklusion ${number} Revisionsfirma A vælges.`);
    await h.send(cardAction(h.connector.url, people.lars, 'conclusion.object', { conclusionId: idIn(lastConclusionCard(), 'conclusionId') }));
    await tell(people.anne, `afstemning ${number}`);
    const voteCard = h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Afstemning')).at(-1)!;
    expect(voteCard).toBeDefined();
    const motionId = idIn(voteCard, 'motionId');
    for (const p of [people.lars, people.birgitte, people.henrik, people.soeren]) await h.send(cardAction(h.connector.url, p, 'vote.cast', { motionId, choice: 'for' }));
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId, confirm: true }));
    expect((await h.store.getMotion(motionId))?.closedAt).toBeDefined();
    expect(texts().some((t) => t.startsWith('Vedtaget: '))).toBe(true);
    await h.at('2026-12-04T08:00:00Z'); // Friday 09.00
    // The item was decided by the vote: nothing about it is still »ikke afgjort«.
    expect(reminders().join('\n')).not.toContain('har fået indsigelse og er ikke afgjort');
  });

  it('R7: the chair concluded anew the next morning (after the meeting\'s day): the objected one is not named', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T13:10:00Z');
    await tell(people.anne, 'konklusion 4 Indikatorerne tages til efterretning.');
    await h.send(cardAction(h.connector.url, people.lars, 'conclusion.object', { conclusionId: idIn(lastConclusionCard(), 'conclusionId') }));
    await h.at('2026-12-04T06:30:00Z'); // Friday 07.30
    await tell(people.anne, 'konklusion 03-12-2026 4 Indikatorerne tages til efterretning med bemærkningerne.');
    expect(texts().filter((t) => t.startsWith('Konklusion')).at(-1)).toContain('med bemærkningerne');
    await h.at('2026-12-04T08:00:00Z');
    expect(reminders().join('\n')).not.toContain('har fået indsigelse og er ikke afgjort');
  });

  it('R7: objected, put to a vote, the vote reopened with »genoptag«: the reminder names the item, undecided again', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.anne, 'punkt 03-12-2026 Valg af revisor beslutning');
    await h.at('2026-12-03T13:10:00Z');
    await tell(people.anne, 'konklusion 7 Revisionsfirma A vælges.');
    const concl = h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Konklusion')).at(-1)!;
    await h.send(cardAction(h.connector.url, people.lars, 'conclusion.object', { conclusionId: idIn(concl, 'conclusionId') }));
    await tell(people.anne, 'afstemning 7');
    const motionId = idIn(h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Afstemning')).at(-1)!, 'motionId');
    for (const p of [people.lars, people.birgitte, people.henrik, people.soeren]) await h.send(cardAction(h.connector.url, p, 'vote.cast', { motionId, choice: 'for' }));
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId, confirm: true }));
    await tell(people.anne, 'genoptag 7');
    await h.at('2026-12-04T08:00:00Z');
    expect(texts().filter((t) => t.includes('fra mødet torsdag den 3. december')).join('\n')).toContain('har fået indsigelse og er ikke afgjort');
  });
});
