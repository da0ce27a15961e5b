/**
 * Apologies ("afbud", R16): a board person tells ahead that they will not attend a meeting, with
 * a short message if they like. One per person and meeting, until they withdraw it or are
 * recorded as present (then they came after all). The minutes name those who sent apologies.
 */
import { type Person, isVotingMember } from './kernel/board.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { visibleText } from './kernel/text.js';
import { type Meeting, duringMeeting, hasBegun } from './meeting.js';
import type { Attendee } from './minutes.js';

export interface Apology {
  readonly meetingId: string;
  readonly personId: string;
  /** The organisation a voting member represented when they sent it. */
  readonly organisationId?: string;
  readonly message?: string;
  readonly sentAt: Date;
}

/** The longest message an apology takes. */
export const MAX_APOLOGY_MESSAGE = 300;

export type ApologyRefusal = 'apology-meeting-over' | 'apology-attending' | 'apology-too-long';

/**
 * R16: `person` sends apologies for `meeting`: until its day is over (as the attendance card takes
 * *Jeg deltager*), not when they are recorded as present.
 */
export function sendApology(
  person: Person,
  meeting: Meeting,
  attendees: readonly Attendee[],
  input: { readonly message: string; readonly now: Date; readonly zone: string },
): Result<Apology, ApologyRefusal> {
  if (duringMeeting(meeting, input.now, input.zone) === 'after') return refuse('apology-meeting-over');
  if (attendees.some((a) => a.personId === person.id)) return refuse('apology-attending');
  const message = visibleText(input.message).replace(/\s+/g, ' ');
  if (message.length > MAX_APOLOGY_MESSAGE) return refuse('apology-too-long');
  return ok({
    meetingId: meeting.id,
    personId: person.id,
    ...(isVotingMember(person) ? { organisationId: person.organisationId! } : {}),
    ...(message ? { message } : {}),
    sentAt: input.now,
  });
}

/** R16: apologies are withdrawn until the meeting's day is over, as they are sent: then its record stands. */
export function mayWithdrawApology(meeting: Meeting, now: Date, zone: string): Result<true, 'apology-withdraw-over'> {
  return duringMeeting(meeting, now, zone) === 'after' ? refuse('apology-withdraw-over') : ok(true);
}

const plannedInOrder = (meetings: readonly Meeting[]) => meetings.filter((m) => m.status === 'planned').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

/**
 * R16: the meeting `afbud` without a date is for: the first planned one that has not begun. One
 * that has begun (under way, or held earlier today) is past for apologies in practice: `afbud
 * <dato>` still reaches it until its day is over. `passed`: today's meeting so passed by (the
 * last, with several), which the answer names with the command that reaches it.
 */
export function apologyMeeting(meetings: readonly Meeting[], now: Date, zone: string): { readonly meeting?: Meeting; readonly passed?: Meeting } {
  const planned = plannedInOrder(meetings);
  const meeting = planned.find((m) => !hasBegun(m, now));
  const passed = planned.filter((m) => hasBegun(m, now) && duringMeeting(m, now, zone) === 'during').at(-1);
  return { ...(meeting ? { meeting } : {}), ...(passed ? { passed } : {}) };
}

/**
 * R16: the meeting `fjern afbud` without a date withdraws from: of those the person has apologies
 * for that may still be withdrawn (mayWithdrawApology), the first not begun (as `afbud` without a
 * date sends them), else the last begun today. None: the one `afbud` without a date is for, else
 * today's passed by (the answer says there is nothing to withdraw).
 */
export function withdrawalMeeting(meetings: readonly Meeting[], apologisedFor: ReadonlySet<string>, now: Date, zone: string): Meeting | undefined {
  const mine = plannedInOrder(meetings).filter((m) => apologisedFor.has(m.id) && mayWithdrawApology(m, now, zone).ok);
  const next = apologyMeeting(meetings, now, zone);
  return mine.find((m) => !hasBegun(m, now)) ?? mine.at(-1) ?? next.meeting ?? next.passed;
}
