/**
 * R11, the upgrade to migration 0016_petition_meeting: a database in which the version before
 * called an extraordinary meeting on a petition's subject (it linked no meeting to the petition)
 * is migrated, and the petition is then answered by that meeting, as if it had been called now:
 * a »Støt« is answered with the meeting and changes nothing, and the petition does not reach a
 * majority for a meeting already called. Found walking the upgrade of the real bundle from the
 * version in production (45f1fdc): the petition went on gathering support. The database the
 * version before left is made here from today's, without the column and the migration's record.
 * SQLite, and PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { mk } from '../support/english-board.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { upgradeStores } from '../support/store-upgrade.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

// The version before neither linked the petition nor updated its card: the card as posted asks for support. Nor had it
// the migrations after 0016 (0017_petition_lapse: its column; 0018_card_copies: its table; 0019_placed_meeting: its columns).
const BEFORE_0016 = [
  'alter table outbox drop column stale_at',
  "delete from kysely_migration where name = '0020_outbox_stale_at'",
  'alter table tasks drop column placed_meeting_id',
  'alter table motions drop column placed_meeting_id',
  "delete from kysely_migration where name = '0019_placed_meeting'",
  'drop table card_copies',
  "delete from kysely_migration where name = '0018_card_copies'",
  'alter table petitions drop column lapsed_at',
  "delete from kysely_migration where name = '0017_petition_lapse'",
  'alter table petitions drop column meeting_id',
  "delete from kysely_migration where name = '0016_petition_meeting'",
  "delete from outbox where kind = 'update'",
];

let h: Harness | undefined;
const { isPetitionCard, petitionIdOf, support, petition } = petitionsOf(() => h!);
const upgrade = upgradeStores();
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await upgrade.cleanup();
});



describe.each(upgrade.stores)('R11: a petition answered before migration 0016 (%s)', (_name, where, skip) => {
  it.skipIf(skip)('R11: the meeting called on its subject by the version before answers it once migrated: »Støt« is answered with the meeting and changes nothing', async () => {
    // One Teams for both versions: the card posted by the first is the one the second updates.
    const connector = await startFakeConnector();
    const options = { ...where.options(), connector };
    h = await startInstalledHarness('2026-12-01T09:00:00Z', options);
    const card = await petition(people.soeren, 'Legepladsen i Nord', [people.karsten]);
    const other = await petition(people.henrik, 'Vandskaden i afd. 2');
    await mk(h).tell(people.pia, 'ekstraordinært møde 15-12-2026 16:00 Legepladsen i Nord');
    const [meeting] = await h.store.listMeetings({ status: 'planned' });
    await h.close();
    h = undefined;
    await where.downgrade(options, BEFORE_0016);

    const since = connector.mark();
    h = await startHarness({ clockStart: '2026-12-02T09:00:00Z', ...options });
    onTestFinished(() => connector.close());
    // The start brings the card in line: it shows the meeting called, without »Støt«.
    await h.pass(UPDATE_INTERVAL_MS);
    const updated = h.connector.updates().filter((u) => u.seq >= since).map((u) => h!.connector.textOf(u));
    expect(updated.filter((t) => t.includes('Det ekstraordinære møde er indkaldt til tirsdag den 15. december 2026 kl. 16.00.'))).toHaveLength(1);
    const stored = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored.find((p) => p.subject === 'Legepladsen i Nord')!.meetingId).toBe(meeting!.id);
    expect(stored.find((p) => p.subject === 'Vandskaden i afd. 2')!.meetingId).toBeUndefined();
    for (const who of [people.mette, people.lars]) {
      expect((await support(who, card)).body).toMatchObject({
        value: 'Det ekstraordinære møde er allerede indkaldt til tirsdag den 15. december 2026 kl. 16.00, så anmodningen kan ikke længere støttes. Intet er ændret.',
      });
    }
    const petitionId = petitionIdOf(card);
    expect((await h.store.listPetitionSupports(petitionId)).map((s) => s.personId).sort()).toEqual([people.soeren.aadObjectId, people.karsten.aadObjectId].sort());
    expect((await h.store.getPetition(petitionId))!.majorityAt).toBeUndefined();
    // The petition on another subject gathers support as before.
    expect((await support(people.mette, other)).body.type).toBe('application/vnd.microsoft.card.adaptive');
  });
});
