/**
 * PRODUCT §1.1: commands given in a 1:1 chat whose effect is a post in the board's channel.
 * The user writing in the 1:1 chat must get an answer there (as `afstemning`, `konklusion`,
 * `opgave` and `udsend dagsorden` give: »… i bestyrelsens kanal.«), not silence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, people, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Sends `text` in `who`'s 1:1 chat; returns what the bot said in that chat (typing left out). */
async function dm(who: Person, text: string): Promise<string[]> {
  const since = h!.connector.mark();
  const res = await h!.send(personalMessage(h!.connector.url, who, text));
  expect(res.status).toBeLessThan(300);
  await h!.pass(1500);
  return h!.connector
    .posts()
    .filter((p) => p.seq >= since && p.conversationId === `a:1:${who.key}`)
    .map((p) => h!.connector.textOf(p));
}

describe('1:1: commands that post to the channel answer the writer (bound board)', () => {
  it('flyt møde from a 1:1 chat: the meeting moves and the chair is told so in the chat', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    expect((await dm(people.pia, 'møde 10-12-2026 14:00')).join()).toContain('Ordinært møde er planlagt');
    const answer = await dm(people.anne, 'flyt møde 10-12-2026 til 17-12-2026');
    // The move happened: the channel got »… er flyttet til …«.
    expect(h.connector.posts().some((p) => h!.connector.textOf(p).includes('er flyttet til torsdag den 17. december 2026'))).toBe(true);
    // …but the chair, who wrote in her 1:1 chat, got nothing there.
    expect(answer, 'no answer in the 1:1 chat to »flyt møde«').not.toEqual([]);
  });

  it('aflys møde from a 1:1 chat answers in the chat', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await dm(people.pia, 'møde 10-12-2026 14:00');
    const answer = await dm(people.anne, 'aflys møde 10-12-2026');
    expect(h.connector.posts().some((p) => h!.connector.textOf(p).includes('er aflyst'))).toBe(true);
    expect(answer, 'no answer in the 1:1 chat to »aflys møde«').not.toEqual([]);
  });

  it('anmod om ekstraordinært møde from a 1:1 chat answers in the chat', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const answer = await dm(people.lars, 'anmod om ekstraordinært møde Huslejen i afd. 7');
    expect(h.connector.posts().some((p) => h!.connector.textOf(p).includes('Anmodning om ekstraordinært møde'))).toBe(true);
    expect(answer, 'no answer in the 1:1 chat to »anmod om ekstraordinært møde«').not.toEqual([]);
  });

  it('mødedatoer from a 1:1 chat answers in the chat', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const answer = await dm(people.anne, 'mødedatoer 2027');
    expect(h.connector.posts().some((p) => h!.connector.textOf(p).includes('Mødedatoer for 2027'))).toBe(true);
    expect(answer, 'no answer in the 1:1 chat to »mødedatoer 2027«').not.toEqual([]);
  });

  it('the secretary\'s first »referat« from a 1:1 chat answers in the chat', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await dm(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T15:00:00Z');
    const answer = await dm(people.pia, 'referat');
    expect(h.connector.posts().some((p) => h!.connector.textOf(p).startsWith('Referat'))).toBe(true);
    expect(answer, 'no answer in the 1:1 chat to »referat«').not.toEqual([]);
  });
});

describe('1:1: a board not yet bound to a channel', () => {
  it('flyt møde and aflys møde from a 1:1 chat are answered there, as møde is', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z' });
    expect((await dm(people.pia, 'møde 10-12-2026 14:00')).join()).toContain('Ordinært møde er planlagt');
    expect((await dm(people.pia, 'møde 17-12-2026 14:00')).join()).toContain('Ordinært møde er planlagt');
    expect((await dm(people.anne, 'afstemning Budgettet')).join()).toContain('ikke knyttet til en kanal');
    const moved = await dm(people.anne, 'flyt møde 10-12-2026 til 11-12-2026');
    const cancelled = await dm(people.anne, 'aflys møde 17-12-2026');
    // Both were carried out…
    const meetings = await h.store.listMeetings({});
    expect(meetings.filter((m) => m.status === 'planned').map((m) => m.startsAt.toISOString())).toEqual(['2026-12-11T13:00:00.000Z']);
    // …and, with no channel to tell the board in, the chair is told in her chat (not that the board was).
    expect(moved).toEqual(['Ordinært møde er flyttet til fredag den 11. december 2026 kl. 14.00.']);
    expect(cancelled).toEqual(['Ordinært møde torsdag den 17. december 2026 kl. 14.00 er aflyst.']);
  });
});
