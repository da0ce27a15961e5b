/**
 * Crossings of today's features: the 1:1 card copies (card_copies) with the board moving to
 * another channel (`brug denne kanal`: the live cards posted anew there).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, OTHER_CHANNEL_ID, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';
import type { PostedActivity } from '../support/fake-connector.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
type Action = { verb: string; data: Record<string, unknown> };
const cardOf = (p: Record<string, unknown>) => (p.attachments as { contentType: string; content: CardJson }[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const buttons = (card: CardJson) => (card.actions ?? []) as Action[];
const shown = (post: PostedActivity) => h!.connector.message(post.id)!.activity;

describe('1:1 card copies × the board moving channel (PRODUCT §1.1, §1.4)', () => {
  it('R5: after the move, a vote cast still updates the 1:1 copy; the copy is never replaced by the »moved« card and its buttons still act', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 10-12-2026 14:00'));
    await h.send(channelMessage(h.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
    h.clock.set('2026-11-30T10:00:00+01:00');
    let since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning 10-12-2026 5'));
    const channelCard = await h.connector.waitForPost((p) => p.conversationId.startsWith(CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'), { since });
    const motionId = buttons(cardOf(channelCard)!).find((a) => a.verb === 'vote.cast')!.data.motionId as string;
    await h.at('2026-12-02T10:00:00+01:00');
    const reminder = h.connector.posts().find((p) => p.conversationId === personalConversationId(people.lars) && String(p.text).startsWith('Påmindelse:') && cardOf(p))!;
    expect(reminder).toBeDefined();

    since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.pia, 'brug denne kanal', { conversationId: OTHER_CHANNEL_ID }));
    await h.pass(2000);
    // The channel's card is posted anew in the new channel; the copy stays in Lars's chat, untouched.
    const reposted = h.connector.posts().find((p) => p.seq >= since && p.conversationId.startsWith(OTHER_CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'));
    expect(reposted).toBeDefined();
    expect(h.connector.updates().filter((u) => u.seq >= since && u.id === reminder.id)).toEqual([]);
    expect(h.connector.posts().filter((p) => p.seq >= since && p.conversationId === personalConversationId(people.lars))).toEqual([]);

    // A vote cast on the new card: the copy follows.
    since = h.connector.mark();
    await h.send(cardAction(h.connector.url, people.mette, 'vote.cast', { motionId, choice: 'against' }, { conversationId: OTHER_CHANNEL_ID, replyToId: reposted!.id }));
    await h.pass(2000);
    expect(votesOn(cardOf(shown(reminder))!)).toMatchObject({ 'Skælskør Boligselskab': 'Imod – afgivet af Mette Møller' });
    expect(shown(reminder).text).toBe(reminder.text);
    expect(votesOn(cardOf(shown(reposted!))!)).toMatchObject({ 'Skælskør Boligselskab': 'Imod – afgivet af Mette Møller' });

    // Lars votes on his copy: accepted, and the new channel card shows it.
    const res = await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', buttons(cardOf(shown(reminder))!)[0]!.data, { conversationId: personalConversationId(people.lars) }));
    expect(res.status).toBe(200);
    expect(votesOn(res.body.value as CardJson)).toMatchObject({ BoligKorsør: 'For – afgivet af Lars Lund' });
    await h.pass(2000);
    expect(votesOn(cardOf(shown(reposted!))!)).toMatchObject({ BoligKorsør: 'For – afgivet af Lars Lund' });

    // Closed: the copy shows the outcome, never the »moved« text.
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId, confirm: true }, { conversationId: OTHER_CHANNEL_ID }));
    await h.pass(2000);
    const closed = cardOf(shown(reminder))!;
    expect(buttons(closed).filter((a) => a.verb === 'vote.cast')).toEqual([]);
    expect(h.connector.textOf(closed)).toMatch(/Vedtaget|Ikke vedtaget/);

    // A second move: still no »moved« card in Lars's chat.
    await h.send(channelMessage(h.connector.url, people.pia, 'brug denne kanal'));
    await h.pass(2000);
    expect(h.connector.textOf(cardOf(shown(reminder))!)).toMatch(/Vedtaget|Ikke vedtaget/);
  });
});

describe('1:1 card copies × a member who has left (restart) × a vote closed at its deadline while the bot was down', () => {
  it('R5: at the start the vote closes; the copy of the member still on the board shows the outcome, the former member\'s copy is left as it was, and nothing fails', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { DEMO_CONFIG_PATH } = await import('../support/paths.js');
    const dir = mkdtempSync(join(tmpdir(), 'crossings-'));
    try {
      const yaml = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace(
        /  - name: Lars Lund\n(    .*\n){4}/,
        '  - name: Bente Berg\n    aadObjectId: 00000000-0000-4000-8000-00000000000b\n    organisation: BK\n    roles: [member]\n',
      );
      expect(yaml).not.toContain('Lars Lund');
      const file = join(dir, 'demo.yaml');
      writeFileSync(file, yaml);

      h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
      for (const who of [people.lars, people.mette]) await h.send(personalMessage(h.connector.url, who, 'hjælp'));
      await h.send(channelMessage(h.connector.url, people.pia, 'møde 10-12-2026 14:00'));
      await h.send(channelMessage(h.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
      h.clock.set('2026-11-30T10:00:00+01:00');
      let since = h.connector.mark();
      await h.send(channelMessage(h.connector.url, people.anne, 'afstemning 10-12-2026 5'));
      const channelCard = await h.connector.waitForPost((p) => p.conversationId.startsWith(CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'), { since });
      const motionId = buttons(cardOf(channelCard)!).find((a) => a.verb === 'vote.cast')!.data.motionId as string;
      for (const who of [people.anne, people.birgitte, people.henrik]) await h.send(cardAction(h.connector.url, who, 'vote.cast', { motionId, choice: 'for' }));
      await h.at('2026-12-02T10:00:00+01:00');
      const reminderOf = (who: typeof people.lars) => h!.connector.posts().find((p) => p.conversationId === personalConversationId(who) && String(p.text).startsWith('Påmindelse:') && cardOf(p))!;
      const lars = reminderOf(people.lars);
      const mette = reminderOf(people.mette);
      expect(lars).toBeDefined();
      expect(mette).toBeDefined();
      // Mette votes on her copy; then the bot is down across the deadline (Thursday 10:00), Lars taken out of the board file.
      await h.send(cardAction(h.connector.url, people.mette, 'vote.cast', buttons(cardOf(mette)!)[0]!.data, { conversationId: personalConversationId(people.mette) }));
      await h.pass(2000);
      const larsBefore = JSON.stringify(shown(lars));
      since = h.connector.mark();
      await h.restart('2026-12-04T09:00:00+01:00', file);
      await h.pass(2000);
      await h.pass(2000);
      const closedChannel = cardOf(shown(channelCard))!;
      expect(buttons(closedChannel).filter((a) => a.verb === 'vote.cast')).toEqual([]);
      const closedCopy = cardOf(shown(mette))!;
      expect(buttons(closedCopy).filter((a) => a.verb === 'vote.cast')).toEqual([]);
      expect(h.connector.textOf(closedCopy)).toContain('Vedtaget');
      expect(shown(mette).text).toBe(mette.text);
      expect(JSON.stringify(shown(lars))).toBe(larsBefore);
      expect(h.connector.requests.slice(since).filter((r) => r.failed)).toEqual([]);
      expect(h.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);
      // A press on Lars's left-over copy, by him: refused, nothing changes.
      const res = await h.send(cardAction(h.connector.url, people.lars, 'vote.cast', { ...buttons(cardOf(lars)!)[0]!.data }, { conversationId: personalConversationId(people.lars) }));
      expect(res.status).toBeLessThan(500);
      expect((await h.store.listBallots(motionId)).map((b) => b.organisationId).sort()).not.toContain('BK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('1:1 card copies × a heading renamed (agenda.items-renamed) × a closed vote (PRODUCT §1.3, §1.4)', () => {
  it('PRODUCT §1.3: a second meeting on the vote\'s meeting day renames its line on the 1:1 copy as on the channel\'s card, open and closed; cancelled, the time goes again', async () => {
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00');
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 10-12-2026 14:00'));
    await h.send(channelMessage(h.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
    h.clock.set('2026-11-30T10:00:00+01:00');
    let since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning 10-12-2026 5'));
    const channelCard = await h.connector.waitForPost((p) => p.conversationId.startsWith(CHANNEL_ID) && JSON.stringify(p).includes('vote.cast'), { since });
    await h.at('2026-12-02T10:00:00+01:00');
    const reminder = h.connector.posts().find((p) => p.conversationId === personalConversationId(people.lars) && String(p.text).startsWith('Påmindelse:') && cardOf(p))!;
    expect(reminder).toBeDefined();
    const named = (p: PostedActivity) => h!.connector.textOf(cardOf(shown(p))!).includes('10. december 2026 kl. 14.00');
    expect(named(reminder)).toBe(false);

    await h.send(channelMessage(h.connector.url, people.pia, 'ekstraordinært møde 10-12-2026 17:00 Vandskade'));
    await h.pass(60_000);
    expect(named(channelCard)).toBe(true);
    expect(named(reminder)).toBe(true);
    expect(shown(reminder).text).toBe(reminder.text);

    // Closed at its deadline (Thursday 10:00), then the second meeting cancelled: both lose the time, closed.
    await h.at('2026-12-03T10:00:30+01:00');
    await h.pass(60_000);
    expect(buttons(cardOf(shown(reminder))!).filter((a) => a.verb === 'vote.cast')).toEqual([]);
    await h.send(channelMessage(h.connector.url, people.pia, 'aflys møde 10-12-2026 17:00'));
    await h.pass(60_000);
    expect(named(channelCard)).toBe(false);
    expect(named(reminder)).toBe(false);
    expect(buttons(cardOf(shown(reminder))!).filter((a) => a.verb === 'vote.cast')).toEqual([]);
  });
});
