/**
 * PRODUCT §4: a free text over its limit is refused with a clear answer and changes nothing. An
 * attendee's name was once stored and echoed in full at 3,000 characters, and a meeting's place
 * cut silently at 300.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2027-11-10T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, text));
const long = (n: number) => `Navn${'x'.repeat(n - 4)}`;

describe('free texts over their limits', () => {
  it('R9: a place over 200 characters is refused; nothing is planned', async () => {
    expect(await say(people.pia, `møde 25-11-2027 14:00 ${long(201)}`)).toBe('Stedet er for langt (højst 200 tegn). Forkort det, og prøv igen.');
    expect(await say(people.pia, 'møder')).toBe('Der er ingen planlagte møder.');
    expect(await say(people.pia, 'møde 25-11-2027 14:00 Rådhuset')).toMatch(/^Ordinært møde er planlagt/);
  });

  it('R12: an attachment\'s title over 300 characters is refused; nothing is attached', async () => {
    expect(await say(people.pia, 'punkt Budget 2028 beslutning')).toMatch(/^Punkt 5 /);
    expect(await say(people.pia, `bilag 5 https://x.dk/budget.pdf ${long(301)}`)).toBe('Bilagets titel er for lang (højst 300 tegn). Forkort den, og prøv igen.');
    expect(await say(people.pia, 'dagsorden')).not.toContain('budget.pdf');
  });

  it('R16: a task\'s owner over 200 characters is refused, not echoed', async () => {
    expect(await say(people.pia, `opgave 30-11-2027 ${long(201)}: Indhent tilbud`)).toBe('Navnet på den ansvarlige er for langt (højst 200 tegn). Intet er oprettet.');
    expect(await say(people.pia, 'opgaver')).toBe('Der er ingen åbne opgaver.');
  });

  it('R16: an attendee\'s name over 200 characters is refused by deltager and fjern deltager; 200 are recorded', async () => {
    await bot.restart('2027-11-25T14:05:00+01:00');
    const refused = 'Navnet er for langt (højst 200 tegn). Forkort det, og prøv igen.';
    expect(await say(people.pia, `deltager ${long(3000)}`)).toBe(refused);
    expect(await say(people.pia, `fjern deltager ${long(201)}`)).toBe(refused);
    expect(await say(people.pia, `deltager ${long(200)}`)).toMatch(/^Navnx+ er ikke i bestyrelsen og er tilføjet som øvrig deltager/);
    expect(await say(people.pia, `deltager 25-11-2027 ${long(201)}`)).toBe(refused);
  });
});
