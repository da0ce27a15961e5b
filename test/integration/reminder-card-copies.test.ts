/**
 * PRODUCT §1.4, §1.9, §4: the card a 1:1 reminder carries (the vote card, a task's card) is a copy
 * of the channel's card, and the outbox keeps it up to date as it keeps the channel's: whenever
 * the channel's card is updated (a vote cast, the vote closed, the task marked done), so is each
 * copy, rendered for its recipient (their buttons, naming the board; the reminder's own words
 * kept). The same coalescing (a copy at most once per UPDATE_INTERVAL_MS, the newest state when
 * the second has passed) and the same guarantees: committed with the change, sent after a kill -9.
 * A 1:1 chat Teams refused (the reminder went to the channel as an @mention) gets no update.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { TestSchemas, pgTestUrl } from '../support/pg-schemas.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterAll(async () => {
  await schemas?.drop();
});

type Action = {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
};
const cardOf = (p: Record<string, unknown>) => (p.attachments as { contentType: string; content: CardJson }[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const buttons = (card: CardJson) => (card.actions ?? []) as Action[];
const inChat = (who: Person) => h!.connector.posts().filter((p) => p.conversationId === personalConversationId(who));
const updatesOf = (post: PostedActivity, since = 0) => h!.connector.updates().filter((u) => u.id === post.id && u.seq >= since);
/** The message as Teams now shows it (the post, or its last update). */
const shown = (post: PostedActivity) => h!.connector.message(post.id)!.activity;

/** A vote on an item, opened Monday 30 November 10:00: it closes Thursday 10:00, its reminder Wednesday 10:00. */
async function voteOnItem(): Promise<{
  motionId: string;
  channelCard: PostedActivity;
}> {
  await h!.send(channelMessage(h!.connector.url, people.pia, 'møde 10-12-2026 14:00'));
  await h!.send(channelMessage(h!.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
  h!.clock.set('2026-11-30T10:00:00+01:00');
  const since = h!.connector.mark();
  await h!.send(channelMessage(h!.connector.url, people.anne, 'afstemning 10-12-2026 5'));
  const channelCard = await h!.connector.waitForPost((p) => p.conversationId.startsWith(CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'), { since });
  const motionId = buttons(cardOf(channelCard)!).find((a) => a.verb === 'vote.cast')!.data.motionId as string;
  return { motionId, channelCard };
}

/** Lars (BK) and Mette (SBS) have 1:1 chats; FOB, SB and SAB have voted; the reminder has gone out: Lars's. */
async function reminded(options: Parameters<typeof startInstalledHarness>[1] = {}): Promise<{
  motionId: string;
  channelCard: PostedActivity;
  reminder: PostedActivity;
}> {
  h = await startInstalledHarness('2026-11-29T09:00:00+01:00', options);
  for (const who of [people.lars, people.mette]) await h.send(personalMessage(h.connector.url, who, 'hjælp'));
  const vote = await voteOnItem();
  for (const who of [people.anne, people.birgitte, people.henrik])
    await h.send(
      cardAction(h.connector.url, who, 'vote.cast', {
        motionId: vote.motionId,
        choice: 'for',
      }),
    );
  await h.at('2026-12-02T10:00:00+01:00');
  const reminder = inChat(people.lars).find((p) => String(p.text).startsWith('Påmindelse:') && cardOf(p))!;
  expect(reminder).toBeDefined();
  return { ...vote, reminder };
}

describe("the vote card in a 1:1 reminder follows the channel's card (PRODUCT §1.4)", () => {
  it("R5: a vote cast in the channel updates Lars's 1:1 card: the vote shown, his words and his buttons kept, naming the board", async () => {
    const { motionId, reminder } = await reminded();
    const since = h!.connector.mark();
    await h!.send(
      cardAction(h!.connector.url, people.mette, 'vote.cast', {
        motionId,
        choice: 'against',
      }),
    );

    const [update, ...more] = updatesOf(reminder, since);
    expect(more).toEqual([]);
    expect(update).toBeDefined();
    expect(update!.conversationId).toBe(personalConversationId(people.lars));
    // The reminder's own words stay (his organisation named), with the card as it now stands.
    expect(update!.text).toBe(reminder.text);
    const card = cardOf(update!)!;
    expect(votesOn(card)).toMatchObject({
      'Skælskør Boligselskab': 'Imod – afgivet af Mette Møller',
      BoligKorsør: 'Har ikke stemt',
    });
    expect(h!.connector.textOf(card)).toContain('For: 3 · Imod: 1 · Undlader: 0 · Mangler: 2');
    // His buttons, as on the copy first sent: naming the board (R19), not the chair's Luk afstemning.
    expect(buttons(card).map((a) => [a.title, a.verb, a.data])).toEqual(buttons(cardOf(reminder)!).map((a) => [a.title, a.verb, a.data]));
    expect(buttons(card).every((a) => a.data.board === h!.store.boardId)).toBe(true);
  });

  it('R5: the copy is updated at most once a second, the newest state when the second has passed; closed, it shows the outcome without buttons', async () => {
    const { motionId, reminder } = await reminded();
    const since = h!.connector.mark();
    await h!.send(
      cardAction(h!.connector.url, people.mette, 'vote.cast', {
        motionId,
        choice: 'against',
      }),
    );
    // Within the same second: held back.
    await h!.send(
      cardAction(h!.connector.url, people.karsten, 'vote.cast', {
        motionId,
        choice: 'abstain',
      }),
    );
    expect(updatesOf(reminder, since)).toHaveLength(1);
    await h!.pass(UPDATE_INTERVAL_MS);
    expect(updatesOf(reminder, since)).toHaveLength(2);
    expect(votesOn(cardOf(shown(reminder))!)).toMatchObject({
      'Slagelse Kommune': 'Undlader – afgivet af Karsten Kjær',
      'Skælskør Boligselskab': 'Imod – afgivet af Mette Møller',
    });

    // The chair closes the vote: the copy says so, and offers no vote any more.
    await h!.pass(UPDATE_INTERVAL_MS);
    await h!.send(
      cardAction(h!.connector.url, people.anne, 'vote.close', {
        motionId,
        confirm: true,
      }),
    );
    await h!.pass(UPDATE_INTERVAL_MS);
    const closed = cardOf(shown(reminder))!;
    expect(h!.connector.textOf(closed)).toContain('Vedtaget');
    expect(buttons(closed).filter((a) => a.verb === 'vote.cast')).toEqual([]);
    expect(shown(reminder).text).toBe(reminder.text);
  });

  for (const [name, where] of [
    ['SQLite', () => ({})],
    ['PostgreSQL', () => ({ postgres: { url: pgTestUrl!, schema: schemas!.fresh() } })],
  ] as const) {
    it.skipIf(name === 'PostgreSQL' && !schemas)(
      `§4: a copy's update held back when the bot is killed (kill -9) is sent after the start, with the newest state (${name})`,
      async () => {
        const { motionId, reminder } = await reminded(where());
        await h!.send(
          cardAction(h!.connector.url, people.mette, 'vote.cast', {
            motionId,
            choice: 'against',
          }),
        );
        await h!.send(
          cardAction(h!.connector.url, people.karsten, 'vote.cast', {
            motionId,
            choice: 'abstain',
          }),
        );
        expect(votesOn(cardOf(shown(reminder))!)).toMatchObject({
          'Slagelse Kommune': 'Har ikke stemt',
        });
        await h!.crash();
        await h!.pass(UPDATE_INTERVAL_MS);
        expect(votesOn(cardOf(shown(reminder))!)).toMatchObject({
          'Slagelse Kommune': 'Undlader – afgivet af Karsten Kjær',
        });
      },
    );
  }

  it('a 1:1 chat Teams refused (the reminder went to the channel as an @mention) gets no update', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    const { motionId, channelCard } = await voteOnItem();
    await h.at('2026-12-02T09:00:00+01:00');
    h.connector.failNext(1, 403);
    await h.at('2026-12-02T10:00:00+01:00');
    await h.pass(60_000);
    const since = h.connector.mark();
    await h.send(
      cardAction(h.connector.url, people.mette, 'vote.cast', {
        motionId,
        choice: 'for',
      }),
    );
    await h.pass(60_000);
    expect(
      h.connector
        .updates()
        .filter((u) => u.seq >= since)
        .map((u) => u.id),
    ).toEqual([channelCard.id]);
    expect(h.connector.requests.slice(since).filter((r) => r.failed)).toEqual([]);
  });
});

describe('a copy whose 1:1 chat Teams refuses after its update was queued (PRODUCT §1.1, §1.4)', () => {
  it("R5: the update meant for Lars's 1:1 card never replaces the @mention that went to the channel instead", async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    const { motionId } = await voteOnItem();
    await h.at('2026-12-02T09:00:00+01:00');
    // The reminder's first request (Lars's 1:1 chat, queued before the channel's @mention) meets a busy Teams: retried.
    const since = h.connector.mark();
    h.connector.failNext(1, 429);
    await h.at('2026-12-02T10:00:00+01:00');
    expect(h.connector.requests.slice(since).filter((r) => r.failed)).toHaveLength(1);
    expect(inChat(people.lars).filter((p) => String(p.text).startsWith('Påmindelse:'))).toEqual([]);
    // Meanwhile a vote is cast: the copy's update is queued behind the reminder not yet sent.
    await h.send(cardAction(h.connector.url, people.mette, 'vote.cast', { motionId, choice: 'for' }));
    // Then Teams refuses the chat for good: the reminder goes to the channel as an @mention of Lars.
    h.connector.failNext(1, 403);
    await h.pass(60_000);
    const mention = h.connector.posts().find((p) => p.seq >= since && p.conversationId.startsWith(CHANNEL_ID) && String(p.text).startsWith('<at>Lars Lund</at>: Påmindelse:'))!;
    expect(mention).toBeDefined();
    expect(cardOf(mention)).toBeUndefined();
    await h.pass(60_000);
    // The @mention stays as it was sent: no personal card of Lars's in the channel.
    expect(updatesOf(mention)).toEqual([]);
    expect(cardOf(shown(mention))).toBeUndefined();
    expect(shown(mention).text).toBe(mention.text);
  });
});

describe("the task card in a 1:1 reminder follows the channel's card (PRODUCT §1.9)", () => {
  it("R16: the task marked done in the channel updates the owner's 1:1 card: done, without Udført, his reminder's words kept", async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await h.send(personalMessage(h.connector.url, people.soeren, 'hjælp'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 7-12-2026 Søren: Bestil nye skilte'));
    await h.at('2026-12-07T08:00:00Z');
    const reminder = inChat(people.soeren).find((p) => cardOf(p) && h!.connector.textOf(p).includes('Bestil nye skilte'))!;
    expect(buttons(cardOf(reminder)!).map((a) => a.verb)).toEqual(['task.done']);
    const taskId = buttons(cardOf(reminder)!)[0]!.data.taskId as string;

    const since = h.connector.mark();
    const res = await h.send(cardAction(h.connector.url, people.anne, 'task.done', { taskId }));
    expect(res.status).toBe(200);
    const [update, ...more] = updatesOf(reminder, since);
    expect(more).toEqual([]);
    expect(update).toBeDefined();
    expect(update!.text).toBe(reminder.text);
    const card = cardOf(update!)!;
    expect(h.connector.textOf(card)).toContain('Udført – markeret af Anne Andersen');
    expect(buttons(card)).toEqual([]);
  });
});
