/**
 * R9, R13, R16, PRODUCT §1.3: what a walk of `flyt møde` found. A late agenda moved later is late or
 * not by its new deadline; on its day a meeting (its attendance, its tasks) is not
 * moved; a meeting moved onto another's day makes that one's headings name its time; `flyt møde til
 * <dato>` is told that the meeting's own date is missing (Danish and English).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REFUSED = 'På mødedagen kan mødet kun flyttes til et andet tidspunkt samme dag: det, der allerede er sket i dag, hører til dets referat. Intet er ændret.';

describe('moving a meeting: a walk', () => {
  it('R13: a late agenda, its meeting moved later, is no longer late: its card and record say so', async () => {
    // Tuesday 8 December 2026: a meeting on Thursday 10 December is planned at short notice; its agenda goes out at once, late.
    h = await startInstalledHarness('2026-12-08T09:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.pass(60_000);
    const mark = h.connector.mark();
    await tell(people.anne, 'flyt møde 10-12-2026 til 21-12-2026');
    const update = await h.connector.waitForUpdate((p) => literal(JSON.stringify(p)).includes('mandag den 21. december 2026 kl. 14.00'), { since: mark });
    const card = literal(h.connector.textOf(update));
    expect(card).toContain('Udsendt tirsdag den 8. december 2026 kl. 10.00.');
    expect(card).not.toContain('Udsendt for sent');
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    expect(meeting?.agendaLate).toBe(false);
  });

  it('R16: on its day, with an attendee recorded or a task given, the meeting is not moved to another day', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    // 13.30 on the day: attendees are recorded, and tasks belong to the meeting, from an hour before the start.
    await h.at('2026-12-10T12:30:00Z');
    expect(await say(people.pia, 'deltager Lars Lund')).toBe('Lars Lund er tilføjet som deltager i mødet torsdag den 10. december 2026.');
    await tell(people.anne, 'opgave 20-12-2026 SB: Indhent tilbud på legeplads');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 21-12-2026')).toBe(REFUSED);
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    expect(meeting!.startsAt.toISOString()).toBe('2026-12-10T13:00:00.000Z');
    await h.at('2026-12-10T16:00:00Z');
    await tell(people.pia, 'referat');
    const minutes = literal(h.connector.posts().map((p) => h!.connector.textOf(p)).filter((t) => t.startsWith('Referat')).at(-1)!);
    expect(minutes).toContain('Deltagere: Lars Lund.');
    expect(minutes).toContain('Indhent tilbud på legeplads');
  });

  it('R9, R16: on its day a meeting may start later that day; the attendance recorded stays its', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T12:30:00Z');
    await say(people.pia, 'deltager Lars Lund');
    await tell(people.anne, 'flyt møde 10-12-2026 til 10-12-2026 16:00');
    expect(h.connector.posts().some((p) => literal(h!.connector.textOf(p)).startsWith('Ordinært møde torsdag den 10. december 2026 kl. 14.00 er flyttet til torsdag den 10. december 2026 kl. 16.00.'))).toBe(true);
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    expect((await h.store.listAttendees(meeting!.id)).map((a) => a.name)).toEqual(['Lars Lund']);
  });

  it('PRODUCT §1.3: a meeting moved onto a day with another meeting: the other meeting\'s vote card names it with its time', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 08-12-2026 14:00');
    await tell(people.pia, 'punkt 10-12-2026 Ny legeplads beslutning');
    await tell(people.anne, 'afstemning 10-12-2026 4');
    await tell(people.anne, 'flyt møde 08-12-2026 til 10-12-2026 10:00');
    // The vote closes at its deadline (72 h): its card and announcement are rendered after the move.
    await h.at('2026-12-04T10:00:00Z');
    const announcement = h.connector.posts().map((p) => literal(h!.connector.textOf(p))).find((t) => t.startsWith('Ikke vedtaget'))!;
    expect(announcement).toContain('dagsordenen til mødet torsdag den 10. december 2026 kl. 14.00');
  });

  it('»flyt møde til 17-12-2026« is told the meeting\'s own date is missing; in English too', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    expect(await say(people.anne, 'flyt møde til 17-12-2026')).toBe('Angiv en dato.\n\nSkriv fx: flyt møde 10-12-2026 til 15-12-2026 14:00');
    await h.close();
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const en = mk(h);
    await en.say(people.anne, 'use this channel');
    await en.tell(people.pia, 'meeting 10-12-2026 14:00');
    expect(await en.say(people.anne, 'move meeting to 17/12')).toBe('Give a date.\n\nFor example: move meeting 10-12-2026 to 15-12-2026 14:00');
  });
});
