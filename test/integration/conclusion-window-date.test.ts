/**
 * R7, R18: a conclusion outside a meeting is decided when its objection window (48 h) ends
 * without objection. When the bot is down across that moment, the catch-up must record the
 * decision at the window's end (as a vote is recorded closed at its deadline), not at the
 * moment the bot came back: `status` for the month the window ended must count it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { literal } from '../support/markdown.js';
import { ask } from '../support/conversation.js';

let h: Harness;
afterAll(async () => { await h?.close(); });
const tell = async (who: typeof people.anne, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const say = async (who: typeof people.anne, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));

describe('R7/R18: a conclusion decided by its window while the bot was down', () => {
  it('is dated at the end of its objection window, like a vote closed at its deadline', async () => {
    // Thursday 29 January 2026, 10.00 in Copenhagen.
    h = await startInstalledHarness('2026-01-29T09:00:00Z');
    await tell(people.pia, 'møde 12-02-2026 14:00');
    await tell(people.anne, 'punkt Budget beslutning');
    await tell(people.anne, 'konklusion 5 Budgettet godkendes.'); // window ends Saturday 31 January 10.00
    await tell(people.anne, 'afstemning Forslag X'); // deadline Sunday 1 February 10.00
    // The bot is down from Friday until Tuesday 3 February.
    await h.restart('2026-02-03T09:00:00Z');
    const january = await say(people.anne, 'status 01-01-2026 31-01-2026');
    const february = await say(people.anne, 'status 01-02-2026 28-02-2026');
    // The vote is dated at its deadline (correct today)...
    expect(february).toContain('søndag den 1. februar 2026: »Forslag X«');
    // ...the conclusion, whose window ended on 31 January, belongs to January.
    expect(january).toContain('**Afgjort ved konsensus: 1**');
    expect(january).toContain('lørdag den 31. januar 2026: Punkt »Budget« – Budgettet godkendes.');
    expect(february).toContain('**Afgjort ved konsensus: 0**');
    const [conclusion] = await h.store.listConclusions({});
    expect(conclusion?.decidedAt?.toISOString()).toBe('2026-01-31T09:00:00.000Z');
  });
});
