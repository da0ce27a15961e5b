/**
 * R10 and R15: the yearly standing items (next year's meeting dates, the LBF follow-up) are on
 * one meeting a year. While no agenda carrying one is sent it moves between drafts as meetings
 * are planned and cancelled; once an agenda carrying it is sent (R13: frozen), a meeting planned
 * after does not get it too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let bot: Harness | undefined;
let connector: FakeConnector;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const say = async (text: string) => literal(connector.textOf(await ask(bot!, connector, people.pia, text)));

const LBF = 'Årlig opfølgning på indikatorer i LBF-portalen og målopfyldelse i den strategiske aftale';
const DATES = 'Mødedatoer for det kommende år';

describe('the yearly standing items once a year (R10, R15)', () => {
  it('R15: the LBF follow-up moves to an earlier meeting while nothing is sent', async () => {
    ({ connector, bot } = await startInstalledBoard('2026-08-25T10:00:00+02:00'));
    await say('møde 10-09-2026 14:00');
    expect(await say('dagsorden 10-09-2026')).toContain(LBF);
    await say('møde 08-09-2026 14:00');
    expect(await say('dagsorden 08-09-2026')).toContain(LBF);
    expect(await say('dagsorden 10-09-2026')).not.toContain(LBF);
  });

  it('R15: once the agenda carrying the LBF follow-up is sent, a meeting planned earlier in the year does not get it too', async () => {
    ({ connector, bot } = await startInstalledBoard('2026-08-25T10:00:00+02:00'));
    await say('møde 10-09-2026 14:00');
    await bot.at('2026-09-05T09:00:30+02:00');
    expect(await say('dagsorden 10-09-2026')).toContain(LBF);
    await bot.at('2026-09-06T10:00:00+02:00');
    // Called at short notice: its agenda goes out at once (marked late), without the LBF follow-up.
    expect(await say('møde 08-09-2026 14:00')).toMatch(/^Ordinært møde er indkaldt tirsdag den 8\. september 2026 kl\. 14\.00/);
    expect(await say('dagsorden 08-09-2026')).not.toContain(LBF);
    expect(await say('dagsorden 10-09-2026')).toContain(LBF);
  });

  it('R10: once the agenda carrying next year\'s dates is sent, a later meeting that year does not get them too', async () => {
    ({ connector, bot } = await startInstalledBoard('2026-11-02T10:00:00+01:00'));
    await say('møde 10-12-2026 14:00');
    await bot.at('2026-12-05T09:00:30+01:00');
    expect(await say('dagsorden 10-12-2026')).toContain(DATES);
    await bot.at('2026-12-06T10:00:00+01:00');
    expect(await say('møde 17-12-2026 14:00')).toMatch(/^Ordinært møde er planlagt torsdag den 17\. december 2026 kl\. 14\.00/);
    expect(await say('dagsorden 17-12-2026')).not.toContain(DATES);
    expect(await say('dagsorden 10-12-2026')).toContain(DATES);
    // The meeting whose agenda carried them is cancelled: the item is taken up at the year's other meeting.
    await bot.send(channelMessage(connector.url, people.pia, 'aflys møde 10-12-2026'));
    await connector.waitForPost((p) => connector.textOf(p).includes('10. december 2026 kl. 14.00 er aflyst'));
    expect(await say('dagsorden 17-12-2026')).toContain(DATES);
  });

  it('R10, R15: a sent agenda of another year does not keep the items off this year\'s meetings', async () => {
    ({ connector, bot } = await startInstalledBoard('2026-11-02T10:00:00+01:00'));
    await say('møde 10-12-2026 14:00');
    await bot.at('2026-12-05T09:00:30+01:00');
    await say('møde 14-01-2027 14:00');
    await say('møde 09-12-2027 14:00');
    const january = await say('dagsorden 14-01-2027');
    expect(january).toContain(LBF);
    expect(january).not.toContain(DATES);
    expect(await say('dagsorden 09-12-2027')).toContain(DATES);
  });

  it('R10: next year\'s dates move to a later meeting planned while nothing is sent, and back when it is cancelled', async () => {
    ({ connector, bot } = await startInstalledBoard('2026-11-02T10:00:00+01:00'));
    await say('møde 10-12-2026 14:00');
    await say('møde 17-12-2026 14:00');
    expect(await say('dagsorden 10-12-2026')).not.toContain(DATES);
    expect(await say('dagsorden 17-12-2026')).toContain(DATES);
    await bot.send(channelMessage(connector.url, people.pia, 'aflys møde 17-12-2026'));
    await connector.waitForPost((p) => connector.textOf(p).includes('er aflyst'));
    expect(await say('dagsorden 10-12-2026')).toContain(DATES);
  });
});
