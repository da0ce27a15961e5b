/**
 * Apologies (R16): `afbud [dato [tid]] [besked]` tells ahead that one will not attend a meeting
 * (without a date, the next that has not begun: apologyMeeting); `fjern afbud [dato [tid]]`
 * withdraws it (without a date, the apology the person has: withdrawalMeeting).
 * Recorded as present (*Jeg deltager*, the secretary's `deltager`), one came after all: the
 * apology goes (attendance.ts, minutes.ts). The attendance card and the minutes name those who
 * sent apologies.
 */
import { type Apology, type ApologyRefusal, apologyMeeting, mayWithdrawApology, sendApology, withdrawalMeeting } from '../domain/apology.js';
import { findPerson } from '../domain/kernel/board.js';
import { type Meeting, dayAround, duringMeeting, hasBegun } from '../domain/meeting.js';
import { refuse } from '../domain/kernel/result.js';
import type { At } from './contributions.js';
import type { Deps } from './deps.js';
import { type MeetingName, type MeetingNamedRefusal, meetingNamed } from './meetings.js';
import { type AttendanceState, attendanceStateOf } from './attendance.js';
import { type Origin, type Outcome, type Tx, done, personOf, run } from './runner.js';

/** With the attendance as it then stands (its card, if posted, is updated). */
export type ApologyEvent =
  | ({ readonly type: 'apology.sent'; readonly apology: Apology; readonly data: unknown } & AttendanceState)
  | ({ readonly type: 'apology.withdrawn'; readonly personId: string; readonly data: unknown } & AttendanceState)
  /** At start: the apologies of one no longer on the board, for a meeting not begun, gone (dropLeaversApologies). */
  | ({ readonly type: 'apology.dropped'; readonly personId: string; readonly actor: 'system'; readonly data: unknown } & AttendanceState);

/** What an apology command did, and to which meeting (the answer names it); `none`: there was none to withdraw. */
export interface ApologyChange {
  readonly meeting: Meeting;
  readonly apology?: Apology;
  readonly none?: true;
  /** Without a date: today's meeting that has begun, passed by for the next (`afbud <dato>` reaches it). */
  readonly passed?: Meeting;
}

/** Without a date, no meeting ahead, and today's has begun: `afbud <dato>` reaches it. */
export type NoNextMeeting = 'apology-no-next-meeting';

/** `afbud [dato [tid]] [besked]`: the person's apologies for the meeting; sent again, the message is the new one. */
export function apologise(deps: Deps, origin: Origin, input: MeetingName & { readonly message: string }) {
  return run(deps, origin, { action: 'attendance.join' }, async (tx): Promise<Outcome<ApologyChange, MeetingNamedRefusal | ApologyRefusal | NoNextMeeting>> => {
    let meeting: Meeting;
    let passed: Meeting | undefined;
    if (input.dateText) {
      const found = await meetingNamed(tx, input);
      if (!found.ok) return found;
      meeting = found.value;
    } else {
      const next = apologyMeeting(await tx.repo.listMeetings({ status: 'planned' }), tx.now, tx.board.timezone);
      if (!next.meeting) return refuse(next.passed ? 'apology-no-next-meeting' : 'no-meeting');
      meeting = next.meeting;
      passed = next.passed;
    }
    const sent = sendApology(personOf(tx), meeting, await tx.repo.listAttendees(meeting.id), { message: input.message, now: tx.now, zone: tx.board.timezone });
    if (!sent.ok) return sent;
    await tx.repo.saveApology(sent.value);
    const data = { meetingId: meeting.id, ...(sent.value.message ? { message: sent.value.message } : {}) };
    return done({ meeting, apology: sent.value, ...(passed ? { passed } : {}) }, { type: 'apology.sent', ...(await attendanceStateOf(tx.repo, meeting)), apology: sent.value, data });
  });
}

/** `fjern afbud [dato [tid]]`: the person's apologies for the meeting withdrawn. */
export function withdrawApology(deps: Deps, origin: Origin, input: MeetingName) {
  return run(deps, origin, { action: 'attendance.join' }, async (tx): Promise<Outcome<ApologyChange, MeetingNamedRefusal | 'apology-withdraw-over'>> => {
    const found = input.dateText ? await meetingNamed(tx, input) : await withdrawalMeetingOf(tx);
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

/** `fjern afbud` without a date: the meeting withdrawalMeeting names, of those whose apologies may still be withdrawn. */
async function withdrawalMeetingOf(tx: Tx): Promise<Outcome<Meeting, 'no-meeting'>> {
  const zone = tx.board.timezone;
  // From the day before: today's meetings, and those to come.
  const open = (await tx.repo.listMeetings({ status: 'planned', from: dayAround(tx.now).from })).filter((m) => duringMeeting(m, tx.now, zone) !== 'after');
  const person = personOf(tx).id;
  const mine = new Set<string>();
  for (const meeting of open) if ((await tx.repo.listApologies(meeting.id)).some((a) => a.personId === person)) mine.add(meeting.id);
  const meeting = withdrawalMeeting(open, mine, tx.now, zone);
  return meeting ? done(meeting) : refuse('no-meeting');
}

/**
 * At start: the apologies sent for a meeting not yet begun by someone no longer on the board (taken
 * out of the board file) go. They are no longer the board's to give, and the card, the day-before
 * reminder and the minutes name the board's people; those of a meeting begun are its record and stay.
 * Each is in the audit log (`apology.dropped`, by the system, naming the person).
 */
export async function dropLeaversApologies(at: At): Promise<ApologyEvent[]> {
  const events: ApologyEvent[] = [];
  for (const meeting of await at.repo.listMeetings({ from: at.now, status: 'planned' })) {
    if (hasBegun(meeting, at.now)) continue;
    for (const apology of await at.repo.listApologies(meeting.id)) {
      if (findPerson(at.board, apology.personId) || !(await at.repo.removeApology(meeting.id, apology.personId))) continue;
      const data = { meetingId: meeting.id, personId: apology.personId };
      events.push({ type: 'apology.dropped', ...(await attendanceStateOf(at.repo, meeting)), personId: apology.personId, actor: 'system', data });
    }
  }
  return events;
}
