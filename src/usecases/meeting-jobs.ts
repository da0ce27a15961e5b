/**
 * A meeting's jobs (pure): which it needs, and when. Planned idempotently: one job per
 * meeting and kind (the key), re-planned when the meeting changes, cancelled with it.
 * What each job does is the agenda's (agenda.ts) and the dates' (dates.ts).
 */
import type { Board } from '../domain/kernel/board.js';
import { agendaDeadline, agendaReminderAt, dayBeforeReminderAt } from '../domain/kernel/calendar.js';
import { type Meeting, attendanceClosesAt, dayAfterReminderAt } from '../domain/meeting.js';
import type { JobInput, Repository } from '../store/port.js';

export const JOB = {
  agendaReminder: 'agenda.reminder',
  agendaPost: 'agenda.post',
  meetingReminder: 'meeting.reminder',
  datePlanningReminder: 'dates.reminder',
  attendance: 'meeting.attendance',
  attendanceClose: 'meeting.attendance-close',
  openConclusions: 'conclusion.open-reminder',
} as const;

export const jobKeys = {
  agendaReminder: (meetingId: string) => `meeting:${meetingId}:agenda-reminder`,
  agendaPost: (meetingId: string) => `meeting:${meetingId}:agenda-post`,
  meetingReminder: (meetingId: string) => `meeting:${meetingId}:day-before`,
  attendance: (meetingId: string) => `meeting:${meetingId}:attendance`,
  attendanceClose: (meetingId: string) => `meeting:${meetingId}:attendance-close`,
  openConclusions: (meetingId: string) => `meeting:${meetingId}:open-conclusions`,
  datePlanning: (at: Date) => `date-planning:${at.toISOString().slice(0, 10)}`,
};

export interface MeetingJobs {
  /** Jobs to plan (or re-plan). */
  readonly plan: JobInput[];
  /** Keys of jobs to cancel. */
  readonly cancel: string[];
}

/**
 * R13: the chair and secretary are reminded `agendaReminderDays` before; the agenda goes
 * out at the deadline (at once, if the meeting was called at shorter notice: then it is
 * late); the board is reminded the day before. Reminders whose moment passed before
 * the meeting was planned are left out: a reminder about a deadline already missed
 * helps nobody.
 */
export function planMeetingJobs(board: Board, meeting: Meeting, now: Date): MeetingJobs {
  const keys = [jobKeys.agendaReminder(meeting.id), jobKeys.agendaPost(meeting.id), jobKeys.meetingReminder(meeting.id)];
  if (meeting.status !== 'planned') return { plan: [], cancel: keys };
  const { policies, timezone } = board;
  const payload = { meetingId: meeting.id };
  const plan: JobInput[] = [];
  const cancel: string[] = [];
  const remind = (key: string, kind: string, dueAt: Date) => {
    if (dueAt.getTime() > now.getTime() && dueAt.getTime() < meeting.startsAt.getTime()) plan.push({ key, kind, dueAt, payload });
    else cancel.push(key);
  };
  remind(keys[0]!, JOB.agendaReminder, agendaReminderAt(meeting.startsAt, policies, timezone));
  if (!meeting.agendaSentAt) {
    const deadline = agendaDeadline(meeting.startsAt, policies, timezone);
    plan.push({ key: keys[1]!, kind: JOB.agendaPost, dueAt: deadline.getTime() > now.getTime() ? deadline : now, payload });
  }
  remind(keys[2]!, JOB.meetingReminder, dayBeforeReminderAt(meeting.startsAt, policies, timezone));
  return { plan, cancel };
}

/**
 * Plans (and cancels) the meeting's jobs in the caller's transaction. `again` (a meeting moved):
 * a reminder that went out for its old time is planned anew for the new one.
 */
export async function planMeetingJobsIn(tx: { readonly repo: Repository; readonly board: Board; readonly now: Date }, meeting: Meeting, options: { readonly again?: boolean } = {}): Promise<void> {
  const jobs = planMeetingJobs(tx.board, meeting, tx.now);
  for (const job of jobs.plan) await tx.repo.scheduleJob(job, options);
  for (const key of jobs.cancel) await tx.repo.cancelJob(key);
  // R16: at the start the attendance card goes out (attendance.ts).
  const attendance = jobKeys.attendance(meeting.id);
  if (meeting.status === 'planned' && meeting.startsAt.getTime() > tx.now.getTime()) {
    await tx.repo.scheduleJob({ key: attendance, kind: JOB.attendance, dueAt: meeting.startsAt, payload: { meetingId: meeting.id } }, options);
  } else await tx.repo.cancelJob(attendance);
  // Cancelled after its start (R16): what follows its start goes with it (the card's close, the reminder of conclusions left open).
  if (meeting.status !== 'planned') for (const key of [jobKeys.attendanceClose(meeting.id), jobKeys.openConclusions(meeting.id)]) await tx.repo.cancelJob(key);
}

/**
 * R13: the meeting's reminders not sent yet (held up by an outage of Teams, or queued before a stop)
 * end at `at`, when it was cancelled or moved (meetingRemindersUntil): the outbox drops them, each
 * said in a line of the log, instead of naming a meeting at a time it is no longer held.
 */
export async function endMeetingRemindersIn(tx: { readonly repo: Repository }, meetingId: string, at: Date): Promise<void> {
  for (const key of [jobKeys.agendaReminder(meetingId), jobKeys.meetingReminder(meetingId)]) await tx.repo.endReminders(key, at);
}

/**
 * At start: the pending jobs of the meetings to come moved to where the board file now puts them
 * (an operator changed `postingTime`, `agendaLeadDays`, `agendaReminderDays` or the time zone since
 * they were planned), so that what the bot shows and when it posts stay one. Only a job still
 * ahead is moved: one done stays done, one that fell due while the bot was down goes out at once
 * as it would have, and one the file would now leave out is left as it is.
 */
export async function movePlannedJobsIn(tx: { readonly repo: Repository; readonly board: Board; readonly now: Date }, planned?: readonly Meeting[]): Promise<void> {
  for (const meeting of planned ?? (await tx.repo.listMeetings({ status: 'planned' }))) {
    if (meeting.startsAt.getTime() <= tx.now.getTime()) continue;
    for (const job of planMeetingJobs(tx.board, meeting, tx.now).plan) await moveJobIn(tx, job);
  }
}

/**
 * `job` planned anew where it is pending and still ahead, and its moment moved (movePlannedJobsIn).
 * One that fell due while the bot was down runs now, in its order among the others, wherever the file now puts it.
 */
export async function moveJobIn(tx: { readonly repo: Repository; readonly now: Date }, job: JobInput): Promise<void> {
  const planned = await tx.repo.getJob(job.key);
  const ahead = planned?.status === 'pending' && planned.dueAt.getTime() > tx.now.getTime();
  if (ahead && planned.dueAt.getTime() !== job.dueAt.getTime()) await tx.repo.scheduleJob(job);
}

/**
 * At start, for the meetings begun since yesterday: what follows them moved where the board file
 * now puts it (its posting time or zone changed), as movePlannedJobsIn does for what comes before:
 * the reminder of conclusions left open (the day after, at postingTime) and the attendance card's
 * close (at midnight after the day). A card posted by a version without that close gets it.
 */
export async function moveJobsAfterMeetingsIn(tx: { readonly repo: Repository; readonly board: Board; readonly now: Date }): Promise<void> {
  const { board, now } = tx;
  const since = new Date(now.getTime() - 2 * 86_400_000);
  for (const meeting of await tx.repo.listMeetings({ status: 'planned', from: since, to: new Date(now.getTime() + 1) })) {
    const payload = { meetingId: meeting.id };
    await moveJobIn(tx, { key: jobKeys.openConclusions(meeting.id), kind: JOB.openConclusions, dueAt: dayAfterReminderAt(meeting, board.policies.postingTime, board.timezone), payload });
    const close = { key: jobKeys.attendanceClose(meeting.id), kind: JOB.attendanceClose, dueAt: attendanceClosesAt(meeting, board.timezone), payload };
    if (close.dueAt.getTime() <= now.getTime()) continue;
    const planned = await tx.repo.getJob(close.key);
    if (planned && planned.status !== 'cancelled') await moveJobIn(tx, close);
    else await tx.repo.scheduleJob(close);
  }
}
