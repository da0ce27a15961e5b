/**
 * Attendance (R16), recorded, never guessed: at a meeting's start the attendance card goes
 * out; board people press *Jeg deltager*; the secretary adds (`deltager <navn>`) and removes
 * (`fjern deltager <navn>`). The minutes list exactly these.
 */
import { z } from 'zod';
import type { Person } from '../domain/kernel/board.js';
import { refuse } from '../domain/kernel/result.js';
import { type Meeting, duringMeeting } from '../domain/meeting.js';
import type { Attendee } from '../domain/minutes.js';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { JOB } from './meeting-jobs.js';
import { type Origin, type Outcome, type Tx, done, personOf, run } from './runner.js';

export interface AttendanceState {
  readonly meeting: Meeting;
  readonly attendees: readonly Attendee[];
}

export type AttendanceEvent =
  | ({ readonly type: 'attendance.opened'; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'attendance.joined'; readonly attendee: Attendee; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'attendance.removed'; readonly attendee: Attendee; readonly data: unknown } & AttendanceState);

const current = (meetingId: string) => async (tx: Tx): Promise<Outcome<AttendanceState, 'unknown-meeting'>> => {
  const meeting = await tx.repo.getMeeting(meetingId);
  return meeting ? done({ meeting, attendees: await tx.repo.listAttendees(meeting.id) }) : refuse('unknown-meeting');
};

/** *Jeg deltager* on the attendance card: the person is recorded as present (once). */
export function joinMeeting(deps: Deps, origin: Origin, meetingId: string) {
  return run(deps, origin, { action: 'attendance.join', again: current(meetingId) }, async (tx): Promise<Outcome<AttendanceState, 'unknown-meeting' | 'meeting-cancelled' | 'meeting-not-begun' | 'meeting-over'>> => {
    const meeting = await tx.repo.getMeeting(meetingId);
    if (!meeting) return refuse('unknown-meeting');
    if (meeting.status !== 'planned') return refuse('meeting-cancelled');
    // R16: attendance is recorded, never guessed: one's own only during the meeting (the secretary's `deltager` at any time).
    const when = duringMeeting(meeting, tx.now, tx.board.timezone);
    if (when === 'before') return refuse('meeting-not-begun');
    if (when === 'after') return refuse('meeting-over');
    const person: Person = personOf(tx);
    const attendee: Attendee = { meetingId, personId: person.id, name: person.name, addedBy: person.id, addedAt: tx.now };
    const added = await tx.repo.addAttendee(attendee);
    const attendees = await tx.repo.listAttendees(meetingId);
    if (!added) return done({ meeting, attendees });
    return done({ meeting, attendees }, { type: 'attendance.joined', meeting, attendees, attendee, data: { personId: person.id } });
  });
}

/** The last meeting that has begun: the one `deltager` and `fjern deltager` are about. */
export async function lastHeldMeetingOf(tx: Pick<Tx, 'repo' | 'now'>): Promise<Meeting | undefined> {
  const held = (await tx.repo.listMeetings({ status: 'planned', to: new Date(tx.now.getTime() + 1) })).filter((m) => m.startsAt.getTime() <= tx.now.getTime());
  return held[held.length - 1];
}

/** `fjern deltager <navn>` (secretary): someone recorded by mistake is taken off the last held meeting's attendance. */
export function removeAttendee(deps: Deps, origin: Origin, input: { readonly name: string }) {
  return run(deps, origin, { action: 'minutes.write' }, async (tx): Promise<Outcome<Attendee, 'no-held-meeting' | 'empty-name' | 'not-attending'>> => {
    const meeting = await lastHeldMeetingOf(tx);
    if (!meeting) return refuse('no-held-meeting');
    const clean = input.name.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!clean) return refuse('empty-name');
    const before = await tx.repo.listAttendees(meeting.id);
    const attendee = before.find((a) => a.name.toLowerCase() === clean);
    if (!attendee || !(await tx.repo.removeAttendee(meeting.id, attendee.name))) return refuse('not-attending');
    const attendees = before.filter((a) => a !== attendee);
    return done(attendee, { type: 'attendance.removed', meeting, attendees, attendee, data: { name: attendee.name } });
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
        const attendees = await tx.repo.listAttendees(meetingId);
        return done(undefined, { type: 'attendance.opened', meeting, attendees, data: {} });
      })),
  }),
];
