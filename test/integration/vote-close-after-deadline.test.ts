/**
 * R6: a vote closes at its deadline. The chair's *Luk afstemning* pressed after it (a card a phone
 * has not updated), before the scheduler's next minute has closed it, closes it as its deadline
 * does: at the deadline, »Lukket ved fristens udløb«, also with organisations missing (nothing to
 * confirm: the deadline closed it). Before, it was recorded as closed by the chair when pressed,
 * after its deadline, and with organisations missing the chair was asked to confirm a close the
 * deadline had made.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

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

describe('R6: Luk afstemning pressed after the deadline, before the scheduler closed the vote', () => {
  it('R6: closes it at its deadline, as the deadline does, without asking to confirm', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'afstemning Bestyrelsen køber en bus');
    const motionId = lastCardId('Afstemning', 'motionId');
    await press(people.lars, 'vote.cast', { motionId, choice: 'for' });
    // 72 hours on, and a minute: the clock moves, the scheduler has not ticked yet.
    h.clock.set('2026-11-05T10:00:40+01:00');
    const answer = await press(people.anne, 'vote.close', { motionId });
    expect(literal(h.connector.textOf(answer.value as never))).toContain('Lukket ved fristens udløb – torsdag den 5. november 2026 kl. 10.00.');
    const motion = (await h.store.getMotion(motionId))!;
    expect(motion.closeReason).toBe('deadline');
    expect(motion.closedAt).toEqual(motion.deadline);
    expect(motion.closedBy).toBeUndefined();
  });

  it('R6: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = lastCardId('Vote', 'motionId');
    h.clock.set('2026-11-05T10:00:40Z');
    const answer = await press(people.anne, 'vote.close', { motionId, confirm: true });
    expect(literal(h.connector.textOf(answer.value as never))).toContain('Closed at the deadline');
    expect((await h.store.forBoard('forum').getMotion(motionId))!.closeReason).toBe('deadline');
  });
});
