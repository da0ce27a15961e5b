/** The scheduled work (R10, R13): what each job does when it falls due. */
import { agendaDeadline, datePlanningReminders, localDateOf } from '../domain/kernel/calendar.js';
import { JOB, jobKeys } from '../scheduler/planning.js';
import type { Job } from '../store/port.js';
import { type Deps, audit } from './deps.js';
import { sendAgenda } from './meetings.js';

const payloadMeetingId = (job: Job) => (job.payload as { meetingId?: string } | undefined)?.meetingId ?? '';

/** R13: at the deadline the agenda goes out, whatever its state, unless it went out earlier. */
export async function runAgendaPost(deps: Deps, job: Job): Promise<void> {
  await sendAgenda(deps, 'system', payloadMeetingId(job), {});
}

/** R12, R13: the chair and the secretary are reminded to prepare the agenda. */
export async function runAgendaReminder(deps: Deps, job: Job): Promise<void> {
  const now = deps.clock();
  await deps.store.transaction(async (repo) => {
    const meeting = await repo.getMeeting(payloadMeetingId(job));
    if (!meeting || meeting.status !== 'planned' || meeting.agendaSentAt) return;
    // Caught up after the deadline (the bot was down): the agenda goes out now; a reminder to prepare it would be noise.
    if (now.getTime() >= agendaDeadline(meeting.startsAt, deps.board.policies, deps.board.timezone).getTime()) return;
    await audit(repo, { at: now, actor: 'system', action: 'reminder.agenda', subject: `meeting:${meeting.id}` }, {});
    await deps.publisher.publishOne(repo, { type: 'reminder.agenda', meetingId: meeting.id, key: job.key });
  });
}

/** The day before the meeting the board is reminded, with a link to the agenda. */
export async function runMeetingReminder(deps: Deps, job: Job): Promise<void> {
  const now = deps.clock();
  await deps.store.transaction(async (repo) => {
    const meeting = await repo.getMeeting(payloadMeetingId(job));
    if (!meeting || meeting.status !== 'planned' || meeting.startsAt.getTime() <= now.getTime()) return;
    await audit(repo, { at: now, actor: 'system', action: 'reminder.meeting', subject: `meeting:${meeting.id}` }, {});
    await deps.publisher.publishOne(repo, { type: 'reminder.meeting', meetingId: meeting.id, key: job.key });
  });
}

/** Whether next year has its dates: at least one ordinary meeting planned in it. */
async function hasDates(deps: Deps, year: number): Promise<boolean> {
  const meetings = await deps.store.listMeetings({ status: 'planned' });
  return meetings.some((m) => m.kind === 'ordinary' && localDateOf(m.startsAt, deps.board.timezone).year === year);
}

/**
 * R10: plans this year's date-planning reminder: the latest one already due if it was
 * never planned (a bot started after it still reminds at once), else the next one.
 */
export async function ensureDatePlanningReminder(deps: Deps): Promise<void> {
  const now = deps.clock();
  const { board } = deps;
  const year = localDateOf(now, board.timezone).year;
  const series = datePlanningReminders(year, board.policies, board.timezone);
  const due = series.filter((t) => t.getTime() <= now.getTime());
  const latest = due[due.length - 1];
  if (latest && !(await deps.store.getJob(jobKeys.datePlanning(latest)))) {
    if (!(await hasDates(deps, year + 1))) {
      await deps.store.scheduleJob({ key: jobKeys.datePlanning(latest), kind: JOB.datePlanningReminder, dueAt: latest });
      return;
    }
  }
  const next = series.find((t) => t.getTime() > now.getTime());
  if (next) await deps.store.scheduleJob({ key: jobKeys.datePlanning(next), kind: JOB.datePlanningReminder, dueAt: next });
}

/**
 * R10: from datePlanningStart, every two weeks, the chair and the secretary are
 * reminded until next year has its dates. A reminder left over from an earlier
 * year (the bot was down) is not sent.
 */
export async function runDatePlanningReminder(deps: Deps, job: Job): Promise<void> {
  const now = deps.clock();
  const zone = deps.board.timezone;
  const year = localDateOf(job.dueAt, zone).year;
  if (year === localDateOf(now, zone).year && !(await hasDates(deps, year + 1))) {
    await deps.store.transaction(async (repo) => {
      await audit(repo, { at: now, actor: 'system', action: 'reminder.dates', subject: `dates:${year + 1}` }, {});
      await deps.publisher.publishOne(repo, { type: 'reminder.dates', year: year + 1, key: job.key });
    });
  }
  await ensureDatePlanningReminder(deps);
}
