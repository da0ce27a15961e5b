/**
 * R16: a vote on no item and a task are placed in the minutes of one meeting when they are made:
 * the meeting under way then (on a day with several; before the first, the first; after the last,
 * the last), or none: made between meetings, the next meeting's minutes report them. The place is
 * stored, so a meeting planned on that day afterwards, or one of its meetings moved to another
 * time, does not take them from the minutes that hold them (as it did when the place was worked
 * out, each time the minutes were read, from the day's meetings as they then stood). A meeting
 * cancelled is the one change that moves them: tasks-between-meetings.test.ts.
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

/** The minutes card of the meeting `heading` names, as it stands now; undefined when none. */
function minutesOf(bot: Harness, heading: string): string | undefined {
  const titled = (text: string) => ['Ordinært', 'Ekstraordinært'].some((kind) => text.includes(`**Referat – ${kind} møde ${heading}`));
  const posted = bot.connector.posts().filter((p) => p.replyToId === undefined && titled(bot.connector.textOf(p))).at(-1);
  return posted && literal(bot.connector.textOf(bot.connector.message(posted.id)!.activity));
}

/** The section of `minutes` under `heading`, to the next heading. */
function section(minutes: string, heading: string): string {
  const from = minutes.indexOf(heading);
  if (from < 0) return '';
  const rest = minutes.slice(from + heading.length);
  const next = rest.search(/\n\*\*/);
  return next < 0 ? rest : rest.slice(0, next);
}

const TEN = 'torsdag den 10. december 2026 kl. 10.00';
const AT = '**Opgaver fra mødet**';
const BETWEEN = '**Opgaver mellem møderne**';

describe('R16: what was given on no item keeps the minutes it was placed in when it was made', () => {
  it('R16: a task and a vote on no item made at 10.00 on a day without a meeting stay made between meetings when a meeting is planned at 13.00 that day', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-10T09:00:00Z'); // Thursday 10 December, 10.00: no meeting that day
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    await h.at('2026-12-10T10:00:00Z'); // 11.00: a meeting called for 13.00
    await tell(people.anne, 'ekstraordinært møde 10-12-2026 13:00 Vandskaden i afd. 2');
    await h.at('2026-12-10T13:00:00Z'); // 14.00, after it
    await tell(people.pia, 'referat 10-12-2026');
    const minutes = minutesOf(h, 'torsdag den 10. december 2026 kl. 13.00')!;
    // Given before the meeting was planned: between meetings, reported as such by the next meeting's minutes.
    expect(section(minutes, BETWEEN)).toContain('»Indhent tilbud« – Lars Lund, frist søndag den 20. december 2026 (givet torsdag den 10. december 2026 kl. 10.00)');
    expect(minutes).not.toContain(AT);
    expect(section(minutes, '**Mellem møderne**')).toContain('Fri afstemning om kaffe');
    expect(minutes).not.toContain('**Øvrige afstemninger**');
  });

  it('R16: the second meeting of the day moved later, a task and a vote on no item given in the hour before its old time stay its record; the first\'s minutes drafted already do not change', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T11:00:00Z'); // 12.00: the 10.00 meeting's minutes drafted
    await tell(people.pia, 'referat 10-12-2026 10:00');
    const drafted = minutesOf(h, TEN)!;
    await h.at('2026-12-10T12:30:00Z'); // 13.30, in the hour before the 14.00 meeting: its record
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    await tell(people.anne, 'flyt møde 10-12-2026 14:00 til 10-12-2026 16:00');
    await h.pass(1_000);
    expect(minutesOf(h, TEN)).toBe(drafted);
    await h.at('2026-12-10T16:00:00Z'); // 17.00, after the moved meeting
    await tell(people.pia, 'referat 10-12-2026 16:00');
    const minutes = minutesOf(h, 'torsdag den 10. december 2026 kl. 16.00')!;
    expect(section(minutes, AT)).toContain('»Indhent tilbud« – Lars Lund');
    expect(section(minutes, '**Øvrige afstemninger**')).toContain('Fri afstemning om kaffe');
  });

  it('R16: a meeting planned within the hour after a task given at the end of the day\'s first meeting does not take it: the first\'s minutes drafted keep it, the new one\'s do not list it', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await h.at('2026-12-10T10:40:00Z'); // 11.40: at the end of the 10.00 meeting
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.pia, 'referat 10-12-2026 10:00');
    expect(section(minutesOf(h, TEN)!, AT)).toContain('»Indhent tilbud« – Lars Lund');
    await h.at('2026-12-10T10:50:00Z'); // 11.50: a meeting called for 12.30; at 11.40 it would have been under way (from an hour before)
    await tell(people.anne, 'ekstraordinært møde 10-12-2026 12:30 Vandskaden i afd. 2');
    await h.pass(1_000);
    expect(section(minutesOf(h, TEN)!, AT)).toContain('»Indhent tilbud« – Lars Lund');
    await h.at('2026-12-10T12:00:00Z');
    await tell(people.pia, 'referat 10-12-2026 12:30');
    expect(minutesOf(h, 'torsdag den 10. december 2026 kl. 12.30')).not.toContain('Indhent tilbud');
  });
});
