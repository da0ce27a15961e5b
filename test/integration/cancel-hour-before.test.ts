/**
 * R7, R16: in the hour before its start, once an attendee is recorded or a conclusion is made
 * "until closed", a meeting is not cancelled (`aflys møde`): what was recorded keeps its meeting,
 * and the conclusion is not left open for good. Nor is it moved to another day.
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

describe('cancelling a meeting in the hour before its start', () => {
  it('R16: with its record begun (an attendee, a conclusion until closed), the meeting is not cancelled away', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    // 13.30 on the day.
    await h.at('2026-12-10T12:30:00Z');
    expect(await say(people.pia, 'deltager Lars Lund')).toBe('Lars Lund er tilføjet som deltager i mødet torsdag den 10. december 2026.');
    await tell(people.anne, 'konklusion 3 Økonomien tages til efterretning.');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 21-12-2026')).toContain('På mødedagen kan mødet kun flyttes');
    await tell(people.anne, 'aflys møde 10-12-2026');
    const [meeting] = await h.store.listMeetings({});
    expect(meeting!.status).toBe('planned');
  });
});
