/**
 * A task's reminder in the owner's 1:1 chat carries the task's card, so that a board member on a
 * phone marks it done right there (R16: who does what by when): the same card and verb as the
 * channel's (`task.done`), naming its board in its button's data (R19). The channel's card is
 * updated through the outbox; a refused press says what the channel says and changes nothing; a
 * reminder run again (its job claimed again after a crash) posts nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';

interface Action {
  readonly verb?: string;
  readonly title?: string;
  readonly data?: Record<string, unknown>;
}

let h: Harness;
const text = (p: unknown) => h.connector.textOf(p, { actions: true });
const cardOf = (p: PostedActivity) => (p.attachments as { content: { actions?: Action[] } }[] | undefined)?.[0]?.content;
const doneAction = (p: PostedActivity) => cardOf(p)?.actions?.find((a) => a.verb === 'task.done');
const inChatOf = (person: (typeof people)[keyof typeof people]) => (p: PostedActivity) => p.conversationId === personalConversationId(person);

/** The channel's card of the task `words` (the first post carrying it). */
const channelCard = (words: string) => h.connector.posts().find((p) => p.conversationId.includes('19:board-channel') && doneAction(p) !== undefined && text(p).includes(words))!;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen.
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
  // Søren and Birgitte (SB) have a 1:1 chat with the bot; Henrik (SAB) too.
  for (const person of [people.soeren, people.birgitte, people.henrik]) await h.send(personalMessage(h.connector.url, person, 'hjælp'));
  await h.send(channelMessage(h.connector.url, people.anne, 'opgave 7-12-2026 Søren: Bestil nye skilte'));
  await h.send(channelMessage(h.connector.url, people.anne, 'opgave 8-12-2026 SB: Indhent tilbud på tag'));
});

afterAll(async () => {
  await h?.close();
});

describe('the task card in the owner\'s 1:1 reminder (R16)', () => {
  let reminder: PostedActivity;

  it('R16: the 1:1 reminder carries the task\'s card with Udført, its button naming the board; the text points to it', async () => {
    const since = h.connector.mark();
    await h.at('2026-12-07T08:00:00Z');
    reminder = await h.connector.waitForPost((p) => inChatOf(people.soeren)(p) && text(p).includes('Bestil nye skilte'), { since });
    expect(text(reminder)).toContain('Påmindelse: Opgaven »Bestil nye skilte« har frist i dag, mandag den 7. december 2026. Tryk »Udført« på kortet herunder, når den er løst.');
    expect(text(reminder)).toContain('Ansvarlig: Søren');
    const action = doneAction(reminder)!;
    expect(action.title).toBe('Udført');
    // The channel card's verb and data, with the board named (a card in a 1:1 chat, R19).
    expect(action.data).toEqual({ ...doneAction(channelCard('Bestil nye skilte'))!.data, board: 'demo' });
    // One post in his chat, none in the channel.
    expect(h.connector.posts().filter((p) => p.seq >= since && text(p).includes('Bestil nye skilte'))).toEqual([reminder]);
  });

  it('R16: a press by one who may not, from their 1:1 chat, gets the channel\'s answer and changes nothing', async () => {
    const res = await h.send(cardAction(h.connector.url, people.henrik, 'task.done', doneAction(reminder)!.data!, { conversationId: personalConversationId(people.henrik), replyToId: reminder.id }));
    expect(text(res.body)).toBe('Det er kun opgavens ansvarlige, formandskabet og sekretæren, der kan markere den som udført.');
    expect(text(h.connector.message(channelCard('Bestil nye skilte').id)!.activity)).not.toContain('markeret af');
    expect(text(await ask(h, h.connector, people.henrik, 'opgaver'))).toContain('Bestil nye skilte');
  });

  it('R16: the owner presses Udført in his 1:1 chat: the task is done, he sees the done card, and the channel\'s card is updated', async () => {
    const since = h.connector.mark();
    const res = await h.send(cardAction(h.connector.url, people.soeren, 'task.done', doneAction(reminder)!.data!, { conversationId: personalConversationId(people.soeren), replyToId: reminder.id }));
    expect(res.status).toBe(200);
    expect(text(res.body)).toContain('Udført – markeret af Søren');
    expect(JSON.stringify(res.body)).not.toContain('"verb":"task.done"');
    const card = channelCard('Bestil nye skilte');
    const updated = h.connector.updates().filter((u) => u.seq >= since && u.id === card.id);
    expect(updated).toHaveLength(1);
    expect(text(h.connector.message(card.id)!.activity)).toContain('Udført – markeret af Søren');
    expect(JSON.stringify(h.connector.message(card.id)!.activity)).not.toContain('"verb":"task.done"');
    expect(text(await ask(h, h.connector, people.henrik, 'opgaver'))).not.toContain('Bestil nye skilte');
  });

  it('R16: a second press on the done task, in the 1:1 chat, says it is done already and changes nothing', async () => {
    const since = h.connector.mark();
    const res = await h.send(cardAction(h.connector.url, people.soeren, 'task.done', doneAction(reminder)!.data!, { conversationId: personalConversationId(people.soeren), replyToId: reminder.id }));
    expect(text(res.body)).toBe('Opgaven er allerede markeret som udført.');
    await h.pass(2000);
    expect(h.connector.updates().filter((u) => u.seq >= since)).toEqual([]);
  });

  it('R16: an organisation\'s task: each of its people with a 1:1 chat gets the card there; the reminder run again (claimed anew after a crash) posts nothing twice', async () => {
    await h.at('2026-12-08T08:00:00Z');
    const reminders = () => h.connector.posts().filter((p) => text(p).includes('Indhent tilbud på tag') && !p.conversationId.includes('19:board-channel'));
    expect(reminders().map((p) => p.conversationId).sort()).toEqual([personalConversationId(people.birgitte), personalConversationId(people.soeren)].sort());
    expect(reminders().every((p) => doneAction(p)?.data?.board === 'demo')).toBe(true);

    // The job's work was committed, then its process died before the job was marked done: it runs again.
    const taskId = doneAction(reminders()[0]!)!.data!.taskId as string;
    await h.store.scheduleJob({ key: `task.reminder:${taskId}`, kind: 'task.reminder', dueAt: h.clock(), payload: { taskId } }, { again: true });
    await h.crash('2026-12-08T08:05:00Z');
    await h.tick();
    expect((await h.store.getJob(`task.reminder:${taskId}`))?.status).toBe('done');
    expect(reminders()).toHaveLength(2);
  });
});
