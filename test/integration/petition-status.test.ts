/**
 * R11, R18: `status` shows what stands of the members' petitions, in the board's language: those
 * gathering support (subject, supports counted against the majority needed) and the extraordinary
 * meetings demanded and not yet called (with the day of the majority); each only when there is
 * any, and only in a period that reaches today (bare `status`). Over HTTP, in process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
const { isPetitionCard, petitionIdOf, support, petition } = petitionsOf(() => h!);
/** A petition asked with `words` (the whole command, in the board's language), supported by `supporters`. */
const asked = (asker: Person, words: string, supporters: readonly Person[] = []) => petition(asker, words, supporters, { words: true });
afterEach(async () => {
  await h?.close();
  h = undefined;
});



const GATHERING = '**Anmodninger om ekstraordinært møde, der samler støtte:';
const DEMANDED = '**Krævede ekstraordinære møder, der endnu ikke er indkaldt:';

describe('R11, R18: `status` shows the petitions that stand', () => {
  it('R11, R18: none: no petition section; then those gathering support (count of needed) and the demanded meetings not called; a meeting called takes it out; a past period shows none', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { say } = mk(h);
    const plain = await say(people.lars, 'status');
    expect(plain).not.toContain('Anmodninger');
    expect(plain).not.toContain('Krævede');
    await asked(people.birgitte, 'anmod om ekstraordinært møde Vandskaden i afd. 2', [people.henrik]);
    // Asked later: listed after (oldest first).
    await h.at('2026-12-01T09:05:00Z');
    await asked(people.lars, 'anmod om ekstraordinært møde Legepladsen');
    await h.at('2026-12-02T10:00:00Z');
    await asked(people.mette, 'anmod om ekstraordinært møde Budget 2027', [people.henrik, people.lars, people.birgitte]);
    const report = await say(people.lars, 'status');
    expect(report).toContain(`${GATHERING} 2**\n\n- »Vandskaden i afd. 2« – 2 af 4 nødvendige støtter\n- »Legepladsen« – 1 af 4 nødvendige støtter`);
    expect(report).toContain(`${DEMANDED} 1**\n\n- »Budget 2027« – flertal opnået onsdag den 2. december 2026`);
    // The meeting called on it: no longer demanded and not called; the other petitions stand.
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Budget 2027');
    const after = await say(people.lars, 'status');
    expect(after).not.toContain('Krævede');
    expect(after).toContain(`${GATHERING} 2**`);
    // A period in the past: what stands now is not part of it.
    expect(await say(people.lars, 'status 01-01-2025 31-12-2025')).not.toContain('Anmodninger');
  });

  it('R11, R18: a lapsed petition is in neither list', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await asked(people.birgitte, 'anmod om ekstraordinært møde Vandskaden i afd. 2');
    await h.at('2027-06-02T09:00:00Z');
    expect(await mk(h).say(people.lars, 'status')).not.toContain('Anmodninger');
  });
});

describe('R11, R18: an English board', () => {
  it('R11, R18: the petition sections are in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say } = mk(h);
    await say(people.anne, 'use this channel');
    await asked(people.birgitte, 'request extraordinary meeting Water damage');
    await asked(people.lars, 'request extraordinary meeting Budget 2027', [people.anne]);
    const report = await say(people.lars, 'report');
    expect(report).toContain('**Requests for an extraordinary meeting gathering support: 1**\n\n- "Water damage" – 1 of the 2 supporters needed');
    expect(report).toContain('**Extraordinary meetings demanded but not yet called: 1**\n\n- "Budget 2027" – majority reached on Tuesday 1 December 2026');
  });
});
