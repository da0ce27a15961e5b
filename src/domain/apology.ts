/**
 * Apologies ("afbud", R16): a board person tells ahead that they will not attend a meeting, with
 * a short message if they like. One per person and meeting, until they withdraw it or are
 * recorded as present (then they came after all). The minutes name those who sent apologies.
 */
import { type Person, isVotingMember } from './kernel/board.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { visibleText } from './kernel/text.js';
import { type Meeting, duringMeeting } from './meeting.js';
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
