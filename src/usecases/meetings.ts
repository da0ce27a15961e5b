/** Meetings (R9, R11): planned by the chair or the secretary, listed, cancelled; which one is current. */
import type { Board } from '../domain/kernel/board.js';
import { type DateRefusal, type LocalDate, type MeetingDateTimeRefusal, type TimeRefusal, isAgendaLate, localDateOf, localTimeOf, parseDate, parseMeetingDateTime, parsePastDate, parseTime } from '../domain/kernel/calendar.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { type CancelRefusal, type Meeting, type MeetingKind, type MeetingOnRefusal, type MeetingRecordCount, type NumberedItem, currentMeeting, duringMeeting, hasBegun, lastHeldMeeting, mayCancel, meetingOn, meetingRemindersUntil, meetingsOnDay, planMeeting, upcomingMeetings } from '../domain/meeting.js';
import type { Apology } from '../domain/apology.js';
import type { Attendee } from '../domain/minutes.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
import { syncAgendasIn } from './agenda-rows.js';
import { type AgendaView, loadAgenda } from './agenda-view.js';
import { gather } from './contributions.js';
import { type ItemsRenamed, renameItemsOn } from './item-headings.js';
import { endMeetingRemindersIn, planMeetingJobsIn } from './meeting-jobs.js';
import { placeAnewAfterCancel, placedByMomentOn, votesOnNoItemFor } from './minutes-record.js';
import { type Origin, type Outcome, type Reading, type Tx, ask, done, personOf, run } from './runner.js';

/**
 * `recordChanged`, on a cancellation: the meetings of its day begun with minutes whose record it
 * changed (R16: a vote on no item or a task stored with the cancelled meeting is stored with the day's
 * meeting under way when it was made: placeAnewAfterCancel, placedByMomentOn), which redraftAfter
 * brings in line. A meeting planned or moved changes no other meeting's record.
 */
export type MeetingEvent =
  | { readonly type: 'meeting.planned'; readonly meeting: Meeting; readonly data: unknown }
  /** `agenda`: its agenda as posted, when it was sent (R13: the posted card then says the meeting is cancelled). */
  /** `dropped`: the items the chair or secretary had put on its agenda (`punkt`), which go with it. */
  /** `attendance`: cancelled after its start, its attendance as its card shows it (the card then says the meeting is cancelled). */
  | {
      readonly type: 'meeting.cancelled';
      readonly meeting: Meeting;
      readonly agenda?: AgendaView;
      readonly dropped?: readonly NumberedItem[];
      readonly attendance?: { readonly attendees: readonly Attendee[]; readonly apologies: readonly Apology[] };
      readonly recordChanged?: readonly string[];
    }
  /** `from`: its start before the move; `agenda`: its agenda as posted, when it was sent (the card shows the new time). */
  /** `apologiesDropped`: apologies sent for its old time were withdrawn (they may come at the new one). */
  | { readonly type: 'meeting.moved'; readonly meeting: Meeting; readonly from: Date; readonly agendaLate: boolean; readonly apologiesDropped?: boolean; readonly agenda?: AgendaView; readonly data: unknown };

interface Where {
  readonly repo: Repository;
  readonly now: Date;
  readonly board: Board;
}

/** The meeting item numbers refer to (PRODUCT §1): today's, else the next. */
export async function currentMeetingOf(read: Where): Promise<Meeting | undefined> {
  return currentMeeting(await read.repo.listMeetings({ status: 'planned' }), read.now, read.board.timezone);
}

/** How a command names a meeting: `[dato [tid]]` (PRODUCT §1.2–§1.5). */
export interface MeetingName {
  readonly dateText?: string;
  readonly timeText?: string;
}

/**
 * The meeting a date, and a time, name (`dagsorden <dato> [tid]`, `aflys moede <dato> [tid]`), or
 * without a date the current meeting. `no-meeting-on`: none that day; `several-meetings-on`: a date
 * alone and more than one that day; `no-meeting-at`: none at that time; `no-meeting`: no current one.
 */
export type MeetingNamedRefusal = DateRefusal | TimeRefusal | MeetingOnRefusal | 'no-meeting';

export async function meetingNamed(read: Where, name: MeetingName): Promise<Outcome<Meeting, MeetingNamedRefusal>> {
  if (!name.dateText) {
    const current = await currentMeetingOf(read);
    return current ? done(current) : refuse('no-meeting');
  }
  const found = await meetingOnDate(read, { dateText: name.dateText, ...(name.timeText ? { timeText: name.timeText } : {}) });
  return found.ok ? done(found.value) : found;
}

/** The planned meeting on a date (and at a time): `past`, a year-less date is the latest such day (`referat`). */
export async function meetingOnDate(read: Where, name: MeetingName & { readonly dateText: string }, past = false): Promise<Result<Meeting, DateRefusal | TimeRefusal | MeetingOnRefusal>> {
  const day = (past ? parsePastDate : parseDate)(name.dateText, read.now, read.board.timezone);
  if (!day.ok) return day;
  const time = name.timeText ? parseTime(name.timeText) : undefined;
  if (time && !time.ok) return time;
  return meetingOn(await read.repo.listMeetings({ status: 'planned' }), day.value, time?.value, read.board.timezone);
}

/**
 * The planned meetings on the day a date names, or on a meeting's day (`at`): what a refusal
 * about a day with several meetings lists, and whether an answer must name a meeting's time.
 */
export function meetingsOn(deps: Deps, origin: Origin, on: { readonly dateText: string; readonly past?: boolean } | { readonly at: Date }) {
  return ask(deps, origin, 'board.read', async ({ repo, now, board }: Reading): Promise<Result<{ readonly day: LocalDate; readonly meetings: Meeting[] }, DateRefusal>> => {
    const day = 'at' in on ? ok(localDateOf(on.at, board.timezone)) : (on.past ? parsePastDate : parseDate)(on.dateText, now, board.timezone);
    if (!day.ok) return day;
    return ok({ day: day.value, meetings: meetingsOnDay(await repo.listMeetings({ status: 'planned' }), day.value, board.timezone) });
  });
}

/** The last meeting held (lastHeldMeeting): what an answer about there being no current meeting names. */
export function lastHeld(deps: Deps, origin: Origin) {
  return ask(deps, origin, 'board.read', async ({ repo, now }: Reading): Promise<Result<Meeting | undefined, never>> => ok(lastHeldMeeting(await repo.listMeetings({ status: 'planned' }), now)));
}

export interface PlannedMeeting {
  readonly meeting: Meeting;
  /** The agenda deadline has passed already: it goes out at once, marked late (R13). */
  readonly agendaLate: boolean;
  /** What the features add to the answer (Contributions.plannedNotes: R11, a demanded meeting it does not answer). */
  readonly notes: readonly string[];
}

export interface MeetingInput {
  readonly kind: MeetingKind;
  readonly dateText?: string;
  readonly timeText?: string;
  /** After the date and time: the subject of an extraordinary meeting, the place (or Teams link) of an ordinary one. */
  readonly rest: string;
}

/** `moede <dato> <tid> [sted]` (R9; the time is required, PRODUCT §1.2) and `ekstraordinaert moede <dato> <tid> <emne>` (R11), by the chair or the secretary. */
export function scheduleMeeting(deps: Deps, origin: Origin, input: MeetingInput) {
  return run(deps, origin, { action: 'meeting.plan' }, async (tx): Promise<Outcome<PlannedMeeting, MeetingDateTimeRefusal | 'missing-date' | 'empty-subject' | 'subject-too-long' | 'place-too-long' | 'meeting-exists'>> => {
    if (!input.dateText) return refuse('missing-date');
    const startsAt = parseMeetingDateTime(input.dateText, input.timeText, tx.now, tx.board.timezone);
    if (!startsAt.ok) return startsAt;
    if (input.kind === 'extraordinary' && !input.rest) return refuse('empty-subject');
    const rest = input.kind === 'extraordinary' ? { subject: input.rest } : input.rest ? { place: input.rest } : {};
    await tx.repo.lockMeetingPlanning();
    const existing = await tx.repo.listMeetings({ status: 'planned' });
    const planned = planMeeting(personOf(tx), existing, { id: tx.newId(), kind: input.kind, startsAt: startsAt.value, now: tx.now, ...rest });
    if (!planned.ok) return planned;
    const meeting = planned.value;
    await tx.repo.insertMeeting(meeting);
    await planMeetingJobsIn(tx, meeting);
    await syncAgendasIn(tx);
    // PRODUCT §1.3: another meeting on its day now has company: the lines naming its items name its time.
    const renamed = await renameItemsOn(deps, tx, [meeting.startsAt]);
    const agendaLate = isAgendaLate(meeting.startsAt, tx.now, tx.board.policies, tx.board.timezone);
    const notes = await gather(tx.contributions.plannedNotes, tx, meeting);
    const data = { kind: meeting.kind, startsAt: meeting.startsAt, subject: meeting.subject };
    return done<PlannedMeeting, MeetingEvent | ItemsRenamed>({ meeting, agendaLate, notes }, { type: 'meeting.planned', meeting, data }, renamed);
  });
}

/**
 * R16: what of the meeting's record exists, as mayCancel asks: its attendance, its conclusions open
 * until closed, and what else its minutes hold as given at it: the votes and conclusions on its items
 * made while it was under way (one made before is a decision between meetings: cancelled, the next
 * meeting's minutes report it under its name), the votes on no item and what the features add to its
 * minutes (the tasks given) made at it (onNoItemFor; not what was made between meetings, which its
 * minutes report too), and minutes drafted.
 */
async function recordCountOf(tx: Tx, meeting: Meeting): Promise<MeetingRecordCount> {
  const { repo } = tx;
  const zone = tx.board.timezone;
  const conclusions = await repo.listConclusions({ meetingId: meeting.id });
  const underWay = (at: Date) => duringMeeting(meeting, at, zone) === 'during';
  const onItems = [...conclusions.map((c) => c.concludedAt), ...(await repo.listMotions({ meetingId: meeting.id })).map((m) => m.openedAt)].filter(underWay);
  // Made on no item at it (onNoItemFor): not what was made between meetings, which its minutes report too.
  const free = (await votesOnNoItemFor(tx, meeting)).at;
  const sections = (await gather(tx.contributions.minutesSections, tx, meeting)).filter((s) => !s.betweenMeetings);
  const minutes = await repo.listMinutes(meeting.id);
  return {
    attendees: (await repo.listAttendees(meeting.id)).length,
    openInMeeting: conclusions.filter((c) => c.status === 'open' && c.untilClosed).length,
    made: onItems.length + free.length + sections.length + minutes.length,
  };
}

/**
 * `aflys moede <dato> [tid]`: the meeting is cancelled, its jobs with it, and the board told (on its
 * posted agenda too). On its day after its start (nobody came) only while nothing of its record
 * exists (mayCancel): its attendance card then says it is cancelled.
 */
export function cancelMeeting(deps: Deps, origin: Origin, input: MeetingName & { readonly dateText: string }) {
  return run(deps, origin, { action: 'meeting.cancel' }, async (tx): Promise<Outcome<Meeting, MeetingNamedRefusal | 'missing-date' | 'meeting-cancelled' | CancelRefusal>> => {
    if (!input.dateText) return refuse('missing-date');
    // As planning does: the drafts' rows follow one change of the year's meetings at a time (taken first, as moving does).
    await tx.repo.lockMeetingPlanning();
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    // Locked, then its record read: an attendee recorded meanwhile (on another instance, R16) is counted, and one
    // recorded after waits for the cancellation and finds the meeting cancelled (joinMeeting, addAttendee).
    const meeting = await tx.repo.getMeeting(found.value.id, { lock: true });
    if (meeting?.status !== 'planned') return refuse('meeting-cancelled');
    // R16: a meeting whose record has begun is not cancelled away (what was recorded keeps its meeting).
    const may = mayCancel(meeting, tx.now, tx.board.timezone, await recordCountOf(tx, meeting));
    if (!may.ok) return may;
    // R16: what was given on no item at it (before its start) goes to the day's meeting under way then, which may have minutes.
    const placed = await placedByMomentOn(tx, [meeting.startsAt]);
    // The items put on its agenda go with it: the notice names them, to be put on another meeting.
    // Those the chair or secretary put there: not what a feature puts on every agenda (the tasks' follow-up).
    const byPeople = new Set((await tx.repo.listAgendaItems(meeting.id)).filter((row) => row.addedBy !== 'system').map((row) => row.id));
    const dropped = (await loadAgenda(tx, meeting)).items.filter((i) => i.section === 'added' && byPeople.has(i.itemId));
    await tx.repo.updateMeeting(meeting.id, { status: 'cancelled' });
    const cancelled: Meeting = { ...meeting, status: 'cancelled' };
    // R13: its reminders held up in the outbox are not sent (they name a meeting no longer held).
    const remindersUntil = meetingRemindersUntil(meeting, cancelled, tx.now);
    if (remindersUntil) await endMeetingRemindersIn(tx, meeting.id, remindersUntil);
    await placeAnewAfterCancel(tx, cancelled);
    await planMeetingJobsIn(tx, cancelled);
    await syncAgendasIn(tx);
    // PRODUCT §1.3: a meeting left alone on its day: the lines naming its items no longer need its time.
    const renamed = await renameItemsOn(deps, tx, [meeting.startsAt]);
    const agenda = cancelled.agendaSentAt ? await loadAgenda(tx, cancelled) : undefined;
    // Begun: its attendance card went out at the start.
    const attendance = hasBegun(meeting, tx.now) ? { attendees: await tx.repo.listAttendees(meeting.id), apologies: await tx.repo.listApologies(meeting.id) } : undefined;
    const recordChanged = await placed.changed();
    const changed = recordChanged.length ? { recordChanged } : {};
    return done<Meeting, MeetingEvent | ItemsRenamed>(cancelled, { type: 'meeting.cancelled', meeting: cancelled, ...(agenda ? { agenda } : {}), ...(dropped.length ? { dropped } : {}), ...(attendance ? { attendance } : {}), ...changed }, renamed);
  });
}

/** `moeder`: the planned meetings from today on. */
export function upcoming(deps: Deps, origin: Origin) {
  return ask(deps, origin, 'board.read', async ({ repo, now, board }: Reading): Promise<Result<Meeting[], never>> => ({
    ok: true,
    value: upcomingMeetings(await repo.listMeetings({ status: 'planned' }), now, board.timezone),
  }));
}
