/**
 * Fifteen meetings on one day, each with an agenda that falls due at the same
 * moment: a batch of posts for the durability tests (PRODUCT §4).
 */
import { expect } from 'vitest';
import { CHANNEL_ID, botInstalled, people } from './activities.js';
import { type BotEndpoint, ask } from './conversation.js';
import type { FakeConnector, PostedActivity } from './fake-connector.js';

export const AGENDAS = 15;
/** When the meetings are planned. */
export const PLAN_AT = '2026-12-01T10:00:00+01:00';
/** The agendas of the meetings on 17 December are due on 12 December at 09:00: just after. */
export const DUE_AT = '2026-12-12T09:00:30+01:00';
/** 08:00, 08:30 … 15:00 on 17 December. */
export const MEETING_TIMES = Array.from({ length: AGENDAS }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export const isAgenda = (connector: FakeConnector) => (p: PostedActivity) =>
  p.conversationId === CHANNEL_ID && connector.textOf(p).startsWith('Dagsorden');

/** How often each meeting's agenda reached the channel, by the meeting's time as the agenda writes it ("08.30"). */
export function agendaCounts(connector: FakeConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of connector.posts().filter(isAgenda(connector))) {
    // \s: the card heading holds the time to "kl." with a no-break space (timeUnbroken).
    const time = /17\. december 2026 kl\.\s(\d\d\.\d\d)/.exec(connector.textOf(post))?.[1] ?? '?';
    counts.set(time, (counts.get(time) ?? 0) + 1);
  }
  return counts;
}

/** Installs the bot in the board channel (by the chair) and plans the fifteen meetings (by the secretary). */
export async function installAndPlanMeetings(bot: BotEndpoint, connector: FakeConnector): Promise<void> {
  await bot.send(botInstalled(connector.url, people.anne));
  await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));
  for (const time of MEETING_TIMES) {
    expect(connector.textOf(await ask(bot, connector, people.pia, `møde 17-12-2026 ${time}`))).toMatch(/^Ordinært møde er planlagt/);
  }
}

/** Polls (bounded) until `done` holds; `describe` says what is missing when it gives up. */
export async function until(done: () => Promise<boolean>, describe: () => Promise<string>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not settled within ${timeoutMs} ms: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
