/**
 * Apologies (R16): `afbud [dato [tid]] [besked]` tells ahead that one will not attend a meeting
 * (the current one, today's or the next, without a date); `fjern afbud [dato [tid]]` withdraws it.
 * Recorded as present (*Jeg deltager*, the secretary's `deltager`), one came after all: the
 * apology goes (attendance.ts, minutes.ts). The attendance card and the minutes name those who
 * sent apologies.
 */
import { type Apology, type ApologyRefusal, mayWithdrawApology, sendApology } from '../domain/apology.js';
import type { Meeting } from '../domain/meeting.js';
import type { Deps } from './deps.js';
import { type MeetingName, type MeetingNamedRefusal, meetingNamed } from './meetings.js';
import { type AttendanceState, attendanceStateOf } from './attendance.js';
import { type Origin, type Outcome, done, personOf, run } from './runner.js';

/** With the attendance as it then stands (its card, if posted, is updated). */
export type ApologyEvent =
  | ({ readonly type: 'apology.sent'; readonly apology: Apology; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'apology.withdrawn'; readonly personId: string; readonly data: unknown } & AttendanceState);

/** What an apology command did, and to which meeting (the answer names it); `none`: there was none to withdraw. */
export interface ApologyChange {
  readonly meeting: Meeting;
  readonly apology?: Apology;
  readonly none?: true;
}

/** `afbud [dato [tid]] [besked]`: the person's apologies for the meeting; sent again, the message is the new one. */
export function apologise(deps: Deps, origin: Origin, input: MeetingName & { readonly message: string }) {
  return run(deps, origin, { action: 'attendance.join' }, async (tx): Promise<Outcome<ApologyChange, MeetingNamedRefusal | ApologyRefusal>> => {
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const sent = sendApology(personOf(tx), meeting, await tx.repo.listAttendees(meeting.id), { message: input.message, now: tx.now, zone: tx.board.timezone });
    if (!sent.ok) return sent;
    await tx.repo.saveApology(sent.value);
    const data = { meetingId: meeting.id, ...(sent.value.message ? { message: sent.value.message } : {}) };
    return done({ meeting, apology: sent.value }, { type: 'apology.sent', ...(await attendanceStateOf(tx.repo, meeting)), apology: sent.value, data });
  });
}

/** `fjern afbud [dato [tid]]`: the person's apologies for the meeting withdrawn. */
export function withdrawApology(deps: Deps, origin: Origin, input: MeetingName) {
  return run(deps, origin, { action: 'attendance.join' }, async (tx): Promise<Outcome<ApologyChange, MeetingNamedRefusal | 'apology-withdraw-over'>> => {
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const may = mayWithdrawApology(meeting, tx.now, tx.board.timezone);
    if (!may.ok) return may;
    const person = personOf(tx);
    // None to withdraw: nothing changes, and the answer says so.
    if (!(await tx.repo.removeApology(meeting.id, person.id))) return done({ meeting, none: true });
    return done({ meeting }, { type: 'apology.withdrawn', ...(await attendanceStateOf(tx.repo, meeting)), personId: person.id, data: { meetingId: meeting.id } });
  });
}
