/**
 * PRODUCT §1.4, §1.9, the upgrade to migration 0018_card_copies: the 1:1 reminders the version
 * before sent (the vote card in a member's vote reminder, a task's card in its owner's) are
 * copies of the channel's card as those the new version sends, and are kept up to date as they
 * are: a vote cast after the upgrade updates the vote reminder's card, the task marked done the
 * task reminder's. Found walking the upgrade of the real bundle from the version released
 * (2f53b5a): the 1:1 cards sent before went on showing the vote open and who had not voted,
 * also after it closed, because only copies recorded in card_copies were updated.
 * The database the version before left is made here from today's, without the migrations
 * 0017–0019 (their columns, their table and their records). SQLite, and PostgreSQL when
 * TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';
import { type PostedActivity, startFakeConnector } from '../support/fake-connector.js';
import { upgradeStores } from '../support/store-upgrade.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

// The released version (2f53b5a) had neither the table of copies nor the migrations after 0016.
const RELEASED = [
  'alter table outbox drop column stale_at',
  "delete from kysely_migration where name = '0020_outbox_stale_at'",
  'alter table tasks drop column placed_meeting_id',
  'alter table motions drop column placed_meeting_id',
  "delete from kysely_migration where name = '0019_placed_meeting'",
  'drop table card_copies',
  "delete from kysely_migration where name = '0018_card_copies'",
  'alter table petitions drop column lapsed_at',
  "delete from kysely_migration where name = '0017_petition_lapse'",
];

const CARD = 'application/vnd.microsoft.card.adaptive';
let h: Harness | undefined;
const upgrade = upgradeStores();
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await upgrade.cleanup();
});

type Action = { title: string; verb: string; data: Record<string, unknown> };
const cardOf = (p: Record<string, unknown>) => (p.attachments as { contentType: string; content: CardJson }[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const buttons = (card: CardJson) => (card.actions ?? []) as Action[];
const inChat = (who: Person) => h!.connector.posts().filter((p) => p.conversationId === personalConversationId(who));
const updatesOf = (post: PostedActivity, since: number) => h!.connector.updates().filter((u) => u.id === post.id && u.seq >= since);

describe.each(upgrade.stores)('the 1:1 reminders sent before migration 0018 (%s)', (_name, where, skip) => {
  it.skipIf(skip)("R5, R16: once migrated, a vote cast updates the card of Lars's vote reminder sent before, and the task marked done Søren's task reminder", async () => {
    // One Teams for both versions: the 1:1 cards the first posted are those the second updates.
    const connector = await startFakeConnector();
    onTestFinished(() => connector.close());
    const options = { ...where.options(), connector };
    h = await startInstalledHarness('2026-11-29T09:00:00+01:00', options);
    for (const who of [people.lars, people.soeren]) await h.send(personalMessage(h.connector.url, who, 'hjælp'));
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 10-12-2026 14:00'));
    await h.send(channelMessage(h.connector.url, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning'));
    h.clock.set('2026-11-30T10:00:00+01:00');
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning 10-12-2026 5'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 2-12-2026 Søren: Bestil nye skilte'));
    const [motion] = await h.store.listOpenMotions();
    for (const who of [people.anne, people.birgitte, people.henrik]) await h.send(cardAction(h.connector.url, who, 'vote.cast', { motionId: motion!.id, choice: 'for' }));
    // Wednesday 2 December: the vote reminder (a day before its deadline) and the task's, on its due date.
    await h.at('2026-12-02T10:00:00+01:00');
    const voteReminder = inChat(people.lars).find((p) => String(p.text).startsWith('Påmindelse:') && cardOf(p))!;
    const taskReminder = inChat(people.soeren).find((p) => cardOf(p) && h!.connector.textOf(p).includes('Bestil nye skilte'))!;
    expect(voteReminder).toBeDefined();
    expect(taskReminder).toBeDefined();
    await h.close();
    h = undefined;
    await where.downgrade(options, RELEASED);

    h = await startHarness({ clockStart: '2026-12-02T11:00:00+01:00', ...options });
    const since = h.connector.mark();
    await h.send(cardAction(h.connector.url, people.mette, 'vote.cast', { motionId: motion!.id, choice: 'against' }));
    await h.pass(UPDATE_INTERVAL_MS);
    const [update, ...more] = updatesOf(voteReminder, since);
    expect(more).toEqual([]);
    expect(update?.conversationId).toBe(personalConversationId(people.lars));
    expect(update!.text).toBe(voteReminder.text);
    expect(votesOn(cardOf(update!)!)).toMatchObject({ 'Skælskør Boligselskab': 'Imod – afgivet af Mette Møller', BoligKorsør: 'Har ikke stemt' });
    // His buttons, as on the card first sent (naming the board).
    expect(buttons(cardOf(update!)!).map((a) => [a.title, a.verb, a.data])).toEqual(buttons(cardOf(voteReminder)!).map((a) => [a.title, a.verb, a.data]));

    const taskId = buttons(cardOf(taskReminder)!)[0]!.data.taskId as string;
    const before = h.connector.mark();
    expect((await h.send(cardAction(h.connector.url, people.anne, 'task.done', { taskId }))).status).toBe(200);
    await h.pass(UPDATE_INTERVAL_MS);
    const [done, ...again] = updatesOf(taskReminder, before);
    expect(again).toEqual([]);
    expect(done?.text).toBe(taskReminder.text);
    expect(h.connector.textOf(cardOf(done!)!)).toContain('Udført – markeret af Anne Andersen');
    expect(buttons(cardOf(done!)!)).toEqual([]);
  });
});
