/**
 * R9, R16: a meeting moved drops its apologies, and its notice tells the board how to send them
 * again: with the moved meeting's date (»afbud <dato>«), so that an apology sent as told reaches
 * it and not the next meeting. Danish and English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The command the notice tells people to send apologies with (the last »…« / "…" in its apologies line). */
const commandIn = (notice: string, line: RegExp, quote: RegExp) => {
  const sentence = notice.split('\n').find((l) => line.test(l))!;
  return [...sentence.matchAll(quote)].at(-1)![1]!;
};

describe('moving a meeting: sending apologies again as the notice says', () => {
  it('R16: the command the notice names sends the apology for the moved meeting (Danish)', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell, all } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await say(people.birgitte, 'afbud');
    // The 10 December meeting is moved past the one on 17 December.
    await tell(people.anne, 'flyt møde 10-12-2026 til 21-12-2026');
    const notice = all().find((t) => t.startsWith('Ordinært møde torsdag den 10. december 2026 kl. 14.00 er flyttet'))!;
    const command = commandIn(notice, /meld afbud igen/, /»([^«]+)«/g);
    // Birgitte cannot come on the 21st either, and does what the notice says.
    await say(people.birgitte, command);
    const moved = (await h.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === '2026-12-21T13:00:00.000Z')!;
    const other = (await h.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === '2026-12-17T13:00:00.000Z')!;
    expect((await h.store.listApologies(moved.id)).map((a) => a.personId)).toEqual([people.birgitte.aadObjectId]);
    expect(await h.store.listApologies(other.id)).toEqual([]);
  });

  it('R16: the same in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell, all } = mk(h);
    await say(people.anne, 'use this channel');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    await tell(people.pia, 'meeting 17-12-2026 14:00');
    await say(people.birgitte, 'apologies');
    await tell(people.anne, 'move meeting 10-12-2026 to 21-12-2026');
    const notice = all().find((t) => t.includes('has been moved to'))!;
    const command = commandIn(notice, /send apologies again/, /"([^"]+)"/g);
    await say(people.birgitte, command);
    const moved = (await h.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === '2026-12-21T14:00:00.000Z')!;
    expect((await h.store.listApologies(moved.id)).map((a) => a.personId)).toEqual([people.birgitte.aadObjectId]);
  });
});
