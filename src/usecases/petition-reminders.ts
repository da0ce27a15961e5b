/**
 * R11: a meeting a majority of the members demanded is not forgotten: while the chair has not
 * called it, the chair and the secretary are reminded PETITION_REMINDER_DAYS after the majority
 * and every PETITION_REMINDER_DAYS after that, until a meeting on its subject is called or the
 * petition's half year is out; and `status` shows what stands (petitions gathering support,
 * demanded meetings not called).
 */
import { z } from 'zod';
import type { Board } from '../domain/kernel/board.js';
import type { Meeting } from '../domain/meeting.js';
import { PETITION_REPEAT_DAYS, answersPetition, awaitsMeeting, gathersSupport, halfYearOut, petitionReminderOnDayOf, petitionReminderUntil, petitionRemindersAt } from '../domain/petition.js';
import type { At } from './contributions.js';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { PETITION_REMINDER_JOB, type PetitionEvent, type PetitionState, loadPetition, petitionReminderJobKey, planPetitionReminder } from './petitions.js';
import { done, run } from './runner.js';

const DAY_MS = 86_400_000;

/** The petitions of the last half year (those a meeting called now could answer), oldest first. */
const ofHalfYear = (at: At) => at.repo.listPetitions({ createdFrom: new Date(at.now.getTime() - PETITION_REPEAT_DAYS * DAY_MS) });

/**
 * R11, by the scheduler at a reminder's moment (`moment`, from the job's payload: a retry or a late
 * start keeps it): the chair and the secretary are reminded once for it, if the meeting is still
 * demanded and not called (awaitsMeeting, at the time it runs); then the job is planned for the next
 * moment after now. A bot down across several moments so reminds once, at its start, and goes on a
 * week after the last moment passed. Planned on until the half year is out: a meeting called and
 * then cancelled leaves the demand standing again, and the reminders go on.
 */
export async function remindOfPetition(deps: Deps, board: Board, petitionId: string, moment: Date): Promise<void> {
  await run(deps, { board, actor: 'system' }, { action: 'petition.support' }, async (tx) => {
    const petition = await tx.repo.getPetition(petitionId);
    if (!petition) return done(undefined);
    const state = await loadPetition(tx.repo, petition);
    const events: PetitionEvent[] = [];
    if (awaitsMeeting(petition, state.meeting, tx.now)) {
      const key = `${petitionReminderJobKey(petitionId)}:${moment.toISOString()}`;
      // Of use until the half year is out, or until the meeting is called before it is sent (endReminders, petitions.ts).
      events.push({ type: 'petition.reminder', ...state, actor: 'system', key, until: petitionReminderUntil(petition), data: { moment: moment.toISOString() } });
    }
    const { next } = petitionRemindersAt(petition, tx.now, tx.board.policies, tx.board.timezone);
    if (next) await planPetitionReminder(tx.repo, petitionId, next);
    return done(undefined, events);
  });
}

export const petitionReminderJobs = [
  /** R11: the chair and the secretary are reminded of a demanded meeting not called (remindOfPetition). */
  defineJob({
    kind: PETITION_REMINDER_JOB,
    payload: z.object({ petitionId: z.string().min(1), at: z.string().datetime() }),
    run: async ({ deps, board }, { petitionId, at }) => remindOfPetition(deps, board, petitionId, new Date(at)),
  }),
];

/**
 * R11, at start: a petition of the last half year with its majority whose reminder was never
 * planned (its majority came before reminders existed), or whose job failed for good, gets its job: at the last moment already
 * due (it reminds at once, if the meeting is still not called), else at the first to come. One
 * planned for a moment still to come follows the board file's posting time and zone, which may have
 * changed, on its day (that week's reminder: at once if the new time has passed, never a second one
 * that day); one already due is left as it is (it reminds once, as the bot starts).
 */
export async function planPetitionRemindersAtStart(at: At): Promise<PetitionEvent[]> {
  for (const petition of await ofHalfYear(at)) {
    if (petition.majorityAt === undefined || petition.lapsedAt !== undefined) continue;
    const job = await at.repo.getJob(petitionReminderJobKey(petition.id));
    const { latest, next } = petitionRemindersAt(petition, at.now, at.board.policies, at.board.timezone);
    // Never planned, or failed for good (its retries spent, or rejected): planned again, as the lapse job is (recountPetitionsAtStart).
    if (!job || job.status === 'cancelled' || job.status === 'failed' || job.status === 'rejected') {
      const moment = latest ?? next;
      if (moment) await planPetitionReminder(at.repo, petition.id, moment);
    } else if (job.status === 'pending' && job.dueAt.getTime() > at.now.getTime()) {
      // That week's reminder at the posting time now: on its day, not the next moment after now (which may be
      // a second one that day, once it was sent at an earlier time, or a week on, once the new time has passed).
      const moment = petitionReminderOnDayOf(petition, job.dueAt, at.board.policies, at.board.timezone);
      if (moment && moment.getTime() !== job.dueAt.getTime()) await planPetitionReminder(at.repo, petition.id, moment);
    }
  }
  return [];
}

/** R11: what stands at `at.now`, for `status`: the petitions gathering support, and the meetings demanded and not called. */
export interface StandingPetitions {
  readonly gathering: readonly PetitionState[];
  readonly demanded: readonly PetitionState[];
}

/** R11: the petitions of the last half year as they stand (oldest first); a lapsed one, or one whose meeting is called, in neither list. */
export async function standingPetitionsAt(at: At): Promise<StandingPetitions> {
  const listed = (await ofHalfYear(at)).filter((p) => p.lapsedAt === undefined);
  // Oldest first; asked at the same instant, by subject (the store's order among equals is none).
  const ordered = [...listed].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.subject.localeCompare(b.subject, 'da'));
  const states = await Promise.all(ordered.map((p) => loadPetition(at.repo, p)));
  return {
    gathering: states.filter((s) => gathersSupport(s.petition, s.meeting) && !halfYearOut(s.petition, at.now)),
    demanded: states.filter((s) => awaitsMeeting(s.petition, s.meeting, at.now)),
  };
}

/**
 * R11, a meeting planned (Contributions.plannedNotes): the meetings demanded and not called that
 * `planned`, an extraordinary meeting, does not answer (answersPetition: what links it on its call);
 * its caller is told. An ordinary meeting answers none and is told of none.
 */
export async function demandedNotAnsweredBy(at: At, planned: Meeting): Promise<PetitionState[]> {
  if (planned.kind !== 'extraordinary') return [];
  return (await standingPetitionsAt(at)).demanded.filter((s) => !answersPetition(planned, s.petition, s.meeting));
}
