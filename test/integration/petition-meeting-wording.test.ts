/**
 * R11: the extraordinary meeting the chair calls answers a petition when its subject is the
 * petition's, or contains it as whole words (»Ekstraordinært møde om Budgetoverskridelse i
 * Korsør« for »Budgetoverskridelse i Korsør«): the card shows the meeting and the weekly reminders
 * stop. A meeting that answers no demanded petition standing is called as asked, and the caller is
 * told, per petition, that it was not linked and how to write the subject so that it is. Over
 * HTTP, in process (app-harness.ts), the clock the test's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { englishFile, mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
const { isPetitionCard, textNow, petitionIdOf, support } = petitionsOf(() => h!);
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const reminders = () => h!.connector.posts().filter((p) => /Påmindelse: Et flertal|Reminder: On/.test(h!.connector.textOf(p)));

async function demanded(subject: string, command = 'anmod om ekstraordinært møde'): Promise<PostedActivity> {
  const since = h!.connector.mark();
  await mk(h!).tell(people.birgitte, `${command} ${subject}`);
  const card = await h!.connector.waitForPost(isPetitionCard, { since });
  for (const who of [people.henrik, people.mette, people.lars]) await support(who, card);
  await h!.pass(UPDATE_INTERVAL_MS);
  return card;
}

const PLANNED = 'Ekstraordinært møde er planlagt torsdag den 10. december 2026 kl. 14.00.';
const notLinked = (subject: string, how: string) =>
  `Mødet er ikke knyttet til anmodningen om et ekstraordinært møde om »${subject}«, som et flertal har krævet; et møde knyttes til den, når dets emne ${how}.`;

describe('R11: a meeting called with words added around the petition subject answers it', () => {
  it('R11: »Ekstraordinært møde om Budgetoverskridelse i Korsør« answers »Budgetoverskridelse i Korsør«: the card shows the meeting, the caller is told nothing more, the reminders stop', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await demanded('Budgetoverskridelse i Korsør');
    const answer = await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Ekstraordinært møde om Budgetoverskridelse i Korsør');
    expect(answer).toContain(PLANNED);
    expect(answer).not.toContain('ikke knyttet');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Flertal opnået.');
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 10. december 2026 kl. 14.00.');
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.meetingId).toBeDefined();
    // A new petition on the subject is refused, the meeting called on it ahead.
    expect(await mk(h).say(people.lars, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør')).toContain('Der er allerede indkaldt til et ekstraordinært møde om »Ekstraordinært møde om Budgetoverskridelse i Korsør« torsdag den 10. december 2026 kl. 14.00');
    // The first reminder would be on 8 December, 09.00 local: none, nor the week after.
    await h.at('2026-12-08T08:00:30Z');
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toEqual([]);
  });

  it('R11: one meeting whose subject contains two demanded petitions answers both; a third, not contained, is named to the caller', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const korsoer = await demanded('Budgetoverskridelse i Korsør');
    const water = await demanded('Vandskaden i afd. 2');
    const director = await demanded('Ny direktør');
    const answer = await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Budgetoverskridelse i Korsør og vandskaden i afd. 2');
    expect(answer).toContain(PLANNED);
    expect(answer).toContain(notLinked('Ny direktør', 'indeholder »Ny direktør«'));
    expect(answer).not.toContain('»Budgetoverskridelse i Korsør«, som');
    expect(answer).not.toContain('»Vandskaden i afd. 2«, som');
    await h.pass(UPDATE_INTERVAL_MS);
    for (const card of [korsoer, water]) expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 10. december 2026 kl. 14.00.');
    expect(textNow(director)).not.toContain('indkaldt');
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders().map((p) => literal(h!.connector.textOf(p)))).toEqual([expect.stringContaining('»Ny direktør«')]);
  });
});

describe('R11: a petition whose meeting is called ahead is refused, naming that meeting', () => {
  it('R11: »Budget 2027« asked while »Budget 2027 for afdeling 3« is called: refused with the meeting as called (its subject, its time), not the asker\'s words; nothing posted', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Budget 2027 for afdeling 3');
    const cards = h.connector.posts().filter(isPetitionCard).length;
    expect(await mk(h).say(people.lars, 'anmod om ekstraordinært møde Budget 2027')).toBe(
      'Der er allerede indkaldt til et ekstraordinært møde om »Budget 2027 for afdeling 3« torsdag den 10. december 2026 kl. 14.00; se »møder«. Intet er ændret.',
    );
    expect(h.connector.posts().filter(isPetitionCard)).toHaveLength(cards);
  });
});

describe('R11: a meeting that answers no demanded petition: the caller is told', () => {
  it('R11: another subject, or another form of its word (»budgetoverskridelsen«): not linked, the caller is told how to write it, the reminders go on', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await demanded('Budgetoverskridelse i Korsør');
    const first = await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Ekstraordinært møde om budgetoverskridelsen i Korsør');
    expect(first).toContain(PLANNED);
    expect(first).toContain(notLinked('Budgetoverskridelse i Korsør', 'indeholder »Budgetoverskridelse i Korsør«'));
    const second = await mk(h).say(people.pia, 'ekstraordinært møde 11-12-2026 14:00 Ny direktør');
    expect(second).toContain(notLinked('Budgetoverskridelse i Korsør', 'indeholder »Budgetoverskridelse i Korsør«'));
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain('indkaldt');
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.meetingId).toBeUndefined();
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toHaveLength(1);
  });

  it('R11: »Budget« is not answered by »Budget 2028 og vandskade« (one word under eight letters answers only as the whole subject); the caller is told to write it as »Budget«', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await demanded('Budget');
    const answer = await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Budget 2028 og vandskade');
    expect(answer).toContain(notLinked('Budget', 'er »Budget«'));
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain('indkaldt');
    expect(await mk(h).say(people.anne, 'ekstraordinært møde 11-12-2026 14:00 budget')).not.toContain('ikke knyttet');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til fredag den 11. december 2026 kl. 14.00.');
  });

  it('R11: a meeting on only part of the petition subject (»Formanden« for »Mistillid til formanden«) does not answer it: not linked, the caller is told, the reminders go on, and a petition naming more than a meeting ahead may be asked', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await demanded('Mistillid til formanden');
    const answer = await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Formanden');
    expect(answer).toContain(PLANNED);
    expect(answer).toContain(notLinked('Mistillid til formanden', 'indeholder »Mistillid til formanden«'));
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).not.toContain('indkaldt');
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.meetingId).toBeUndefined();
    // The members may still ask for a meeting that names more than the one called ahead.
    expect(await mk(h).say(people.anne, 'ekstraordinært møde 11-12-2026 14:00 Budgetoverskridelse i Korsør')).toContain('Ekstraordinært møde er planlagt');
    const since = h.connector.mark();
    await mk(h).tell(people.lars, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør og Skælskør');
    expect(h.connector.textOf(await h.connector.waitForPost(isPetitionCard, { since }))).toContain('Budgetoverskridelse i Korsør og Skælskør');
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders().map((p) => literal(h!.connector.textOf(p)))).toEqual([expect.stringContaining('»Mistillid til formanden«')]);
  });

  it('R11: a petition still gathering support is not named (only a demanded one); nor is one by an ordinary meeting', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await mk(h).tell(people.birgitte, 'anmod om ekstraordinært møde Vandskaden i afd. 2');
    expect(await mk(h).say(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Ny direktør')).not.toContain('ikke knyttet');
    await demanded('Budget 2027');
    expect(await mk(h).say(people.anne, 'møde 11-12-2026 14:00')).not.toContain('ikke knyttet');
  });

  it('R11: on an English board, in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    await mk(h).say(people.anne, 'use this channel');
    await demanded('Water damage', 'request extraordinary meeting');
    const answer = await mk(h).say(people.anne, 'extraordinary 10-12-2026 14:00 New director');
    expect(answer).toContain(
      'The meeting is not linked to the request for an extraordinary meeting on "Water damage", demanded by a majority; a meeting is linked to it when its subject contains "Water damage".',
    );
  });
});

describe('R11: at start, a meeting called before this with words added is linked', () => {
  it('R11: a demanded petition and an extraordinary meeting called after it whose subject contains its subject: the start links them, the card shows the meeting, no reminder', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await demanded('Budgetoverskridelse i Korsør');
    // As the version before stored it: called on a subject it did not link (written to the store directly).
    await h.store.transaction((repo) =>
      repo.insertMeeting({
        id: 'before', kind: 'extraordinary', subject: 'Ekstraordinært møde om Budgetoverskridelse i Korsør', status: 'planned',
        startsAt: new Date('2026-12-10T13:00:00Z'), createdBy: people.anne.aadObjectId, createdAt: new Date('2026-12-02T09:00:00Z'),
      }),
    );
    await h.restart('2026-12-03T09:00:00Z');
    await h.pass(UPDATE_INTERVAL_MS);
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored!.meetingId).toBe('before');
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 10. december 2026 kl. 14.00.');
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toEqual([]);
  });
});
