/**
 * PRODUCT §1.1: `brug denne kanal` in another channel moves the board there; the channel left
 * no longer answers its cards' buttons. So the cards that still take presses are posted anew in
 * the new channel, as they stand, after the welcome, and their updates go there: an open vote
 * moved with its board can still be voted on (R5), not only closed at its deadline with the
 * organisations missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';
import { CHANNEL_ID, OTHER_CHANNEL_ID, type Person, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import type { CardJson } from '../support/cards.js';
import type { PostedActivity } from '../support/fake-connector.js';

const m = messages('da');
const CARD = 'application/vnd.microsoft.card.adaptive';
let bot: Harness;

beforeAll(async () => {
  bot = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00' });
  await bot.send(botInstalled(bot.connector.url, people.anne));
});

afterAll(async () => {
  await bot?.close();
});

const channelOf = (post: PostedActivity) => post.conversationId.split(';')[0];
const cardOf = (post: PostedActivity) => (post as unknown as { attachments?: { content: CardJson }[] }).attachments?.[0]?.content;
const motionOf = (post: PostedActivity) => (cardOf(post)?.actions?.find((a) => a.verb === 'vote.cast')?.data as { motionId?: string } | undefined)?.motionId;

async function say(from: Person, text: string, conversationId = CHANNEL_ID): Promise<void> {
  const res = await bot.send(channelMessage(bot.connector.url, from, text, { conversationId }));
  expect(res.status).toBeLessThan(300);
}

async function openVote(text: string): Promise<{ post: PostedActivity; motionId: string }> {
  const since = bot.connector.mark();
  await say(people.anne, `afstemning ${text}`);
  const post = await bot.connector.waitForPost((p) => motionOf(p) !== undefined && bot.connector.textOf(p).includes(text), { since });
  return { post, motionId: motionOf(post)! };
}

async function press(from: Person, data: Record<string, unknown>, conversationId: string, replyToId: string) {
  const res = await bot.send(cardAction(bot.connector.url, from, 'vote.cast', data, { conversationId, replyToId }));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: unknown };
}

describe('the board moved to another channel, with a vote open', () => {
  let open: { post: PostedActivity; motionId: string };
  let moved: PostedActivity;

  it('R5: the open vote\'s card is posted anew in the new channel as it stands, after the welcome; a closed vote\'s is not', async () => {
    const closed = await openVote('Kontoret males hvidt');
    await press(people.anne, { motionId: closed.motionId, choice: 'for' }, CHANNEL_ID, closed.post.id);
    const close = await bot.send(cardAction(bot.connector.url, people.anne, 'vote.close', { motionId: closed.motionId, confirm: true }));
    expect(close.status).toBe(200);
    open = await openVote('Budgettet for 2027 godkendes');
    await press(people.henrik, { motionId: open.motionId, choice: 'for' }, CHANNEL_ID, open.post.id);

    const since = bot.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    moved = await bot.connector.waitForPost((p) => channelOf(p) === OTHER_CHANNEL_ID && motionOf(p) === open.motionId, { since });
    const inNew = bot.connector.posts().filter((p) => p.seq > since && channelOf(p) === OTHER_CHANNEL_ID);
    const welcome = inNew.findIndex((p) => bot.connector.textOf(p).startsWith('Goddag'));
    expect(welcome).toBeGreaterThanOrEqual(0);
    expect(inNew.findIndex((p) => p.id === moved.id)).toBeGreaterThan(welcome);
    // As it stands: Henrik's vote is on it.
    expect(bot.connector.textOf(moved)).toContain('For – afgivet af Henrik Holm');
    expect(inNew.filter((p) => motionOf(p) === closed.motionId)).toEqual([]);
    // The channel left is told that its buttons no longer work there.
    expect(bot.connector.posts().filter((p) => p.seq > since && channelOf(p) === CHANNEL_ID).map((p) => bot.connector.textOf(p))).toContain(m.bind.moved);
  });

  it('R5: a member votes on the new card; the card updated is the new one, in the new channel', async () => {
    const answer = await press(people.birgitte, { motionId: open.motionId, choice: 'against' }, OTHER_CHANNEL_ID, moved.id);
    expect(answer.type).toBe(CARD);
    const since = bot.connector.mark();
    await bot.pass(UPDATE_INTERVAL_MS);
    const update = await bot.connector.waitForUpdate((u) => bot.connector.textOf(u).includes('Imod – afgivet af Birgitte Bach'), { since });
    expect(update.id).toBe(moved.id);
    expect(channelOf(update)).toBe(OTHER_CHANNEL_ID);
    // The card left in the old channel says it has moved, and has no buttons.
    const left = bot.connector.updates().find((u) => u.id === open.post.id && bot.connector.textOf(u).includes(m.bind.cardMoved));
    expect(left).toBeDefined();
    expect(JSON.stringify(left)).not.toContain('Action.Execute');
    // Pressed anyway (a copy still open on a phone), it is refused, as the notice said.
    const old = await bot.send(cardAction(bot.connector.url, people.mette, 'vote.cast', { motionId: open.motionId, choice: 'for' }, { conversationId: CHANNEL_ID, replyToId: open.post.id }));
    expect(old.body).toMatchObject({ value: m.trust.elsewhere });
  });

  it('moved back, the card is posted anew in the first channel, again as it stands', async () => {
    const since = bot.connector.mark();
    await say(people.anne, 'brug denne kanal', CHANNEL_ID);
    const back = await bot.connector.waitForPost((p) => channelOf(p) === CHANNEL_ID && motionOf(p) === open.motionId, { since });
    expect(back.id).not.toBe(open.post.id);
    expect(bot.connector.textOf(back)).toContain('Imod – afgivet af Birgitte Bach');
  });
});

describe('the board moved, with an open task and a done one', () => {
  it('the open task\'s card (its owner marks it done from it) is posted anew; the done one\'s is not', async () => {
    const taskCard = (p: PostedActivity, text: string) => cardOf(p) !== undefined && bot.connector.textOf(p).includes(text);
    let since = bot.connector.mark();
    await say(people.anne, 'opgave 10-12-2026 Birgitte: Indhent tilbud på vinduer');
    const open = await bot.connector.waitForPost((p) => taskCard(p, 'Indhent tilbud på vinduer'), { since });
    await say(people.anne, 'opgave 10-12-2026 Henrik: Bestil revision');
    const done = await bot.connector.waitForPost((p) => taskCard(p, 'Bestil revision'), { since });
    const taskId = (cardOf(done)!.actions!.find((a) => a.verb === 'task.done')!.data as { taskId: string }).taskId;
    expect((await bot.send(cardAction(bot.connector.url, people.henrik, 'task.done', { taskId }, { replyToId: done.id }))).status).toBe(200);

    since = bot.connector.mark();
    await say(people.anne, 'brug denne kanal', OTHER_CHANNEL_ID);
    const again = await bot.connector.waitForPost((p) => channelOf(p) === OTHER_CHANNEL_ID && taskCard(p, 'Indhent tilbud på vinduer'), { since });
    expect(again.id).not.toBe(open.id);
    expect(bot.connector.posts().filter((p) => p.seq > since && taskCard(p, 'Bestil revision'))).toEqual([]);
  });
});

describe('the board moved, with a petition under way (R11)', () => {
  it('R11: its card, which members support from, is posted anew with its supports', async () => {
    const petitionCard = (p: PostedActivity) => JSON.stringify(cardOf(p) ?? {}).includes('petition.support');
    let since = bot.connector.mark();
    await say(people.birgitte, 'anmod om ekstraordinært møde Renovering af Motorvejsparken', OTHER_CHANNEL_ID);
    const card = await bot.connector.waitForPost(petitionCard, { since });
    const petitionId = (cardOf(card)!.actions!.find((a) => a.verb === 'petition.support')!.data as { petitionId: string }).petitionId;
    expect((await bot.send(cardAction(bot.connector.url, people.henrik, 'petition.support', { petitionId }, { conversationId: OTHER_CHANNEL_ID, replyToId: card.id }))).status).toBe(200);

    since = bot.connector.mark();
    await say(people.anne, 'brug denne kanal', CHANNEL_ID);
    const again = await bot.connector.waitForPost((p) => channelOf(p) === CHANNEL_ID && petitionCard(p), { since });
    expect(bot.connector.textOf(again)).toContain('Henrik Holm');
  });
});
