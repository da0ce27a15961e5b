/**
 * A redelivery is known by the conversation and the activity id together: Teams' message
 * ids are millisecond timestamps, unique only within one conversation, so two people
 * writing in two conversations in the same millisecond send the same id (found by an audit
 * driving the bot over HTTP: the second person was told it worked, and nothing was stored).
 * A redelivery repeats both, and still has one effect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, cardAction, channelMessage, people, personalConversationId, personalMessage, threadId } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
/** The audit's id: 2026-03-01 09:00:00.000 UTC in milliseconds, as Teams makes a message id. */
const SAME_MILLISECOND = '1772355600000';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cardOf = (p: object) => (p as { attachments?: { content: CardJson }[] }).attachments?.[0]?.content;

/** Opens a vote in the channel; its motion id and the thread its card lives in. */
async function openVote(motion: string): Promise<{ motionId: string; thread: string; cardId: string }> {
  const since = h!.connector.mark();
  await h!.send(channelMessage(h!.connector.url, people.anne, `afstemning ${motion}`));
  const post = await h!.connector.waitForPost((p) => !!cardOf(p) && h!.connector.textOf(p).includes(motion), { since });
  const motionId = (cardOf(post)!.actions!.find((a) => a.verb === 'vote.cast') as { data: { motionId: string } }).data.motionId;
  return { motionId, thread: threadId(CHANNEL_ID, post.id), cardId: post.id };
}

const refreshed = async (motionId: string): Promise<CardJson> => {
  const res = await h!.send(cardAction(h!.connector.url, people.anne, 'vote.refresh', { motionId }));
  expect(res.body.type).toBe(CARD);
  return res.body.value as CardJson;
};

describe('activities with the same id in different conversations (redelivery is per conversation)', () => {
  it('the audit\'s repro: Pia\'s meeting in the channel and Anne\'s vote in her 1:1 chat, the same millisecond, are both stored', async () => {
    h = await startInstalledHarness('2026-03-01T10:00:00+01:00');
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 10-04-2027 14:00', { id: SAME_MILLISECOND }));
    expect((await h.store.listMeetings()).map((m) => m.startsAt.toISOString())).toEqual(['2027-04-10T12:00:00.000Z']);

    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.anne, 'afstemning Samme millisekund', { id: SAME_MILLISECOND }));
    const answer = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.anne) && p.type !== 'typing', { since });
    expect(h.connector.textOf(answer)).toBe('Afstemningen er åbnet i bestyrelsens kanal.');
    expect((await h.store.listMotions()).map((m) => m.text)).toEqual(['Samme millisekund']);
    await h.connector.waitForPost((p) => p.conversationId === CHANNEL_ID && !!cardOf(p) && h!.connector.textOf(p).includes('Samme millisekund'), { since });
  });

  it('two votes on two cards, by two people, with the same invoke id, are both stored', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    const first = await openVote('Budget 2027 godkendes');
    const second = await openVote('Legepladsen fornyes');
    const id = 'f:same-invoke-id';
    const birgitte = await h.send(cardAction(h.connector.url, people.birgitte, 'vote.cast', { motionId: first.motionId, choice: 'for' }, { id, conversationId: first.thread, replyToId: first.cardId }));
    const henrik = await h.send(cardAction(h.connector.url, people.henrik, 'vote.cast', { motionId: second.motionId, choice: 'against' }, { id, conversationId: second.thread, replyToId: second.cardId }));
    expect([birgitte.status, henrik.status]).toEqual([200, 200]);
    const ballots = async (motionId: string) => (await h!.store.listBallots(motionId)).map((b) => [b.castBy, b.choice]);
    expect(await ballots(first.motionId)).toEqual([[expect.stringMatching(/./), 'for']]);
    expect(await ballots(second.motionId)).toEqual([[expect.stringMatching(/./), 'against']]);
    expect(votesOn(await refreshed(second.motionId))['Slagelse Almennyttige Boligselskab']).toBe('Imod – afgivet af Henrik Holm');
  });

  it('an exact redelivery (the same conversation, the same id) is answered and changes nothing', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    const message = channelMessage(h.connector.url, people.anne, 'afstemning Kun en gang', { id: SAME_MILLISECOND });
    await h.send(message);
    const again = await h.send(message); // Teams delivers it again
    expect(again.status).toBeLessThan(300);
    await h.tick();
    expect((await h.store.listMotions()).map((m) => m.text)).toEqual(['Kun en gang']);
    expect(h.connector.posts().filter((p) => !!cardOf(p) && h!.connector.textOf(p).includes('Kun en gang'))).toHaveLength(1);

    const { motionId, thread, cardId } = { ...(await openVote('Legepladsen fornyes')) };
    const press = cardAction(h.connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'for' }, { conversationId: thread, replyToId: cardId });
    await h.send(press);
    await h.send(cardAction(h.connector.url, people.soeren, 'vote.cast', { motionId, choice: 'abstain' }, { conversationId: thread, replyToId: cardId }));
    const pressedAgain = await h.send(press);
    expect(pressedAgain.body.type).toBe(CARD);
    expect((await h.store.listBallots(motionId)).map((b) => b.choice)).toEqual(['abstain']);
    expect(await h.store.listAudit({ action: 'ballot.cast' })).toHaveLength(2);
  });
});
