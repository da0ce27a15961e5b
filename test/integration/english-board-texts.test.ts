/**
 * PRODUCT §1, R19: an English board (`locale: en`) is answered in English that reads as an
 * English board secretary writes it, not as Danish put word for word into English: the
 * standing item »Økonomi« is the board's finances, not "Economy".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the standing items on an English board', () => {
  it('R14: the agenda and the minutes call the standing item on the economy "Finances", never "Economy"', async () => {
    const bot = (h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() }));
    const { say, tell } = mk(bot);
    await tell(people.anne, 'use this channel');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    const agenda = await say(people.pia, 'agenda');
    expect(agenda).toContain('3. Finances (for information)');
    expect(agenda).not.toContain('Economy');
    await bot.at('2026-12-10T18:00:00Z');
    // The secretary's draft is a card posted in the channel.
    const since = bot.connector.mark();
    await tell(people.pia, 'minutes');
    const minutes = bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Minutes'), { since }));
    expect(minutes).toContain('**3. Finances** (for information)');
    expect(minutes).not.toContain('Economy');
  });
});
