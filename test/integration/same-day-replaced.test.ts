/**
 * R16: a vote on no item and a task are in the minutes of one meeting: on a day with several,
 * the one under way when they were made, as the day's meetings now stand. A meeting of that day
 * moved to another time, or a meeting planned on it, may make another meeting the one under way
 * then: the minutes already drafted of the meeting they leave, or come to, follow at once (as when
 * one is cancelled: tasks-between-meetings.test.ts), so that nothing stands in two minutes or in none.
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

const TEN = 'torsdag den 10. december 2026 kl. 10.00';

describe('R16: a day\'s meeting moved or planned, what was given on no item follows in the minutes drafted', () => {
  it('R16: the second meeting of the day moved later, a task and a vote on no item given in the hour before its old time fall to the first, whose minutes drafted already follow at once', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T11:00:00Z'); // 12.00: the 10.00 meeting's minutes drafted
    await tell(people.pia, 'referat 10-12-2026 10:00');
    await h.at('2026-12-10T12:30:00Z'); // 13.30, in the hour before the 14.00 meeting: its record
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.anne, 'afstemning Fri afstemning om kaffe');
    expect(minutesOf(h, TEN)).not.toContain('Indhent tilbud');
    await tell(people.anne, 'flyt møde 10-12-2026 14:00 til 10-12-2026 16:00');
    await h.pass(1_000);
    // The 14.00 meeting now starts at 16.00: at 13.30 the 10.00 meeting was the one under way.
    const minutes = minutesOf(h, TEN)!;
    expect(minutes).toContain('»Indhent tilbud« – Lars Lund');
    expect(minutes).toContain('Fri afstemning om kaffe');
  });

  it('R16: a meeting planned within the hour after a task given at the end of the day\'s first meeting takes it: the first\'s minutes drafted already no longer list it, so it stands in one minutes', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 10:00');
    await h.at('2026-12-10T10:40:00Z'); // 11.40: at the end of the 10.00 meeting
    await tell(people.pia, 'opgave 20-12-2026 Lars Lund: Indhent tilbud');
    await tell(people.pia, 'referat 10-12-2026 10:00');
    expect(minutesOf(h, TEN)).toContain('»Indhent tilbud« – Lars Lund');
    await h.at('2026-12-10T10:50:00Z'); // 11.50: a meeting called for 12.30; at 11.40 it was under way (from an hour before)
    await tell(people.anne, 'ekstraordinært møde 10-12-2026 12:30 Vandskaden i afd. 2');
    await h.pass(1_000);
    expect(minutesOf(h, TEN)).not.toContain('Indhent tilbud');
    await h.at('2026-12-10T12:00:00Z');
    await tell(people.pia, 'referat 10-12-2026 12:30');
    expect(minutesOf(h, 'torsdag den 10. december 2026 kl. 12.30')).toContain('»Indhent tilbud« – Lars Lund');
  });
});
