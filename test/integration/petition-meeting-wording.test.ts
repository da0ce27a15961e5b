/**
 * R11: the extraordinary meeting the chair calls answers a petition when its subject is the
 * petition's, or contains it as whole words (»Ekstraordinært møde om Budgetoverskridelse i
 * Korsør« for »Budgetoverskridelse i Korsør«): the card shows the meeting and the weekly reminders
 * stop. Over HTTP, in process (app-harness.ts), the clock the test's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isPetitionCard = (p: PostedActivity) => /^(Anmodning om ekstraordinært møde|Request for an extraordinary meeting)/.test(h!.connector.textOf(p));
const textNow = (posted: PostedActivity) => literal(h!.connector.textOf(h!.connector.message(posted.id)!.activity, { actions: true }));
const petitionIdOf = (posted: PostedActivity) => /"petitionId":"([^"]+)"/.exec(JSON.stringify(posted))![1]!;
const support = async (who: Person, posted: PostedActivity) => h!.send(cardAction(h!.connector.url, who, 'petition.support', { petitionId: petitionIdOf(posted) }, { replyToId: posted.id }));
const reminders = () => h!.connector.posts().filter((p) => /Påmindelse: Et flertal|Reminder: On/.test(h!.connector.textOf(p)));

/** A petition asked by Birgitte on `subject`, brought to its majority (4 of 7); its card as posted. */
async function demanded(subject: string, command = 'anmod om ekstraordinært møde'): Promise<PostedActivity> {
  const since = h!.connector.mark();
  await mk(h!).tell(people.birgitte, `${command} ${subject}`);
  const card = await h!.connector.waitForPost(isPetitionCard, { since });
  for (const who of [people.henrik, people.mette, people.lars]) await support(who, card);
  await h!.pass(UPDATE_INTERVAL_MS);
  return card;
}

const PLANNED = 'Ekstraordinært møde er planlagt torsdag den 10. december 2026 kl. 14.00.';

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
    expect(await mk(h).say(people.lars, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør')).toContain('Der er allerede indkaldt til et ekstraordinært møde om »Budgetoverskridelse i Korsør«');
    // The first reminder would be on 8 December, 09.00 local: none, nor the week after.
    await h.at('2026-12-08T08:00:30Z');
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toEqual([]);
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
