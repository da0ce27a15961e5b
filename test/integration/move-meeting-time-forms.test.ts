/**
 * R9: `flyt møde <dato> [tid] til <ny dato> [tid]` and `aflys møde <dato> [tid]` read a time as
 * `møde` does (README "Times": 14:00, 14.00, kl. 14, kl 14, kl.14, at 14, at 14:00, 2 pm, 2pm),
 * the meeting's own and the new one alike. What `møde` refuses as a time (a bare number: 14,
 * 15 30) they refuse too, naming what was typed; nothing changes. Danish and English.
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

const starts = async (status: 'planned' | 'cancelled') => (await h!.store.listMeetings({ status })).map((m) => m.startsAt.toISOString()).sort();

describe('the times flyt møde and aflys møde read (R9)', () => {
  it('R9: every time møde takes names the meeting and its new time in flyt møde, and the meeting in aflys møde', async () => {
    // Tuesday 1 December 2026, 10.00 in Copenhagen.
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say, tell } = mk(h);
    const forms = ['14:00', '14.00', 'kl. 14', 'kl 14', 'kl.14', 'at 14', 'at 14:00', '2 pm', '2pm'];
    for (const [i, form] of forms.entries()) {
      const day = String(11 + i).padStart(2, '0');
      expect(await say(people.pia, `møde ${day}-01-2027 ${form}`)).toMatch(/^Ordinært møde er planlagt .* kl\. 14\.00\./);
      await tell(people.anne, `flyt møde ${day}-01-2027 ${form} til ${day}-02-2027 ${form.replace('14', '15').replace('2', '3')}`);
      await tell(people.anne, `aflys møde ${day}-02-2027 ${form.replace('14', '15').replace('2', '3')}`);
    }
    // Each moved to 15.00 on its day of February (14.00 UTC), then cancelled.
    expect(await starts('planned')).toEqual([]);
    expect(await starts('cancelled')).toEqual(forms.map((_, i) => `2027-02-${11 + i}T14:00:00.000Z`));
  });

  it('R9: a bare number, as møde refuses it, is refused as a time, named, in either place; nothing changes', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say } = mk(h);
    await say(people.pia, 'møde 10-12-2026 14:00');
    const move = 'Skriv fx: flyt møde 10-12-2026 til 15-12-2026 14:00';
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 11-12-2026 14')).toBe(`»14« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.\n\n${move}`);
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 11-12-2026 15 30')).toBe(`»15 30« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.\n\n${move}`);
    expect(await say(people.anne, 'flyt møde 10-12-2026 14 til 11-12-2026 15:00')).toBe(`»14« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.\n\n${move}`);
    expect(await say(people.anne, 'aflys møde 10-12-2026 14')).toBe('»14« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.\n\nSkriv fx: aflys møde 10-12-2026');
    // As møde answers it.
    expect(await say(people.pia, 'møde 11-12-2026 14')).toBe('Tidspunktet kan ikke læses. Brug fx 14:00, 14.00 eller kl. 14.\n\nSkriv fx: møde 10-12-2026 14:00');
    expect(await starts('planned')).toEqual(['2026-12-10T13:00:00.000Z']);
  });

  it('R9: the same on an English board', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell } = mk(h);
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 10-12-2026 at 14');
    await tell(people.anne, 'move meeting 10-12-2026 at 14 to 11-12-2026 at 15');
    expect(await starts('planned')).toEqual(['2026-12-11T15:00:00.000Z']);
    expect(await say(people.anne, 'move meeting 11-12-2026 to 12-12-2026 14')).toBe(
      '"14" cannot be read as a time. Use e.g. 14:00, 14.00 or at 14. Nothing was changed.\n\nFor example: move meeting 10-12-2026 to 15-12-2026 14:00',
    );
    await tell(people.anne, 'cancel meeting 11-12-2026 at 3 pm');
    expect(await starts('planned')).toEqual([]);
  });
});
