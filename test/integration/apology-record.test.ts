/**
 * R9, R16: apologies and the record of a meeting. An apology (`afbud`) sent for a meeting on a date
 * is not carried to the new date when the chair moves the meeting to another day. As `afbud`,
 * `fjern afbud <dato>` is refused once the meeting's day is over: nobody takes their apology out of
 * the record of a meeting held, and the minutes do not change under the secretary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const say = async (who: Person, text: string) => literal(h!.connector.textOf(await ask(h!, h!.connector, who, text)));
const tell = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const lastMinutes = () => literal(h!.connector.textOf([...h!.connector.posts(), ...h!.connector.updates()].filter((p) => h!.connector.textOf(p).startsWith('Referat')).at(-1)!));

describe('an apology and a meeting moved', () => {
  it('R16: an apology for 10 December does not become one for the meeting held on 15 December', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await say(people.pia, 'møde 10-12-2026 14:00');
    expect(await say(people.birgitte, 'afbud Jeg er på ferie den 10.')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    await tell(people.anne, 'flyt møde 10-12-2026 til 15-12-2026');
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    expect(meeting!.startsAt.toISOString()).toBe('2026-12-15T13:00:00.000Z');
    // Birgitte never said she cannot come on the 15th.
    await h.at('2026-12-15T16:00:00Z');
    await tell(people.pia, 'referat');
    expect(lastMinutes()).toContain('Referat – Ordinært møde tirsdag den 15. december 2026');
    expect(lastMinutes()).not.toContain('Birgitte Bach (SB).');
    expect(lastMinutes()).not.toContain('**Afbud**');
  });
});

describe('withdrawing an apology after the meeting', () => {
  it('R16: after the meeting\'s day, an apology is neither sent nor withdrawn; the drafted minutes keep it', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await say(people.pia, 'møde 10-12-2026 14:00');
    await say(people.birgitte, 'afbud');
    await h.at('2026-12-10T16:00:00Z');
    await tell(people.pia, 'referat');
    expect(lastMinutes()).toContain('**Afbud**\nBirgitte Bach (SB).');

    await h.at('2026-12-14T09:00:00Z');
    expect(await say(people.mette, 'afbud 10-12-2026')).toBe('Mødet er afholdt, så der kan ikke længere meldes afbud til det. Intet er ændret.');
    // The same day, the same meeting: withdrawing is refused as sending is.
    const answer = await say(people.birgitte, 'fjern afbud 10-12-2026');
    expect(answer).not.toContain('er trukket tilbage');
    expect(answer).toContain('Intet er ændret.');
    const [meeting] = await h.store.listMeetings({});
    expect((await h.store.listApologies(meeting!.id)).map((a) => a.personId)).toEqual([people.birgitte.aadObjectId]);
    expect(lastMinutes()).toContain('**Afbud**\nBirgitte Bach (SB).');
  });
});
