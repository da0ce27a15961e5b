/**
 * A meeting's time as typed (PRODUCT §1.2: `møde <dato> <tid>`, `ekstraordinært møde <dato> <tid> <emne>`;
 * §4: bad input gets a clear answer and changes nothing). A mistyped time was once booked at the
 * board's default hour, the typo kept as the place or the subject.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2027-08-20T10:00:00+02:00'));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, text));
const meetings = async () => (await say(people.anne, 'møder')).replace(/ – \[Føj til kalender\]\([^)]*\)/g, '');

const BAD_TIME = 'Tidspunktet kan ikke læses. Brug fx 14:00, 14.00 eller kl. 14.';
const MISSING_TIME = 'Angiv mødets tidspunkt.';
const MEETING_EXAMPLE = 'Skriv fx: møde 10-12-2026 14:00';
const EXTRAORDINARY_EXAMPLE = 'Skriv fx: ekstraordinært møde 10-12-2026 14:00 Budgetopfølgning';

describe('R9, R11: the time of a meeting (PRODUCT §1.2, §4)', () => {
  it('R9: a word after the date that starts like a time but is none is refused with the bad-time answer; nothing is planned', async () => {
    for (const text of ['møde 08-09-2027 15h', 'møde 09-09-2027 15,30', 'møde 10-09-2027 1500', 'møde 13-09-2027 14:00-16:00', 'møde 14-09-2027 kl. 15h', 'møde 15-09-2027 kl', 'møde 16-09-2027 kl.15h Rådhuset', 'møde 17-09-2027 25:00', 'møde 20-09-2027 15 30', 'møde 21-09-2027 kl. 15 30 Rådhuset', 'møde 22-09-2027 7', 'møde 23-09-2027 7 Rådhuset', 'møde 24-09-2027 14', 'møde 27-09-2027 09 Klubhuset']) {
      expect(await say(people.pia, text), text).toBe(`${BAD_TIME}\n\n${MEETING_EXAMPLE}`);
    }
    expect(await meetings()).toBe('Der er ingen planlagte møder.');
  });

  it('R9: the time is required: a date alone, or a date and a place, is refused with an example; nothing is planned', async () => {
    expect(await say(people.pia, 'møde 08-09-2027')).toBe(`${MISSING_TIME}\n\n${MEETING_EXAMPLE}`);
    expect(await say(people.pia, 'møde 08-09-2027 Rådhuset')).toBe(`${MISSING_TIME}\n\n${MEETING_EXAMPLE}`);
    expect(await meetings()).toBe('Der er ingen planlagte møder.');
  });

  it('R11: an extraordinary meeting without a time, or with a mistyped one, is refused; nothing is called', async () => {
    expect(await say(people.anne, 'ekstraordinært møde 20/09 Budget')).toBe(`${MISSING_TIME}\n\n${EXTRAORDINARY_EXAMPLE}`);
    expect(await say(people.anne, 'ekstraordinært møde 20/09 15h Budget')).toBe(`${BAD_TIME}\n\n${EXTRAORDINARY_EXAMPLE}`);
    expect(await say(people.anne, 'ekstraordinært møde 20/09 kl. 14,30 Budget')).toBe(`${BAD_TIME}\n\n${EXTRAORDINARY_EXAMPLE}`);
    expect(await say(people.anne, 'ekstraordinært møde 20/09 14 Budget')).toBe(`${BAD_TIME}\n\n${EXTRAORDINARY_EXAMPLE}`);
    expect(await meetings()).toBe('Der er ingen planlagte møder.');
  });

  it('R9, R11: the accepted forms still plan at the time typed, and a place or subject after the time is kept', async () => {
    const planned = async (text: string) => (await say(people.pia, text)).split('\n\n')[0];
    expect(await planned('møde 06-10-2027 14:00 Rådhuset')).toMatch(/^Ordinært møde er planlagt onsdag den 6\. oktober 2027 kl\. 14\.00\./);
    expect(await planned('møde 07-10-2027 14.30')).toMatch(/^Ordinært møde er planlagt torsdag den 7\. oktober 2027 kl\. 14\.30\./);
    expect(await planned('møde 08-10-2027 kl. 9 Klubhuset')).toMatch(/^Ordinært møde er planlagt fredag den 8\. oktober 2027 kl\. 09\.00\./);
    expect(await planned('møde 11-10-2027 kl 15')).toMatch(/^Ordinært møde er planlagt mandag den 11\. oktober 2027 kl\. 15\.00\./);
    expect(await planned('møde 12-10-2027 kl.16')).toMatch(/^Ordinært møde er planlagt tirsdag den 12\. oktober 2027 kl\. 16\.00\./);
    expect(await planned('ekstraordinært møde 13-10-2027 kl. 10 Budget')).toMatch(/^Ekstraordinært møde er planlagt onsdag den 13\. oktober 2027 kl\. 10\.00\./);
    expect(await say(people.pia, 'dagsorden 06-10-2027')).toContain('Sted: Rådhuset');
    expect(await say(people.pia, 'dagsorden 08-10-2027')).toContain('Sted: Klubhuset');
    expect(await say(people.pia, 'dagsorden 13-10-2027')).toContain('Emne: Budget');
  });

  it('R9, R11: a time that does not exist that night (the clocks go forward to summer time) is refused, naming it; nothing is planned', async () => {
    // 26 March 2028 in Copenhagen: the clocks go from 02.00 to 03.00.
    const gap = (clock: string) => `Klokken ${clock} findes ikke søndag den 26. marts 2028, fordi uret stilles frem til sommertid. Vælg et andet tidspunkt. Intet er ændret.`;
    const before = await meetings();
    expect(await say(people.pia, 'møde 26-03-2028 02:30')).toBe(gap('02.30'));
    expect(await say(people.pia, 'møde 26-03-2028 kl. 2 Rådhuset')).toBe(gap('02.00'));
    expect(await say(people.anne, 'ekstraordinært møde 26/03/2028 kl. 2.45 Budget')).toBe(gap('02.45'));
    expect(await meetings()).toBe(before);
    // A command that names a meeting by its date and time says the same, not another hour.
    expect(await say(people.pia, 'dagsorden 26-03-2028 02:30')).toBe(gap('02.30'));
    expect(await say(people.pia, 'punkt 26-03-2028 02:30 Budget')).toBe(gap('02.30'));
    expect(await say(people.anne, 'aflys møde 26-03-2028 02:30')).toBe(gap('02.30'));
    expect(await say(people.anne, 'afstemning 26-03-2028 02:30 3')).toBe(gap('02.30'));
    expect(await say(people.anne, 'konklusion 26-03-2028 kl. 2.30 3 Godkendt')).toBe(gap('02.30'));
    expect(await say(people.pia, 'referat 26-03-2028 02:30')).toBe(gap('02.30'));
    expect(await say(people.pia, 'deltager 26-03-2028 02:30 Anne')).toBe(gap('02.30'));
    expect(await say(people.pia, 'møde 26-03-2028 03:00')).toMatch(/^Ordinært møde er planlagt søndag den 26\. marts 2028 kl\. 03\.00\./);
  });

  it('R9: a time that occurs twice that night (the clocks go back) is the first, on summer time', async () => {
    expect(await say(people.pia, 'møde 31-10-2027 02:30')).toMatch(/^Ordinært møde er planlagt søndag den 31\. oktober 2027 kl\. 02\.30\./);
    const planned = (await bot.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString().startsWith('2027-10-31'));
    expect(planned?.startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('R9: a second meeting at the same time is refused, naming the meeting already planned (PRODUCT §1.3: answers name the meeting)', async () => {
    expect(await say(people.anne, 'møde 6/10/2027 kl. 14 Byrådssalen')).toBe('Der er allerede planlagt et ordinært møde onsdag den 6. oktober 2027 kl. 14.00. Intet er ændret.');
    expect(await say(people.anne, 'ekstraordinært møde 2027-10-13 10:00 Andet')).toBe('Der er allerede planlagt et ekstraordinært møde onsdag den 13. oktober 2027 kl. 10.00. Intet er ændret.');
  });
});
