/**
 * PRODUCT §1.1: a personal reminder goes to the person's 1:1 chat once they have written there.
 * When Teams refuses that chat for good (403: the user removed the bot's personal app, or
 * blocked it), the reminder reaches them as an @mention in the channel instead, as a reply
 * under a thread that is gone becomes a new post.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a 1:1 reminder Teams refuses for good', () => {
  it('R16: the task reminder to Lars reaches him in the channel when his 1:1 chat is refused (403)', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await h.send(personalMessage(h.connector.url, people.lars, 'opgaver'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 10-12-2026 Lars: Skriv til kommunen'));
    await h.at('2026-12-09T12:00:00Z');
    const since = h.connector.mark();
    // Lars has since removed the bot from his personal apps: Teams answers 403 to the 1:1 chat.
    h.connector.failNext(1, 403);
    await h.at('2026-12-10T08:00:30Z');
    await h.pass(60_000);
    const failed = h.connector.requests.slice(since).filter((r) => r.failed);
    expect(failed.map((r) => decodeURIComponent(r.path))).toEqual([expect.stringContaining('a:1:lars')]);
    // It reaches him in the channel, @mentioned.
    const inChannel = h.connector.posts().filter((p) => p.seq >= since && p.conversationId.startsWith(CHANNEL_ID) && h!.connector.textOf(p).includes('Skriv til kommunen'));
    expect(inChannel, 'the reminder was lost: not sent in the channel as an @mention either').toHaveLength(1);
    expect(h.connector.textOf(inChannel[0])).toContain('<at>Lars Lund</at>');
  });
});
