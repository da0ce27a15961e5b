/**
 * R16: what is given on a meeting's day before it starts (a task, a vote on no item) is its record
 * (the first meeting of the day); so on its day the meeting is not moved to another day, and the
 * task stays in its minutes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('moving a meeting on its own day', () => {
  it('R16: a task given on the meeting\'s day, before the hour before it, stays in the minutes of a meeting', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell, all } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    // 09.00 on the day: a task; the 14.00 meeting's minutes would list it as given at the meeting.
    await h.at('2026-12-10T08:00:00Z');
    await tell(people.anne, 'opgave 20-12-2026 SB: Indhent tilbud på legeplads');
    // 10.00: the meeting is moved (four hours before the start: allowed), or refused.
    await h.at('2026-12-10T09:00:00Z');
    await tell(people.anne, 'flyt møde 10-12-2026 til 21-12-2026');
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    // Wherever the meeting is held, its minutes carry the task given at it.
    await h.at(new Date(meeting!.startsAt.getTime() + 3 * 3_600_000).toISOString());
    await tell(people.pia, 'referat');
    const minutes = all().filter((t) => t.startsWith('Referat')).at(-1)!;
    expect(minutes).toContain('Indhent tilbud på legeplads');
  });
});
