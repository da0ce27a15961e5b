/**
 * Nudges (issue 13, point 3; PRODUCT §1.4): voteReminderHours (24) before a vote's deadline
 * the members of organisations that have not voted are reminded — 1:1 where the bot has a
 * chat with them (naming their organisation, with the vote card), else in one channel post that
 * @mentions them — with the motion and the deadline; the others get nothing. *Luk afstemning*
 * with organisations missing asks to confirm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MONDAY = '2026-11-30T10:00:00+01:00';
const MOTION = 'Budget 2027 godkendes som fremlagt';

async function openVote(): Promise<string> {
  await h!.send(channelMessage(h!.connector.url, people.anne, `afstemning ${MOTION}`));
  const card = await h!.connector.waitForPost((p) => h!.connector.textOf(p).includes(MOTION) && !!p.attachments);
  return (card.attachments as any[])[0].content.actions.find((a: any) => a.verb === 'vote.cast').data.motionId;
}

const vote = (who: Person, motionId: string, choice: string) => h!.send(cardAction(h!.connector.url, who, 'vote.cast', { motionId, choice }));
const reminders = () => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Påmindelse:') || h!.connector.textOf(p).includes(': Påmindelse:'));
const mentionIds = (p: PostedActivity) => ((p.entities ?? []) as { type: string; mentioned: { id: string } }[]).filter((e) => e.type === 'mention').map((e) => e.mentioned.id);

describe('vote reminders (issue 13.3, PRODUCT §1.4)', () => {
  it('a vote opened Monday 10:00 (deadline Thursday 10:00): on Wednesday 10:00 the members of each organisation without a vote get a reminder with an @mention; the others get none', async () => {
    h = await startInstalledHarness('2026-11-30T09:00:00+01:00');
    // Lars (BK) has a 1:1 chat with the bot: his reminder goes there.
    await h.send(personalMessage(h.connector.url, people.lars, 'hjælp'));
    h.clock.set(MONDAY);
    const motionId = await openVote();
    await vote(people.anne, motionId, 'for'); // FOB
    await vote(people.soeren, motionId, 'for'); // SB (Birgitte is SB too: no reminder for her either)
    await vote(people.henrik, motionId, 'against'); // SAB
    // Missing: SBS (Mette), BK (Lars), KOM (Karsten).

    await h.at('2026-12-02T09:59:00+01:00');
    expect(reminders()).toEqual([]);
    await h.at('2026-12-02T10:00:00+01:00');
    const sent = reminders();
    expect(sent).toHaveLength(2);

    const channel = sent.find((p) => p.conversationId === CHANNEL_ID)!;
    expect(mentionIds(channel).sort()).toEqual([people.karsten.id, people.mette.id].sort());
    const text = h.connector.textOf(channel);
    expect(text).toContain('<at>Mette Møller</at>');
    expect(text).toContain('<at>Karsten Kjær</at>');
    expect(text).toContain(`»${MOTION}«`);
    expect(text).toContain('torsdag den 3. december 2026 kl. 10.00');
    expect(text).toContain('Skælskør Boligselskab (SBS), BoligKorsør (BK) og Slagelse Kommune (KOM) har endnu ikke stemt');

    const personal = sent.find((p) => p.conversationId === personalConversationId(people.lars))!;
    // His own organisation only, and the vote card to vote on there (vote-reminder-card.test.ts).
    expect(personal.text).toBe('Påmindelse: Din organisation, BoligKorsør (BK), har endnu ikke stemt om forslaget »Budget 2027 godkendes som fremlagt«. Afstemningen lukker torsdag den 3. december 2026 kl. 10.00. Du kan stemme på kortet herunder.');
    expect(JSON.stringify(personal.attachments)).toContain('vote.cast');

    // Nobody of an organisation that voted, nor the secretary or the guest, is reminded.
    const reached = [...sent.flatMap(mentionIds), ...sent.filter((p) => p.conversationId !== CHANNEL_ID).map((p) => p.conversationId)];
    for (const who of [people.anne, people.birgitte, people.soeren, people.henrik, people.pia, people.gustav]) {
      expect(reached).not.toContain(who.id);
      expect(reached).not.toContain(personalConversationId(who));
    }
    // Once only.
    await h.at('2026-12-02T12:00:00+01:00');
    expect(reminders()).toHaveLength(2);
  });

  it('a vote closed before the reminder is due reminds nobody', async () => {
    h = await startInstalledHarness('2026-11-30T09:00:00+01:00');
    h.clock.set(MONDAY);
    const closedEarly = await openVote();
    await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId: closedEarly, confirm: true }));
    await h.at('2026-12-02T10:00:00+01:00');
    expect(reminders()).toEqual([]);
  });

  it('Luk afstemning with organisations missing asks the chair to confirm on the card, naming them; nothing changes until she does', async () => {
    h = await startInstalledHarness('2026-11-30T09:00:00+01:00');
    h.clock.set(MONDAY);
    const motionId = await openVote();
    await vote(people.anne, motionId, 'for');
    const asked = await h.send(cardAction(h.connector.url, people.karsten, 'vote.close', { motionId }));
    expect(asked.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = h.connector.textOf(asked.body.value);
    expect(text).toContain('Slagelse Boligselskab, Slagelse Almennyttige Boligselskab, Skælskør Boligselskab, BoligKorsør og Slagelse Kommune har ikke stemt endnu. Vil du lukke afstemningen alligevel?');
    expect(h.connector.posts().filter((p) => /^(Ikke vedtaget|Vedtaget):/.test(String(p.text)))).toEqual([]);
    // A member cannot close, confirmed or not.
    const member = await h.send(cardAction(h.connector.url, people.henrik, 'vote.close', { motionId, confirm: true }));
    expect(member.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Det er kun formandskabet, der kan lukke afstemningen. Intet er ændret.' });
    const closed = await h.send(cardAction(h.connector.url, people.karsten, 'vote.close', { motionId, confirm: true }));
    expect(h.connector.textOf(closed.body.value)).toContain('Vedtaget: 1 for, 0 imod, 0 undlader');
    await h.connector.waitForPost((p) => String(p.text).startsWith('Vedtaget: 1 for, 0 imod, 0 undlader'));
  });
});
