/**
 * R5 on a phone: the last organisation's member taps *For* twice (a slow network: two presses).
 * The first is the organisation's vote and closes the vote (every organisation has voted, R6);
 * the second is answered with the card as it stands, their vote counted in the outcome, not with
 * »Afstemningen er lukket. Der kan ikke længere stemmes.«, which reads as if their vote were lost.
 * Another choice after the close is refused as before, and nothing changes.
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

describe('R5: the press that closed the vote, pressed again', () => {
  it('R5, R6: Lars\'s second For is answered with the closed card showing BoligKorsør\'s vote; Imod after it is refused, nothing changed', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'afstemning Bestyrelsen køber en bus');
    const motionId = lastCardId('Afstemning', 'motionId');
    for (const who of [people.anne, people.birgitte, people.henrik, people.mette, people.karsten]) await press(who, 'vote.cast', { motionId, choice: 'for' });
    await press(people.lars, 'vote.cast', { motionId, choice: 'for' });
    expect((await h.store.getMotion(motionId))?.closeReason).toBe('all-voted');
    const again = await press(people.lars, 'vote.cast', { motionId, choice: 'for' });
    expect(again.type).toBe(CARD);
    const card = literal(h.connector.textOf(again.value as never));
    expect(card).toContain('For – afgivet af Lars Lund');
    expect(card).toContain('Vedtaget: 6 for, 0 imod, 0 undlader');
    expect(await press(people.lars, 'vote.cast', { motionId, choice: 'against' })).toMatchObject({ value: 'Afstemningen er lukket. Der kan ikke længere stemmes.' });
    // Søren (SB) did not cast SB's vote: For from him is no press of his own again.
    expect(await press(people.soeren, 'vote.cast', { motionId, choice: 'for' })).toMatchObject({ value: 'Afstemningen er lukket. Der kan ikke længere stemmes.' });
    expect((await h.store.listBallots(motionId)).find((b) => b.organisationId === 'BK')).toMatchObject({ choice: 'for', castBy: expect.any(String) });
    expect(await h.store.listAudit({ action: 'ballot.cast' })).toHaveLength(6);
  });

  it('R5: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = lastCardId('Vote', 'motionId');
    await press(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await press(people.birgitte, 'vote.cast', { motionId, choice: 'against' });
    await press(people.lars, 'vote.cast', { motionId, choice: 'abstain' });
    const again = await press(people.lars, 'vote.cast', { motionId, choice: 'abstain' });
    expect(again.type).toBe(CARD);
    expect(literal(h.connector.textOf(again.value as never))).toContain('Not adopted: 1 for, 1 against, 1 abstained');
    expect(await press(people.lars, 'vote.cast', { motionId, choice: 'for' })).toMatchObject({ value: 'The vote is closed. No more votes can be cast.' });
  });
});
