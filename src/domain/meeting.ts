/**
 * Meetings (R9–R11, "Moedefrekvens") and their agendas (R12–R15).
 * Instants are UTC `Date`s; local dates and times are in the board's time zone.
 */
import type { AgendaItemKind, Person, Policies, StandingItemKey } from './kernel/board.js';
import { type LocalDate, type LocalTime, type WallTimeRefusal, addDays, isAgendaLate, isoDate, localDateOf, localIsoDate, localTimeOf, parseHhmm, toInstant, wallTimeExists } from './kernel/calendar.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { visibleText } from './kernel/text.js';

export type { AgendaItemKind, StandingItemKey } from './kernel/board.js';

/** A meeting is under way from this long before its start (people gather, the chair opens early). */
export const MEETING_EARLY_MS = 60 * 60_000;

/**
 * Whether `now` is during the meeting: on its day (in the board's zone), from an hour before
 * its start. R7: a conclusion made then may stay open until the chair closes it; R16: a
 * person records their own attendance (*Jeg deltager*) only then (the secretary at any time).
 */
export function duringMeeting(meeting: Pick<Meeting, 'startsAt'>, now: Date, zone: string): 'before' | 'during' | 'after' {
  if (now.getTime() < meeting.startsAt.getTime() - MEETING_EARLY_MS) return 'before';
  return localIsoDate(now, zone) === localIsoDate(meeting.startsAt, zone) ? 'during' : 'after';
}

/**
 * R16: the first instant after the meeting's day (midnight in the board's zone): from then on
 * duringMeeting says 'after', and nobody records their own attendance on the card.
 */
export function attendanceClosesAt(meeting: Pick<Meeting, 'startsAt'>, zone: string): Date {
  return toInstant(addDays(localDateOf(meeting.startsAt, zone), 1), { hour: 0, minute: 0 }, zone);
}

/**
 * R7: the day after the meeting, at `postingTime`: the chair is reminded of its conclusions still
 * open for objections (made during it, they stay open until the chair closes them).
 */
export function dayAfterReminderAt(meeting: Pick<Meeting, 'startsAt'>, postingTime: string, zone: string): Date {
  return toInstant(addDays(localDateOf(meeting.startsAt, zone), 1), parseHhmm(postingTime), zone);
}

export type MeetingKind = 'ordinary' | 'extraordinary';
export type MeetingStatus = 'planned' | 'cancelled';

export interface Meeting {
  readonly id: string;
  readonly kind: MeetingKind;
  /** The start, as an instant. */
  readonly startsAt: Date;
  /** The subject of an extraordinary meeting (R11); ordinary meetings have none. */
  readonly subject?: string;
  /** Place or Teams link. */
  readonly place?: string;
  readonly status: MeetingStatus;
  /** Who planned it: a person id (the chair confirming the annual date planning too). */
  readonly createdBy: string;
  readonly createdAt: Date;
  /** When the agenda went out (R13); absent until it has. */
  readonly agendaSentAt?: Date;
  /** True when it went out after its deadline (R13: "Udsendt for sent"). */
  readonly agendaLate?: boolean;
  /** How many times it was moved (`flyt moede`); absent: never. */
  readonly revision?: number;
}

export interface Attachment {
  readonly url: string;
  readonly title?: string;
  /** Added after the agenda was sent (R12, R13: marked so on the card and in the agenda's file). */
  readonly addedAfterSending?: boolean;
}

/**
 * Where an item stands on the agenda: the standing opening items, an extraordinary meeting's
 * subject, the items the chair and secretary add, the standing closing items.
 */
export type AgendaSection = 'opening' | 'subject' | 'added' | 'closing';

/** An item of a meeting's agenda, as stored: added by the chair or secretary (`punkt`), or standing. */
export interface AgendaItem {
  readonly id: string;
  readonly meetingId: string;
  /** For a standing item by key: empty (its title is the board's language's). */
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly section: AgendaSection;
  readonly standing?: StandingItemKey;
  /** Order within its section. */
  readonly position: number;
  /** Its number, fixed when the agenda was sent (R13); absent on a draft, where it follows the order. */
  readonly number?: number;
  /** Added after the agenda was sent (marked so on the card and in the minutes). */
  readonly addedAfterSending?: boolean;
  readonly attachments: readonly Attachment[];
  readonly addedBy: string;
  readonly addedAt: Date;
}

/** A numbered line of the agenda as the board sees it. */
export interface NumberedItem {
  readonly number: number;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly section: AgendaSection;
  readonly standing?: StandingItemKey;
  /** The stored item's id. */
  readonly itemId: string;
  readonly addedAfterSending?: boolean;
  readonly attachments: readonly Attachment[];
  /** Lines under the item (Markdown, already literal): what a feature put on the agenda lists there. */
  readonly notes?: readonly string[];
}

export const MAX_SUBJECT = 300;
/** A meeting's place (`moede <dato> <tid> <sted>`): a room or an address. */
export const MAX_PLACE = 200;

export type MeetingRefusal = 'in-past' | 'empty-subject' | 'subject-too-long' | 'place-too-long' | 'meeting-exists';

/**
 * R9: ordinary meetings; R11: an extraordinary meeting is called by the chair or the
 * programme manager (policy `meeting.plan`), or demanded by a members' majority (petition.ts).
 */
export function planMeeting(
  person: Person,
  existing: readonly Meeting[],
  input: { id: string; kind: MeetingKind; startsAt: Date; subject?: string; place?: string; now: Date },
): Result<Meeting, MeetingRefusal> {
  if (input.startsAt.getTime() <= input.now.getTime()) return refuse('in-past');
  const subject = visibleText(input.subject ?? '').replace(/\s+/g, ' ');
  const place = visibleText(input.place ?? '');
  if (input.kind === 'extraordinary' && !subject) return refuse('empty-subject');
  if (subject && subject.length > MAX_SUBJECT) return refuse('subject-too-long');
  if (place.length > MAX_PLACE) return refuse('place-too-long');
  if (existing.some((m) => m.status === 'planned' && m.startsAt.getTime() === input.startsAt.getTime())) return refuse('meeting-exists');
  return ok({
    id: input.id,
    kind: input.kind,
    startsAt: input.startsAt,
    ...(subject ? { subject } : {}),
    ...(place ? { place } : {}),
    status: 'planned',
    createdBy: person.id,
    createdAt: input.now,
  });
}

/**
 * R16: what a meeting's record holds, as cancelling it asks. `attendees`: people recorded as
 * present (the card, `deltager`); `openInMeeting`: conclusions made during it, open until the
 * chair closes them (R7); `made`: what else its minutes hold as given at it (from an hour before
 * its start): votes and conclusions on its items, votes on no item and tasks stored with it
 * when made (meetingOfMoment), and minutes drafted.
 */
export interface MeetingRecordCount {
  readonly attendees: number;
  readonly openInMeeting: number;
  readonly made: number;
}

/**
 * `meeting-day-over`: after its day it stands as held; `meeting-record-begun`: in the hour before its
 * start, attendance recorded or a conclusion open; after its start, `meeting-attendance-recorded`:
 * people recorded as present (taken off, it may be cancelled); `meeting-held-record`: more than that.
 */
export type CancelRefusal = 'meeting-day-over' | 'meeting-record-begun' | 'meeting-attendance-recorded' | 'meeting-held-record';

/**
 * R16: whether `aflys moede` may cancel the meeting. Before its start: not in the hour before once
 * its record has begun (attendance recorded, a conclusion made then, which stays open until the
 * chair closes it at the meeting). After its start, on its day (nobody came, the room fell
 * through): only while nothing of its record exists. After its day: never, it stands as held.
 */
export function mayCancel(meeting: Meeting, now: Date, zone: string, record: MeetingRecordCount): Result<true, CancelRefusal> {
  const when = duringMeeting(meeting, now, zone);
  if (!hasBegun(meeting, now)) return when === 'during' && (record.attendees > 0 || record.openInMeeting > 0) ? refuse('meeting-record-begun') : ok(true);
  if (when !== 'during') return refuse('meeting-day-over');
  if (record.openInMeeting > 0 || record.made > 0) return refuse('meeting-held-record');
  if (record.attendees > 0) return refuse('meeting-attendance-recorded');
  return ok(true);
}

/** A meeting has begun at its start: what was to come before it (its agenda, the day-before reminder) is not caught up after (R13). */
export function hasBegun(meeting: Pick<Meeting, 'startsAt'>, now: Date): boolean {
  return meeting.startsAt.getTime() <= now.getTime();
}

/**
 * R13: the reminders about a meeting (the chair's to prepare its agenda, the board's the day before)
 * name it as it stood when they were made: its time, its agenda's deadline. Cancelled, or moved to
 * another time, it stands so no longer, and they are of use only until that change, `now`
 * (kernel/reminders.ts): one still waiting to be sent is not sent. A moved meeting's reminders are
 * made anew for its new time. Undefined: the change leaves them true.
 */
export function meetingRemindersUntil(before: Pick<Meeting, 'startsAt' | 'status'>, after: Pick<Meeting, 'startsAt' | 'status'>, now: Date): Date | undefined {
  const changed = after.status !== before.status || after.startsAt.getTime() !== before.startsAt.getTime();
  return changed ? now : undefined;
}

export type MoveRefusal = 'meeting-begun-move' | 'meeting-day-move' | 'in-past' | 'same-time' | 'meeting-exists' | 'sent-agenda-other-year';

/**
 * R9, R11: a planned meeting moved to another time (`flyt moede`), by those who plan meetings.
 * Not once begun, nor on its day to another day (R16: its record begins), not into the past, not onto another meeting's
 * time. It stays the same meeting: its agenda, items and calendar invitation (raised revision).
 * R10, R15: a sent agenda's yearly items are its year's (next year's dates, the LBF follow-up): such
 * a meeting stays in its year.
 */
export function moveMeeting(
  meeting: Meeting,
  existing: readonly Meeting[],
  startsAt: Date,
  now: Date,
  board: { readonly timezone: string; readonly policies: Pick<Policies, 'agendaLeadDays' | 'postingTime'> },
): Result<Meeting, MoveRefusal> {
  const zone = board.timezone;
  if (hasBegun(meeting, now)) return refuse('meeting-begun-move');
  // R16: on its day, what is given or decided (a task, a vote on no item, attendance) is its record: it
  // may start at another time that day, not on another day.
  const day = localIsoDate(meeting.startsAt, zone);
  if (localIsoDate(now, zone) === day && localIsoDate(startsAt, zone) !== day) return refuse('meeting-day-move');
  if (startsAt.getTime() <= now.getTime()) return refuse('in-past');
  if (startsAt.getTime() === meeting.startsAt.getTime()) return refuse('same-time');
  if (existing.some((m) => m.id !== meeting.id && m.status === 'planned' && m.startsAt.getTime() === startsAt.getTime())) return refuse('meeting-exists');
  if (meeting.agendaSentAt && localDateOf(meeting.startsAt, zone).year !== localDateOf(startsAt, zone).year) return refuse('sent-agenda-other-year');
  // R13: a sent agenda is late or not by the new time's deadline (moved later, one sent late may be on time now).
  const late = meeting.agendaSentAt ? { agendaLate: isAgendaLate(startsAt, meeting.agendaSentAt, board.policies, zone) } : {};
  return ok({ ...meeting, startsAt, ...late, revision: (meeting.revision ?? 0) + 1 });
}

/**
 * A day either side of an instant (a day lasts up to 25 hours where the clocks change): a range
 * that holds every meeting of its day, and all that was made on it (meetingOfMoment, sharesItsDay).
 */
export function dayAround(at: Date): { readonly from: Date; readonly to: Date } {
  const around = 26 * 3_600_000;
  return { from: new Date(at.getTime() - around), to: new Date(at.getTime() + around) };
}

/**
 * The meeting of the day of `at` (in the board's zone) that something done then belongs to:
 * the last one under way (from an hour before its start, as duringMeeting; so after the day's
 * last meeting, that one), else, before them all, the first of the day. None on a day without
 * meetings. Only planned meetings count. R16: a vote on no item and a task are in the record
 * of this meeting, and of no other that day: stored with it when they are made (and, that
 * meeting cancelled, with the one this names of those that remain), so that a meeting planned
 * or moved afterwards does not move them.
 */
export function meetingOfMoment<M extends Pick<Meeting, 'status' | 'startsAt'>>(meetings: readonly M[], at: Date, zone: string): M | undefined {
  const day = meetingsOnDay(meetings, localDateOf(at, zone), zone);
  const underWay = day.filter((m) => duringMeeting(m, at, zone) === 'during');
  return underWay[underWay.length - 1] ?? day[0];
}

/**
 * R13: how a meeting held (planned and begun: hasBegun) had its agenda: in time, late (sent after
 * its deadline, by the catch-up or by hand), or not at all (the bot was down across its deadline
 * and its start, the record's `agenda.not-sent`). Before the meeting has begun an agenda not yet
 * sent is still to go out: ask only of a meeting held.
 */
export function heldMeetingAgenda(meeting: Pick<Meeting, 'agendaSentAt' | 'agendaLate'>): 'in-time' | 'late' | 'not-sent' {
  if (meeting.agendaSentAt === undefined) return 'not-sent';
  return meeting.agendaLate ? 'late' : 'in-time';
}

/**
 * "Item numbers refer to the current meeting: today's if there is one, else the next"
 * (PRODUCT §1). Only planned meetings count. With several today: the last one under way
 * (from an hour before its start, as duringMeeting), else the first of the day (meetingOfMoment).
 */
export function currentMeeting(meetings: readonly Meeting[], now: Date, zone: string): Meeting | undefined {
  const planned = meetings.filter((m) => m.status === 'planned').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return meetingOfMoment(planned, now, zone) ?? planned.find((m) => m.startsAt.getTime() > now.getTime());
}

/**
 * The meeting the secretary's `deltager` and `fjern deltager` record attendance at (R16):
 * today's once it is under way (from an hour before its start, as *Jeg deltager* counts;
 * with several, the last so), else the last that has begun. Only planned meetings count.
 */
export function attendanceMeeting(meetings: readonly Meeting[], now: Date, zone: string): Meeting | undefined {
  const planned = meetings.filter((m) => m.status === 'planned').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const underWay = planned.filter((m) => duringMeeting(m, now, zone) === 'during');
  return underWay[underWay.length - 1] ?? planned.filter((m) => hasBegun(m, now)).at(-1);
}

/**
 * The last planned meeting that has begun (a cancelled one was not held): the one a command on
 * the current meeting's items most likely meant when there is no current one (none today, none
 * ahead), as the day after the year's last meeting. Undefined when none was held.
 */
export function lastHeldMeeting(meetings: readonly Meeting[], now: Date): Meeting | undefined {
  return meetings.filter((m) => m.status === 'planned' && hasBegun(m, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).at(-1);
}

/** The planned meetings on a day (in the board's zone), in order. */
export function meetingsOnDay<M extends Pick<Meeting, 'status' | 'startsAt'>>(meetings: readonly M[], day: LocalDate, zone: string): M[] {
  const iso = isoDate(day);
  return meetings.filter((m) => m.status === 'planned' && localIsoDate(m.startsAt, zone) === iso).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether another planned meeting is on `meeting`'s day (in the board's zone): then its time names it too (PRODUCT §1.3). */
export function sharesItsDay(meeting: Meeting, meetings: readonly Meeting[], zone: string): boolean {
  return meetingsOnDay(meetings, localDateOf(meeting.startsAt, zone), zone).some((other) => other.id !== meeting.id);
}

/**
 * `no-meeting-on`: none that day; `several-meetings-on`: a date alone, and more than one that day;
 * `no-meeting-at`: none at that time; `nonexistent-time`: the clocks skip that time that night.
 */
export type MeetingOnRefusal = 'no-meeting-on' | 'several-meetings-on' | 'no-meeting-at' | WallTimeRefusal;

/**
 * The meeting `[dato [tid]]` names (PRODUCT §1.2–§1.5): the day's one planned meeting, or, with
 * a time, the one that starts then. A date alone never picks among several meetings. A time
 * the clocks skip that night names no meeting, and says so (as `moede` refuses it).
 */
export function meetingOn(meetings: readonly Meeting[], day: LocalDate, time: LocalTime | undefined, zone: string): Result<Meeting, MeetingOnRefusal> {
  if (time && !wallTimeExists(day, time, zone)) return refuse('nonexistent-time');
  const onDay = meetingsOnDay(meetings, day, zone);
  if (onDay.length === 0) return refuse('no-meeting-on');
  if (time) {
    const at = onDay.find((m) => {
      const start = localTimeOf(m.startsAt, zone);
      return start.hour === time.hour && start.minute === time.minute;
    });
    return at ? ok(at) : refuse('no-meeting-at');
  }
  return onDay.length === 1 ? ok(onDay[0]!) : refuse('several-meetings-on');
}

/** The planned meetings from `now` on, in order. */
export function upcomingMeetings(meetings: readonly Meeting[], now: Date, zone: string): Meeting[] {
  const today = localIsoDate(now, zone);
  return meetings
    .filter((m) => m.status === 'planned' && (m.startsAt.getTime() > now.getTime() || localIsoDate(m.startsAt, zone) === today))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
