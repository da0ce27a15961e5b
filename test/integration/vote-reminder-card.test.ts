/**
 * PRODUCT §1.4, R5: the vote reminder in a member's 1:1 chat is theirs: it names their own
 * organisation, the vote (the item's heading) and the deadline, and carries the vote card,
 * so that they vote there, on a phone, without looking for the card in the channel. The card
 * is the channel's (the same template, verbs and data), its buttons naming its board (R19: a
 * card given in a 1:1 chat). A vote cast on it is the organisation's one vote, as from the
 * channel: the channel's card shows it, and the answer is the card as it now stands. A press
 * after the vote closed gets the channel's answer and changes nothing. A reminder run again
 * (a crash between its commit and the job's completion) posts nothing twice; a 1:1 chat Teams
 * refuses still gets the @mention in the channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';
import { twoBoardsDir } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const EN_CHANNEL = '19:english-board-channel@thread.tacv2';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Action = { type: string; title: string; verb: string; data: Record<string, unknown> };
const cardOf = (p: PostedActivity) => (p.attachments as { contentType: string; content: CardJson }[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const buttons = (card: CardJson) => (card.actions ?? []) as Action[];
const inChat = (who: Person) => h!.connector.posts().filter((p) => p.conversationId === personalConversationId(who));

/** Planned Tuesday for the Thursday after; the vote opened on its item Monday 10:00 closes Thursday 10:00, its reminder Wednesday 10:00. */
async function voteOnItem(): Promise<{ motionId: string; channelCard: PostedActivity }> {
  await h!.send(channelMessage(h!.connector.url, people.pia, 'møde 10-12-2026 14:00'));
  await h!.send(channelMessage(h!.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
  h!.clock.set('2026-11-30T10:00:00+01:00');
  const since = h!.connector.mark();
  await h!.send(channelMessage(h!.connector.url, people.anne, 'afstemning 10-12-2026 5'));
  const channelCard = await h!.connector.waitForPost((p) => p.conversationId.startsWith(CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'), { since });
  const motionId = buttons(cardOf(channelCard)!).find((a) => a.verb === 'vote.cast')!.data.motionId as string;
  return { motionId, channelCard };
}

describe('the vote reminder in a 1:1 chat carries the vote card (PRODUCT §1.4)', () => {
  it('R5: Lars is told that his organisation has not voted, on which item and by when, and votes on the card there: the channel\'s card shows it, one vote for BoligKorsør', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    const { motionId, channelCard } = await voteOnItem();
    for (const who of [people.anne, people.birgitte, people.henrik]) await h.send(cardAction(h.connector.url, who, 'vote.cast', { motionId, choice: 'for' }));

    await h.at('2026-12-02T10:00:00+01:00');
    const [reminder, ...more] = inChat(people.lars).filter((p) => String(p.text).startsWith('Påmindelse:'));
    expect(more).toEqual([]);
    // His own organisation, the item and the deadline; not the organisations that are not his.
    expect(reminder!.text).toBe(
      'Påmindelse: Din organisation, BoligKorsør (BK), har endnu ikke stemt om forslaget »Budget 2027« (Punkt »Budget 2027« – dagsordenen til mødet torsdag den 10. december 2026). Afstemningen lukker torsdag den 3. december 2026 kl. 10.00. Du kan stemme på kortet herunder.',
    );
    expect(reminder!.text).not.toContain('Skælskør');
    // The vote card, as in the channel, its buttons naming the board; his buttons only (not the chair's Luk afstemning).
    const card = cardOf(reminder!)!;
    expect(card).toBeDefined();
    expect(h.connector.textOf(card)).toContain('Punkt »Budget 2027« – dagsordenen til mødet torsdag den 10. december 2026');
    expect(votesOn(card)).toMatchObject({ BoligKorsør: 'Har ikke stemt', 'Slagelse Boligselskab': 'For – afgivet af Birgitte Bach' });
    const board = h.store.boardId;
    expect(buttons(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['For', 'vote.cast', { motionId, choice: 'for', board }],
      ['Imod', 'vote.cast', { motionId, choice: 'against', board }],
      ['Undlader', 'vote.cast', { motionId, choice: 'abstain', board }],
    ]);
    expect((card as { refresh?: { action: Action } }).refresh?.action).toMatchObject({ verb: 'vote.refresh', data: { motionId, board } });

    // He presses Imod in his 1:1 chat.
    const since = h.connector.mark();
    const against = buttons(card).find((a) => a.title === 'Imod')!;
    const res = await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', against.data, { conversationId: personalConversationId(people.lars), replyToId: reminder!.id }));
    expect(res.body.type).toBe(CARD);
    const answered = res.body.value as CardJson;
    expect(votesOn(answered)).toMatchObject({ BoligKorsør: 'Imod – afgivet af Lars Lund' });
    expect(h.connector.textOf(answered)).toContain('For: 3 · Imod: 1 · Undlader: 0 · Mangler: 2');
    // The card answered in a 1:1 chat names its board too.
    expect(buttons(answered).filter((a) => a.verb === 'vote.cast').every((a) => a.data.board === board)).toBe(true);
    // R5: one ballot for BoligKorsør, cast by Lars; the channel's card shows it.
    expect((await h.store.listBallots(motionId)).filter((b) => b.organisationId === 'BK')).toEqual([expect.objectContaining({ choice: 'against', castBy: people.lars.aadObjectId })]);
    await h.pass(UPDATE_INTERVAL_MS);
    const updated = await h.connector.waitForUpdate((u) => u.id === channelCard.id && h!.connector.textOf(u).includes('Imod – afgivet af Lars Lund'), { since });
    expect(votesOn(cardOf(updated)!)).toMatchObject({ BoligKorsør: 'Imod – afgivet af Lars Lund', 'Fællesorganisationens Boligforening': 'For – afgivet af Anne Andersen' });
    // Nothing new in his chat: the answer was the card.
    expect(inChat(people.lars).filter((p) => p.seq >= since)).toEqual([]);

    // R5: pressed again, as in the channel, the organisation's vote is changed, not added to.
    await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', { ...against.data, choice: 'abstain' }, { conversationId: personalConversationId(people.lars) }));
    expect((await h.store.listBallots(motionId)).filter((b) => b.organisationId === 'BK').map((b) => b.choice)).toEqual(['abstain']);

    // Closed by the chair: a press on the 1:1 card is refused as in the channel, and changes nothing.
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId, confirm: true }));
    const late = await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', against.data, { conversationId: personalConversationId(people.lars) }));
    expect(late.body).toMatchObject({ type: MESSAGE, value: 'Afstemningen er lukket. Der kan ikke længere stemmes.' });
    expect((await h.store.listBallots(motionId)).filter((b) => b.organisationId === 'BK').map((b) => b.choice)).toEqual(['abstain']);
  });

  it('a reminder run again (its job\'s completion lost in a crash) posts no second card, in the 1:1 chat or the channel', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    const { motionId } = await voteOnItem();
    await h.at('2026-12-02T10:00:00+01:00');
    const cards = () => inChat(people.lars).filter((p) => cardOf(p) !== undefined);
    const channelReminders = () => h!.connector.posts().filter((p) => p.conversationId.startsWith(CHANNEL_ID) && h!.connector.textOf(p).includes('Påmindelse:'));
    expect(cards()).toHaveLength(1);
    expect(channelReminders()).toHaveLength(1);
    const job = (await h.store.getJob(`vote.reminder:${motionId}`))!;
    await h.store.scheduleJob({ key: job.key, kind: job.kind, dueAt: new Date('2026-12-02T10:05:00+01:00'), payload: job.payload }, { again: true });
    await h.crash('2026-12-02T10:05:00+01:00');
    await h.tick();
    await h.pass(60_000);
    expect((await h.store.getJob(job.key))?.status).toBe('done');
    // It did run again: the reminder is in the record twice, and posted once.
    expect(await h.store.listAudit({ action: 'reminder.vote' })).toHaveLength(2);
    expect(cards()).toHaveLength(1);
    expect(channelReminders()).toHaveLength(1);
  });

  it('a 1:1 chat Teams refuses (403) gets the @mention in the channel as before, without a card', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    await voteOnItem();
    await h.at('2026-12-02T09:00:00+01:00');
    const since = h.connector.mark();
    h.connector.failNext(1, 403);
    await h.at('2026-12-02T10:00:00+01:00');
    await h.pass(60_000);
    const failed = h.connector.requests.slice(since).filter((r) => r.failed);
    expect(failed.map((r) => decodeURIComponent(r.path))).toEqual([expect.stringContaining('a:1:lars')]);
    const mentioned = h.connector.posts().filter((p) => p.seq >= since && p.conversationId.startsWith(CHANNEL_ID) && String(p.text).startsWith('<at>Lars Lund</at>:'));
    expect(mentioned).toHaveLength(1);
    expect(mentioned[0]!.text).toContain('<at>Lars Lund</at>: Påmindelse: Fællesorganisationens Boligforening (FOB), Slagelse Boligselskab (SB)');
    expect(mentioned[0]!.text).toContain('Stem med knapperne på afstemningskortet i bestyrelsens kanal.');
    expect(mentioned[0]!.attachments ?? []).toEqual([]);
  });
});

describe('on an English board served beside the Danish one (R19)', () => {
  it('R5: the reminder in English names his organisation; his press on its card acts on the English board without asking which', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
    await h.send(channelMessage(h.connector.url, people.anne, 'use this channel forum', { conversationId: EN_CHANNEL }));
    // Lars sits on both boards: asked which, his 1:1 chat is his on each.
    await h.send(personalMessage(h.connector.url, people.lars, 'help'));
    h.clock.set('2026-11-30T10:00:00Z');
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.anne, 'vote The forum adopts the 2027 budget', { conversationId: EN_CHANNEL }));
    const channelCard = await h.connector.waitForPost((p) => p.conversationId.startsWith(EN_CHANNEL) && JSON.stringify(p).includes('vote.cast'), { since });
    const motionId = buttons(cardOf(channelCard)!).find((a) => a.verb === 'vote.cast')!.data.motionId as string;
    await h.send(cardAction(h.connector.url, people.anne, 'vote.cast', { motionId, choice: 'for' }, { conversationId: EN_CHANNEL }));

    await h.at('2026-12-02T10:00:00Z');
    const reminder = inChat(people.lars).find((p) => String(p.text).includes('Reminder:'))!;
    expect(reminder.text).toBe(
      '*Housing Forum*\n\nReminder: Your organisation, Gamma Council (C), has not yet voted on the motion "The forum adopts the 2027 budget". The vote closes on Thursday 3 December 2026 at 10:00. You can vote on the card below.',
    );
    const card = cardOf(reminder)!;
    expect(buttons(card).map((a) => [a.title, a.data.board])).toEqual([
      ['For', 'forum'],
      ['Against', 'forum'],
      ['Abstain', 'forum'],
    ]);
    const res = await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', buttons(card)[1]!.data, { conversationId: personalConversationId(people.lars) }));
    expect(res.body.type).toBe(CARD);
    expect(votesOn(res.body.value as CardJson)).toMatchObject({ 'Gamma Council': 'Against – cast by Lars Lund' });
    expect((await h.store.forBoard('forum').listBallots(motionId)).map((b) => [b.organisationId, b.choice])).toEqual([
      ['A', 'for'],
      ['C', 'against'],
    ]);
  });
});
