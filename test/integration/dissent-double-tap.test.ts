/**
 * R8 on a phone: *Gem særstandpunktet* tapped twice (a slow network) sends the same words twice,
 * as two presses. The second is answered with the card as it stands, the dissent on it, not with
 * »Du har allerede et særstandpunkt her. Det nye er ikke gemt.«, which reads as if it were lost;
 * the dissent is stored and audited once. Other words the second time are still refused so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

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

/** A vote the chair closed, BoligKorsør (Lars) against: its motion id. */
async function closedVote(): Promise<string> {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
  await say(people.anne, 'afstemning Bestyrelsen køber en bus');
  const motionId = lastCardId('Afstemning', 'motionId');
  await press(people.anne, 'vote.cast', { motionId, choice: 'for' });
  await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
  await press(people.anne, 'vote.close', { motionId, confirm: true });
  return motionId;
}

describe('R8: a dissent sent twice with the same words', () => {
  it('R8: on a vote, the second tap is answered with the card showing it; one dissent stored and audited', async () => {
    const motionId = await closedVote();
    const first = await press(people.lars, 'vote.dissent', { motionId, text: 'BK finder bussen for dyr.' });
    expect(first.type).toBe(CARD);
    const again = await press(people.lars, 'vote.dissent', { motionId, text: ' BK finder bussen for dyr. ' });
    expect(again.type).toBe(CARD);
    expect(literal(h!.connector.textOf(again.value as never))).toContain('BK finder bussen for dyr.');
    expect((await h!.store.listDissents({ motionId })).map((d) => d.text)).toEqual(['BK finder bussen for dyr.']);
    expect(await h!.store.listAudit({ action: 'dissent.added' })).toHaveLength(1);
    // Other words are a second dissent, still refused.
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'Noget andet.' })).toMatchObject({ value: 'Du har allerede et særstandpunkt her. Det nye er ikke gemt.' });
  });

  it('R8: on a conclusion, the same', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
    await say(people.anne, 'udsend dagsorden');
    await h.at('2026-11-26T14:05:00+01:00');
    await say(people.anne, 'konklusion 5 Budgettet godkendes.');
    const conclusionId = lastCardId('Konklusion', 'conclusionId');
    await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' });
    const again = await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' });
    expect(again.type).toBe(CARD);
    expect(literal(h.connector.textOf(again.value as never))).toContain('SAB er imod.');
    expect((await h.store.listDissents({ conclusionId })).map((d) => d.text)).toEqual(['SAB er imod.']);
  });

  it('R8: on an English board, the second tap gets the card too', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = lastCardId('Vote', 'motionId');
    await press(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
    await press(people.anne, 'vote.close', { motionId, confirm: true });
    await press(people.lars, 'vote.dissent', { motionId, text: 'Too expensive.' });
    expect((await press(people.lars, 'vote.dissent', { motionId, text: 'Too expensive.' })).type).toBe(CARD);
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'Far too expensive.' })).toMatchObject({ value: 'You already have a dissent here. The new one was not saved.' });
    expect(await h.store.forBoard('forum').listDissents({ motionId })).toHaveLength(1);
  });
});
