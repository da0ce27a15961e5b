/**
 * R9: `aflys møde` and `flyt møde` with words they do not take after a date (a reason, a place; a
 * bare number is refused as a time) name those words and change nothing; they do not blame a date that is fine, nor
 * run without the words. A new date missing after »til« is asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';

let h: Harness;
beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T09:00:00Z');
  await say(people.pia, 'møde 10-12-2026 14:00');
});
afterAll(async () => {
  await h?.close();
});
const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));

describe('words after the date that aflys møde and flyt møde do not take (R9)', () => {
  it('R9: a reason after the date is named, and the meeting is not cancelled', async () => {
    expect(await say(people.anne, 'aflys møde 10-12-2026 pga. sygdom')).toBe('»pga. sygdom« kan ikke læses som dato eller tidspunkt. Intet er ændret.\n\nSkriv fx: aflys møde 10-12-2026');
    expect((await h.store.listMeetings({})).map((m) => m.status)).toEqual(['planned']);
  });

  it('R9: a place or a bare number after the new date is named (the number as a time); no new date after »til« is asked for; nothing moves', async () => {
    const example = 'Skriv fx: flyt møde 10-12-2026 til 15-12-2026 14:00';
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 17-12-2026 på Rådhuset')).toBe(`»på Rådhuset« kan ikke læses som dato eller tidspunkt. Intet er ændret.\n\n${example}`);
    // A bare number is refused as a time, as møde refuses it (move-meeting-time-forms.test.ts).
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 17-12-2026 14')).toBe(`»14« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.\n\n${example}`);
    expect(await say(people.anne, 'flyt møde 10-12-2026 til kl. 16')).toBe(`Angiv mødets nye dato efter »til«.\n\n${example}`);
    expect((await h.store.listMeetings({})).map((m) => m.startsAt.toISOString())).toEqual(['2026-12-10T13:00:00.000Z']);
  });

  it('a member is told they may not, whatever follows the date', async () => {
    expect(await say(people.lars, 'aflys møde 10-12-2026 pga. sygdom')).toBe('Kun formandskabet og sekretæren kan aflyse møder. Intet er ændret.');
  });
});
