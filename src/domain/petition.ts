/**
 * Members' petitions (R11): a majority of the members can demand an extraordinary
 * meeting. Any voting member asks and supports (policy `petition.open`, `petition.support`).
 */
import { type Board, type Person, type Policies, votingMembers } from './kernel/board.js';
import { addDays, localDateOf, parseHhmm, toInstant } from './kernel/calendar.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { visibleText } from './kernel/text.js';
import type { Meeting } from './meeting.js';

export const MAX_PETITION_SUBJECT = 300;

/** A members' request for an extraordinary meeting (R11). */
export interface Petition {
  readonly id: string;
  readonly subject: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** When more than half of the voting members had supported it. */
  readonly majorityAt?: Date;
  /**
   * The extraordinary meeting called on its subject (answersPetition): while that meeting stands,
   * the petition is answered and takes no more support. A cancelled one leaves it as it was.
   */
  readonly meetingId?: string;
  /** When it lapsed: no majority, and no meeting called on it, PETITION_REPEAT_DAYS after it was asked (lapsesAt). */
  readonly lapsedAt?: Date;
}

export interface PetitionSupport {
  readonly petitionId: string;
  /** Person id: each voting member counts once. */
  readonly personId: string;
  readonly supportedAt: Date;
}

export type PetitionRefusal = 'empty-subject' | 'subject-too-long';
export type SupportRefusal = 'already-supported' | 'petition-meeting-called' | 'petition-majority' | 'petition-lapsed';

/** R11: any voting member may ask for an extraordinary meeting. */
export function openPetition(person: Person, input: { id: string; subject: string; now: Date }): Result<Petition, PetitionRefusal> {
  const subject = visibleText(input.subject).replace(/\s+/g, ' ');
  if (!subject) return refuse('empty-subject');
  if (subject.length > MAX_PETITION_SUBJECT) return refuse('subject-too-long');
  return ok({ id: input.id, subject, createdBy: person.id, createdAt: input.now });
}

/** What shows nothing, inside a text: white space aside (it separates words). */
const INVISIBLE_INSIDE = /(?!\s)[\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A subject as compared: composed alike (an A with a combining ring is the one letter), without what shows nothing (a zero width space), letter case and spacing aside. */
const fold = (s: string) => s.normalize('NFC').replace(INVISIBLE_INSIDE, '').toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();

/** R11: two subjects are the same, letter case, spacing and what shows nothing aside. */
export function sameSubject(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

/**
 * R11: whether a new petition repeats one still gathering support (no majority yet, not lapsed, no
 * meeting called on it): the same subject. Its supporters would be split between the two.
 */
export function repeatsOpenPetition(subject: string, open: readonly Pick<Petition, 'subject' | 'majorityAt' | 'lapsedAt'>[]): boolean {
  return open.some((p) => p.majorityAt === undefined && p.lapsedAt === undefined && sameSubject(p.subject, subject));
}

/**
 * R11: whether a new petition asks for a meeting a majority has demanded already (the same subject,
 * its majority reached, no meeting called on it yet): the chair and secretary are asked, and
 * reminded, to call it; a second card would only gather a second majority for it.
 */
export function repeatsDemandedPetition(subject: string, open: readonly Pick<Petition, 'subject' | 'majorityAt'>[]): boolean {
  return open.some((p) => p.majorityAt !== undefined && sameSubject(p.subject, subject));
}

/** A subject's words as compared (fold): runs of letters and digits, what lies between them aside (spacing, punctuation). */
const wordsOf = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** R11: the least a subject contained in another must hold to answer for it: two words, or one word of eight letters (not »Budget«). */
export const CONTAINED_MIN_WORDS = 2;
export const CONTAINED_MIN_LETTERS = 8;

const containable = (words: readonly string[]) =>
  words.length >= CONTAINED_MIN_WORDS || (words.length === 1 && (words[0]!.match(/\p{L}/gu)?.length ?? 0) >= CONTAINED_MIN_LETTERS);

/** R11: whether a petition's subject is answered by a meeting subject containing it (subjectAnswers); else only by the same subject. */
export function subjectContainable(subject: string): boolean {
  return containable(wordsOf(subject));
}

/** Whether `inner`'s words stand in `outer`, one after another, as whole words. */
function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, j) => outer[i + j] === w)) return true;
  return false;
}

/**
 * R11: whether an extraordinary meeting on `meetingSubject` answers a petition on `petitionSubject`:
 * the same subject (sameSubject), or the meeting's subject contains the petition's as whole words,
 * alike as sameSubject compares them and what lies between words aside (»Ekstraordinaert moede om
 * Budgetoverskridelse i Korsoer« answers »Budgetoverskridelse i Korsoer«), the petition's at least
 * two words or one of eight letters (subjectContainable: »Budget« is answered only by »Budget«).
 * Not the other way round: a meeting on part of the petition's subject (»Formanden« for »Mistillid
 * til formanden«) leaves the rest of what the majority demanded unanswered. Another form of a word
 * (»budgetoverskridelsen«) is another word.
 */
export function subjectAnswers(meetingSubject: string, petitionSubject: string): boolean {
  if (sameSubject(meetingSubject, petitionSubject)) return true;
  const inner = wordsOf(petitionSubject);
  return containable(inner) && containsWords(wordsOf(meetingSubject), inner);
}

/** R11: whether `meeting` is an extraordinary meeting whose subject answers one on `subject` (subjectAnswers), as one called on a petition is. */
export function isCalledOnSubject(meeting: Pick<Meeting, 'kind' | 'subject'>, subject: string): boolean {
  return meeting.kind === 'extraordinary' && meeting.subject !== undefined && subjectAnswers(meeting.subject, subject);
}

/** R11, as the version before linked (migration 0016): an extraordinary meeting on the same subject (sameSubject) only. */
const isCalledOnSameSubject = (meeting: Pick<Meeting, 'kind' | 'subject'>, subject: string): boolean =>
  meeting.kind === 'extraordinary' && meeting.subject !== undefined && sameSubject(meeting.subject, subject);

/** R11: the meeting a petition is answered by: its linked meeting while that stands (not cancelled). */
export function calledMeeting(linked: Meeting | undefined): Meeting | undefined {
  return linked?.status === 'planned' ? linked : undefined;
}

/**
 * R11: an extraordinary meeting the chair or secretary calls answers the petitions on its subject
 * (subjectAnswers) that no standing meeting answers yet (with or without their majority: the chair may call it
 * before). `linked`: the meeting the petition was answered by before, if any (since cancelled).
 */
export function answersPetition(meeting: Pick<Meeting, 'kind' | 'status' | 'subject'>, petition: Pick<Petition, 'subject' | 'lapsedAt'>, linked: Meeting | undefined): boolean {
  return petition.lapsedAt === undefined && meeting.status === 'planned' && isCalledOnSubject(meeting, petition.subject) && !calledMeeting(linked);
}

/**
 * R11: the meeting that answers a petition once the one it was answered by (`linked`) is cancelled: the
 * first extraordinary meeting on its subject still to come (answersPetition), called meanwhile, within the
 * petition's half year (one called after it answers it no more, as a call then would not: lapsesAt); none,
 * the petition gathers support again (or, its half year out, lapses).
 */
export function nextAnsweringMeeting(petition: Pick<Petition, 'subject' | 'createdAt'>, meetings: readonly Meeting[], linked: Meeting | undefined, now: Date): Meeting | undefined {
  const windowEnd = lapsesAt(petition).getTime();
  return [...meetings]
    .filter((m) => m.startsAt.getTime() > now.getTime() && m.createdAt.getTime() < windowEnd)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .find((m) => answersPetition(m, petition, linked));
}

/**
 * R11: half a year (days), the one window of a petition: one older no longer stands in the way of a new
 * one on its subject, nor is answered by a meeting called on it; without a majority by then, it lapses.
 */
export const PETITION_REPEAT_DAYS = 183;

/** R11: when a petition's half year is out (PETITION_REPEAT_DAYS after it was asked): without a majority, it lapses then. */
export function lapsesAt(petition: Pick<Petition, 'createdAt'>): Date {
  return new Date(petition.createdAt.getTime() + PETITION_REPEAT_DAYS * 86_400_000);
}

/** R11: whether a petition's half year is out at `now` (from lapsesAt on, it takes no more support). */
export function halfYearOut(petition: Pick<Petition, 'createdAt'>, now: Date): boolean {
  return now.getTime() >= lapsesAt(petition).getTime();
}

/**
 * R11: whether a petition lapses now: its half year out, without a majority, without a standing meeting
 * called on it (`meeting`: its linked one; cancelled, it answers no more), and not lapsed already.
 */
export function lapsesNow(petition: Pick<Petition, 'createdAt' | 'majorityAt' | 'lapsedAt'>, meeting: Meeting | undefined, now: Date): boolean {
  return petition.lapsedAt === undefined && petition.majorityAt === undefined && !calledMeeting(meeting) && halfYearOut(petition, now);
}

/**
 * R11: the extraordinary meeting on a petition's subject (the same subject, as the version before
 * linked: not subjectAnswers, so that migration 0016 stays as it ran) that answers it, of those called while it
 * stood (ahead of it when it was asked; called within PETITION_REPEAT_DAYS of it), as answersPetition
 * and nextAnsweringMeeting would have linked it: the first called that stands; none standing, the
 * last cancelled (its card says so, and gathers support again). For a petition whose meeting was
 * called before meetings were linked to petitions (migration 0016).
 */
export function meetingCalledOn(
  petition: Pick<Petition, 'subject' | 'createdAt'>,
  meetings: readonly Pick<Meeting, 'id' | 'kind' | 'status' | 'subject' | 'startsAt' | 'createdAt'>[],
): string | undefined {
  const window = PETITION_REPEAT_DAYS * 86_400_000;
  const called = meetings
    .filter((m) => isCalledOnSameSubject(m, petition.subject))
    .filter((m) => m.startsAt.getTime() > petition.createdAt.getTime() && m.createdAt.getTime() - window <= petition.createdAt.getTime())
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return (called.find((m) => m.status === 'planned') ?? called.at(-1))?.id;
}

/** R11: "a majority of the members" — more than half of the board's voting members, as persons (4 of 7). */
export function supportsNeeded(board: Board): number {
  return Math.floor(votingMembers(board).length / 2) + 1;
}

/**
 * R11: the supports that count, as the board now stands: those of its voting members, each once
 * (one who has left the board, or is no longer a voting member, counts no more).
 */
export function countedSupports(board: Board, supports: readonly PetitionSupport[]): PetitionSupport[] {
  const voters = new Set(votingMembers(board).map((p) => p.id));
  const seen = new Set<string>();
  return supports.filter((s) => voters.has(s.personId) && !seen.has(s.personId) && seen.add(s.personId));
}

export function petitionHasMajority(board: Board, supports: readonly PetitionSupport[]): boolean {
  return countedSupports(board, supports).length >= supportsNeeded(board);
}

/**
 * R11: a petition gathers support until its majority is reached, the meeting it asks for is called
 * (`meeting`: its linked one), or it lapses (lapsedAt; supportPetition refuses from lapsesAt on, before that is recorded).
 */
export function gathersSupport(petition: Pick<Petition, 'majorityAt' | 'lapsedAt'>, meeting?: Meeting): boolean {
  return petition.majorityAt === undefined && petition.lapsedAt === undefined && !calledMeeting(meeting);
}

/**
 * R11: each voting member supports once (the secretary and guests do not count: policy
 * `petition.support`), while the petition is gathering support: not once the meeting it asks for
 * is called (`meeting`: its linked meeting, if any), nor once it has its majority, nor once its half
 * year is out without one (it has lapsed, or lapses as soon as the scheduler or the start gets to it).
 */
export function supportPetition(
  person: Person,
  petition: Petition,
  supports: readonly PetitionSupport[],
  now: Date,
  meeting?: Meeting,
): Result<PetitionSupport, SupportRefusal> {
  if (calledMeeting(meeting)) return refuse('petition-meeting-called');
  if (petition.majorityAt === undefined && (petition.lapsedAt !== undefined || halfYearOut(petition, now))) return refuse('petition-lapsed');
  if (supports.some((s) => s.personId === person.id)) return refuse('already-supported');
  if (petition.majorityAt !== undefined) return refuse('petition-majority');
  return ok({ petitionId: petition.id, personId: person.id, supportedAt: now });
}

/**
 * R11: days from the majority to the first reminder of a demanded meeting not called, and between
 * reminders (a fixed interval, as the date-planning reminder's; not in the board file).
 */
export const PETITION_REMINDER_DAYS = 7;

/**
 * R11: whether a petition's meeting is demanded and not called at `now`: it has its majority, no
 * standing meeting is called on it (`meeting`: its linked one; cancelled, the demand stands again),
 * and its half year is not out (after that a meeting called on its subject no longer answers it).
 */
export function awaitsMeeting(petition: Pick<Petition, 'createdAt' | 'majorityAt' | 'lapsedAt'>, meeting: Meeting | undefined, now: Date): boolean {
  return petition.majorityAt !== undefined && petition.lapsedAt === undefined && !calledMeeting(meeting) && !halfYearOut(petition, now);
}

/**
 * R11: the reminder to call a demanded meeting is of use while the meeting is demanded and not called
 * (awaitsMeeting; kernel/reminders.ts): until the petition's half year is out (lapsesAt), after which a
 * meeting called on its subject no longer answers it, or earlier, when a meeting on its subject is
 * called (`answeredAt`: the call answers it). One still waiting to be sent then is not sent: it would
 * ask for a meeting called already, or one no longer owed.
 */
export function petitionReminderUntil(petition: Pick<Petition, 'createdAt'>, answeredAt?: Date): Date {
  const end = lapsesAt(petition);
  return answeredAt && answeredAt.getTime() < end.getTime() ? answeredAt : end;
}

/**
 * R11: the moments the chair and the secretary are reminded of a demanded meeting: `postingTime`
 * local, PETITION_REMINDER_DAYS days after the day of the majority, then every PETITION_REMINDER_DAYS
 * days on the local calendar, before the petition's half year is out (lapsesAt). None without a majority.
 */
export function petitionReminders(petition: Pick<Petition, 'createdAt' | 'majorityAt'>, policies: Pick<Policies, 'postingTime'>, zone: string): Date[] {
  if (petition.majorityAt === undefined) return [];
  const end = lapsesAt(petition).getTime();
  const day = localDateOf(petition.majorityAt, zone);
  const out: Date[] = [];
  for (let n = 1; ; n++) {
    const at = toInstant(addDays(day, n * PETITION_REMINDER_DAYS), parseHhmm(policies.postingTime), zone);
    if (at.getTime() >= end) return out;
    out.push(at);
  }
}

/**
 * R11: the reminder moment on the local day of `planned` (a moment planned at another posting time: the
 * same week's reminder, not yet sent), at the posting time now; none if that day holds no moment.
 */
export function petitionReminderOnDayOf(petition: Pick<Petition, 'createdAt' | 'majorityAt'>, planned: Date, policies: Pick<Policies, 'postingTime'>, zone: string): Date | undefined {
  const day = localDateOf(planned, zone);
  return petitionReminders(petition, policies, zone).find((at) => {
    const d = localDateOf(at, zone);
    return d.year === day.year && d.month === day.month && d.day === day.day;
  });
}

/** R11: the petition's reminder moments, those due by `now` (the last of them is the one a bot down across several sends) and those to come. */
export function petitionRemindersAt(petition: Pick<Petition, 'createdAt' | 'majorityAt'>, now: Date, policies: Pick<Policies, 'postingTime'>, zone: string) {
  const all = petitionReminders(petition, policies, zone);
  const due = all.filter((at) => at.getTime() <= now.getTime());
  return { latest: due.at(-1), next: all.find((at) => at.getTime() > now.getTime()) };
}
