/**
 * PRODUCT §1.1: the board moved to another channel (`brug denne kanal`): each card that still
 * takes presses is posted anew there, rendered as it stands (its file links and refresh fresh),
 * its updates and thread replies following it; a card whose buttons are over is not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { CHANNEL_ID, OTHER_CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';

const m = messages('da');
const CARD = 'application/vnd.microsoft.card.adaptive';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const channelOf = (p: { conversationId: string }) => p.conversationId.split(';')[0];
const cardOf = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const motionOf = (p: PostedActivity) => (cardOf(p)?.actions?.find((a: any) => a.verb === 'vote.cast')?.data as { motionId?: string } | undefined)?.motionId;
const say = async (who: Person, text: string, conversationId = CHANNEL_ID) =>
  void expect((await h!.send(channelMessage(h!.connector.url, who, text, { conversationId }))).status).toBeLessThan(300);

describe('R8: cards that take a dissent, after a move', () => {
  it('R8: a closed vote with an Imod: its card, with Særstandpunkt, is posted in the new channel', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    let since = h.connector.mark();
    await say(people.anne, 'afstemning Kontoret males hvidt');
    const post = await h.connector.waitForPost((p) => motionOf(p) !== undefined, { since });
    const motionId = motionOf(post)!;
    await h.send(cardAction(h.connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'against' }, { replyToId: post.id }));
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId, confirm: true }, { replyToId: post.id }));
    await h.pass(1500);

    since = h.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    await h.pass(1500);
    const inNew = h.connector.posts().filter((p) => p.seq > since && channelOf(p) === OTHER_CHANNEL_ID);
    // Birgitte tries the old card's Særstandpunkt: refused there (the notice said so)...
    const old = await h.send(cardAction(h.connector.url, people.birgitte, 'vote.dissent', { motionId, text: 'SB er imod' }, { replyToId: post.id }));
    expect(old.body).toMatchObject({ value: m.trust.elsewhere });
    // ...and pressed on the card posted in the new channel.
    expect(inNew.some((p) => JSON.stringify(cardOf(p) ?? {}).includes('vote.dissent'))).toBe(true);
  });
});

describe('R16: the minutes card posted anew, with fresh links', () => {
  it('minutes drafted 40 days before the move: the reposted card\'s Markdown link still opens', async () => {
    h = await startInstalledHarness('2026-11-20T10:00:00+01:00');
    await say(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T17:00:00+01:00');
    await say(people.pia, 'referat 03-12-2026');
    await h.at('2027-01-12T10:00:00+01:00');
    const since = h.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    const reposted = await h.connector.waitForPost((p) => channelOf(p) === OTHER_CHANNEL_ID && (p.attachments as any[] | undefined)?.some((a) => a.contentType === 'text/markdown'), { since });
    const url = new URL((reposted.attachments as any[]).find((a) => a.contentType === 'text/markdown').contentUrl);
    const res = await fetch(`${h.url}${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
  });
});

describe('R16: attendance while the card posted anew is not yet sent', () => {
  it('a *Jeg deltager* between the move and the repost\'s send shows on the new card', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    await say(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T14:05:00+01:00');
    const card = h.connector.posts().find((p) => JSON.stringify(cardOf(p) ?? {}).includes('attendance.join'))!;
    expect(card).toBeDefined();
    const meetingId = (cardOf(card).actions.find((a: any) => a.verb === 'attendance.join').data as { meetingId: string }).meetingId;

    const since = h.connector.mark();
    // Teams is briefly unwell: the posts of the move are retried a second later.
    h.connector.failNext(20, 503);
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    // Birgitte joins in the new channel meanwhile (the answer is her card)... on the old card id, the only one there is yet.
    const join = await h.send(cardAction(h.connector.url, people.birgitte, 'attendance.join', { meetingId }, { conversationId: OTHER_CHANNEL_ID }));
    expect(join.status).toBe(200);
    for (let i = 0; i < 12; i++) await h.pass(1000);
    const reposted = h.connector.posts().filter((p) => p.seq > since && channelOf(p) === OTHER_CHANNEL_ID && JSON.stringify(cardOf(p) ?? {}).includes('attendance.join'));
    expect(reposted).toHaveLength(1);
    const shown = JSON.stringify(h.connector.message(reposted[0]!.id)!.activity);
    expect(await h.store.listAttendees(meetingId)).toHaveLength(1);
    expect(shown).toContain('Birgitte Bach');
  });
});

describe('R13: a thread reply pending at the move', () => {
  it('a notice under the agenda still backing off (Teams 503) at the move goes under the new agenda post, in the new channel', async () => {
    h = await startInstalledHarness('2026-11-20T10:00:00+01:00');
    await say(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-05T09:00:30+01:00');
    const meeting = (await h.store.listMeetings({ status: 'planned' }))[0]!;
    const agendaKey = `meeting:${meeting.id}:agenda`;
    const agenda = (await h.store.getOutbox(agendaKey))!;
    expect(agenda.sentActivityId).toBeDefined();
    // As the publisher queues the notice under the agenda (agenda/reactions.ts underAgenda), and as it
    // stands after a 503: pending, due again a little later (sender.ts retryLater).
    await h.store.enqueueOutbox({
      key: `${agendaKey}:added:probe`, kind: 'send', conversation: agenda.conversation,
      activity: { type: 'message', text: 'Punkt 7 er tilføjet dagsordenen efter udsendelsen.' },
      repliesToKey: agendaKey, fallback: { conversation: agenda.conversation, activity: { type: 'message', text: 'Punkt 7 (ny post)' } },
      dueAt: new Date(h.clock().getTime() + 4000),
    });
    const since = h.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    for (let i = 0; i < 6; i++) await h.pass(1000);
    const all = h.connector.posts().filter((p) => p.seq > since);
    const newAgenda = all.find((p) => channelOf(p) === OTHER_CHANNEL_ID && JSON.stringify(p).includes('Dagsorden') && !p.conversationId.includes(';messageid='))!;
    const notice = all.find((p) => h!.connector.textOf(p).startsWith('Punkt 7'))!;
    expect(notice.conversationId).toBe(`${OTHER_CHANNEL_ID};messageid=${newAgenda.id}`);
  });
});

describe('R8: a decided conclusion after a move', () => {
  it('R8: closed by the chair, then the board moves: its card, with Særstandpunkt, is posted in the new channel', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt Budget 2027 beslutning');
    await h.at('2026-11-26T14:30:00+01:00');
    await say(people.anne, 'konklusion 5 Budget 2027 godkendes som fremlagt.');
    const card = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Konklusion'));
    const conclusionId = JSON.stringify(card).match(/"conclusionId":"([^"]+)"/)![1]!;
    expect((await h.send(cardAction(h.connector.url, people.anne, 'conclusion.close', { conclusionId }, { replyToId: card.id }))).status).toBe(200);
    const since = h.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    await h.pass(1500);
    const old = await h.send(cardAction(h.connector.url, people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB tager forbehold' }, { replyToId: card.id }));
    expect(old.body).toMatchObject({ value: m.trust.elsewhere });
    const inNew = h.connector.posts().filter((p) => p.seq > since && channelOf(p) === OTHER_CHANNEL_ID);
    expect(inNew.some((p) => JSON.stringify(cardOf(p) ?? {}).includes('conclusion.dissent'))).toBe(true);
  });
});

describe('R16: yesterday\'s attendance card after a move', () => {
  it('the day after the meeting, the move reposts no attendance card whose *Jeg deltager* is refused', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    await say(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T14:05:00+01:00');
    await h.at('2026-12-04T10:00:00+01:00');
    // The meeting's attendance card went out on its day.
    expect(h.connector.posts().filter((p) => JSON.stringify(cardOf(p) ?? {}).includes('attendance.join'))).toHaveLength(1);
    const since = h.connector.mark();
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    await h.pass(1500);
    const reposted = h.connector.posts().filter((p) => p.seq > since && channelOf(p) === OTHER_CHANNEL_ID && JSON.stringify(cardOf(p) ?? {}).includes('attendance.join'));
    expect(reposted).toEqual([]);
  });
});

describe('R13: a notice under an agenda not posted anew (its meeting under way at the move)', () => {
  it('goes into the board\'s new channel as a post of its own, never into the thread in the channel left', async () => {
    h = await startInstalledHarness('2026-11-20T10:00:00+01:00');
    await say(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-05T09:00:30+01:00');
    const agenda = h.connector.posts().find((p) => h!.connector.textOf(p).includes('Dagsorden'))!;
    expect(channelOf(agenda)).toBe(CHANNEL_ID);
    await h.at('2026-12-10T14:30:00+01:00');
    await say(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID);
    const since = h.connector.mark();
    await say(people.pia, 'punkt Vinduer i Motorvejsparken orientering', OTHER_CHANNEL_ID);
    for (let i = 0; i < 3; i++) await h.pass(1000);
    const notice = h.connector.posts().find((p) => p.seq > since && h!.connector.textOf(p).includes('er tilføjet dagsordenen efter udsendelse'));
    expect(notice, 'a notice of the item added after the agenda went out').toBeDefined();
    expect(notice!.conversationId).toBe(OTHER_CHANNEL_ID);
    expect(h.connector.posts().filter((p) => p.seq > since && channelOf(p) === CHANNEL_ID)).toEqual([]);
  });
});
