/**
 * A reminder whose subject changed while it waited is not sent (R6, R13; README, "Reminders after an
 * outage"): one already queued in the outbox when Teams stopped answering, or when the bot was stopped
 * before it went out, is dropped once the vote it reminds of has closed early (by the chair, or because
 * every organisation voted), or the meeting it reminds of was cancelled or moved: it would ask for votes
 * no longer taken, or name a meeting at a time it is no longer held. What tells of the change (the
 * outcome, the notice of the cancellation or the move) goes out; the log says so in one line per post
 * dropped. A moved meeting's reminders come again for its new time. So too a task's reminder once the
 * task is done (R16), the dates' once the year has them (R10), and the reminder of a demanded
 * extraordinary meeting once it is called or the petition's half year is out (R11). Real HTTP, the fake Bot Connector on
 * 127.0.0.1, an injected clock (app-harness.ts); a restart is a new app and store on the same SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, people, personalConversationId, personalMessage } from '../support/activities.js';
import { petitionsOf } from '../support/petitions.js';
import { TestSchemas, pgTestUrl } from '../support/pg-schemas.js';
import { MOTION, Restarts, idIn, isOutcome, isVoteReminder } from '../support/restarts.js';

const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;

const bot = new Restarts('changed', schemas);
afterEach(() => bot.close());

/** Teams answers again, and the outbox's retries come round. */
async function teamsBack(): Promise<void> {
  bot.connector.stopFailing();
  await bot.h.pass(10 * 60_000);
}

const reminderKeys = (motionId: string) => [`vote.reminder:${motionId}:channel`, `vote.reminder:${motionId}:to:${people.lars.aadObjectId}`].sort();

/** The reminder queued Wednesday 10.00 while Teams does not answer. */
async function voteReminderHeldUp(postgres = false): Promise<{ motionId: string; since: number }> {
  const motionId = await bot.openVote(postgres);
  const since = bot.connector.mark();
  bot.teamsDown();
  await bot.h.at('2027-02-10T10:00:00+01:00');
  expect(bot.posted(isVoteReminder)).toEqual([]);
  expect((await bot.h.store.getOutbox(`vote.reminder:${motionId}:channel`))?.status).toBe('pending');
  return { motionId, since };
}

async function expectReminderDropped(motionId: string, since: number): Promise<void> {
  expect(bot.posted(isVoteReminder)).toEqual([]);
  expect(bot.posted(isOutcome)).toHaveLength(1);
  for (const key of reminderKeys(motionId)) {
    expect(await bot.h.store.getOutbox(key), key).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: /) });
  }
  // The card in Lars's chat was never posted: nothing reaches his chat, neither it nor the card's updates.
  expect(bot.connector.requests.filter((r) => r.seq >= since && !r.failed && r.conversationId === personalConversationId(people.lars))).toEqual([]);
  expect(bot.droppedLines().map((l) => l.key).sort()).toEqual(reminderKeys(motionId));
}

describe('a vote reminder held up until the vote closed early (R6)', () => {
  it('R6: the chair closes the vote while the reminder waits for Teams: when Teams answers again the outcome goes out and the reminder does not; one log line per post dropped', async () => {
    const { motionId, since } = await voteReminderHeldUp();
    await bot.h.at('2027-02-10T12:00:00+01:00');
    await bot.h.send(cardAction(bot.connector.url, people.anne, 'vote.close', { motionId, confirm: true }));
    expect((await bot.h.store.getMotion(motionId))?.closedAt).toEqual(new Date('2027-02-10T11:00:00Z'));
    await teamsBack();
    await expectReminderDropped(motionId, since);
  });

  it('R6: every organisation votes while the reminder waits, then the bot is stopped and started again: the reminder is not sent, the outcome is', async () => {
    const { motionId, since } = await voteReminderHeldUp();
    await bot.h.at('2027-02-10T11:00:00+01:00');
    for (const who of [people.karsten, people.birgitte, people.henrik, people.mette, people.lars]) await bot.vote(who, motionId, 'for');
    expect((await bot.h.store.getMotion(motionId))?.closeReason).toBe('all-voted');
    // Stopped a minute later, what the votes posted backing off meanwhile (a stop with posts just due
    // while Teams refuses them spends its whole sending time, FINISH_BUDGET_MS, on the wall clock).
    await bot.h.pass(60_000);
    await bot.stop();
    await bot.startAt('2027-02-10T11:30:00+01:00');
    await expectReminderDropped(motionId, since);
  });

  it.skipIf(!schemas)('R6 (PostgreSQL, where the last vote closes the vote after its own commit): every organisation votes while the reminder waits; when Teams answers again the outcome goes out and the reminder does not', async () => {
    const { motionId, since } = await voteReminderHeldUp(true);
    await bot.h.at('2027-02-10T11:00:00+01:00');
    for (const who of [people.karsten, people.birgitte, people.henrik, people.mette, people.lars]) await bot.vote(who, motionId, 'for');
    expect((await bot.h.store.getMotion(motionId))?.closeReason).toBe('all-voted');
    await teamsBack();
    await expectReminderDropped(motionId, since);
  });

  it('R6: another vote\'s reminder held up with it, its vote still open, is of use and goes out when Teams answers again', async () => {
    const motionId = await bot.openVote();
    // A second vote, opened Tuesday 11.00: reminded Thursday 11.00, after the first vote's deadline.
    await bot.h.at('2027-02-09T11:00:00+01:00');
    await bot.say(people.anne, 'afstemning Nye cykelskure');
    bot.teamsDown();
    await bot.h.at('2027-02-10T10:00:00+01:00');
    await bot.h.at('2027-02-10T12:00:00+01:00');
    await bot.h.send(cardAction(bot.connector.url, people.anne, 'vote.close', { motionId, confirm: true }));
    await bot.h.at('2027-02-11T11:00:00+01:00');
    expect(bot.posted((t) => t.includes('Påmindelse:'))).toEqual([]);
    await teamsBack();
    expect(bot.posted(isVoteReminder)).toEqual([]);
    expect(bot.posted((t) => t.includes('Påmindelse:') && t.includes('Nye cykelskure'))).toHaveLength(2);
    expect(bot.droppedLines().map((l) => l.key).sort()).toEqual(reminderKeys(motionId));
  });
});

describe('a meeting\'s reminders held up until the meeting was cancelled or moved (R13)', () => {
  const isDayBefore = (t: string) => t.startsWith('Påmindelse: ordinært møde');

  /** Tuesday 16 February 2027 14.00, its agenda out Thursday 11 February; the day-before reminder queued Monday 15 February 9.00 while Teams does not answer. */
  async function dayBeforeHeldUp(): Promise<void> {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    await bot.say(people.pia, 'møde 16-02-2027 14:00');
    await bot.h.at('2027-02-09T09:00:30+01:00');
    await bot.h.at('2027-02-11T09:00:30+01:00');
    expect(bot.posted((t) => t.includes('Godkendelse af dagsorden'))).toHaveLength(1);
    bot.teamsDown();
    await bot.h.at('2027-02-15T09:00:00+01:00');
    expect(bot.posted(isDayBefore)).toEqual([]);
  }

  it('R13: the meeting cancelled (aflys møde) while its day-before reminder waits for Teams: the cancellation is told, the reminder not sent; one log line', async () => {
    await dayBeforeHeldUp();
    await bot.h.at('2027-02-15T10:00:00+01:00');
    await bot.say(people.pia, 'aflys møde 16-02-2027');
    await teamsBack();
    expect(bot.posted((t) => t.includes('er aflyst'))).not.toEqual([]);
    expect(bot.posted(isDayBefore)).toEqual([]);
    expect(bot.droppedLines().map((l) => l.key)).toEqual([expect.stringMatching(/:day-before:reply$/)]);
  });

  it('R13: the meeting moved (flyt møde) while its day-before reminder waits for Teams: the move is told, the old reminder naming the old time is not sent, and the new one goes out the day before the new time', async () => {
    await dayBeforeHeldUp();
    await bot.h.at('2027-02-15T10:00:00+01:00');
    await bot.say(people.pia, 'flyt møde 16-02-2027 til 18-02-2027');
    await teamsBack();
    expect(bot.posted((t) => t.includes('er flyttet til'))).not.toEqual([]);
    expect(bot.posted(isDayBefore)).toEqual([]);
    expect(bot.droppedLines().map((l) => l.key)).toEqual([expect.stringMatching(/:day-before:reply$/)]);
    await bot.h.at('2027-02-17T09:00:30+01:00');
    const reminders = bot.posted(isDayBefore);
    expect(reminders.map((p) => bot.text(p))).toEqual([expect.stringContaining('18. februar 2027 kl. 14.00')]);
  });

  it('R13: the chair\'s reminder to prepare the agenda held up across a stop, the meeting moved before it: not sent; planned again for the new time', async () => {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    await bot.say(people.pia, 'møde 16-02-2027 14:00');
    bot.teamsDown();
    await bot.h.at('2027-02-09T09:00:00+01:00');
    const isAgendaReminder = (t: string) => t.includes('Påmindelse: Dagsordenen til mødet');
    expect(bot.posted(isAgendaReminder)).toEqual([]);
    await bot.h.at('2027-02-09T10:00:00+01:00');
    await bot.say(people.pia, 'flyt møde 16-02-2027 til 23-02-2027');
    await bot.stop();
    await bot.startAt('2027-02-09T10:30:00+01:00');
    expect(bot.posted(isAgendaReminder)).toEqual([]);
    expect(bot.posted((t) => t.includes('er flyttet til'))).not.toEqual([]);
    expect(bot.droppedLines().map((l) => l.key)).toEqual([expect.stringMatching(/:agenda-reminder:channel$/)]);
    await bot.h.at('2027-02-16T09:00:30+01:00');
    expect(bot.posted(isAgendaReminder).map((p) => bot.text(p))).not.toEqual([]);
    expect(bot.posted(isAgendaReminder).every((p) => bot.text(p).includes('23. februar 2027'))).toBe(true);
  });
});

describe('a task\'s reminder held up until the task was marked done (R16)', () => {
  const isTaskReminder = (words: string) => (t: string) => t.includes('Påmindelse: Opgaven') && t.includes(words);

  /** Two tasks due Wednesday 10 February 2027, Søren's (he has a 1:1 chat) and Henrik's; their reminders queued that day at 9.00 while Teams does not answer. */
  async function taskRemindersHeldUp(): Promise<string> {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    await bot.h.send(personalMessage(bot.connector.url, people.soeren, 'hjælp'));
    await bot.say(people.anne, 'opgave 10-02-2027 Søren: Bestil nye skilte');
    await bot.say(people.anne, 'opgave 10-02-2027 Henrik: Indhent tilbud på tag');
    const card = bot.connector.posts().find((p) => JSON.stringify(p.attachments ?? []).includes('task.done') && bot.text(p).includes('Bestil nye skilte'))!;
    bot.teamsDown();
    await bot.h.at('2027-02-10T09:00:30+01:00');
    expect(bot.posted((t) => t.includes('Påmindelse: Opgaven'))).toEqual([]);
    return idIn(card, 'taskId');
  }

  it('R16: the owner marks the task done (Udført) while its reminder waits for Teams: when Teams answers again the reminder is not sent; the other task\'s still is; one log line', async () => {
    const taskId = await taskRemindersHeldUp();
    await bot.h.at('2027-02-10T10:00:00+01:00');
    const res = await bot.h.send(cardAction(bot.connector.url, people.soeren, 'task.done', { taskId }));
    expect(res.status).toBe(200);
    await teamsBack();
    expect(bot.posted(isTaskReminder('Bestil nye skilte'))).toEqual([]);
    expect(bot.posted(isTaskReminder('Indhent tilbud på tag'))).toHaveLength(1);
    expect(bot.droppedLines().map((l) => l.key)).toEqual([`task.reminder:${taskId}:to:${people.soeren.aadObjectId}`]);
    expect(await bot.h.store.getOutbox(`task.reminder:${taskId}:to:${people.soeren.aadObjectId}`)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: /) });
  });
});

describe('the date-planning reminder held up until the year\'s dates were confirmed (R10)', () => {
  const isDatesReminder = (t: string) => t.includes('Påmindelse: Mødedatoerne for 2027');

  /** A poll for 2027 posted Monday 31 August 2026; the season's first reminder, Tuesday 1 September 9.00, queued while Teams does not answer. */
  async function datesReminderHeldUp(): Promise<{ pollId: string; proposed: string[] }> {
    await bot.startInstalled('2026-08-31T10:00:00+02:00');
    await bot.say(people.anne, 'mødedatoer 2027');
    const card = bot.connector.posts().find((p) => bot.text(p).startsWith('Mødedatoer for 2027'))!;
    const body = (card.attachments as { content: { body: { type: string; choices?: { value: string }[] }[] } }[])[0]!.content;
    const proposed = body.body.find((b) => b.type === 'Input.ChoiceSet')!.choices!.map((c) => c.value);
    bot.teamsDown();
    await bot.h.at('2026-09-01T09:00:30+02:00');
    expect(bot.posted(isDatesReminder)).toEqual([]);
    return { pollId: idIn(card, 'pollId'), proposed };
  }

  it('R10: the chair confirms the year\'s dates while the reminder waits for Teams: when Teams answers again the reminder is not sent; one log line', async () => {
    const { pollId, proposed } = await datesReminderHeldUp();
    await bot.h.at('2026-09-01T10:00:00+02:00');
    const res = await bot.h.send(cardAction(bot.connector.url, people.anne, 'dates.confirm', { pollId, dates: proposed.slice(0, 4).join(',') }));
    expect(res.status).toBe(200);
    await teamsBack();
    expect(bot.posted((t) => t.startsWith('Mødedatoerne for 2027 er fastlagt'))).not.toEqual([]);
    expect(bot.posted(isDatesReminder)).toEqual([]);
    expect(bot.droppedLines().map((l) => l.key)).toEqual([expect.stringMatching(/^date-planning:2026-09-01:channel$/)]);
  });

  it('R10: the year\'s fourth ordinary meeting planned by hand (møde) while the reminder waits: not sent; three are not enough, and with them it would have gone out', async () => {
    await datesReminderHeldUp();
    await bot.h.at('2026-09-01T10:00:00+02:00');
    for (const day of ['10-03-2027', '09-06-2027', '08-09-2027']) await bot.say(people.anne, `møde ${day} 14:00`);
    expect((await bot.h.store.getOutbox('date-planning:2026-09-01:channel'))?.staleAt).toEqual(new Date('9999-12-31T23:59:59.999Z'));
    await bot.say(people.anne, 'møde 08-12-2027 14:00');
    await teamsBack();
    expect(bot.posted(isDatesReminder)).toEqual([]);
    expect(bot.droppedLines().map((l) => l.key)).toEqual(['date-planning:2026-09-01:channel']);
  });

  it('R10: with the dates not confirmed the reminder is still of use and goes out when Teams answers again', async () => {
    await datesReminderHeldUp();
    await teamsBack();
    expect(bot.posted(isDatesReminder)).toHaveLength(1);
    expect(bot.droppedLines()).toEqual([]);
  });
});

describe('the reminder of a demanded meeting held up until it was called or the petition\'s half year ended (R11)', () => {
  const { petition, petitionIdOf } = petitionsOf(() => bot.h);
  const isPetitionReminder = (t: string) => t.includes('Påmindelse: Et flertal') && t.includes('Budget 2027');
  const reminderKey = (petitionId: string, moment: string) => `petition:${petitionId}:reminder:${moment}:channel`;

  /** Asked Tuesday 1 December 2026 10.00 by Birgitte, a majority at once: reminded weekly from Tuesday 8 December 9.00 until 2 June 2027 11.00 (183 days). */
  async function demanded(): Promise<string> {
    await bot.startInstalled('2026-12-01T10:00:00+01:00');
    return petitionIdOf(await petition(people.birgitte, 'Budget 2027', [people.henrik, people.mette, people.lars]));
  }

  /** The first reminder, Tuesday 8 December 9.00, queued while Teams does not answer. */
  async function firstReminderHeldUp(): Promise<string> {
    const petitionId = await demanded();
    bot.teamsDown();
    await bot.h.at('2026-12-08T09:00:30+01:00');
    expect(bot.posted(isPetitionReminder)).toEqual([]);
    expect((await bot.h.store.getOutbox(reminderKey(petitionId, '2026-12-08T08:00:00.000Z')))?.status).toBe('pending');
    return petitionId;
  }

  it('R11: the chair calls the meeting on the petition\'s subject while the reminder to call it waits for Teams: when Teams answers again the reminder is not sent; one log line', async () => {
    const petitionId = await firstReminderHeldUp();
    await bot.h.at('2026-12-08T10:00:00+01:00');
    await bot.say(people.anne, 'ekstraordinært møde 12-01-2027 14:00 Budget 2027');
    expect((await bot.h.store.getPetition(petitionId))?.meetingId).toBeDefined();
    await teamsBack();
    expect(bot.posted(isPetitionReminder)).toEqual([]);
    const key = reminderKey(petitionId, '2026-12-08T08:00:00.000Z');
    expect(await bot.h.store.getOutbox(key)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: /) });
    expect(bot.droppedLines().map((l) => l.key)).toEqual([key]);
  });

  it('R11: the last reminder of the half year queued before a stop, the bot started again after the half year ended: not sent; one log line', async () => {
    const petitionId = await demanded();
    await bot.h.at('2027-05-31T12:00:00+02:00');
    const before = bot.posted(isPetitionReminder).length;
    expect(before).toBeGreaterThan(0);
    bot.teamsDown();
    await bot.h.at('2027-06-01T09:00:30+02:00');
    const key = reminderKey(petitionId, '2027-06-01T07:00:00.000Z');
    expect((await bot.h.store.getOutbox(key))?.status).toBe('pending');
    await bot.h.pass(60_000);
    await bot.stop();
    await bot.startAt('2027-06-02T12:00:00+02:00');
    expect(bot.posted(isPetitionReminder)).toHaveLength(before);
    expect(await bot.h.store.getOutbox(key)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: /) });
    expect(bot.droppedLines().map((l) => l.key)).toEqual([key]);
  });

  it('R11: with the meeting still not called and the half year not out the reminder is of use (until the half year ends) and goes out when Teams answers again', async () => {
    const petitionId = await firstReminderHeldUp();
    expect((await bot.h.store.getOutbox(reminderKey(petitionId, '2026-12-08T08:00:00.000Z')))?.staleAt).toEqual(new Date('2027-06-02T09:00:00Z'));
    await teamsBack();
    expect(bot.posted(isPetitionReminder)).toHaveLength(1);
    expect(bot.droppedLines()).toEqual([]);
  });
});
