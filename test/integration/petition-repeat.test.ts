/**
 * R11: a petition for an extraordinary meeting on a subject that another petition, still
 * gathering support, already asks for is refused, pointing to that one: the members' support
 * is not split over two cards. Once that one has its majority, the meeting is demanded: a new one is
 * refused too (the chair and secretary are asked, and reminded, to call it). Over
 * HTTP, in process (app-harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';
import { channelMessage } from '../support/activities.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));
const cards = () => h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Anmodning om ekstraordinært møde'));

describe('R11: one petition per subject while it gathers support', () => {
  it('R11: the same subject again (other case and spacing) is refused, naming it; nothing is posted', async () => {
    await tell(people.lars, 'anmod om ekstraordinært møde Vandskaden i afd. 2');
    expect(cards()).toHaveLength(1);
    expect(await say(people.henrik, 'anmod om ekstraordinært møde  vandskaden  i AFD. 2')).toBe(
      'Der er allerede en anmodning om et ekstraordinært møde om »vandskaden i AFD. 2«, som samler støtte. Tryk »Støt« på dens kort i kanalen. Intet er ændret.',
    );
    expect(cards()).toHaveLength(1);
  });

  it('R11: composed otherwise (Å as A and a ring) or with a zero width space inside, it is the same subject', async () => {
    await tell(people.mette, 'anmod om ekstraordinært møde Årsregnskab 2026');
    const before = cards().length;
    await tell(people.henrik, 'anmod om ekstraordinært møde A\u030Arsregnskab 2026');
    await tell(people.henrik, 'anmod om ekstraordinært møde Års\u200Bregnskab 2026');
    expect(cards()).toHaveLength(before);
  });

  it('R11: another subject is a petition of its own; after the majority the same subject is refused: the meeting is demanded, the chair asked to call it', async () => {
    const before = cards().length;
    await tell(people.henrik, 'anmod om ekstraordinært møde Budget 2027');
    expect(cards()).toHaveLength(before + 1);
    const petitionId = /"petitionId":"([^"]+)"/.exec(JSON.stringify(cards()[0]))![1]!;
    for (const p of [people.henrik, people.mette, people.birgitte]) await h.send(cardAction(h.connector.url, p, 'petition.support', { petitionId }));
    expect((await h.store.listPetitions({ createdFrom: new Date(0) })).find((p) => p.id === petitionId)?.majorityAt).toBeDefined();
    // A second card would gather a second majority for the same meeting, and remind the chair twice a week of it.
    expect(await say(people.lars, 'anmod om ekstraordinært møde vandskaden i afd. 2')).toBe(
      'Et flertal af medlemmerne har allerede krævet et ekstraordinært møde om »vandskaden i afd. 2«, og formandskabet og sekretæren er bedt om at indkalde det. Intet er ændret.',
    );
    expect(cards()).toHaveLength(before + 1);
  });
});
