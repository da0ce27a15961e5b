/**
 * R8: a dissent on a vote is entered once the vote has closed. *Særstandpunkt* pressed while it is
 * still open (a forged press, or a card of another vote's state) is answered with what to do and
 * that nothing was saved, not only that the vote is not closed yet.
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

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const press = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: unknown };
const lastCardId = (start: string, key: string) => {
  const card = h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith(start)).at(-1)!;
  return new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(card))![1]!;
};

describe('R8: Særstandpunkt on a vote still open', () => {
  it('R8: says a dissent is entered once the vote has closed, and that nothing was saved', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'afstemning Bestyrelsen køber en bus');
    const motionId = lastCardId('Afstemning', 'motionId');
    await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'For dyrt.' })).toMatchObject({
      value: 'Afstemningen er ikke lukket endnu. Et særstandpunkt kan tilføjes, når den er lukket. Intet er gemt.',
    });
    expect(await h.store.listDissents({ motionId })).toEqual([]);
  });

  it('R8: on an English board, in English', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = lastCardId('Vote', 'motionId');
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'Too dear.' })).toMatchObject({
      value: 'The vote is not closed yet. A dissent can be added once it has closed. Nothing was saved.',
    });
  });
});
