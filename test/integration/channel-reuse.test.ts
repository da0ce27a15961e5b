/**
 * R19: a channel belongs to at most one board, and a board taken out of the deployment (its
 * file gone) lets go of its channel when another board is bound there. Before, the channel
 * stayed the old board's for good: `brug denne kanal` was refused (»Kanalen bruges allerede
 * af en anden bestyrelse«) in a channel no board served, and only an edit of the database
 * could free it. A board the deployment still serves keeps its channel (the refusal stands).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, botInstalled, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { ENGLISH, mk } from '../support/english-board.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let both: string;
let forumOnly: string;
let h: Harness;

beforeAll(async () => {
  both = mkdtempSync(join(tmpdir(), 'channel-reuse-both-'));
  writeFileSync(join(both, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('board:\n', 'board:\n  id: slagelse\n'));
  writeFileSync(join(both, 'forum.yaml'), ENGLISH());
  forumOnly = mkdtempSync(join(tmpdir(), 'channel-reuse-forum-'));
  writeFileSync(join(forumOnly, 'forum.yaml'), ENGLISH());
  h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: both });
  // The Slagelse board bound to the channel by its chair (Anne chairs both boards).
  expect(await mk(h).say(people.anne, 'brug denne kanal slagelse')).toBe('Bestyrelsen bruger nu denne kanal.');
});
afterAll(async () => {
  await h?.close();
  rmSync(both, { recursive: true, force: true });
  rmSync(forumOnly, { recursive: true, force: true });
});

describe('R19: a channel of a board the deployment no longer serves', () => {
  it('R19: is refused to another board while its board is served', async () => {
    expect(await h.store.forBoard('slagelse').boardOfChannel(CHANNEL_ID)).toBe('slagelse');
    const answer = await mk(h).say(people.anne, 'use this channel forum');
    expect(answer).toContain('Another board uses this channel already');
    expect(await h.store.forBoard('forum').getBinding()).toBeUndefined();
  });

  it('R19: is taken by the board bound there once the old board is out of the deployment; the old board keeps its record', async () => {
    // A post of the old board still waiting (due later): it would go into the channel the other board then uses.
    const binding = await h.store.forBoard('slagelse').getBinding();
    await h.store.forBoard('slagelse').enqueueOutbox({ key: 'left-behind', kind: 'send', conversation: binding!.conversationReference, activity: { type: 'message', text: 'Gammel besked' }, dueAt: new Date('2026-12-05T09:00:00Z') });
    await h.restart('2026-12-02T09:00:00Z', forumOnly);
    // An install there (Teams resends them) binds nothing: it says who binds the board, as in any unbound channel.
    const since = h.connector.mark();
    await h.send(botInstalled(h.connector.url, people.anne));
    const notice = await h.connector.waitForPost(() => true, { since });
    expect(h.connector.textOf(notice)).toContain('use this channel');
    expect(await h.store.forBoard('forum').getBinding()).toBeUndefined();
    const answer = await mk(h).say(people.anne, 'use this channel');
    expect(answer).toBe('The board now uses this channel.');
    expect(await h.store.forBoard('forum').boardOfChannel(CHANNEL_ID)).toBe('forum');
    expect((await h.store.forBoard('forum').getBinding())?.channelId).toBe(CHANNEL_ID);
    expect(await h.store.forBoard('slagelse').getBinding()).toBeUndefined();
    // The old board's record stays (its welcome's audit, its board id among those with records).
    expect(await h.store.listBoardsWithRecords()).toContain('slagelse');
    // The record says which board let go of the channel.
    const [bound] = (await h.store.forBoard('forum').listAudit({ action: 'board.bound' })).slice(-1);
    expect(bound?.data).toMatchObject({ channelId: CHANNEL_ID, takenFrom: 'slagelse' });
    // The old board's waiting posts are given up: were its file to come back, they would not go into this channel.
    expect(await h.store.forBoard('slagelse').getOutbox('left-behind')).toMatchObject({ status: 'failed' });
    // The channel is told which board it now serves (its welcome).
    expect(h.connector.posts().some((p) => h.connector.textOf(p).includes('Housing Forum'))).toBe(true);
  });
});
