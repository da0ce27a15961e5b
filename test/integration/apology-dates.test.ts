/**
 * R16: `afbud`, `fjern afbud`, `dagsorden` and `referat` read a date written out as the bot
 * writes it (»torsdag den 14. januar 2027«, »14. januar«, »14 januar«, »den 14/1«; English
 * »Thursday 14 January 2027«, »January 14«), and »i dag«, »i morgen« and »i overmorgen« (English
 * »today«, »tomorrow«, »the day after tomorrow«) as the day they name in the board's time zone, by
 * the bot's clock. Before, neither was a date to `afbud`: it became the message, and the apology
 * went to the next meeting, not the one named. A date with no meeting on it is refused, and
 * nothing changes. Danish and English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { botInstalled, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';
import { tasksStore } from '../../src/store/ports/tasks.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The people with apologies for the planned meeting starting at `iso`, and their messages. */
const apologisedWith = async (iso: string) => {
  const meeting = (await h!.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === iso)!;
  return (await h!.store.listApologies(meeting.id)).map((a) => [a.personId, a.message ?? '']).sort();
};
/** The people with apologies for the planned meeting starting at `iso`. */
const apologised = async (iso: string) => (await apologisedWith(iso)).map(([who]) => who!).sort();

/** Wednesday 9 and Thursday 10 December 2026, and Thursday 14 January 2027, 14.00 in Copenhagen. */
const WEDNESDAY = '2026-12-09T13:00:00.000Z';
const THURSDAY = '2026-12-10T13:00:00.000Z';
const DECEMBER = THURSDAY;
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

describe('a day named from today (R16)', () => {
  it('R16: »afbud i morgen« is for tomorrow’s meeting, not today’s; »afbud i dag« for today’s; »fjern afbud i morgen« withdraws it', async () => {
    // Wednesday 9 December, 10.00 in Copenhagen: today's meeting (14.00) is the next one.
    h = await startInstalledHarness('2026-12-09T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 09-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    const thursday = 'Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.';
    expect(await say(people.mette, 'afbud i morgen')).toBe(thursday);
    expect(await say(people.lars, 'afbud I morgen kl. 14 Jeg er på kursus')).toBe(thursday);
    expect(await say(people.henrik, 'afbud imorgen')).toBe(thursday);
    expect(await say(people.birgitte, 'afbud i dag Syg')).toBe('Dit afbud til mødet onsdag den 9. december 2026 er modtaget og kommer med i referatet.');
    expect(await apologisedWith(THURSDAY)).toEqual(
      [
        [people.henrik.aadObjectId, ''],
        [people.lars.aadObjectId, 'Jeg er på kursus'],
        [people.mette.aadObjectId, ''],
      ].sort(),
    );
    expect(await apologisedWith(WEDNESDAY)).toEqual([[people.birgitte.aadObjectId, 'Syg']]);
    expect(await say(people.mette, 'fjern afbud i morgen')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er trukket tilbage.');
    expect((await apologisedWith(THURSDAY)).map(([who]) => who)).toEqual([people.henrik.aadObjectId, people.lars.aadObjectId].sort());
  });

  it('R16: a day with no meeting on it (»i overmorgen«) is refused, naming the day, and no apology is sent', async () => {
    h = await startInstalledHarness('2026-12-09T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 09-12-2026 14:00');
    expect(await say(people.mette, 'afbud i overmorgen Jeg er syg')).toBe('Der er intet møde fredag den 11. december 2026.');
    expect(await say(people.mette, 'afbud i morgen')).toBe('Der er intet møde torsdag den 10. december 2026.');
    expect(await apologisedWith(WEDNESDAY)).toEqual([]);
  });

  it('R16: two meetings tomorrow: »afbud i morgen« asks for the time in the words written, and »afbud i morgen 17.00« is for the later one', async () => {
    h = await startInstalledHarness('2026-12-09T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'ekstraordinært møde 10-12-2026 17:00 Budget');
    expect(await say(people.mette, 'afbud i morgen')).toBe('Der er to møder torsdag den 10. december 2026: kl. 14.00 og kl. 17.00. Angiv tidspunktet, fx: afbud i morgen 17:00. Intet er ændret.');
    expect(await say(people.mette, 'afbud i morgen 17.00')).toBe('Dit afbud til mødet torsdag den 10. december 2026 kl. 17.00 er modtaget og kommer med i referatet.');
  });

  it('R16: »i dag« is the day in the board’s time zone: at 00.30 in Copenhagen (23.30 UTC the day before) it is the new day', async () => {
    h = await startInstalledHarness('2026-12-08T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 09-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-09T23:30:00Z');
    expect(await say(people.mette, 'afbud i dag')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await say(people.mette, 'afbud i overmorgen')).toBe('Der er intet møde lørdag den 12. december 2026.');
  });

  it('»dagsorden i morgen« shows tomorrow’s agenda, »referat i dag« the minutes of today’s meeting held', async () => {
    h = await startInstalledHarness('2026-12-09T09:00:00Z');
    const { say, tell, all } = mk(h);
    await tell(people.pia, 'møde 09-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    expect(await say(people.mette, 'dagsorden i morgen')).toContain('Ordinært møde torsdag den 10. december 2026 kl. 14.00');
    expect(await say(people.mette, 'dagsorden i dag')).toContain('Ordinært møde onsdag den 9. december 2026 kl. 14.00');
    await h.at('2026-12-09T15:30:00Z');
    await tell(people.pia, 'referat i dag');
    expect(all().find((t) => t.startsWith('Referat'))).toContain('**Referat – Ordinært møde onsdag den 9. december 2026 kl. 14.00**');
  });

  it('R16: »+1« typed is no date: `dagsorden +1`, `møde +1 14:00`, `aflys møde +1` and `opgave +1 …` are refused as unreadable dates, and nothing changes; `afbud +1` takes it as the message', async () => {
    h = await startInstalledHarness('2026-12-09T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    const unreadable = 'Datoen kan ikke læses. Brug fx 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 eller 10/12.';
    expect(await say(people.mette, 'dagsorden +1')).toContain(unreadable);
    expect(await say(people.mette, 'referat +0')).toContain(unreadable);
    // Nor the bot's own token for »i morgen«: a typed U+FFFF is dropped from what is read.
    expect(await say(people.mette, 'dagsorden \uFFFF1')).toContain(unreadable);
    expect(await say(people.pia, 'møde +2 14:00')).toContain(unreadable);
    expect(await say(people.pia, 'aflys møde +1')).toContain(unreadable);
    expect(await say(people.pia, 'opgave +1 Birgitte: Indhent tilbud')).toContain(unreadable);
    expect((await h.store.listMeetings({ status: 'planned' })).map((m) => m.startsAt.toISOString())).toEqual([THURSDAY]);
    expect(await h.store.part(tasksStore).listOpenTasks()).toEqual([]);
    // `afbud` reads a first word that is no date as the message, »+1« too; the apology is the next meeting's.
    expect(await say(people.lars, 'afbud +1')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await apologisedWith(THURSDAY)).toEqual([[people.lars.aadObjectId, '+1']]);
  });

  it('English: »apologies tomorrow« is for tomorrow’s meeting, »apologies today« for today’s', async () => {
    h = await startHarness({ clockStart: '2026-12-09T09:00:00Z', boardConfig: englishFile() });
    await h.send(botInstalled(h.connector.url, people.anne));
    const { say, tell } = mk(h);
    await tell(people.pia, 'meeting 09-12-2026 14:00');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    expect(await say(people.birgitte, 'apologies tomorrow')).toBe('Your apologies for the meeting Thursday 10 December 2026 have been received and go into the minutes.');
    expect(await say(people.lars, 'apologies Today, I am ill')).toBe('Your apologies for the meeting Wednesday 9 December 2026 have been received and go into the minutes.');
    expect(await say(people.lars, 'apologies the day after tomorrow')).toBe('There is no meeting on Friday 11 December 2026.');
  });
});
