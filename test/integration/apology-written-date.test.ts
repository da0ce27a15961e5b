/**
 * R16: `afbud`, `fjern afbud`, `dagsorden` and `referat` read a date written out as the bot
 * writes it (»torsdag den 14. januar 2027«, »14. januar«, »14 januar«, »den 14/1«; English
 * »Thursday 14 January 2027«, »January 14«). Before, such a date was no date to `afbud`: it became
 * the message, and the apology went to the next meeting (10 December), not the one written.
 * A written date with no meeting on it is refused, and nothing changes. Danish and English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { botInstalled, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The people with apologies for the planned meeting starting at `iso`. */
const apologised = async (iso: string) => {
  const meeting = (await h!.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === iso)!;
  return (await h!.store.listApologies(meeting.id)).map((a) => a.personId).sort();
};
const DECEMBER = '2026-12-10T13:00:00.000Z';
const JANUARY = '2027-01-14T13:00:00.000Z';

describe('a date written out (R16)', () => {
  it('R16: »afbud torsdag den 14. januar 2027« and »afbud 14. januar« are for the January meeting, not the next one', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 14-01-2027 14:00');
    const january = 'Dit afbud til mødet torsdag den 14. januar 2027 er modtaget og kommer med i referatet.';
    expect(await say(people.mette, 'afbud torsdag den 14. januar 2027')).toBe(january);
    expect(await say(people.lars, 'afbud 14. januar Jeg er på ferie')).toBe(january);
    expect(await say(people.henrik, 'afbud den 14/1')).toBe(january);
    expect(await say(people.birgitte, 'afbud 14 jan.')).toBe(january);
    expect(await apologised(JANUARY)).toEqual([people.birgitte.aadObjectId, people.henrik.aadObjectId, people.lars.aadObjectId, people.mette.aadObjectId].sort());
    expect(await apologised(DECEMBER)).toEqual([]);
    // Withdrawn by the date written out, the January one.
    expect(await say(people.mette, 'fjern afbud 14. januar')).toBe('Dit afbud til mødet torsdag den 14. januar 2027 er trukket tilbage.');
    // A weekday or »den« alone is no date: the words are the message, as before.
    expect(await say(people.soeren, 'afbud torsdag kommer jeg ikke')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await apologised(DECEMBER)).toEqual([people.soeren.aadObjectId]);
  });

  it('R16: a date written out with no meeting on it is refused, and no apology is sent', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    expect(await say(people.mette, 'afbud 1. februar Jeg er syg')).toBe('Der er intet møde mandag den 1. februar 2027.');
    expect(await say(people.mette, 'afbud 31. februar')).toBe('Den dato findes ikke. Brug fx 10-12-2026.');
    expect(await apologised(DECEMBER)).toEqual([]);
  });

  it('»dagsorden 14. januar« shows the January agenda; »dagsorden den 10. december 2026« the December one', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 14-01-2027 14:00');
    expect(await say(people.mette, 'dagsorden 14. januar')).toContain('Ordinært møde torsdag den 14. januar 2027 kl. 14.00');
    expect(await say(people.mette, 'dagsorden den 10. december 2026')).toContain('Ordinært møde torsdag den 10. december 2026 kl. 14.00');
  });

  it('English: »apologies Thursday 14 January 2027« and »apologies January 14« are for the January meeting', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    await h.send(botInstalled(h.connector.url, people.anne));
    const { say, tell } = mk(h);
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    await tell(people.pia, 'meeting 14-01-2027 14:00');
    const january = 'Your apologies for the meeting Thursday 14 January 2027 have been received and go into the minutes.';
    expect(await say(people.birgitte, 'apologies Thursday 14 January 2027')).toBe(january);
    expect(await say(people.lars, 'apologies January 14th, I am away')).toBe(january);
    expect((await h.store.listMeetings({ status: 'planned' })).length).toBe(2);
  });
});
