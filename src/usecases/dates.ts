/** R10: next year's meeting dates, chosen in one poll and confirmed by the chair; the annual reminder. */
import { z } from 'zod';
import { type AnswerRefusal, type ConfirmRefusal, type DateAnswer, type DatePoll, answerPoll, canPollAgain, canStartPoll, confirmPollAgainst, countsBesides, datePlanningRemindersUntil, datesNeeded, openPoll, ordinaryMeetingAhead, ordinaryMeetingsBesides, ordinaryMeetingsOf, placeConfirmedDates, pollStanding, yearHasDates } from '../domain/date-planning.js';
import { datePlanningReminderState, datePlanningSeason, datePlanningYearAt, latestDatePlanningReminder, pollProposals, upcomingDatePlanningReminder } from '../domain/date-planning-season.js';
import { localDateOf, localIsoDate } from '../domain/kernel/calendar.js';
import { stillOfUse } from '../domain/kernel/reminders.js';
import { ok, refuse } from '../domain/kernel/result.js';
import { type Meeting, planMeeting } from '../domain/meeting.js';
import type { ReadOptions, Repository } from '../store/port.js';
import type { ChangeAt } from './contributions.js';
import { type Deps, boardStore } from './deps.js';
import type { BoardEvent, EventsOf } from './event.js';
import type { MeetingEvent } from './meetings.js';
import { type ItemsRenamed, renameItemsOn } from './item-headings.js';
import { type JobContext, defineJob } from './jobs.js';
import { syncAgendasIn } from './agenda-rows.js';
import { JOB, jobKeys, planMeetingJobsIn } from './meeting-jobs.js';
import { type Origin, type Outcome, type Tx, ask, done, personOf, run } from './runner.js';

export interface PollState {
  readonly poll: DatePoll;
  readonly answers: readonly DateAnswer[];
  /**
   * The meetings already planned on confirmed dates that the confirmation kept (placeConfirmedDates):
   * set by the confirmation only, for its card and announcement; not stored with the poll.
   */
  readonly kept?: readonly Meeting[];
  /**
   * The board's planned meetings when the poll was loaded: R9's ordinary meetings of the year on
   * other days (ordinaryMeetingsBesides) count toward its four, and the card names them.
   */
  readonly planned?: readonly Meeting[];
}

export type DatesEvent =
  | EventsOf<'dates.poll' | 'dates.answered', { readonly data: unknown } & PollState>
  | ({ readonly type: 'dates.confirmed'; readonly meetings: readonly Meeting[]; readonly kept: readonly Meeting[]; readonly data: unknown } & PollState)
  /**
   * `state`: where the year's dates stand (datePlanningReminderState): nothing done ('open'), a poll open,
   * one open that can no longer be confirmed ('poll-stranded': `stranded` says how many dates it has left
   * and how many meetings the year would still lack), or a poll confirmed once and the year since short of
   * four ordinary meetings ('reopened': `ordinary`, how many it has).
   * `meetingAhead`: an ordinary meeting of the year before `year` is still to come, where the dates are agreed.
   * `thisYear`: the reminder goes out in `year` itself (the season went on past New Year: R10).
   */
  | {
      readonly type: 'reminder.dates';
      readonly year: number;
      readonly key: string;
      readonly state: 'open' | 'poll-open' | 'poll-stranded' | 'reopened';
      readonly stranded?: Stranded;
      readonly ordinary?: number;
      readonly meetingAhead: boolean;
      readonly thisYear: boolean;
      /** Its moment (datePlanningRemindersUntil): brought forward when the year's dates are fixed before it is sent. */
      readonly until: Date;
    }
  /**
   * R9, R10: an ordinary meeting of a poll's year planned, moved or cancelled while the poll is open: the
   * polls as they now stand, whose cards name the year's meetings already planned and how many dates to
   * choose. A consequence of the meeting's event, which is recorded: not recorded itself.
   */
  | { readonly type: 'dates.meetings-changed'; readonly polls: readonly PollState[]; readonly unrecorded: true };

/**
 * R9, R10: an open poll that can no longer be confirmed (pollStanding): the year it is for, how many of its
 * dates are left (after today), and how many ordinary meetings the year would still lack with all of them.
 */
export interface Stranded {
  readonly year: number;
  readonly left: number;
  readonly short: number;
}

/** `lock`: for a change, first in its transaction (see ReadOptions). */
export async function loadPoll(repo: Repository, pollId: string, read?: ReadOptions): Promise<PollState | undefined> {
  const poll = await repo.getDatePoll(pollId, read);
  if (!poll) return undefined;
  const [answers, planned] = await Promise.all([repo.listDateAnswers(pollId), repo.listMeetings({ status: 'planned' })]);
  return { poll, answers, planned };
}

const current = (pollId: string) => async (tx: Tx): Promise<Outcome<PollState, 'unknown-poll'>> => {
  const state = await loadPoll(tx.repo, pollId);
  return state ? done(state) : refuse('unknown-poll');
};

/** `moededatoer <aar>` (chair, secretary): posts a poll of proposed dates for the year. */
export function startDatePoll(deps: Deps, origin: Origin, input: { readonly yearText: string }) {
  return run(deps, origin, { action: 'dates.plan' }, async (tx) => {
    if (!/^\d{4}$/.test(input.yearText.trim())) return refuse('bad-year');
    const year = Number(input.yearText.trim());
    const allowed = canStartPoll(year, localDateOf(tx.now, tx.board.timezone).year);
    if (!allowed.ok) return allowed;
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const [earlier, meetings] = await Promise.all([tx.repo.listDatePolls(year), tx.repo.listMeetings({ status: 'planned' })]);
    // R10: one open poll per year; none once a confirmed one has given the year its four (R9).
    const again = canPollAgain(year, { polls: earlier, meetings, zone: tx.board.timezone }, localIsoDate(tx.now, tx.board.timezone));
    if (!again.ok) return again;
    // R10: a day that already holds a planned meeting is not proposed; R9: a poll that cannot
    // offer four meeting dates could never be confirmed (the limit at which the reminders stop too).
    const proposals = pollProposals(year, { meetings, zone: tx.board.timezone, country: tx.board.country }, tx.now);
    if (!proposals.ok) return proposals;
    const proposedDates = proposals.value;
    const poll: DatePoll = { id: tx.newId(), year, proposedDates, time: tx.board.policies.meetingTime, createdBy: personOf(tx).id, createdAt: tx.now };
    await tx.repo.insertDatePoll(poll);
    return done({ poll, answers: [], planned: meetings }, { type: 'dates.poll', poll, answers: [], planned: meetings, data: { pollId: poll.id, proposedDates } });
  });
}

const MEETING_CHANGES = new Set(['meeting.planned', 'meeting.moved', 'meeting.cancelled']);

/**
 * R9, R10, after any change: a meeting planned (`moede`), moved (`flyt moede`) or cancelled (`aflys moede`)
 * that is, or was, one of an open poll's year's ordinary meetings on other days than the dates it still
 * offers (countsBesides, pollStanding): the poll, read again, for its card. No poll of its year open: nothing.
 * An ordinary meeting cancelled or moved out of the year the reminders are about (datePlanningYearAt) that
 * leaves it short of R9's four (yearHasDates: its confirmed poll no longer fixes it) plans the season's next
 * reminder, so that they resume where a confirmation had ended them.
 */
export async function datesAfterMeetings(tx: ChangeAt, events: readonly BoardEvent[]): Promise<DatesEvent[]> {
  const changes = events.filter((e): e is MeetingEvent => MEETING_CHANGES.has(e.type));
  if (changes.length === 0) return [];
  const zone = tx.board.timezone;
  const today = localIsoDate(tx.now, zone);
  const starts = changes.flatMap((c) => (c.type === 'meeting.moved' ? [c.from, c.meeting.startsAt] : [c.meeting.startsAt]).map((at) => ({ kind: c.meeting.kind, at })));
  const years = [...new Set(starts.map((s) => localDateOf(s.at, zone).year))];
  const polls: PollState[] = [];
  for (const year of years) {
    const open = openPoll(year, await tx.repo.listDatePolls(year));
    if (!open) continue;
    const offered = open.proposedDates.filter((d) => d > today);
    if (!starts.some((s) => countsBesides(year, offered, s.kind, s.at, zone))) continue;
    const state = await loadPoll(tx.repo, open.id);
    if (state) polls.push(state);
  }
  await resumeDatePlanningReminders(tx, changes);
  // R10: the fourth ordinary meeting planned by hand fixes the year's dates: its reminders held up in the outbox are not sent.
  if (changes.some((c) => c.type === 'meeting.planned' && c.meeting.kind === 'ordinary')) {
    const year = datePlanningYearAt(tx.now, tx.board.policies, zone);
    if (years.includes(year)) await endDatePlanningRemindersIn(tx, year, await tx.repo.listMeetings({ status: 'planned' }));
  }
  return polls.length ? [{ type: 'dates.meetings-changed', polls, unrecorded: true }] : [];
}

/** R9, R10: the season's next reminder, when a meeting cancelled or moved leaves the year it is about short of four ordinary meetings. */
async function resumeDatePlanningReminders(tx: ChangeAt, changes: readonly MeetingEvent[]): Promise<void> {
  const { board, now } = tx;
  const year = datePlanningYearAt(now, board.policies, board.timezone);
  const lost = changes.some((c) => c.meeting.kind === 'ordinary' && (c.type === 'meeting.cancelled' || c.type === 'meeting.moved') && localDateOf(c.type === 'meeting.moved' ? c.from : c.meeting.startsAt, board.timezone).year === year);
  if (!lost || yearHasDates(year, { meetings: await tx.repo.listMeetings({ status: 'planned' }), zone: board.timezone })) return;
  const next = upcomingDatePlanningReminder(now, board.policies, board.timezone);
  await tx.repo.scheduleJob({ key: jobKeys.datePlanning(next), kind: JOB.datePlanningReminder, dueAt: next });
}

/** The poll as it stands (a card's refresh: each member sees their own ticks). */
export function showDatePoll(deps: Deps, origin: Origin, pollId: string) {
  return ask(deps, origin, 'board.read', async ({ repo }) => {
    const state = await loadPoll(repo, pollId);
    return state ? { ok: true as const, value: state } : refuse('unknown-poll' as const);
  });
}

/** `dates.answer`: a member marks the dates they can attend (a new answer replaces the old). */
export function answerDatePoll(deps: Deps, origin: Origin, input: { readonly pollId: string; readonly available: readonly string[] }) {
  return run(deps, origin, { action: 'dates.answer', again: current(input.pollId) }, async (tx): Promise<Outcome<PollState, AnswerRefusal | 'unknown-poll'>> => {
    const state = await loadPoll(tx.repo, input.pollId, { lock: true });
    if (!state) return refuse('unknown-poll');
    const made = answerPoll(personOf(tx), state.poll, input.available, tx.now);
    if (!made.ok) return made;
    const answer = made.value;
    await tx.repo.upsertDateAnswer(answer);
    const answers = [...state.answers.filter((a) => a.personId !== answer.personId), answer];
    const after = { poll: state.poll, answers, planned: state.planned };
    return done(after, { type: 'dates.answered', ...after, data: { pollId: input.pollId, available: answer.available } });
  });
}

/**
 * `dates.confirm` (chair): confirms at least four dates; creates the year's ordinary
 * meetings with all their agenda and reminder jobs. A date that already holds a planned
 * ordinary meeting keeps it (not planned twice: `kept`); an extraordinary meeting at the
 * very time of a date's meeting refuses the confirmation ('meeting-clash': datePollClashes
 * names them). The annual reminders stop by themselves, since the year now has its dates
 * (a confirmed poll: yearHasDates).
 */
export function confirmDatePollAction(deps: Deps, origin: Origin, input: { readonly pollId: string; readonly dates: readonly string[] }) {
  type Confirmed = { state: PollState; meetings: readonly Meeting[] };
  const again = async (tx: Tx): Promise<Outcome<Confirmed, 'unknown-poll'>> => {
    const state = await loadPoll(tx.repo, input.pollId);
    return state ? done({ state, meetings: [] }) : refuse('unknown-poll');
  };
  return run(deps, origin, { action: 'dates.confirm', again }, async (tx): Promise<Outcome<Confirmed, ConfirmRefusal | 'unknown-poll' | 'meeting-clash'>> => {
    const { board } = tx;
    const state = await loadPoll(tx.repo, input.pollId, { lock: true });
    if (!state) return refuse('unknown-poll');
    await tx.repo.lockMeetingPlanning();
    const existing = await tx.repo.listMeetings({ status: 'planned' });
    // R9: the year's ordinary meetings on other days count toward its four.
    const confirmed = confirmPollAgainst(state.poll, input.dates, localIsoDate(tx.now, board.timezone), existing, board.timezone);
    if (!confirmed.ok) return confirmed;
    const placed = placeConfirmedDates(state.poll, confirmed.value, existing, board.timezone);
    if (placed.clashes.length > 0) return refuse('meeting-clash');
    const meetings: Meeting[] = [];
    for (const startsAt of placed.plan) {
      const planned = planMeeting(personOf(tx), [...existing, ...meetings], { id: tx.newId(), kind: 'ordinary', startsAt, now: tx.now });
      if (!planned.ok) return refuse(planned.reason === 'meeting-exists' ? 'meeting-clash' : 'date-in-past');
      meetings.push(planned.value);
    }
    if (!(await tx.repo.confirmDatePoll(input.pollId, tx.now, personOf(tx).id, confirmed.value))) return refuse('poll-confirmed');
    for (const meeting of meetings) {
      await tx.repo.insertMeeting(meeting);
      await planMeetingJobsIn(tx, meeting);
    }
    await syncAgendasIn(tx);
    // R10: the year's reminders held up in the outbox (Teams down, or a stop) are not sent once its dates are fixed.
    await endDatePlanningRemindersIn(tx, state.poll.year, [...existing, ...meetings]);
    // PRODUCT §1.3: a meeting of a confirmed day now has company (an extraordinary one at another time): its item lines name its time.
    const renamed = await renameItemsOn(deps, tx, meetings.map((m) => m.startsAt));
    const poll = { ...state.poll, confirmedAt: tx.now, confirmedBy: personOf(tx).id, confirmedDates: confirmed.value };
    const after = { poll, answers: state.answers, kept: placed.kept, planned: [...existing, ...meetings] };
    const keptDates = placed.kept.map((m) => localIsoDate(m.startsAt, board.timezone));
    const data = { pollId: input.pollId, dates: confirmed.value, ...(keptDates.length ? { kept: keptDates } : {}) };
    return done<Confirmed, DatesEvent | ItemsRenamed>({ state: after, meetings }, { type: 'dates.confirmed', ...after, meetings, data }, renamed);
  });
}

/**
 * R10: the reminders of `year`'s dates already due and not sent yet (held up by an outage of Teams, or
 * queued before a stop) end now, once `meetings` (the planned ones) give the year its dates
 * (datePlanningRemindersUntil): the outbox drops them, each said in a line of the log.
 */
async function endDatePlanningRemindersIn(tx: ChangeAt, year: number, meetings: readonly Meeting[]): Promise<void> {
  const { board, now } = tx;
  const until = datePlanningRemindersUntil(year, { meetings, zone: board.timezone }, now);
  if (stillOfUse(until, now)) return;
  for (const due of datePlanningSeason(year, board.policies, board.timezone).filter((r) => r.getTime() <= now.getTime())) await tx.repo.endReminders(jobKeys.datePlanning(due), until);
}

/** R10: the meetings that stand in the way of confirming `dates` (what a 'meeting-clash' refusal names). */
export function datePollClashes(deps: Deps, origin: Origin, input: { readonly pollId: string; readonly dates: readonly string[] }) {
  return ask(deps, origin, 'board.read', async ({ repo, board, now }) => {
    const state = await loadPoll(repo, input.pollId);
    if (!state) return refuse('unknown-poll' as const);
    const existing = state.planned ?? [];
    const confirmed = confirmPollAgainst(state.poll, input.dates, localIsoDate(now, board.timezone), existing, board.timezone);
    if (!confirmed.ok) return ok([] as readonly Meeting[]);
    return ok(placeConfirmedDates(state.poll, confirmed.value, existing, board.timezone).clashes);
  });
}

/**
 * R9, R10: what a 'too-few-dates' refusal names: how many of the dates chosen the confirmation
 * needs (datesNeeded), and how many ordinary meetings of the year on other days it counted.
 */
export function datePollShortfall(deps: Deps, origin: Origin, input: { readonly pollId: string; readonly dates: readonly string[] }) {
  return ask(deps, origin, 'board.read', async ({ repo, board }) => {
    const state = await loadPoll(repo, input.pollId);
    if (!state) return refuse('unknown-poll' as const);
    const besides = ordinaryMeetingsBesides(state.poll.year, input.dates, state.planned ?? [], board.timezone);
    return ok({ year: state.poll.year, needed: datesNeeded(besides), counted: besides.length });
  });
}

/**
 * R9, R10: what a 'too-few-dates-left' refusal names (the poll `pollId`), or a 'poll-stranded' one (the open
 * poll of `year`): how many of its dates are left and how many ordinary meetings the year would still lack
 * (pollStanding). Undefined when the poll is no longer stranded (a meeting planned meanwhile).
 */
export function strandedPoll(deps: Deps, origin: Origin, input: { readonly pollId: string } | { readonly year: number }) {
  return ask(deps, origin, 'board.read', async ({ repo, board, now }) => {
    const poll = 'pollId' in input ? await repo.getDatePoll(input.pollId) : openPoll(input.year, await repo.listDatePolls(input.year));
    if (!poll) return ok(undefined);
    return ok(strandedOf(poll, await repo.listMeetings({ status: 'planned' }), board.timezone, now));
  });
}

function strandedOf(poll: DatePoll, meetings: readonly Meeting[], zone: string, now: Date): Stranded | undefined {
  const standing = pollStanding(poll, meetings, zone, localIsoDate(now, zone));
  return standing.short > 0 ? { year: poll.year, left: standing.offered.length, short: standing.short } : undefined;
}

/**
 * R10: where `year`'s dates stand for its reminder (the rule is the domain's:
 * datePlanningReminderState; the bot served the board since its first audit entry: every
 * change, the binding and each reminder write one), and whether an ordinary meeting of the year before is still
 * to come (ordinaryMeetingAhead).
 */
async function planningState({ deps, board }: JobContext, year: number) {
  const store = boardStore(deps, board);
  const [polls, meetings, servedSince] = await Promise.all([store.listDatePolls(year), store.listMeetings({ status: 'planned' }), store.firstAuditAt()]);
  const now = deps.clock();
  const state = datePlanningReminderState(year, { polls, meetings, zone: board.timezone, country: board.country, servedSince }, now);
  const open = state === 'poll-stranded' ? openPoll(year, polls) : undefined;
  const stranded = open ? strandedOf(open, meetings, board.timezone, now) : undefined;
  return {
    state,
    ...(stranded ? { stranded } : {}),
    ...(state === 'reopened' ? { ordinary: ordinaryMeetingsOf(year, meetings, board.timezone).length } : {}),
    meetingAhead: ordinaryMeetingAhead(year - 1, meetings, now, board.timezone),
  };
}

/**
 * R10: plans the date-planning reminder: the latest one already due if it was never
 * planned (a bot started after it still reminds at once), else the next one: this season's
 * next (across New Year too), or, after the season's last, once the year's dates are fixed
 * or (`seasonOver`, as the job found) once the year can no longer hold four meetings, the
 * first of the next season (a bot that never restarts reminds every year).
 *
 * Planned at start and after each reminder. Several instances may plan at once: the job
 * key is the reminder's date (one job per reminder), and a reminder only posts while it is
 * the latest one due (see the job), so one missed earlier and still pending posts nothing.
 * Whether the year can still hold four meetings is asked by the job only (it reads the
 * Danish days off: not at every start).
 */
export async function ensureDatePlanningReminder(context: JobContext, seasonOver = false): Promise<void> {
  const { deps, board } = context;
  const store = boardStore(deps, board);
  const now = deps.clock();
  const year = datePlanningYearAt(now, board.policies, board.timezone);
  const meetings = await store.listMeetings({ status: 'planned' });
  const over = seasonOver || yearHasDates(year, { meetings, zone: board.timezone });
  const latest = latestDatePlanningReminder(now, board.policies, board.timezone);
  if (!over && !(await store.getJob(jobKeys.datePlanning(latest)))) {
    await store.scheduleJob({ key: jobKeys.datePlanning(latest), kind: JOB.datePlanningReminder, dueAt: latest });
    return;
  }
  const next = upcomingDatePlanningReminder(now, board.policies, board.timezone, over);
  await store.scheduleJob({ key: jobKeys.datePlanning(next), kind: JOB.datePlanningReminder, dueAt: next });
}

export const datesJobs = [
  /**
   * R10: from datePlanningStart, every two weeks, the chair and the secretary are reminded
   * until next year has its dates (yearHasDates), on past New Year while that year can still
   * hold four ordinary meetings, for a board the bot served before that year began
   * (datePlanningReminderState); while a poll for it is open, to
   * answer and confirm it. A reminder left over from an earlier season, or superseded by a
   * later one already due (the bot was down), is not sent.
   */
  defineJob({
    kind: JOB.datePlanningReminder,
    payload: z.unknown(),
    run: async (context, _payload, job) => {
      const { deps, board } = context;
      // The reminder this job stands for is its key's (a retry moves its due time): it posts only
      // while it is the latest one due. One left over from an earlier year, or one that a later
      // reminder already due supersedes (the bot was down across both), posts nothing: one
      // reminder on catch-up, the later one.
      const latest = latestDatePlanningReminder(deps.clock(), board.policies, board.timezone);
      let seasonOver = false;
      if (job.key === jobKeys.datePlanning(latest)) {
        const year = datePlanningYearAt(latest, board.policies, board.timezone);
        const { state, ...details } = await planningState(context, year);
        const thisYear = localDateOf(latest, board.timezone).year === year;
        if (state === 'open' || state === 'poll-open' || state === 'poll-stranded' || state === 'reopened') {
          await run(deps, { board, actor: 'system' }, { action: 'dates.plan' }, async (tx) => {
            const until = datePlanningRemindersUntil(year, { meetings: await tx.repo.listMeetings({ status: 'planned' }), zone: board.timezone }, tx.now);
            return done(undefined, { type: 'reminder.dates', year, key: job.key, state, ...details, thisYear, until });
          });
        } else seasonOver = true;
      }
      await ensureDatePlanningReminder(context, seasonOver);
    },
  }),
];
