/**
 * R12, R13: a draft agenda's numbers move until it is sent (an item added before the closing
 * items, the tasks' follow-up appearing). A vote or a conclusion made on an item of a draft
 * names the item by its title only, so that no card, minutes or `status` shows a number the
 * item no longer has; made on a sent agenda (numbers frozen), it names the number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let bot: Harness;
let connector: FakeConnector;
/** Mødedatoer's number when the vote was opened on the draft, and once the agenda changed. */
let stale = '';
let now = '';

beforeAll(async () => {
  ({ bot, connector } = await startInstalledBoard('2026-12-01T09:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (text: string, from = people.anne) => literal(connector.textOf(await ask(bot, connector, from, text)));

/** The number an item has on the agenda as `dagsorden` shows it now. */
async function numberOf(title: string): Promise<number> {
  const line = (await say('dagsorden')).split('\n').find((l) => l.includes(title));
  expect(line, `${title} on the agenda`).toBeDefined();
  return Number(/(\d+)\./.exec(line!)![1]);
}

describe('decisions on a draft agenda name the item by its title (R12, R13)', () => {
  it('a vote opened on a draft item keeps no number the item loses when the draft changes', async () => {
    expect(await say('møde 10-12-2026 14:00 Rådhuset')).toContain('10. december 2026');
    const before = await numberOf('Mødedatoer');
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, `afstemning ${before}`));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'), { since });
    expect(literal(connector.textOf(card))).toContain('Punkt »Mødedatoer for det kommende år« – dagsordenen til mødet torsdag den 10. december 2026');
    expect(literal(connector.textOf(card))).not.toContain(`${before}. Mødedatoer`);
    expect(literal(connector.textOf(card))).not.toContain('»»');

    // An item added before the closing items moves Mødedatoer down one.
    await say('punkt Ny legeplads beslutning');
    expect(await numberOf('Mødedatoer')).toBe(before + 1);

    const motionId = JSON.stringify(card).match(/"motionId":"([^"]+)"/)![1]!;
    const refreshed = literal(JSON.stringify((await bot.send(cardAction(connector.url, people.anne, 'vote.refresh', { motionId }))).body));
    expect(refreshed).not.toContain(`${before}. Mødedatoer`);
    expect(refreshed).toContain('Mødedatoer');
    stale = `${before}. Mødedatoer`;
    now = `${before + 1}. Mødedatoer`;
  });

  it('on a sent agenda (numbers frozen) a decision names the item\'s number', async () => {
    await bot.send(channelMessage(connector.url, people.anne, 'udsend dagsorden'));
    const number = await numberOf('Ny legeplads');
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, `afstemning ${number}`));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning') && connector.textOf(p).includes('Ny legeplads'), { since });
    expect(literal(connector.textOf(card))).toContain(`${number}. Ny legeplads`);
  });

  it('the minutes put the draft\'s vote under its item as the sent agenda numbers it, and name no old number (R16)', async () => {
    await bot.at('2026-12-10T17:00:00+01:00');
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.pia, 'referat'));
    const minutes = literal(connector.textOf(await connector.waitForPost((p) => connector.textOf(p).startsWith('Referat'), { since })));
    expect(minutes).not.toContain(stale);
    // Under the item's heading, before the next item's.
    const start = minutes.indexOf(now);
    expect(start).toBeGreaterThan(-1);
    const next = minutes.indexOf(`${Number(now.split('.')[0]) + 1}. `, start);
    expect(minutes.slice(start, next === -1 ? undefined : next)).toContain('Afstemning: Mødedatoer for det kommende år');
    // The vote closed at its deadline: status quotes its motion once.
    const report = await say('status 01-12-2026 31-12-2026');
    expect(report).toContain('- fredag den 4. december 2026: »Mødedatoer for det kommende år« – ');
    expect(report).not.toContain('»»');
  });

  it('an item the bot itself puts on a draft (the tasks\' follow-up) is decided only once the agenda has fixed it as an item: before that, refused', async () => {
    await bot.send(channelMessage(connector.url, people.anne, 'opgave 11-12-2026 Birgitte: Skriv notatet'));
    await bot.at('2026-12-12T09:00:00+01:00');
    expect(await say('møde 21-12-2026 14:00')).toContain('21. december 2026');
    const n = await numberOf('Opfølgning på opgaver');
    const text = 'Opgaverne følges op.';
    for (const command of [`konklusion 21-12-2026 ${n} ${text}`, `afstemning 21-12-2026 ${n}`]) {
      expect(await say(command)).toBe(
        `Punkt ${n} på dagsordenen til mødet mandag den 21. december 2026 sættes på af botten selv og får først sin faste plads, når dagsordenen udsendes. Det kan konkluderes eller sættes til afstemning derefter. Intet er ændret.`,
      );
    }
    expect(connector.posts().some((p) => connector.textOf(p).includes(text))).toBe(false);
  });
});
