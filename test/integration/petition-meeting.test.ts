/**
 * R11: a members' petition answered by the extraordinary meeting the chair calls on its subject
 * (`ekstraordinært møde <dato> <tid> <emne>`): the petition's card, already in the channel, shows
 * that the meeting is called, with its date and time, and no longer offers »Støt«; a support
 * pressed after that is answered and changes nothing. The meeting moved or cancelled afterwards
 * shows on the card too. Over HTTP, in process (app-harness.ts); Danish and English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { englishFile, mk } from '../support/english-board.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
const { isPetitionCard, cardNow, textNow, actionsNow, petitionIdOf, support, petition } = petitionsOf(() => h!);
afterEach(async () => {
  await h?.close();
  h = undefined;
});



describe('R11: the petition card once the extraordinary meeting is called', () => {
  it('R11: the chair calls the meeting a petition asks for: the card shows its date and time, without »Støt«; a late »Støt« is answered and changes nothing', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    expect(actionsNow(card).map((a) => a.verb)).toEqual(['petition.support']);
    const updates = h.connector.updates().length;
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(h.connector.updates().length).toBeGreaterThan(updates);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 10. december 2026 kl. 14.00.');
    expect(textNow(card)).toContain('2 af 7 medlemmer støtter.');
    expect(textNow(card)).not.toContain('Tryk »Støt«');
    expect(actionsNow(card)).toEqual([]);
    const late = await support(people.mette, card);
    expect(late.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Det ekstraordinære møde er allerede indkaldt til torsdag den 10. december 2026 kl. 14.00, så anmodningen kan ikke længere støttes. Intet er ændret.',
    });
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect((await h.store.listPetitionSupports(stored!.id)).map((s) => s.personId)).toEqual([people.birgitte.aadObjectId, people.henrik.aadObjectId]);
  });
});

describe('R11: the other ends of a petition, on its card', () => {
  it('R11: called after the majority: the card keeps »Flertal opnået« and shows the meeting; the announcement names the command with the subject', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik, people.mette, people.lars]);
    const announcement = mk(h).all().find((t) => t.startsWith('Et flertal af bestyrelsens medlemmer'))!;
    expect(announcement).toContain('fastsæt venligst tidspunktet med »ekstraordinært møde <dato> <tid> Budget 2027«.');
    // A late press on a card that no longer offers it: answered, nothing changed.
    expect((await support(people.soeren, card)).body).toMatchObject({ value: 'Anmodningen har allerede opnået flertal, så den kan ikke længere støttes. Intet er ændret.' });
    await mk(h).tell(people.pia, 'ekstraordinært møde 15-12-2026 kl. 16 budget  2027');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Flertal opnået.');
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til tirsdag den 15. december 2026 kl. 16.00.');
    expect(textNow(card)).toContain('4 af 7 medlemmer støtter.');
    expect(actionsNow(card)).toEqual([]);
  });

  it('R11: a petition older than half a year is not answered by a meeting on its subject called now', async () => {
    h = await startInstalledHarness('2026-01-05T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2');
    await h.at('2026-12-01T09:00:00Z');
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain('indkaldt');
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.meetingId).toBeUndefined();
  });

  it('R11: an extraordinary meeting on another subject leaves the petition gathering support', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2');
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Ny direktør');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain('indkaldt');
    expect(actionsNow(card).map((a) => a.verb)).toEqual(['petition.support']);
    expect((await support(people.henrik, card)).body.type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('R11: the meeting moved, then cancelled: the card shows the new time, then the cancellation, and gathers support again; a new meeting answers it again', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell } = mk(h);
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    await tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    await tell(people.anne, 'flyt møde 10-12-2026 til 11-12-2026 15:00');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til fredag den 11. december 2026 kl. 15.00.');
    expect(textNow(card)).not.toContain('10. december');
    await tell(people.anne, 'aflys møde 11-12-2026');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde fredag den 11. december 2026 kl. 15.00 er aflyst.');
    expect(textNow(card)).toContain('Tryk »Støt«');
    expect(actionsNow(card).map((a) => a.verb)).toEqual(['petition.support']);
    // Support counts again; the card, as the answer, still says the meeting was cancelled.
    const res = await support(people.mette, card);
    expect(literal(h.connector.textOf(res.body))).toContain('3 af 7 medlemmer støtter.');
    await tell(people.anne, 'ekstraordinært møde 17-12-2026 14:00 Vandskaden i afd. 2');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 17. december 2026 kl. 14.00.');
    expect(textNow(card)).not.toContain('aflyst');
    expect(actionsNow(card)).toEqual([]);
  });

  it('R11: a second meeting called on the subject, then the first cancelled: the card shows the second, and takes no support', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const { tell } = mk(h);
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    await tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    // The chair calls it anew for another day, then cancels the first (instead of »flyt møde«).
    await tell(people.anne, 'ekstraordinært møde 15-12-2026 16:00 Vandskaden i afd. 2');
    await tell(people.anne, 'aflys møde 10-12-2026');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til tirsdag den 15. december 2026 kl. 16.00.');
    expect(textNow(card)).not.toContain('aflyst');
    expect(actionsNow(card)).toEqual([]);
    expect((await support(people.mette, card)).body).toMatchObject({
      value: 'Det ekstraordinære møde er allerede indkaldt til tirsdag den 15. december 2026 kl. 16.00, så anmodningen kan ikke længere støttes. Intet er ændret.',
    });
  });

  it('R11: a new petition on the subject of the meeting called is refused, naming it; nothing is posted', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Vandskaden i afd. 2');
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    const cards = h.connector.posts().filter(isPetitionCard).length;
    expect(await mk(h).say(people.lars, 'anmod om ekstraordinært møde vandskaden i afd. 2')).toBe(
      'Der er allerede indkaldt til et ekstraordinært møde om »Vandskaden i afd. 2« torsdag den 10. december 2026 kl. 14.00; se »møder«. Intet er ændret.',
    );
    expect(h.connector.posts().filter(isPetitionCard)).toHaveLength(cards);
  });

  it('R11: the card update committed with the meeting is sent after a crash (the outbox)', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    // Within the second of the card's last update: the new one is held back, then the process dies.
    await support(people.mette, card);
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Vandskaden i afd. 2');
    expect(textNow(card)).not.toContain('indkaldt');
    await h.crash('2026-12-01T09:05:00Z');
    await h.tick();
    await h.connector.waitForUpdate((u) => u.id === card.id && literal(h!.connector.textOf(u)).includes('Det ekstraordinære møde er indkaldt til torsdag den 10. december 2026 kl. 14.00.'));
    expect(actionsNow(card)).toEqual([]);
  });
});

describe('R11: an English board', () => {
  it('R11: the card says the meeting is called in English, and a late "Support" is answered in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell } = mk(h);
    await say(people.anne, 'use this channel');
    const since = h.connector.mark();
    await tell(people.birgitte, 'request extraordinary meeting Water damage');
    const card = await h.connector.waitForPost(isPetitionCard, { since });
    await tell(people.anne, 'extraordinary 10-12-2026 14:00 Water damage');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('The extraordinary meeting has been called for Thursday 10 December 2026 at 14:00.');
    expect(actionsNow(card)).toEqual([]);
    expect((await support(people.lars, card)).body).toMatchObject({
      value: 'The extraordinary meeting has already been called for Thursday 10 December 2026 at 14:00, so the request can no longer be supported. Nothing was changed.',
    });
  });
});
