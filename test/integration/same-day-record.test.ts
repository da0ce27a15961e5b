/**
 * R16 with two meetings on one day: a vote on no item and a task belong to the record of one
 * meeting, the one under way when they were made (from an hour before its start, as
 * attendance counts); made before the day's first meeting, to the first; after the last, to
 * the last. Each meeting's minutes list only their own, and a change redrafts only the
 * minutes of the meeting it belongs to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const say = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const isMinutesOf = (time: string) => (p: PostedActivity) => p.replyToId === undefined && h.connector.textOf(p).startsWith('Referat\n') && h.connector.textOf(p).includes(`**Referat – Ordinært møde torsdag den 3. december 2026 kl. ${time}**`);
/** The minutes card of the meeting at `time` as it stands now (posted, then updated). */
const minutesOf = (time: string) => {
  const posted = h.connector.posts().filter(isMinutesOf(time)).at(-1)!;
  return literal(h.connector.textOf(h.connector.message(posted.id)!.activity));
};

describe('R16: two meetings on one day, a vote on no item and a task in the record of one of them', () => {
  it('R16: each meeting\'s minutes list the votes on no item and the tasks made at it, and not those of the day\'s other meeting', async () => {
    await say(people.pia, 'møde 03-12-2026 10:00');
    await say(people.pia, 'møde 03-12-2026 15:00');
    await h.at('2026-12-03T07:30:00Z'); // 08.30: before the day's first meeting
    await say(people.pia, 'opgave 10-12-2026 Lars Lund: Bestil lokalet');
    await h.at('2026-12-03T09:30:00Z'); // 10.30: at the 10.00 meeting
    await say(people.anne, 'afstemning Fri afstemning om kaffe');
    await say(people.pia, 'opgave 10-12-2026 Lars Lund: Køb kaffe');
    await h.at('2026-12-03T13:30:00Z'); // 14.30: the hour before the 15.00 meeting
    await say(people.anne, 'afstemning Fri afstemning om te');
    await say(people.pia, 'opgave 10-12-2026 Lars Lund: Køb te');
    await h.at('2026-12-03T19:00:00Z'); // 20.00: after the day's last meeting
    await say(people.pia, 'opgave 10-12-2026 Lars Lund: Køb kage');
    await say(people.pia, 'referat 03-12-2026 10:00');
    await say(people.pia, 'referat 03-12-2026 15:00');

    const ten = minutesOf('10.00');
    expect(ten).toContain('Øvrige afstemninger');
    expect(ten).toContain('Fri afstemning om kaffe');
    expect(ten).toContain('Opgaver fra mødet');
    expect(ten).toContain('Bestil lokalet');
    expect(ten).toContain('Køb kaffe');
    for (const other of ['Fri afstemning om te', 'Køb te', 'Køb kage']) expect(ten).not.toContain(other);

    const three = minutesOf('15.00');
    expect(three).toContain('Fri afstemning om te');
    expect(three).toContain('Køb te');
    expect(three).toContain('Køb kage');
    for (const other of ['Fri afstemning om kaffe', 'Bestil lokalet', 'Køb kaffe']) expect(three).not.toContain(other);
  });

  it('R16: a task given after the day\'s last meeting redrafts that meeting\'s minutes only', async () => {
    const tenBefore = minutesOf('10.00');
    await h.at('2026-12-03T21:00:00Z'); // 22.00
    await say(people.pia, 'opgave 10-12-2026 Lars Lund: Køb småkager');
    expect(minutesOf('15.00')).toContain('Køb småkager');
    expect(minutesOf('10.00')).toBe(tenBefore);
  });
});
