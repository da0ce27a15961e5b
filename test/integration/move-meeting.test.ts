/**
 * R9, R11, R13: `flyt møde <dato> [tid] til <ny dato> [tid]` moves a planned meeting. It stays the
 * same meeting: its items and attachments, its calendar invitation (the same UID, SEQUENCE
 * raised); what comes before it (the reminders, the agenda's sending, the attendance card) is
 * planned for the new time, a reminder that went out for the old time comes again; the board is
 * told in the channel, and a posted agenda card shows the new time. Refused, nothing changes.
 * Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const textOf = (p: PostedActivity) => literal(String((p as { text?: string }).text ?? ''));
/** A command whose effect is a post in the channel. */
const tell = async (who: Person, text: string) => void expect((await h!.send(channelMessage(h!.connector.url, who, text))).status).toBeLessThan(300);
const say = async (who: Person, text: string) => literal(String(((await ask(h!, h!.connector, who, text)) as { text?: string }).text ?? ''));
const posts = (start: string) => h!.connector.posts().filter((p) => textOf(p).startsWith(start));
const agendaCards = () => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Dagsorden'));
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
function linkIn(markdown: string, text: string): string {
  const at = markdown.indexOf(`[${text}](`);
  expect(at, `no link «${text}» in: ${markdown}`).toBeGreaterThanOrEqual(0);
  const start = at + text.length + 3;
  const u = new URL(markdown.slice(start, markdown.indexOf(')', start)).replace(/&amp;/g, '&'));
  return u.pathname + u.search;
}
const calendar = async (path: string) => unfold(await (await fetch(`${h!.url}${path}`)).text());

describe('moving a meeting (R9, R13)', () => {
  it('R9, R13: the chair moves a meeting: the board is told, its items stay, the agenda goes out at the new deadline, the invitation moves', async () => {
    // Tuesday 1 December 2026, 10.00 in Copenhagen.
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const planned = await say(people.pia, 'møde 10-12-2026 14:00 Rådhuset');
    const invitation = linkIn(planned, 'Føj til kalender');
    await tell(people.pia, 'punkt 10-12-2026 Lokalefordeling 2027 beslutning');
    await tell(people.anne, 'flyt møde 10-12-2026 til 17-12-2026');
    const [notice, ...more] = posts('Ordinært møde torsdag den 10. december 2026 kl. 14.00 er flyttet');
    expect(more).toEqual([]);
    expect(textOf(notice!)).toMatch(
      /^Ordinært møde torsdag den 10\. december 2026 kl\. 14\.00 er flyttet til torsdag den 17\. december 2026 kl\. 14\.00\.\n\nDagsordenen udsendes senest lørdag den 12\. december 2026 kl\. 09\.00\.\n\n\[Opdatér kalenderen\]\(/,
    );
    // The same invitation, at the new time, its SEQUENCE raised.
    expect(linkIn(textOf(notice!), 'Opdatér kalenderen').split('?')[0]).toBe(invitation.split('?')[0]);
    const ics = await calendar(invitation);
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20261217T140000');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('LOCATION:Rådhuset');

    expect(await say(people.lars, 'møder')).toContain('Ordinært møde torsdag den 17. december 2026 kl. 14.00 – dagsorden senest lørdag den 12. december 2026 kl. 09.00');
    expect(await say(people.lars, 'møder')).not.toContain('10. december');
    // Not at the old deadline (Saturday 5 December), at the new one, with its item.
    await h.at('2026-12-05T08:00:30Z');
    expect(agendaCards()).toEqual([]);
    await h.at('2026-12-12T08:00:30Z');
    const [card] = agendaCards();
    expect(literal(JSON.stringify(card))).toContain('torsdag den 17. december 2026 kl. 14.00');
    expect(JSON.stringify(card)).toContain('Lokalefordeling 2027');
    // The attendance card at the new start, not the old one.
    const attendance = () => h!.connector.posts().filter((p) => JSON.stringify(p).includes('Jeg deltager'));
    await h.at('2026-12-10T13:00:30Z');
    expect(attendance()).toEqual([]);
    await h.at('2026-12-17T13:00:30Z');
    expect(attendance()).toHaveLength(1);
  });

  it('R13: a reminder that went out for the old time comes again before the new one', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    // The chair's agenda reminder (7 days before, 09.00: 3 December) goes out.
    await h.at('2026-12-03T08:00:30Z');
    const reminders = () => h!.connector.posts().filter((p) => textOf(p).includes('Påmindelse: Dagsordenen til mødet'));
    expect(reminders()).toHaveLength(1);
    await tell(people.karsten, 'flyt møde 10-12-2026 til 07-01-2027 15:00');
    await h.at('2026-12-31T08:00:30Z');
    expect(reminders()).toHaveLength(2);
    expect(textOf(reminders()[1]!)).toContain('torsdag den 7. januar 2027');
  });

  it('R13: moved after its agenda went out, the agenda stands and its card shows the new time', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'punkt 10-12-2026 Vinduer i afd. 4 orientering');
    await h.at('2026-12-05T08:00:30Z');
    expect(agendaCards()).toHaveLength(1);
    const mark = h.connector.mark();
    await tell(people.anne, 'flyt møde 10/12 til 11/12 10:00');
    const [notice] = posts('Ordinært møde torsdag den 10. december 2026 kl. 14.00 er flyttet til fredag den 11. december 2026 kl. 10.00.');
    expect(textOf(notice!)).toContain('Den udsendte dagsorden gælder fortsat og viser nu det nye tidspunkt.');
    const update = await h.connector.waitForUpdate((p) => literal(JSON.stringify(p)).includes('fredag den 11. december 2026 kl. 10.00'), { since: mark });
    expect(JSON.stringify(update)).toContain('Vinduer i afd. 4');
    expect(agendaCards()).toHaveLength(1);
  });

  it('R13: moved closer than the agenda deadline, the agenda goes out at once, marked late', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await tell(people.anne, 'flyt møde 17-12-2026 til 03-12-2026 14:00');
    const [notice] = posts('Ordinært møde torsdag den 17. december 2026 kl. 14.00 er flyttet til torsdag den 3. december 2026 kl. 14.00.');
    expect(textOf(notice!)).toContain('Fristen for dagsordenen er overskredet, så den udsendes nu og mærkes »Udsendt for sent«.');
    await h.pass(60_000);
    expect(JSON.stringify(agendaCards())).toContain('Udsendt for sent');
  });

  it('R9: refused moves answer in Danish and change nothing', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    const before = await h.store.listMeetings({});
    expect(await say(people.lars, 'flyt møde 10-12-2026 til 11-12-2026')).toBe('Kun formandskabet og sekretæren kan flytte møder. Intet er ændret.');
    expect(await say(people.anne, 'flyt møde 10-12-2026')).toBe('Angiv mødets nye dato efter »til«.\n\nSkriv fx: flyt møde 10-12-2026 til 15-12-2026 14:00');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 17-12-2026')).toBe('Der er allerede planlagt et møde på det tidspunkt. Intet er ændret.');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 10-12-2026 14.00')).toBe('Mødet ligger allerede på det tidspunkt. Intet er ændret.');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 30-11-2026')).toBe('Tidspunktet er allerede passeret. Vælg et tidspunkt i fremtiden.');
    expect(await say(people.anne, 'flyt møde 11-12-2026 til 18-12-2026')).toBe('Der er intet møde fredag den 11. december 2026.');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 32-12-2026')).toBe('Den dato findes ikke. Brug fx 10-12-2026.');
    await h.at('2026-12-10T13:30:00Z');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 18-12-2026')).toBe('Et møde, der er begyndt eller afholdt, kan ikke flyttes. Intet er ændret.');
    expect(await h.store.listMeetings({})).toEqual(before);
    expect(h.connector.posts().filter((p) => textOf(p).includes('er flyttet'))).toEqual([]);
  });
});
