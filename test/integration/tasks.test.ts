/**
 * Follow-up tasks, the whole flow over HTTP, in process (test/support/app-harness.ts): made
 * by the chair, listed, the owner reminded on the due day (1:1 where the bot has a chat,
 * else an @mention in the channel), *Udført* by the owner and refused for others, overdue
 * tasks on the next agenda, the tasks of a meeting in its minutes, and `status` (R16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { ask } from '../support/conversation.js';

let h: Harness;
const say = (from: (typeof people)[keyof typeof people], text: string) => ask(h, h.connector, from, text);
const text = (p: PostedActivity) => h.connector.textOf(p, { actions: true });
const cardOf = (p: PostedActivity) => (p.attachments as { content: { actions?: { verb?: string; data?: { taskId?: string } }[] } }[] | undefined)?.[0]?.content;

/** The task card posted for `words`. */
const taskCard = (words: string) => h.connector.posts().find((p) => cardOf(p)?.actions?.some((a) => a.verb === 'task.done') && text(p).includes(words));

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen.
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

describe('follow-up tasks (R16: who does what by when)', () => {
  let birgittesTask: string;
  let sbTask: string;

  it('the chair makes a task: its card goes to the channel with Udført; a member may not', async () => {
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 7-12-2026 Birgitte: Indhent tilbud på vinduer'));
    const card = await h.connector.waitForPost((p) => cardOf(p)?.actions?.some((a) => a.verb === 'task.done'), { since });
    expect(text(card)).toContain('Indhent tilbud på vinduer');
    expect(text(card)).toContain('Ansvarlig: Birgitte Bach');
    expect(text(card)).toContain('Frist: mandag den 7. december 2026');
    expect(text(card)).toContain('Udført');
    birgittesTask = cardOf(card)!.actions![0]!.data!.taskId!;

    await h.send(channelMessage(h.connector.url, people.pia, 'opgave 8/12 SB: Budgetudkast for 2027'));
    sbTask = cardOf(taskCard('Budgetudkast')!)!.actions![0]!.data!.taskId!;
    expect(text(taskCard('Budgetudkast')!)).toContain('Ansvarlig: Slagelse Boligselskab (SB)');

    const refused = await say(people.henrik, 'opgave 7-12-2026 Birgitte: Noget andet');
    expect(text(refused)).toBe('Kun formandskabet og sekretæren kan give opgaver. Intet er ændret.');
  });

  it('refuses a task it cannot read, saying how to write it, and makes nothing', async () => {
    expect(text(await say(people.anne, 'opgave 7-12-2026 Birgitte Indhent tilbud'))).toContain('Skriv opgaven sådan');
    expect(text(await say(people.anne, 'opgave 7-12-2026 Ingen Anden: Noget'))).toContain('Jeg kender ingen person eller organisation i bestyrelsen, der hedder »Ingen Anden«');
    expect(text(await say(people.anne, 'opgave 30-11-2026 FOB: For sent'))).toContain('Fristen er allerede passeret');
    const list = text(await say(people.henrik, 'opgaver'));
    expect(list).not.toContain('Noget');
  });

  it('lists the open tasks with their deadlines, for anyone on the board', async () => {
    const list = text(await say(people.henrik, 'opgaver'));
    expect(list).toContain('Åbne opgaver');
    expect(list.indexOf('mandag den 7. december 2026: »Indhent tilbud på vinduer« – Birgitte Bach')).toBeGreaterThan(-1);
    expect(list.indexOf('tirsdag den 8. december 2026: »Budgetudkast for 2027« – Slagelse Boligselskab (SB)')).toBeGreaterThan(list.indexOf('Indhent'));
  });

  it('reminds the owner on the due day at the posting time: an @mention in the channel, 1:1 where the bot has a chat', async () => {
    // Søren has a 1:1 chat with the bot; Birgitte has none, but wrote in the channel (so Teams' id for her is known).
    await h.send(personalMessage(h.connector.url, people.soeren, 'hjælp'));
    await say(people.birgitte, 'opgaver');
    await h.at('2026-12-07T07:59:00Z');
    expect(h.connector.posts().filter((p) => text(p).includes('Påmindelse'))).toEqual([]);

    const since = h.connector.mark();
    await h.at('2026-12-07T08:00:00Z');
    const reminder = await h.connector.waitForPost((p) => text(p).includes('Påmindelse'), { since });
    expect(text(reminder)).toContain('Birgitte Bach');
    expect(text(reminder)).toContain('»Indhent tilbud på vinduer« har frist i dag, mandag den 7. december 2026');
    expect(reminder.conversationId).toContain('19:board-channel');
    expect((reminder.entities as { type: string; mentioned: { name: string } }[]).map((e) => [e.type, e.mentioned.name])).toEqual([['mention', 'Birgitte Bach']]);

    // The organisation's task: Søren in his 1:1 chat, Birgitte by @mention.
    const next = h.connector.mark();
    await h.at('2026-12-08T08:00:00Z');
    const posts = h.connector.posts().filter((p) => p.seq >= next && text(p).includes('Budgetudkast'));
    expect(posts.map((p) => p.conversationId).sort()).toEqual([expect.stringContaining('19:board-channel'), personalConversationId(people.soeren)].sort());
    expect(text(posts.find((p) => p.conversationId.includes('19:board-channel'))!)).toContain('Birgitte Bach');
  });

  it('Udført: refused for others, done by the owner; the card in the channel shows it', async () => {
    const card = taskCard('Indhent tilbud')!;
    const refused = await h.send(cardAction(h.connector.url, people.henrik, 'task.done', { taskId: birgittesTask }, { replyToId: card.id }));
    expect(JSON.stringify(refused.body)).toContain('Det er kun opgavens ansvarlige, formandskabet og sekretæren');

    const done = await h.send(cardAction(h.connector.url, people.birgitte, 'task.done', { taskId: birgittesTask }, { replyToId: card.id }));
    expect(JSON.stringify(done.body)).toContain('Udført – markeret af Birgitte Bach');
    const updated = h.connector.message(card.id)!;
    expect(h.connector.textOf(updated.activity)).toContain('Udført – markeret af Birgitte Bach');
    expect(JSON.stringify(updated.activity)).not.toContain('"verb":"task.done"');

    const again = await h.send(cardAction(h.connector.url, people.anne, 'task.done', { taskId: birgittesTask }, { replyToId: card.id }));
    expect(JSON.stringify(again.body)).toContain('allerede markeret som udført');
    expect(text(await say(people.henrik, 'opgaver'))).not.toContain('Indhent tilbud');
  });

  it('lists an overdue task on the next agenda under "Opfølgning på opgaver"', async () => {
    await h.at('2026-12-09T09:00:00Z');
    await say(people.anne, 'møde 17-12-2026 14:00');
    const agenda = text(await say(people.henrik, 'dagsorden'));
    expect(agenda).toContain('Opfølgning på opgaver');
    expect(agenda).toContain('»Budgetudkast for 2027« – Slagelse Boligselskab (SB), frist tirsdag den 8. december 2026');
    expect(agenda).not.toContain('Indhent tilbud');
    // Before the closing standing items.
    expect(agenda.indexOf('Opfølgning på opgaver')).toBeLessThan(agenda.indexOf('Eventuelt'));
  });

  it('R16: the minutes list the tasks made at the meeting, and apart those given between meetings, with when; status counts tasks done and overdue', async () => {
    await h.at('2026-12-17T14:30:00Z');
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 15-1-2027 FOB: Følg op på budgettet'));
    await h.at('2026-12-17T16:00:00Z');
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.pia, 'referat'));
    const minutes = await h.connector.waitForPost((p) => text(p).includes('Opgaver fra mødet'), { since });
    const [, atMeeting = '', between = ''] = text(minutes).split(/\*\*Opgaver fra mødet\*\*|\*\*Opgaver mellem møderne\*\*/);
    expect(atMeeting).toContain('»Følg op på budgettet« – Fællesorganisationens Boligforening (FOB), frist fredag den 15. januar 2027');
    expect(atMeeting).not.toContain('Budgetudkast');
    // Given on 1 December, a day without a meeting: the next meeting's minutes report them, as a vote on no item.
    expect(between).toContain('»Budgetudkast for 2027« – Slagelse Boligselskab (SB), frist tirsdag den 8. december 2026 (givet tirsdag den 1. december 2026 kl. 09.00)');
    expect(between).toContain('»Indhent tilbud på vinduer« – Birgitte Bach');
    expect(between).not.toContain('Følg op på budgettet');

    const status = text(await say(people.henrik, 'status 01-12-2026 31-12-2026'));
    expect(status).toContain('Opgaver');
    // Birgitte's task was done on 8 December, a day after its deadline; the organisation's is still open.
    expect(status).toContain('Udført i perioden: 1. Over fristen i perioden: 2.');
  });

  it('a reminder caught up after the due day (the bot was down) says the deadline passed, not "i dag"', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 21-12-2026 Birgitte: Send lejekontrakten'));
    const since = h.connector.mark();
    await h.at('2026-12-22T08:00:00Z'); // nothing ticked on the 21st
    const reminder = await h.connector.waitForPost((p) => text(p).includes('Send lejekontrakten'), { since });
    expect(text(reminder)).toContain('»Send lejekontrakten« havde frist mandag den 21. december 2026 og er ikke løst.');
    expect(text(reminder)).not.toContain('i dag');
  });
});
