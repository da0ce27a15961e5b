/**
 * Job planning (pure): which jobs a meeting needs, and when. Planned idempotently:
 * one job per meeting and kind (the key), re-planned when the meeting changes,
 * cancelled with it.
 */
import type { Board } from '../domain/kernel/board.js';
import { agendaDeadline, agendaReminderAt, dayBeforeReminderAt, nextDatePlanningReminder } from '../domain/kernel/calendar.js';
import type { Meeting } from '../domain/meeting.js';
import type { JobInput } from '../store/port.js';

export const JOB = {
  agendaReminder: 'agenda.reminder',
  agendaPost: 'agenda.post',
  meetingReminder: 'meeting.reminder',
  datePlanningReminder: 'dates.reminder',
} as const;

export const jobKeys = {
  agendaReminder: (meetingId: string) => `meeting:${meetingId}:agenda-reminder`,
  agendaPost: (meetingId: string) => `meeting:${meetingId}:agenda-post`,
  meetingReminder: (meetingId: string) => `meeting:${meetingId}:day-before`,
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

/** R10: the next annual reminder about next year's dates, from `now` on (none left this year: undefined). */
export function planDatePlanningReminder(board: Board, now: Date): JobInput | undefined {
  const at = nextDatePlanningReminder(now, board.policies, board.timezone);
  if (!at) return undefined;
  return { key: jobKeys.datePlanning(at), kind: JOB.datePlanningReminder, dueAt: at };
}
