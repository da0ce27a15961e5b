/**
 * R16: `afbud` without a date is for the next meeting that has not begun: in the evening after
 * today's meeting (or while it is under way) it is the next one, not today's, and the answer says
 * how to reach today's (`afbud <dato>`, which still does). `fjern afbud` without a date withdraws
 * the apology the person has: for a meeting not begun, the first; else today's. Danish and English.
 * Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
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

describe('apologies without a date (R16)', () => {
  it('R16: a bare afbud after today\'s meeting has begun is for the next meeting; afbud <dato> still reaches today\'s', async () => {
    // Tuesday 1 December 2026, 10.00 in Copenhagen; meetings on Thursday 10 and 17 December at 14.00.
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    // Half an hour before the start: today's meeting has not begun, and it is the one.
    await h.at('2026-12-10T12:30:00Z');
    expect(await say(people.mette, 'afbud')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    // 20.00: today's meeting began at 14.00.
    await h.at('2026-12-10T19:00:00Z');
    expect(await say(people.birgitte, 'afbud')).toBe(
      'Dit afbud til mødet torsdag den 17. december 2026 er modtaget og kommer med i referatet.\n\n' +
        'Mødet torsdag den 10. december 2026 er allerede begyndt. Skal afbuddet gælde det, så skriv »afbud 10-12-2026«.',
    );
    expect(await say(people.lars, 'afbud 10-12-2026 Jeg blev syg')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await apologised('2026-12-10T13:00:00.000Z')).toEqual([people.lars.aadObjectId, people.mette.aadObjectId].sort());
    expect(await apologised('2026-12-17T13:00:00.000Z')).toEqual([people.birgitte.aadObjectId]);
    // No meeting ahead: a bare afbud is refused, saying how to reach today's; nothing changes.
    await tell(people.pia, 'aflys møde 17-12-2026');
    expect(await say(people.henrik, 'afbud')).toBe(
      'Der er intet kommende møde, og dagens møde er allerede begyndt. Skal afbuddet gælde dagens møde, så skriv »afbud <dato>« med dagens dato. Intet er ændret.',
    );
    expect(await apologised('2026-12-10T13:00:00.000Z')).toEqual([people.lars.aadObjectId, people.mette.aadObjectId].sort());
  });

  it('R16: a bare fjern afbud withdraws the apology the person has: the next meeting\'s first, else today\'s', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await say(people.soeren, 'afbud 10-12-2026');
    await h.at('2026-12-10T19:00:00Z');
    await say(people.birgitte, 'afbud');
    await say(people.lars, 'afbud 10-12-2026');
    await say(people.soeren, 'afbud 17-12-2026');
    expect(await say(people.birgitte, 'fjern afbud')).toBe('Dit afbud til mødet torsdag den 17. december 2026 er trukket tilbage.');
    // Only today's: that one (until the day is over).
    expect(await say(people.lars, 'fjern afbud')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er trukket tilbage.');
    // Both: the next meeting's first, then today's.
    expect(await say(people.soeren, 'fjern afbud')).toBe('Dit afbud til mødet torsdag den 17. december 2026 er trukket tilbage.');
    expect(await say(people.soeren, 'fjern afbud')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er trukket tilbage.');
    // None: the answer names the meeting a bare afbud is for.
    expect(await say(people.henrik, 'fjern afbud')).toBe('Du har ikke meldt afbud til mødet torsdag den 17. december 2026. Intet er ændret.');
    expect(await apologised('2026-12-10T13:00:00.000Z')).toEqual([]);
    expect(await apologised('2026-12-17T13:00:00.000Z')).toEqual([]);
  });

  it('R16: the same on an English board', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell } = mk(h);
    await say(people.anne, 'use this channel');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    await tell(people.pia, 'meeting 17-12-2026 14:00');
    // 20.00 in London: today's meeting began at 14.00.
    await h.at('2026-12-10T20:00:00Z');
    expect(await say(people.birgitte, 'apologies')).toBe(
      'Your apologies for the meeting Thursday 17 December 2026 have been received and go into the minutes.\n\n' +
        'The meeting on Thursday 10 December 2026 has already begun. If your apologies are for that one, write "apologies 10-12-2026".',
    );
    expect(await say(people.lars, 'apologies 10-12-2026')).toBe('Your apologies for the meeting Thursday 10 December 2026 have been received and go into the minutes.');
    expect(await say(people.birgitte, 'withdraw apologies')).toBe('Your apologies for the meeting Thursday 17 December 2026 have been withdrawn.');
    expect(await say(people.lars, 'withdraw apologies')).toBe('Your apologies for the meeting Thursday 10 December 2026 have been withdrawn.');
  });
});
