/**
 * R12, R16: a meeting's agenda takes no new item once the meeting's day is over: it was held on
 * that agenda, and its minutes follow it. Before, »punkt 10-12-2026 …« the day after put an item
 * on it (on an agenda never sent, the closing items moved a number on). During the meeting, on its
 * day, an item may still be added; an attachment may be added after (the slides shown at it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2026-12-01T10:00:00+01:00'));
});
afterAll(async () => {
  await bot?.close();
});

const say = async (text: string) => connector.textOf(await ask(bot, connector, people.pia, text));
const titles = async () => {
  const [meeting] = await bot.store.listMeetings({ status: 'planned' });
  return (await bot.store.listAgendaItems(meeting!.id)).map((i) => i.title);
};

describe('an item on the agenda of a meeting held (R12, R16)', () => {
  it('R12: on the meeting\'s day, during it, an item is still added', async () => {
    await say('møde 10-12-2026 14:00');
    await bot.at('2026-12-10T15:00:00+01:00');
    expect(await say('punkt 10-12-2026 Nyt fra driften orientering')).toContain('er sat på dagsordenen');
  });

  it('R16: after its day, an item is refused and nothing changes; an attachment is still added', async () => {
    await bot.at('2026-12-11T09:00:00+01:00');
    const before = await titles();
    expect(await say('punkt 10-12-2026 Glemt punkt')).toBe('Mødet er holdt, og dets dagsorden tager ikke flere punkter. Sæt punktet på et kommende møde. Intet er ændret.');
    expect(await titles()).toEqual(before);
    expect(await say('bilag 10-12-2026 5 https://example.org/slides.pdf')).not.toContain('Intet er ændret');
  });
});
