/**
 * R16: a task is in the minutes of one meeting, placed as a vote on no item is: given at a
 * meeting (on its day; with several, the one under way), in that meeting's minutes; given
 * between meetings (on a day without a meeting, or on one whose meeting was cancelled
 * afterwards), in the minutes of the next meeting held, under »Opgaver mellem møderne« with when
 * it was given. Before, a task given on a meeting's day before a meeting then cancelled was in no
 * minutes at all, while a vote on no item made beside it moved on to the next meeting's.
 * Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const AT = '**Opgaver fra mødet**';
const BETWEEN = '**Opgaver mellem møderne**';

/** The minutes card of the meeting `heading` names (»torsdag den 17. december 2026 kl. 14.00«), as it stands now; undefined when none. */
function minutesOf(h: Harness, heading: string): string | undefined {
  const posted = h.connector.posts().filter((p) => p.replyToId === undefined && h.connector.textOf(p).includes(`**Referat – Ordinært møde ${heading}**`)).at(-1);
  return posted && literal(h.connector.textOf(h.connector.message(posted.id)!.activity));
}

/** Every minutes card posted (as it stands now). */
function allMinutes(h: Harness): string[] {
  return h.connector
    .posts()
    .filter((p) => p.replyToId === undefined && h.connector.textOf(p).startsWith('Referat\n'))
    .map((p) => literal(h.connector.textOf(h.connector.message(p.id)!.activity)));
}

/** The section of `minutes` under `heading`, to the next heading. */
function section(minutes: string, heading: string): string {
  const from = minutes.indexOf(heading);
  if (from < 0) return '';
  const rest = minutes.slice(from + heading.length);
  const next = rest.search(/\n\*\*/);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('R16: a task given between meetings is in the next meeting\'s minutes', () => {
  it('R16: a task given on a meeting\'s day before it, which is then cancelled, is in the next meeting\'s minutes, as a vote on no item made beside it', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    // Thursday 10 December, 09.00: a task and a vote on no item, then the day's meeting is cancelled.
    await h.at('2026-12-10T08:00:00Z');
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    await tell(people.anne, 'aflys møde 10-12-2026');
    expect(await h.store.listMeetings({ status: 'cancelled' })).toHaveLength(1);
    // Thursday 17 December, after the meeting.
    await h.at('2026-12-17T15:00:00Z');
    await tell(people.pia, 'referat');

    const minutes = minutesOf(h, 'torsdag den 17. december 2026 kl. 14.00')!;
    expect(minutes).toBeDefined();
    // The vote, as before: under »Mellem møderne«.
    expect(section(minutes, '**Mellem møderne**')).toContain('Fri afstemning om kaffe');
    // The task: given between meetings, said when.
    expect(section(minutes, BETWEEN)).toContain('»Indhent tilbud« – Lars Lund, frist søndag den 20. december 2026 (givet torsdag den 10. december 2026 kl. 09.00)');
    expect(minutes).not.toContain(AT);
    // In one meeting's minutes, once.
    expect(allMinutes(h).join('\n').split('Indhent tilbud')).toHaveLength(2);
  });

  it('R16: a task given on a day without a meeting is in the next meeting\'s minutes, apart from those given at it; cancelling that meeting after its start, it moves on again', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-03T15:00:00Z'); // at the meeting of 3 December
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Book lokalet');
    // Monday 7 December, no meeting that day.
    await h.at('2026-12-07T08:00:00Z');
    await tell(people.pia, 'opgave 20-12-2026 SB: Indhent tilbud');
    // 10 December, after its start, nobody came: its minutes would report only the task given between meetings, which is not its record.
    await h.at('2026-12-10T13:30:00Z');
    await tell(people.pia, 'referat 10-12-2026');
    expect(section(minutesOf(h, 'torsdag den 10. december 2026 kl. 14.00')!, BETWEEN)).toContain('»Indhent tilbud« – Slagelse Boligselskab (SB), frist søndag den 20. december 2026 (givet mandag den 7. december 2026 kl. 09.00)');
    await tell(people.pia, 'referat 03-12-2026');
    const third = minutesOf(h, 'torsdag den 3. december 2026 kl. 14.00')!;
    expect(section(third, AT)).toContain('Book lokalet');
    expect(third).not.toContain('Indhent tilbud');
    // Minutes drafted are its record (R16): the secretary drafted them, so the meeting stands as held.
    expect(await say(people.anne, 'aflys møde 10-12-2026')).toContain('kan ikke aflyses');

    // The same without minutes drafted: the task given between meetings does not hold the meeting as held.
    await h.close();
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const again = mk(h);
    await again.tell(people.pia, 'møde 10-12-2026 14:00');
    await again.tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-07T08:00:00Z');
    await again.tell(people.pia, 'opgave 20-12-2026 SB: Indhent tilbud');
    await h.at('2026-12-10T13:30:00Z');
    await again.tell(people.anne, 'aflys møde 10-12-2026');
    expect(await h.store.listMeetings({ status: 'cancelled' })).toHaveLength(1);
    await h.at('2026-12-17T15:00:00Z');
    await again.tell(people.pia, 'referat');
    expect(section(minutesOf(h, 'torsdag den 17. december 2026 kl. 14.00')!, BETWEEN)).toContain('»Indhent tilbud« – Slagelse Boligselskab (SB)');
  });

  it('R16: on its day a meeting is not moved to another day once a task was given that morning; the task stays in its minutes', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-10T08:00:00Z');
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 11-12-2026')).toBe('På mødedagen kan mødet kun flyttes til et andet tidspunkt samme dag: det, der allerede er sket i dag, hører til dets referat. Intet er ændret.');
    // Another time that day: the task stays its record.
    await tell(people.anne, 'flyt møde 10-12-2026 til 10-12-2026 16:00');
    await h.at('2026-12-10T16:00:00Z');
    await tell(people.pia, 'referat');
    expect(section(minutesOf(h, 'torsdag den 10. december 2026 kl. 16.00')!, AT)).toContain('»Indhent tilbud« – Lars Lund');
    await h.at('2026-12-17T15:00:00Z');
    await tell(people.pia, 'referat');
    expect(minutesOf(h, 'torsdag den 17. december 2026 kl. 14.00')).not.toContain('Indhent tilbud');
  });

  it('R16: a meeting moved away from a day before it, a task given on that day is given between meetings: in the minutes of the meeting at its new time', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-09T08:00:00Z');
    await tell(people.anne, 'flyt møde 10-12-2026 til 11-12-2026 14:00');
    await h.at('2026-12-10T08:00:00Z');
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await h.at('2026-12-11T15:00:00Z');
    await tell(people.pia, 'referat');
    expect(section(minutesOf(h, 'fredag den 11. december 2026 kl. 14.00')!, BETWEEN)).toContain('»Indhent tilbud« – Lars Lund, frist søndag den 20. december 2026 (givet torsdag den 10. december 2026 kl. 09.00)');
  });
});

describe('R16: two meetings on one day, one of them cancelled', () => {
  it('R16: the first cancelled, a task and a vote on no item given before it are the day\'s other meeting\'s, given at it', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-10T07:00:00Z'); // 08.00: before the day's first meeting
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    await tell(people.anne, 'aflys møde 10-12-2026 10:00');
    await h.at('2026-12-10T15:00:00Z');
    await tell(people.pia, 'referat');
    const minutes = minutesOf(h, 'torsdag den 10. december 2026 kl. 14.00')!;
    expect(section(minutes, AT)).toContain('»Indhent tilbud« – Lars Lund');
    expect(section(minutes, '**Øvrige afstemninger**')).toContain('Fri afstemning om kaffe');
    expect(minutes).not.toContain(BETWEEN);
    await h.at('2026-12-17T15:00:00Z');
    await tell(people.pia, 'referat');
    expect(minutesOf(h, 'torsdag den 17. december 2026 kl. 14.00')).not.toContain('Indhent tilbud');
  });

  it('R16: the second cancelled, a task given in the hour before it is the first meeting\'s, as a vote on no item beside it; its minutes follow when drafted again', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-10T11:00:00Z'); // 12.00, after the 10.00 meeting: its record
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Book lokalet');
    await tell(people.pia, 'referat 10-12-2026 10:00');
    await h.at('2026-12-10T12:30:00Z'); // 13.30, in the hour before the 14.00 meeting: its record, until it is cancelled
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    await tell(people.anne, 'aflys møde 10-12-2026 14:00');
    await tell(people.pia, 'referat 10-12-2026');
    const minutes = minutesOf(h, 'torsdag den 10. december 2026 kl. 10.00')!;
    expect(section(minutes, AT)).toContain('»Book lokalet« – Lars Lund');
    expect(section(minutes, AT)).toContain('»Indhent tilbud« – Lars Lund');
    expect(section(minutes, '**Øvrige afstemninger**')).toContain('Fri afstemning om kaffe');
    await h.at('2026-12-17T15:00:00Z');
    await tell(people.pia, 'referat');
    expect(minutesOf(h, 'torsdag den 17. december 2026 kl. 14.00')).not.toContain('Indhent tilbud');
  });

  it('R16: the second cancelled in the hour before it, what was given at it by then goes to the first, whose minutes drafted already follow at once (corrected ones are marked behind the record)', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T11:00:00Z'); // 12.00: the 10.00 meeting's minutes drafted
    await tell(people.pia, 'referat 10-12-2026 10:00');
    await h.at('2026-12-10T12:30:00Z'); // 13.30, in the hour before the 14.00 meeting
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    expect(minutesOf(h, 'torsdag den 10. december 2026 kl. 10.00')).not.toContain('Indhent tilbud');
    await tell(people.anne, 'aflys møde 10-12-2026 14:00');
    // The card in the channel, with no other »referat«.
    const minutes = minutesOf(h, 'torsdag den 10. december 2026 kl. 10.00')!;
    expect(section(minutes, AT)).toContain('»Indhent tilbud« – Lars Lund');
    expect(section(minutes, '**Øvrige afstemninger**')).toContain('Fri afstemning om kaffe');

    // Corrected by the secretary: her text stands, marked behind the record; with nothing given at the cancelled one, not.
    for (const given of [true, false]) {
      await h.close();
      h = await startInstalledHarness('2026-12-01T08:00:00Z');
      const again = mk(h);
      await again.tell(people.pia, 'møde 10-12-2026 10:00');
      await again.tell(people.pia, 'møde 10-12-2026 14:00');
      await h.at('2026-12-10T11:00:00Z');
      await again.tell(people.pia, 'referat 10-12-2026 10:00');
      await again.tell(people.pia, 'ret referat 10-12-2026 10:00 Mødet blev holdt.');
      await h.at('2026-12-10T12:30:00Z');
      if (given) await again.tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
      await again.tell(people.anne, 'aflys møde 10-12-2026 14:00');
      const [ten] = await h.store.listMeetings({ status: 'planned' });
      const [corrected] = await h.store.listMinutes(ten!.id);
      expect(corrected!.text, String(given)).toBe('Mødet blev holdt.');
      expect(corrected!.recordChangedAt !== undefined, String(given)).toBe(given);
    }
  });
});
