/**
 * R16: `referat [dato]` by a member (or the chair) shows the minutes of a held meeting as they
 * stand, to read; only the secretary drafts them. Before she has, the member is told so; nothing
 * is drafted or changed. Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));

describe('R16: reading the minutes', () => {
  it('R16: before any meeting, and before the secretary has drafted them, a member is told so; nothing is drafted', async () => {
    expect(await say(people.lars, 'referat')).toBe('Der er endnu intet afholdt møde med et referat.');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T16:00:00Z');
    expect(await say(people.lars, 'referat')).toBe('Der er endnu intet referat af mødet torsdag den 3. december 2026. Sekretæren skriver det.');
    expect(await say(people.lars, 'referat 03-12-2026')).toBe('Der er endnu intet referat af mødet torsdag den 3. december 2026. Sekretæren skriver det.');
    const [meeting] = await h.store.listMeetings({});
    expect(await h.store.listMinutes(meeting!.id)).toEqual([]);
  });

  it('R16: once drafted, a member reads them, by date or as the last meeting\'s; the secretary\'s text as it stands', async () => {
    await tell(people.pia, 'referat');
    await tell(people.pia, 'ret referat Mødet blev holdt som planlagt.');
    for (const text of ['referat', 'referat 03-12-2026']) {
      const shown = await say(people.lars, text);
      expect(shown).toMatch(/^Referat\nUdkast, senest ændret torsdag den 3. december 2026 kl. 17.00./);
      expect(shown).toContain('Mødet blev holdt som planlagt.');
    }
    const [meeting] = await h.store.listMeetings({});
    expect(await h.store.listMinutes(meeting!.id)).toHaveLength(1);
  });

  it('R16: the card a member reads has no »Godkend referat« (the chair approves); the chair\'s has it', async () => {
    const shownTo = async (who: Person) => JSON.stringify(await ask(h, h.connector, who, 'referat'));
    expect(await shownTo(people.lars)).not.toContain('minutes.approve');
    expect(await shownTo(people.anne)).toContain('minutes.approve');
  });

  it('R16: the secretary\'s »referat« on drafted minutes shows them without »Godkend referat« too (the chair approves)', async () => {
    expect(JSON.stringify(await ask(h, h.connector, people.pia, 'referat'))).not.toContain('minutes.approve');
  });

  it('R16: a date that cannot be read or does not exist is refused with an example of the command asked (referat, tilføj referat), not another one\'s', async () => {
    for (const who of [people.lars, people.pia]) {
      expect(await say(who, 'referat 31-02-2027')).toBe('Den dato findes ikke. Brug fx 10-12-2026.\n\nSkriv fx: referat 10-12-2026');
      expect(await say(who, 'referat 3-dec')).toBe('Datoen kan ikke læses. Brug fx 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 eller 10/12.\n\nSkriv fx: referat 10-12-2026');
    }
    expect(await say(people.pia, 'tilføj referat 31-02-2027 Et sent særstandpunkt.')).toBe(
      'Den dato findes ikke. Brug fx 10-12-2026.\n\nSkriv fx: tilføj referat 11-03-2027 Særstandpunkt fra <navn> (<organisation>): …',
    );
    expect(await say(people.pia, 'ret referat 31-02-2027 Ny tekst.')).toBe(
      'Den dato findes ikke. Brug fx 10-12-2026.\n\nSkriv fx: ret referat <hele den rettede tekst>, eller for et tidligere møde: ret referat 11-03-2027 <tekst>',
    );
  });

  it('a member still cannot correct them', async () => {
    expect(await say(people.lars, 'ret referat Noget andet.')).toBe('Kun sekretæren kan rette referatet. Intet er ændret.');
  });
});
