/**
 * R5, PRODUCT §1.4: the announcement of a vote on an agenda item names the item (its title
 * and meeting), as the vote card does, under the exact first line: read in the channel on a phone,
 * »Forslag: Budget 2027« alone does not say which item of which meeting was decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
  await tell(people.pia, 'møde 08-12-2026 14:00');
  await tell(people.pia, 'punkt 08-12-2026 Budget 2027 beslutning');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => void (await h.send(cardAction(h.connector.url, who, verb, data)));
const texts = () => h.connector.posts().map((p) => literal(h.connector.textOf(p)));

describe('the announcement of a vote on an item (R5)', () => {
  it('R5: names the item under the outcome line; a free motion has no such line', async () => {
    await h.at('2026-12-08T14:05:00+01:00');
    await tell(people.anne, 'afstemning 5');
    const card = h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Afstemning')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    await act(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await act(people.anne, 'vote.close', { motionId, confirm: true });
    const outcome = texts().find((t) => t.startsWith('Ikke vedtaget: 1 for') || t.startsWith('Vedtaget: 1 for'))!;
    const [first, second, third] = outcome.split('\n\n');
    expect(first).toBe('Vedtaget: 1 for, 0 imod, 0 undlader');
    expect(second).toBe('Punkt »Budget 2027« – dagsordenen til mødet tirsdag den 8. december 2026');
    expect(third).toBe('Forslag: Budget 2027');

    await tell(people.anne, 'afstemning Bestyrelsen holder julefrokost');
    const free = h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Afstemning')).at(-1)!;
    const freeId = /"motionId":"([^"]+)"/.exec(JSON.stringify(free))![1]!;
    await act(people.anne, 'vote.cast', { motionId: freeId, choice: 'against' });
    await act(people.anne, 'vote.close', { motionId: freeId, confirm: true });
    const freeOutcome = texts().find((t) => t.startsWith('Ikke vedtaget: 0 for, 1 imod'))!;
    expect(freeOutcome.split('\n\n')[1]).toBe('Forslag: Bestyrelsen holder julefrokost');
  });
});
