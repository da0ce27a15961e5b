/**
 * What still takes presses on its card, read in a change's transaction (a board moving to
 * another channel posts those cards again there: teams/outbox/publisher.ts). Each feature
 * asks for its own; a removable feature keeps its part in its own file (tasks.ts).
 */
import type { Conclusion } from '../domain/conclusion.js';
import type { DatePoll } from '../domain/date-planning.js';
import type { Meeting } from '../domain/meeting.js';
import type { Minutes } from '../domain/minutes.js';
import type { Motion } from '../domain/voting.js';
import type { At } from './contributions.js';
import { latestOf } from './minutes.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** R5: the votes still open. */
export const openMotionsAt = (at: At): Promise<Motion[]> => at.repo.listOpenMotions();

/** R7: conclusions not yet decided (open, or objected and waiting for the chair). */
export const undecidedConclusionsAt = async (at: At): Promise<Conclusion[]> =>
  (await at.repo.listConclusions()).filter((c) => c.status === 'open' || c.status === 'objected');

/** R10: this year's and next year's date polls not yet confirmed. */
export const unconfirmedPollsAt = async (at: At): Promise<DatePoll[]> => {
  const year = at.now.getUTCFullYear();
  return [...(await at.repo.listDatePolls(year)), ...(await at.repo.listDatePolls(year + 1))].filter((poll) => !poll.confirmedAt);
};

/** Planned meetings that start `daysBack` days before `at.now` or later. */
export const plannedMeetingsAt = (at: At, daysBack = 0): Promise<Meeting[]> =>
  at.repo.listMeetings({ status: 'planned', from: new Date(at.now.getTime() - daysBack * DAY_MS) });

/** R16: the newest minutes of each meeting held in the last `days` days, where not yet approved. */
export const unapprovedMinutesAt = async (at: At, days: number): Promise<Minutes[]> => {
  const held = await at.repo.listMeetings({ status: 'planned', from: new Date(at.now.getTime() - days * DAY_MS), to: at.now });
  const latest = await Promise.all(held.map((meeting) => latestOf(at.repo, meeting.id)));
  return latest.filter((minutes): minutes is Minutes => minutes !== undefined && !minutes.approvedAt);
};
