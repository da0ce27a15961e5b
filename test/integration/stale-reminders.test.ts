/**
 * A reminder whose moment has passed is not sent (R6, R13; README, "Reminders after an
 * outage"): one already queued in the outbox when Teams stopped answering, or when the bot was
 * stopped before it went out, is dropped once what it reminds of has passed — the vote's
 * deadline, the meeting's start — and the log says so in one line. Agendas and outcomes are never
 * dropped; a reminder still of use goes out late. Real HTTP, the fake Bot Connector on 127.0.0.1,
 * an injected clock (app-harness.ts); a restart is a new app and store on the same SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, people, personalConversationId, personalMessage } from '../support/activities.js';
import { MOTION, Restarts, idIn, isOutcome, isVoteReminder } from '../support/restarts.js';

const bot = new Restarts('stale');
afterEach(() => bot.close());

describe('a vote reminder held up until the vote has closed (R6)', () => {
  it('R6: queued when Teams stopped answering, the bot stopped, started again after the deadline: the reminder is not sent, the outcome is; one log line per post dropped', async () => {
    const motionId = await bot.openVote();
    bot.teamsDown();
    await bot.h.at('2027-02-10T10:00:00+01:00');
    expect(bot.posted(isVoteReminder)).toEqual([]);
    expect((await bot.h.store.getOutbox(`vote.reminder:${motionId}:channel`))?.status).toBe('pending');
    await bot.stop();
    const since = bot.connector.mark();
    await bot.startAt('2027-02-11T10:30:00+01:00');
    expect(bot.posted(isVoteReminder)).toEqual([]);
    expect(bot.posted(isOutcome)).toHaveLength(1);
    // The card in Lars's chat was never posted: the vote card's update on the close does not go there.
    expect(bot.connector.requests.filter((r) => r.seq >= since && !r.failed && r.conversationId === personalConversationId(people.lars))).toEqual([]);
    for (const key of [`vote.reminder:${motionId}:channel`, `vote.reminder:${motionId}:to:${people.lars.aadObjectId}`]) {
      expect(await bot.h.store.getOutbox(key), key).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^dropped: its moment passed/) });
    }
    expect(bot.droppedLines().map((l) => l.key).sort()).toEqual([`vote.reminder:${motionId}:channel`, `vote.reminder:${motionId}:to:${people.lars.aadObjectId}`].sort());
  });

  it('R6: Teams down from the reminder past the deadline, the bot running on: when Teams answers again the outcome goes out and the reminder does not', async () => {
    const motionId = await bot.openVote();
    bot.teamsDown();
    await bot.h.at('2027-02-10T10:00:00+01:00');
    await bot.h.at('2027-02-11T10:00:30+01:00');
    expect(bot.posted(isOutcome)).toEqual([]);
    bot.connector.stopFailing();
    await bot.h.pass(10 * 60_000);
    expect(bot.posted(isOutcome)).toHaveLength(1);
    expect(bot.posted(isVoteReminder)).toEqual([]);
    expect(bot.droppedLines()).toHaveLength(2);
    expect((await bot.h.store.getMotion(motionId))?.closedAt).toEqual(new Date('2027-02-11T09:00:00Z'));
  });

  it('R6: a reminder held up that is still of use (the vote still open) goes out when Teams answers again, once', async () => {
    await bot.openVote();
    bot.teamsDown();
    await bot.h.at('2027-02-10T10:00:00+01:00');
    await bot.stop();
    await bot.startAt('2027-02-10T16:00:00+01:00');
    expect(bot.posted(isVoteReminder)).toHaveLength(2); // the channel's @mention and Lars's 1:1 reminder
    expect(bot.droppedLines()).toEqual([]);
  });
});

describe('the day-before reminder held up until the meeting has begun (R13)', () => {
  async function meetingWithAgendaOut(): Promise<void> {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    await bot.say(people.pia, 'møde 16-02-2027 14:00');
    await bot.h.at('2027-02-11T09:00:30+01:00');
    expect(bot.posted((t) => t.includes('Godkendelse af dagsorden'))).toHaveLength(1);
  }

  it('R13: queued the day before while Teams was down, the bot back after the meeting began: the reminder is not sent; the attendance card is', async () => {
    await meetingWithAgendaOut();
    bot.teamsDown();
    await bot.h.at('2027-02-15T09:00:00+01:00');
    await bot.stop();
    await bot.startAt('2027-02-16T14:30:00+01:00');
    expect(bot.posted((t) => t.startsWith('Påmindelse: ordinært møde'))).toEqual([]);
    expect(bot.posted((t) => t.startsWith('Fremmøde'))).toHaveLength(1);
    // Its post in the agenda's thread, dropped by the outbox (the chair's reminder, caught up past the agenda's deadline as the clock jumped, by its job).
    expect(bot.droppedLines().map((l) => l.key ?? l.job)).toEqual([expect.stringMatching(/:agenda-reminder$/), expect.stringMatching(/:day-before:reply$/)]);
  });

  it('R13: an agenda held up in the outbox is never dropped: it goes out after the restart, even past the meeting\'s start', async () => {
    await bot.startInstalled('2027-02-01T10:00:00+01:00');
    await bot.say(people.pia, 'møde 16-02-2027 14:00');
    bot.teamsDown();
    await bot.h.at('2027-02-11T09:00:30+01:00');
    await bot.stop();
    await bot.startAt('2027-02-16T14:30:00+01:00');
    const agendas = bot.posted((t) => t.includes('Godkendelse af dagsorden')).filter((p) => p.conversationId === CHANNEL_ID);
    expect(agendas).toHaveLength(1);
    // Its reminder the day before fell due while the bot was down and the meeting has begun: not sent (its job says so).
    expect(bot.posted((t) => t.startsWith('Påmindelse: ordinært møde'))).toEqual([]);
    expect(bot.droppedLines().map((l) => l.job)).toEqual([expect.stringMatching(/:agenda-reminder$/), expect.stringMatching(/:day-before$/)]);
  });
});
