/**
 * Attendance (R16), recorded, never guessed: at a meeting's start the attendance card goes
 * out; board people press *Jeg deltager*; the secretary adds (`deltager <navn>`) and removes
 * (`fjern deltager <navn>`). The minutes list exactly these.
 */
import { z } from 'zod';
import type { Person } from '../domain/kernel/board.js';
import type { DateRefusal, TimeRefusal } from '../domain/kernel/calendar.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { MEETING_EARLY_MS, type Meeting, type MeetingOnRefusal, attendanceClosesAt, attendanceMeeting, duringMeeting } from '../domain/meeting.js';
import { type Attendee, type AttendeeRefusal, attendeeNameOf, boardAttendee, recordedAttendee } from '../domain/minutes.js';
import type { Apology } from '../domain/apology.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { type MeetingName, meetingOnDate } from './meetings.js';
import { JOB, jobKeys } from './meeting-jobs.js';
import { type Origin, type Outcome, type Reading, type Tx, ask, done, personOf, run } from './runner.js';

export interface AttendanceState {
  readonly meeting: Meeting;
  readonly attendees: readonly Attendee[];
  /** Those who sent apologies (`afbud`), shown on the card. */
  readonly apologies?: readonly Apology[];
}

/** The attendance as the card shows it: who is recorded, and who sent apologies. */
export async function attendanceStateOf(repo: Repository, meeting: Meeting, attendees?: readonly Attendee[]): Promise<AttendanceState> {
  return { meeting, attendees: attendees ?? (await repo.listAttendees(meeting.id)), apologies: await repo.listApologies(meeting.id) };
}

export type AttendanceEvent =
  | ({ readonly type: 'attendance.opened'; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'attendance.joined'; readonly attendee: Attendee; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'attendance.removed'; readonly attendee: Attendee; readonly data: unknown } & AttendanceState)
  /** R16: the meeting's day is over: the card no longer takes *Jeg deltager* (the secretary's `deltager` still counts). */
  | ({ readonly type: 'attendance.closed'; readonly unrecorded: true; readonly data: unknown } & AttendanceState);

const current = (meetingId: string) => async (tx: Tx): Promise<Outcome<AttendanceState, 'unknown-meeting'>> => {
  const meeting = await tx.repo.getMeeting(meetingId);
  return meeting ? done(await attendanceStateOf(tx.repo, meeting)) : refuse('unknown-meeting');
};

/** *Jeg deltager* on the attendance card: the person is recorded as present (once). */
export function joinMeeting(deps: Deps, origin: Origin, meetingId: string) {
  return run(deps, origin, { action: 'attendance.join', again: current(meetingId) }, async (tx): Promise<Outcome<AttendanceState, 'unknown-meeting' | 'meeting-cancelled' | 'meeting-not-begun' | 'meeting-over'>> => {
    // Read with a shared lock: a cancellation under way (cancelMeeting) is waited for, and one after it counts this attendee.
    const meeting = await tx.repo.getMeeting(meetingId, { lock: 'shared' });
    if (!meeting) return refuse('unknown-meeting');
    if (meeting.status !== 'planned') return refuse('meeting-cancelled');
    // R16: attendance is recorded, never guessed: one's own only during the meeting (the secretary's `deltager` at any time).
    const when = duringMeeting(meeting, tx.now, tx.board.timezone);
    if (when === 'before') return refuse('meeting-not-begun');
    if (when === 'after') return refuse('meeting-over');
    const person: Person = personOf(tx);
    const attendee: Attendee = boardAttendee(person, { meetingId, addedBy: person.id, addedAt: tx.now });
    const added = await tx.repo.addAttendee(attendee);
    // Recorded as present, one who sent apologies came after all.
    if (added) await tx.repo.removeApology(meetingId, person.id);
    const state = await attendanceStateOf(tx.repo, meeting);
    if (!added) return done(state);
    return done(state, { type: 'attendance.joined', ...state, attendee, data: { personId: person.id } });
  });
}

/** The meeting `deltager` and `fjern deltager` are about (R16): today's from an hour before its start, else the last held. */
export async function attendanceMeetingOf(read: Pick<Reading, 'repo' | 'now' | 'board'>): Promise<Meeting | undefined> {
  const meetings = await read.repo.listMeetings({ status: 'planned', to: new Date(read.now.getTime() + MEETING_EARLY_MS + 1) });
  return attendanceMeeting(meetings, read.now, read.board.timezone);
}

export type AttendanceMeetingRefusal = DateRefusal | TimeRefusal | MeetingOnRefusal | 'no-attendance-meeting' | 'meeting-not-begun';

/**
 * The meeting `deltager [dato [tid]]` and `fjern deltager [dato [tid]]` act on: the one the date
 * (and time) name, once it has begun (from an hour before its start, as the card); else
 * today's or the last held (attendanceMeetingOf).
 */
export async function attendanceMeetingNamed(read: Pick<Reading, 'repo' | 'now' | 'board'>, name: MeetingName): Promise<Result<Meeting, AttendanceMeetingRefusal>> {
  if (!name.dateText) {
    const meeting = await attendanceMeetingOf(read);
    return meeting ? ok(meeting) : refuse('no-attendance-meeting');
  }
  const found = await meetingOnDate(read, { dateText: name.dateText, ...(name.timeText ? { timeText: name.timeText } : {}) }, true);
  if (!found.ok) return found;
  return duringMeeting(found.value, read.now, read.board.timezone) === 'before' ? refuse('meeting-not-begun') : found;
}

/** The meeting `deltager` and `fjern deltager` would act on now: what their refusals name (PRODUCT §1.3). */
export function attendanceMeetingNow(deps: Deps, origin: Origin, name: MeetingName = {}) {
  return ask(deps, origin, 'minutes.write', async (read) => {
    const meeting = await attendanceMeetingNamed(read, name);
    return ok(meeting.ok ? meeting.value : undefined);
  });
}

/** A change the secretary made to a meeting's attendance: who, and at which meeting (the answer names it). */
export interface AttendeeChange {
  readonly attendee: Attendee;
  readonly meeting: Meeting;
}

/** `fjern deltager <navn>` (secretary): someone recorded by mistake is taken off the attendance (the meeting `attendanceMeetingOf` picks). */
export function removeAttendee(deps: Deps, origin: Origin, input: MeetingName & { readonly name: string }) {
  return run(deps, origin, { action: 'minutes.write' }, async (tx): Promise<Outcome<AttendeeChange, AttendanceMeetingRefusal | 'empty-name' | 'name-too-long' | 'not-attending' | AttendeeRefusal>> => {
    const named = await attendanceMeetingNamed(tx, input);
    if (!named.ok) return named;
    const meeting = named.value;
    const typed = attendeeNameOf(input.name);
    if (!typed.ok) return typed;
    const name = typed.value;
    const before = await tx.repo.listAttendees(meeting.id);
    const found = recordedAttendee(tx.board, before, name);
    if (!found.ok) return found;
    const attendee = found.value;
    if (!attendee || !(await tx.repo.removeAttendee(meeting.id, attendee.name))) return refuse('not-attending');
    const state = await attendanceStateOf(tx.repo, meeting, before.filter((a) => a !== attendee));
    return done({ attendee, meeting }, { type: 'attendance.removed', ...state, attendee, data: { name: attendee.name } });
  });
}

export const attendanceJobs = [
  /** R16: at the meeting's start the attendance card is posted; not after its day (the bot was down): nobody could press it. */
  defineJob({
    kind: JOB.attendance,
    payload: z.object({ meetingId: z.string().min(1) }),
    run: async ({ deps, board }, { meetingId }) =>
      void (await run(deps, { board, actor: 'system' }, { action: 'attendance.join' }, async (tx) => {
        const meeting = await tx.repo.getMeeting(meetingId);
        if (!meeting || meeting.status !== 'planned') return done(undefined);
        if (duringMeeting(meeting, tx.now, tx.board.timezone) === 'after') return done(undefined);
        const state = await attendanceStateOf(tx.repo, meeting);
        // When the day is over, the card loses *Jeg deltager* (attendance.closed).
        await tx.repo.scheduleJob({ key: jobKeys.attendanceClose(meetingId), kind: JOB.attendanceClose, dueAt: attendanceClosesAt(meeting, tx.board.timezone), payload: { meetingId } });
        return done(undefined, { type: 'attendance.opened', ...state, data: {} });
      })),
  }),
  /** R16: after the meeting's day its attendance card is updated without *Jeg deltager*, which would only be refused. */
  defineJob({
    kind: JOB.attendanceClose,
    payload: z.object({ meetingId: z.string().min(1) }),
    run: async ({ deps, board }, { meetingId }) =>
      void (await run(deps, { board, actor: 'system' }, { action: 'attendance.join' }, async (tx) => {
        const meeting = await tx.repo.getMeeting(meetingId);
        if (!meeting || meeting.status !== 'planned' || duringMeeting(meeting, tx.now, tx.board.timezone) !== 'after') return done(undefined);
        return done(undefined, { type: 'attendance.closed', unrecorded: true, ...(await attendanceStateOf(tx.repo, meeting)), data: {} });
      })),
  }),
];
