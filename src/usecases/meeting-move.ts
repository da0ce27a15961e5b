/**
 * `flyt moede <dato> [tid] til <ny dato> [tid]` (R9, R11): a planned meeting moved to another time.
 * It stays the same meeting (its agenda, items, calendar UID); what hangs on its time follows:
 * its jobs, the lines that name it on the cards of its items' votes and conclusions (and those of
 * the other meetings of its old and new days: item-headings).
 */
import { type MeetingDateTimeRefusal, isAgendaLate, localIsoDate, localTimeOf, parseMeetingDateTime } from '../domain/kernel/calendar.js';
import { refuse } from '../domain/kernel/result.js';
import { type MoveRefusal, meetingRemindersUntil, moveMeeting } from '../domain/meeting.js';
import { loadAgenda } from './agenda.js';
import { syncAgendasIn } from './agenda-rows.js';
import { type ItemsRenamed, renameItemsOn } from './item-headings.js';
import type { Deps } from './deps.js';
import { endMeetingRemindersIn, planMeetingJobsIn } from './meeting-jobs.js';
import { type MeetingEvent, type MeetingName, type MeetingNamedRefusal, type PlannedMeeting, meetingNamed } from './meetings.js';
import { type Origin, type Outcome, done, run } from './runner.js';

/** The local time of an instant as a command writes it ("14:00"). */
const clockOf = (at: Date, zone: string) => {
  const { hour, minute } = localTimeOf(at, zone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
};

export interface MoveInput {
  /** The meeting moved, as `aflys moede` names it. */
  readonly from: MeetingName & { readonly dateText: string };
  /** Its new date, and time (without one: the time it had). */
  readonly to: MeetingName;
}

export type MoveMeetingRefusal =
  | MeetingNamedRefusal
  | MeetingDateTimeRefusal
  | MoveRefusal
  | 'missing-date'
  | 'missing-new-date'
  | 'nonexistent-new-time';

/**
 * The chair's agenda reminder, the agenda's sending, the day-before reminder and the attendance card
 * are planned for the new time (planMeetingJobsIn, `again`: one sent for the old time comes again).
 */
export function moveMeetingTo(deps: Deps, origin: Origin, input: MoveInput) {
  return run(deps, origin, { action: 'meeting.plan' }, async (tx): Promise<Outcome<PlannedMeeting, MoveMeetingRefusal>> => {
    if (!input.from.dateText) return refuse('missing-date');
    if (!input.to.dateText) return refuse('missing-new-date');
    await tx.repo.lockMeetingPlanning();
    const found = await meetingNamed(tx, input.from);
    if (!found.ok) return found;
    // Locked and read again: an agenda another instance sends meanwhile is seen (it is then updated, not told as due).
    const meeting = (await tx.repo.getMeeting(found.value.id, { lock: true })) ?? found.value;
    const time = input.to.timeText ?? clockOf(meeting.startsAt, tx.board.timezone);
    const startsAt = parseMeetingDateTime(input.to.dateText, time, tx.now, tx.board.timezone);
    // A clock the new day skips is the new time's (the meeting's own is named by `from`).
    if (!startsAt.ok) return startsAt.reason === 'nonexistent-time' ? refuse('nonexistent-new-time') : startsAt;
    const zone = tx.board.timezone;
    const moved = moveMeeting(meeting, await tx.repo.listMeetings({ status: 'planned' }), startsAt.value, tx.now, tx.board);
    if (!moved.ok) return moved;
    const after = moved.value;
    await tx.repo.updateMeeting(meeting.id, { startsAt: after.startsAt, revision: after.revision!, ...(after.agendaSentAt ? { agendaLate: after.agendaLate === true } : {}) });
    // R13: its reminders held up in the outbox name the old time: not sent; they are planned anew for the new one.
    const remindersUntil = meetingRemindersUntil(meeting, after, tx.now);
    if (remindersUntil) await endMeetingRemindersIn(tx, meeting.id, remindersUntil);
    await planMeetingJobsIn(tx, after, { again: true });
    // The drafts' standing items follow the year's meetings (R10, R15: which is last, or first).
    await syncAgendasIn(tx);
    // Its own, and those of the meetings of its old and new days (with two on a day, a heading names the time).
    const renamed = await renameItemsOn(deps, tx, [meeting.startsAt, after.startsAt]);
    // R16: apologies were for the old day; on another day they may come. Withdrawn, and the board told to send
    // them again. Moved within its day (a later start), they stand.
    const otherDay = localIsoDate(meeting.startsAt, zone) !== localIsoDate(after.startsAt, zone);
    const apologies = otherDay ? await tx.repo.listApologies(meeting.id) : [];
    for (const apology of apologies) await tx.repo.removeApology(meeting.id, apology.personId);
    const agendaLate = !after.agendaSentAt && isAgendaLate(after.startsAt, tx.now, tx.board.policies, zone);
    const agenda = after.agendaSentAt ? await loadAgenda(tx, after) : undefined;
    const data = { from: meeting.startsAt, startsAt: after.startsAt };
    const apologiesDropped = apologies.length > 0;
    return done<PlannedMeeting, MeetingEvent | ItemsRenamed>({ meeting: after, agendaLate, notes: [] }, { type: 'meeting.moved', meeting: after, from: meeting.startsAt, agendaLate, apologiesDropped, ...(agenda ? { agenda } : {}), data }, renamed);
  });
}
