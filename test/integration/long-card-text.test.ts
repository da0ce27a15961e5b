/**
 * PRODUCT §2, R7, R8: a text typed on a card (a dissent, an objection's reason) longer than its
 * field takes is refused naming the limit, however long: past 100,000 characters too, which the
 * bot does not read through (a body may hold a megabyte). Before, such a text was answered »Handlingen
 * kunne ikke læses« (the card data's own cap), as if the press were garbled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MESSAGE = 'application/vnd.microsoft.activity.message';
const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const press = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: unknown };
const lastCard = (start: string) => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith(start)).at(-1)!;
const idIn = (post: unknown, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(post))![1]!;

const DISSENT_TOO_LONG = 'Særstandpunktet er for langt (højst 2000 tegn). Forkort det, og prøv igen. Intet er gemt.';

describe('PRODUCT §2: a text past 100,000 characters on a card', () => {
  it('R8, R7: a dissent on a conclusion or a vote and an objection\'s reason are refused naming the limit; nothing stored', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
    await say(people.anne, 'udsend dagsorden');
    await h.at('2026-11-26T14:05:00+01:00');
    await say(people.anne, 'konklusion 5 Budgettet godkendes.');
    const conclusionId = idIn(lastCard('Konklusion'), 'conclusionId');
    for (const length of [100_001, 600_000]) {
      expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'x'.repeat(length) }), String(length)).toMatchObject({ type: MESSAGE, value: DISSENT_TOO_LONG });
    }
    const reasonTooLong = 'Begrundelsen er for lang (højst 2000 tegn). Forkort den, og prøv igen.';
    expect(await press(people.henrik, 'conclusion.object', { conclusionId, reason: 'x'.repeat(100_001) })).toMatchObject({ type: MESSAGE, value: reasonTooLong });
    expect(await press(people.henrik, 'conclusion.object', { conclusionId, text: 'x'.repeat(100_001) })).toMatchObject({ type: MESSAGE, value: reasonTooLong });
    expect(await h.store.listDissents({ conclusionId })).toEqual([]);
    expect(await h.store.listObjections(conclusionId)).toEqual([]);

    await say(people.anne, 'afstemning Bestyrelsen køber en bus');
    const motionId = idIn(lastCard('Afstemning'), 'motionId');
    await press(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
    await press(people.anne, 'vote.close', { motionId, confirm: true });
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'x'.repeat(150_000) })).toMatchObject({ type: MESSAGE, value: DISSENT_TOO_LONG });
    expect(await h.store.listDissents({ motionId })).toEqual([]);
    // Data that is not a text is still data that cannot be read.
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 42 })).toMatchObject({ type: MESSAGE, value: 'Handlingen kunne ikke læses. Intet er ændret.' });
  });

  it('R8: on an English board, in English', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = idIn(lastCard('Vote'), 'motionId');
    await press(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
    await press(people.anne, 'vote.close', { motionId, confirm: true });
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'x'.repeat(100_001) })).toMatchObject({
      type: MESSAGE,
      value: 'The dissent is too long (at most 2000 characters). Shorten it and try again. Nothing was saved.',
    });
  });
});
