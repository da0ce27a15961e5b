/**
 * R9, R10: the dates a board's poll proposes keep away from the days off of the board's country
 * (`board.country`, default DK). A British board (country GB) keeps away from the British public
 * holidays, not from the Danish ones nor the Danish school holiday weeks; the Danish board of the
 * same deployment proposes as before. Over HTTP, in process (app-harness.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { ENGLISH } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const GB_CHANNEL = '19:british-board-channel@thread.tacv2';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-country-'));
  writeFileSync(join(dir, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('board:\n', 'board:\n  id: slagelse\n'));
  writeFileSync(join(dir, 'forum.yaml'), ENGLISH('Europe/London', '  country: GB'));
  h = await startHarness({ clockStart: '2026-01-05T09:00:00Z', boardConfig: dir });
  await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse', { conversationId: CHANNEL_ID }));
  await h.send(channelMessage(h.connector.url, people.anne, 'use this channel forum', { conversationId: GB_CHANNEL }));
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const choicesOf = (p: PostedActivity): string[] | undefined =>
  (p.attachments as any[] | undefined)
    ?.find((a) => a.contentType === CARD)
    ?.content?.body?.find((b: any) => b.type === 'Input.ChoiceSet')
    ?.choices?.map((c: any) => c.value);

/** The dates of the poll card a command posts in a channel. */
async function proposed(from: Person, text: string, conversationId: string): Promise<string[]> {
  const since = h.connector.mark();
  await h.send(channelMessage(h.connector.url, from, text, { conversationId }));
  const card = await h.connector.waitForPost((p) => p.conversationId === conversationId && choicesOf(p) !== undefined, { since });
  return choicesOf(card)!;
}

describe("R10: the poll proposes by the board's country (board.country)", () => {
  it('R10: a British board (country GB) may meet in the Danish winter school week (week 7) and on Kristi Himmelfartsdag, which are no days off in GB', async () => {
    expect(await proposed(people.pia, 'plan dates 2026', GB_CHANNEL)).toEqual([
      '2026-02-12',
      '2026-03-12',
      '2026-05-14',
      '2026-06-11',
      '2026-08-13',
      '2026-09-10',
      '2026-11-12',
      '2026-12-10',
    ]);
  });

  it('R10: the Danish board of the same deployment (no board.country: DK) keeps away from them, as before', async () => {
    expect(await proposed(people.pia, 'mødedatoer 2026', CHANNEL_ID)).toEqual([
      '2026-02-19',
      '2026-03-12',
      '2026-05-21',
      '2026-06-11',
      '2026-08-13',
      '2026-09-10',
      '2026-11-12',
      '2026-12-10',
    ]);
  });
});
