/**
 * PRODUCT §1.3–§1.5: the day after a meeting, with no meeting planned ahead, a command that takes
 * the current meeting (`konklusion 5 …`, `afstemning 5`, `genoptag 5`, `bilag`,
 * `dagsorden`) finds none. The answer names the meeting held and the date form that reaches it
 * (»konklusion 10-12-2026 <punktnr> <tekst>«), as well as how to plan a new one; a board that has
 * held none is told how to plan one, as before. Over HTTP, in process, the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function board(clockStart: string): Promise<Harness> {
  h = await startInstalledHarness(clockStart);
  return h;
}

const say = async (bot: Harness, from: Person, text: string) => literal(bot.connector.textOf(await ask(bot, bot.connector, from, text)));
const tell = async (bot: Harness, from: Person, text: string) => void (await bot.send(channelMessage(bot.connector.url, from, text)));

const PLAN = 'Der er intet kommende møde. Formandskabet eller sekretæren planlægger et med »møde <dato> <tid>«.';
const held = (when: string, example: string) =>
  `Der er intet kommende møde. Gælder det mødet ${when}, så skriv dets dato: »${example}«. Et nyt møde planlægger formandskabet eller sekretæren med »møde <dato> <tid>«.`;

describe('no meeting ahead, the day after one was held (PRODUCT §1.3–§1.5)', () => {
  it('R7: »konklusion 5 …« on 11 December, after the meeting of the 10th and none planned ahead, points to »konklusion 10-12-2026 …«, which concludes the item', async () => {
    const bot = await board('2026-12-01T10:00:00+01:00');
    await tell(bot, people.pia, 'møde 10-12-2026 14:00');
    await tell(bot, people.anne, 'punkt Budget beslutning');
    await bot.at('2026-12-11T10:00:00+01:00');
    expect(await say(bot, people.anne, 'konklusion 5 Budgettet godkendes.')).toBe(held('torsdag den 10. december 2026', 'konklusion 10-12-2026 <punktnr> <tekst>'));
    expect(await bot.store.listConclusions({})).toHaveLength(0);
    // The advice works.
    await tell(bot, people.anne, 'konklusion 10-12-2026 5 Budgettet godkendes.');
    expect(await bot.store.listConclusions({})).toHaveLength(1);
  });

  it('R6, R7, R12: the other commands on the current meeting\'s items point to their own date form', async () => {
    const bot = await board('2026-12-01T10:00:00+01:00');
    await tell(bot, people.pia, 'møde 10-12-2026 14:00');
    await bot.at('2026-12-11T10:00:00+01:00');
    const when = 'torsdag den 10. december 2026';
    expect(await say(bot, people.anne, 'afstemning 5')).toBe(held(when, 'afstemning 10-12-2026 <punktnr>'));
    expect(await say(bot, people.anne, 'genoptag 5')).toBe(held(when, 'genoptag 10-12-2026 <punktnr>'));
    expect(await say(bot, people.pia, 'bilag 3 https://example.com/regnskab.pdf')).toBe(held(when, 'bilag 10-12-2026 <punktnr> <url>'));
    expect(await say(bot, people.lars, 'dagsorden')).toBe(held(when, 'dagsorden 10-12-2026'));
    // Those that cannot reach a meeting held keep the advice to plan one.
    expect(await say(bot, people.pia, 'udsend dagsorden')).toBe(PLAN);
    expect(await say(bot, people.lars, 'afbud')).toBe(PLAN);
    // R16: nor »punkt«: a meeting held takes no more items on its agenda (agenda-after-meeting.test.ts).
    expect(await say(bot, people.pia, 'punkt Opfølgning')).toBe(PLAN);
  });

  it('R9: the meeting named is the last held; on a day with two, by its time too', async () => {
    const bot = await board('2026-12-01T10:00:00+01:00');
    await tell(bot, people.pia, 'møde 03-12-2026 14:00');
    await tell(bot, people.pia, 'møde 10-12-2026 10:00');
    await tell(bot, people.pia, 'ekstraordinært møde 10-12-2026 15:00 Budget');
    await bot.at('2026-12-14T10:00:00+01:00');
    expect(await say(bot, people.anne, 'konklusion 5 Godkendt.')).toBe(held('torsdag den 10. december 2026 kl. 15.00', 'konklusion 10-12-2026 15:00 <punktnr> <tekst>'));
  });

  it('R9: a board that has held no meeting is told how to plan one, as before', async () => {
    const bot = await board('2026-12-01T10:00:00+01:00');
    expect(await say(bot, people.anne, 'konklusion 5 Godkendt.')).toBe(PLAN);
    expect(await say(bot, people.lars, 'dagsorden')).toBe(PLAN);
    // A meeting cancelled was not held.
    await tell(bot, people.pia, 'møde 03-12-2026 14:00');
    await tell(bot, people.pia, 'aflys møde 03-12-2026');
    await bot.at('2026-12-04T10:00:00+01:00');
    expect(await say(bot, people.anne, 'afstemning 5')).toBe(PLAN);
  });
});
