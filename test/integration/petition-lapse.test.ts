/**
 * R11: a petition that has not reached its majority lapses half a year (PETITION_REPEAT_DAYS, 183
 * days, the window in which a meeting called on its subject answers it) after it was asked: its
 * card says so and no longer offers »Støt«; a late »Støt« is answered and changes nothing; the lapse
 * is in the audit log once. A bot that was down at that moment brings the card in line at its start,
 * and a board file changed meanwhile does not bring about a majority a year later. A petition that
 * reached its majority does not lapse. Over HTTP, in process (app-harness.ts), the clock the test's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { englishFile, mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
const { isPetitionCard, cardNow, textNow, actionsNow, petitionIdOf, support, petition } = petitionsOf(() => h!);
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const LAPSED = 'Anmodningen er bortfaldet, da den ikke opnåede flertal inden for et halvt år.';
const LATE = 'Anmodningen er bortfaldet, da den ikke opnåede flertal inden for et halvt år, så den kan ikke længere støttes. Intet er ændret.';

const updatesOf = (posted: PostedActivity) => h!.connector.updates().filter((u) => JSON.stringify(u).includes(petitionIdOf(posted))).length;
const lapses = async () => (await h!.store.listAudit({ action: 'petition.lapsed' })).map((e) => ({ actor: e.actor, subject: e.subject }));
const announcements = () => mk(h!).all().filter((t) => t.startsWith('Et flertal'));


/** The demo board file (7 voting members) without `leaving`, in a folder of its own (its id is its name: the same board). */
function boardFileWithout(leaving: readonly string[]): string {
  dir ??= mkdtempSync(join(tmpdir(), 'petition-lapse-'));
  let yaml = readFileSync(DEMO_CONFIG_PATH, 'utf8');
  for (const name of leaving) {
    const without = yaml.replace(new RegExp(`  - name: ${name}\\n(    .*\\n){4}`), '');
    if (without === yaml) throw new Error(`the demo board file changed: no ${name} to take out`);
    yaml = without;
  }
  // An organisation left without a member goes too (R1: each has a member to cast its vote).
  yaml = yaml.replace(/  - \{ id: (\w+), name: .*\}\n/g, (line, id: string) => (yaml.includes(`organisation: ${id}\n`) ? line : ''));
  const file = join(mkdtempSync(join(dir, 'file-')), 'demo.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('R11: a petition without a majority lapses after half a year', () => {
  it('R11: asked 1 December 2026, it takes support until 2 June 2027; then the card says it has lapsed, without »Støt«; a late »Støt« is answered and changes nothing; audited once', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    // A minute before the half year is out, a support still counts.
    await h.at('2027-06-02T08:59:00Z');
    expect(literal(h.connector.textOf((await support(people.mette, card)).body))).toContain('3 af 7 medlemmer støtter.');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(await lapses()).toEqual([]);
    await h.at('2027-06-02T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain(LAPSED);
    expect(textNow(card)).toContain('3 af 7 medlemmer støtter.');
    expect(textNow(card)).not.toContain('Tryk »Støt«');
    expect(actionsNow(card)).toEqual([]);
    const petitionId = petitionIdOf(card);
    expect(await lapses()).toEqual([{ actor: 'system', subject: `petition:${petitionId}` }]);
    const late = await support(people.lars, card);
    expect(late.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: LATE });
    expect(await h.store.listPetitionSupports(petitionId)).toHaveLength(3);
    // Once only: a restart neither audits it again nor updates the card again.
    const updates = updatesOf(card);
    await h.restart('2027-06-03T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(await lapses()).toHaveLength(1);
    expect(updatesOf(card)).toBe(updates);
    // Its subject may be asked again: a new card.
    const since = h.connector.mark();
    await mk(h).tell(people.lars, 'anmod om ekstraordinært møde Vandskaden i afd. 2');
    const again = await h.connector.waitForPost(isPetitionCard, { since });
    expect(petitionIdOf(again)).not.toBe(petitionId);
    expect(announcements()).toEqual([]);
  });

  it('R11: a »Støt« pressed after the half year, before the card is brought in line, is answered and changes nothing', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik, people.mette]);
    // The clock past the moment, no tick yet: the card still shows »Støt«; a press would have been the majority.
    h.clock.set('2027-06-02T09:00:01Z');
    expect((await support(people.lars, card)).body).toMatchObject({ value: LATE });
    expect(await h.store.listPetitionSupports(petitionIdOf(card))).toHaveLength(3);
    await h.tick();
    await h.pass(UPDATE_INTERVAL_MS);
    expect(announcements()).toEqual([]);
    expect(textNow(card)).toContain(LAPSED);
  });

  it('R11: the bot down at the moment, and the board file changed meanwhile (two members out, so 3 of 5 would be a majority): the start brings the card in line as lapsed, announces no majority, audits the lapse once', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Legepladsen', [people.henrik, people.mette]);
    // A petition from before this version has no job planned: the start's recount alone brings it in line.
    await h.store.cancelJob(`petition:${petitionIdOf(card)}:lapse`);
    await h.restart('2027-12-01T09:00:00Z', boardFileWithout(['Lars Lund', 'Søren Skov']));
    await h.pass(UPDATE_INTERVAL_MS);
    expect(announcements()).toEqual([]);
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.majorityAt).toBeUndefined();
    expect(textNow(card)).toContain(LAPSED);
    expect(actionsNow(card)).toEqual([]);
    expect(await lapses()).toHaveLength(1);
  });

  it('R11: a petition from before this version, its half year not yet out at the upgrade: it lapses at its moment, without another restart', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Legepladsen', [people.henrik]);
    // From before this version: no job planned. The upgrade's start comes a month later.
    await h.store.cancelJob(`petition:${petitionIdOf(card)}:lapse`);
    await h.restart('2027-01-04T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain(LAPSED);
    expect(await lapses()).toEqual([]);
    // The bot runs on: at the end of the half year the card says so, without »Støt«, audited once.
    await h.at('2027-06-02T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain(LAPSED);
    expect(actionsNow(card)).toEqual([]);
    expect(await lapses()).toHaveLength(1);
  });

  it('R11: the bot down at the moment, its job planned: the start brings the card in line once', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Legepladsen');
    await h.restart('2027-07-01T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain(LAPSED);
    expect(await lapses()).toHaveLength(1);
  });

  it('R11: a petition that reached its majority does not lapse: the card keeps »Flertal opnået«, nothing is audited', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik, people.mette, people.lars]);
    await h.at('2027-06-02T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Flertal opnået.');
    expect(textNow(card)).not.toContain('bortfaldet');
    expect(await lapses()).toEqual([]);
  });

  it('R11: a petition answered by a meeting does not lapse; the meeting cancelled after the half year, the card says the petition has lapsed instead of asking for support again', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell } = mk(h);
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    await tell(people.anne, 'ekstraordinært møde 10-06-2027 14:00 Vandskaden i afd. 2');
    await h.at('2027-06-02T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 10. juni 2027 kl. 14.00.');
    expect(await lapses()).toEqual([]);
    await tell(people.anne, 'aflys møde 10-06-2027');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde torsdag den 10. juni 2027 kl. 14.00 er aflyst.');
    expect(textNow(card)).toContain(LAPSED);
    expect(actionsNow(card)).toEqual([]);
    expect((await support(people.mette, card)).body).toMatchObject({ value: LATE });
    expect(await lapses()).toHaveLength(1);
  });
});

describe('R11: an English board', () => {
  it('R11: the lapsed card and the answer to a late "Support" are in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell } = mk(h);
    await say(people.anne, 'use this channel');
    const since = h.connector.mark();
    await tell(people.birgitte, 'request extraordinary meeting Water damage');
    const card = await h.connector.waitForPost(isPetitionCard, { since });
    await h.at('2027-06-02T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('The request has lapsed, as it did not reach a majority within half a year.');
    expect(actionsNow(card)).toEqual([]);
    expect((await support(people.lars, card)).body).toMatchObject({
      value: 'The request has lapsed, as it did not reach a majority within half a year, so it can no longer be supported. Nothing was changed.',
    });
  });
});
