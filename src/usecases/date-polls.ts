/** R10: next year's meeting dates, chosen in one poll and confirmed by the chair. */
import type { Person } from '../domain/kernel/board.js';
import { isoDate, localDateOf, localIsoDate, parseHhmm, toInstant } from '../domain/kernel/calendar.js';
import { type AnswerRefusal, type ConfirmRefusal, type DateAnswer, type DatePoll, answerPoll, canStartPoll, confirmPoll } from '../domain/date-planning.js';
import { proposeMeetingDates } from '../domain/date-proposals.js';
import { type Meeting, planMeeting } from '../domain/meeting.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { can } from '../domain/kernel/policy.js';
import { planMeetingJobs } from '../scheduler/planning.js';
import type { ReadOptions, Repository } from '../store/port.js';
import { type Deps, type LegacyOrigin as Origin, audit, firstDelivery } from './deps.js';

export interface PollState {
  readonly poll: DatePoll;
  readonly answers: readonly DateAnswer[];
}

/** `lock`: for a change, first in its transaction (see ReadOptions). */
export async function loadPoll(repo: Repository, pollId: string, read?: ReadOptions): Promise<PollState | undefined> {
  const poll = await repo.getDatePoll(pollId, read);
  if (!poll) return undefined;
  return { poll, answers: await repo.listDateAnswers(pollId) };
}

/** `moededatoer <aar>` (chair, secretary): posts a poll of proposed dates for the year. */
export async function startDatePoll(
  deps: Deps,
  person: Person,
  year: number,
  origin: Origin,
): Promise<Result<PollState | undefined, 'not-chair-or-secretary' | 'bad-year' | 'poll-confirmed' | 'not-bound'>> {
  const now = deps.clock();
  const { board } = deps;
  const permitted = can(person, 'dates.plan');
  if (!permitted.ok) return permitted;
  const allowed = canStartPoll(year, localDateOf(now, board.timezone).year);
  if (!allowed.ok) return allowed;
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    const earlier = await repo.listDatePolls(year);
    if (earlier.some((p) => p.confirmedAt)) return refuse('poll-confirmed' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const today = localIsoDate(now, board.timezone);
    const proposedDates = proposeMeetingDates(year).map(isoDate).filter((d) => d > today);
    const poll: DatePoll = { id: deps.newId(), year, proposedDates, time: board.policies.meetingTime, createdBy: person.id, createdAt: now };
    await repo.insertDatePoll(poll);
    await audit(repo, { at: now, actor: person.id, action: 'dates.poll', subject: `dates:${year}`, data: { pollId: poll.id, proposedDates } }, origin);
    await deps.publisher.publishOne(repo, { type: 'dates.poll', pollId: poll.id });
    return ok({ poll, answers: [] });
  });
}

/** `dates.answer`: a member marks the dates they can attend (a new answer replaces the old). */
export async function answerDatePoll(
  deps: Deps,
  person: Person,
  pollId: string,
  available: readonly string[],
  origin: Origin,
): Promise<Result<PollState, AnswerRefusal | 'unknown-poll' | 'not-a-member'>> {
  const allowed = can(person, 'dates.answer');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const state = await loadPoll(repo, pollId, { lock: true });
    if (!state) return refuse('unknown-poll' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(state);
    const answer = answerPoll(person, state.poll, available, now);
    if (!answer.ok) return answer;
    await repo.upsertDateAnswer(answer.value);
    await audit(repo, { at: now, actor: person.id, action: 'dates.answered', subject: `dates:${state.poll.year}`, data: { pollId, available: answer.value.available } }, origin);
    await deps.publisher.publishOne(repo, { type: 'dates.changed', pollId });
    return ok((await loadPoll(repo, pollId))!);
  });
}

/**
 * `dates.confirm` (chair): confirms at least four dates; creates the year's ordinary
 * meetings with all their agenda and reminder jobs. The annual reminders stop by
 * themselves, since the year now has its dates.
 */
export async function confirmDatePollAction(
  deps: Deps,
  chair: Person,
  pollId: string,
  dates: readonly string[],
  origin: Origin,
): Promise<Result<{ state: PollState; meetings: readonly Meeting[] }, ConfirmRefusal | 'unknown-poll' | 'meeting-exists' | 'not-chair'>> {
  const allowed = can(chair, 'dates.confirm');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  const { board } = deps;
  return deps.store.transaction(async (repo) => {
    const state = await loadPoll(repo, pollId, { lock: true });
    if (!state) return refuse('unknown-poll' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok({ state, meetings: [] });
    const confirmed = confirmPoll(state.poll, dates, localIsoDate(now, board.timezone));
    if (!confirmed.ok) return confirmed;
    const time = parseHhmm(state.poll.time);
    const existing = await repo.listMeetings({ status: 'planned' });
    const meetings: Meeting[] = [];
    for (const date of confirmed.value) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const planned = planMeeting(chair, [...existing, ...meetings], { id: deps.newId(), kind: 'ordinary', startsAt: toInstant({ year: y, month: m, day: d }, time, board.timezone), now });
      if (!planned.ok) {
        if (planned.reason === 'meeting-exists') return refuse('meeting-exists' as const);
        return refuse('date-in-past' as const);
      }
      meetings.push(planned.value);
    }
    if (!(await repo.confirmDatePoll(pollId, now, chair.id, confirmed.value))) return refuse('poll-confirmed' as const);
    for (const meeting of meetings) {
      await repo.insertMeeting(meeting);
      const jobs = planMeetingJobs(board, meeting, now);
      for (const job of jobs.plan) await repo.scheduleJob(job);
    }
    await audit(repo, { at: now, actor: chair.id, action: 'dates.confirmed', subject: `dates:${state.poll.year}`, data: { pollId, dates: confirmed.value } }, origin);
    await deps.publisher.publishOne(repo, { type: 'dates.confirmed', pollId });
    return ok({ state: (await loadPoll(repo, pollId))!, meetings });
  });
}
