/**
 * PRODUCT §1.3 with two meetings on one day: an item's heading — on the vote card and the
 * conclusion card, and in the answers that name an item's decision or its reopening — names
 * the meeting with its time, as every other answer does on such a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
  await say(people.pia, 'møde 03-12-2026 10:00');
  await say(people.pia, 'møde 03-12-2026 15:00');
  await say(people.pia, 'møde 08-12-2026 14:00');
});

afterAll(async () => {
  await h?.close();
});

/** The answer under the command (sent in its turn), or '' when it answered with a post of its own (a card). */
async function say(who: Person, text: string): Promise<string> {
  const message = channelMessage(h.connector.url, who, text);
  await h.send(message);
  const answer = h.connector.posts().find((p) => p.replyToId === message.id);
  return answer ? h.connector.textOf(answer) : '';
}
const act = async (who: Person, verb: string, data: Record<string, unknown>) => void (await h.send(cardAction(h.connector.url, who, verb, data)));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const lastCard = (start: string) => h.connector.posts().filter((p) => h.connector.textOf(p).startsWith(start)).at(-1)!;

describe('an item\'s heading on a day with two meetings (PRODUCT §1.3)', () => {
  it('R5: the vote card on an item of the 10.00 meeting names it with its time, and so does the answer to a second vote on it', async () => {
    await h.at('2026-12-03T10:05:00+01:00');
    await say(people.anne, 'afstemning 1');
    expect(h.connector.textOf(lastCard('Afstemning'))).toContain('dagsordenen til mødet torsdag den 3. december 2026 kl. 10.00');
    expect(await say(people.anne, 'afstemning 1')).toContain('dagsordenen til mødet torsdag den 3. december 2026 kl. 10.00');
  });

  it('R7: the conclusion card on an item of the 15.00 meeting names it with its time; its reopening too', async () => {
    await h.at('2026-12-03T15:05:00+01:00');
    await say(people.anne, 'konklusion 1 Dagsordenen godkendes.');
    const card = lastCard('Konklusion');
    expect(h.connector.textOf(card)).toContain('dagsordenen til mødet torsdag den 3. december 2026 kl. 15.00');
    await act(people.anne, 'conclusion.close', { conclusionId: idIn(card, 'conclusionId') });
    expect(await say(people.anne, 'genoptag 1')).toContain('dagsordenen til mødet torsdag den 3. december 2026 kl. 15.00');
  });

  it('R5: on a day with one meeting, the heading names the day alone', async () => {
    await h.at('2026-12-08T14:05:00+01:00');
    await say(people.anne, 'afstemning 1');
    const text = h.connector.textOf(lastCard('Afstemning'));
    expect(text).toContain('dagsordenen til mødet tirsdag den 8. december 2026');
    expect(text).not.toContain('tirsdag den 8. december 2026 kl.');
  });
});
