/** Minutes (R16): drafted from the record by the secretary, corrected, approved by the chair or by consent. */
import type { Board } from '../domain/kernel/board.js';
import type { DateRefusal, TimeRefusal } from '../domain/kernel/calendar.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import type { Meeting, MeetingOnRefusal } from '../domain/meeting.js';
import {
  type Attendee,
  type AttendeeRefusal,
  type Minutes,
  approvableFrom,
  behindTheRecord,
  attendeeNameOf,
  attendeeNamed,
  canEditMinutes,
  followsRecord,
  recordedAs,
} from '../domain/minutes.js';
import type { AgendaItemRef, Motion } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
import type { BoardEvent, EventsOf } from './event.js';

import { type AttendanceMeetingRefusal, type AttendeeChange, attendanceMeetingNamed, attendanceStateOf } from './attendance.js';
import type { Apology } from '../domain/apology.js';
import type { ChangeAt } from './contributions.js';
import { minutesRecord, placedConclusion, recordMeetingIdOf } from './minutes-record.js';
import { type Origin, type Outcome, type Reading, type Tx, ask, done, personOf, run } from './runner.js';
import { type MeetingName, meetingOnDate } from './meetings.js';
import { visibleText } from '../domain/kernel/text.js';

export interface MinutesState {
  readonly minutes: Minutes;
  /** The meeting they are of (its date names the file). */
  readonly meeting: Meeting;
  /** True when this call created them. */
  readonly created: boolean;
}

export type MinutesEvent =
  | EventsOf<'minutes.drafted' | 'minutes.redrafted' | 'minutes.corrected' | 'minutes.correction' | 'minutes.approved', { readonly data: unknown; readonly actor?: 'system' } & Omit<MinutesState, 'created'>>
  /** R16: the board decided to approve the previous meeting's minutes, which are not drafted yet: nothing was approved. */
  | { readonly type: 'minutes.not-drafted'; readonly meeting: Meeting; readonly decidedAt: Date; readonly actor: 'system'; readonly data: unknown }
  /** R16: the board decided to approve the previous meeting's minutes, which were approved already: nothing changed. */
  | { readonly type: 'minutes.already-approved'; readonly meeting: Meeting; readonly decidedAt: Date; readonly actor: 'system'; readonly unrecorded: true; readonly data: unknown }
  | { readonly type: 'minutes.attendee-added'; readonly meeting: Meeting; readonly attendee: Attendee; readonly attendees: readonly Attendee[]; readonly apologies?: readonly Apology[]; readonly data: unknown }
  /** R16, R8: the record changed after the secretary corrected the draft (behindTheRecord): it is not approved until she corrects it again. */
  | { readonly type: 'minutes.behind-record'; readonly minutes: Minutes; readonly meeting: Meeting; readonly actor: 'system'; readonly data: unknown }
  /** R16, R8: the record changed after the minutes were approved (a late dissent): they stand; a correction brings the change in. */
  | { readonly type: 'minutes.changed-after-approval'; readonly minutes: Minutes; readonly meeting: Meeting; readonly at: Date; readonly actor: 'system'; readonly data: unknown }
  /** R16: the board decided to approve the previous meeting's minutes, which are behind the record: nothing was approved. */
  | { readonly type: 'minutes.not-approved-behind'; readonly minutes: Minutes; readonly meeting: Meeting; readonly decidedAt: Date; readonly actor: 'system'; readonly data: unknown };

/** The last meeting that has begun (today's included): the one `referat` is about by default. */
async function lastHeldMeeting(read: Reading): Promise<Meeting | undefined> {
  const held = (await read.repo.listMeetings({ status: 'planned', to: new Date(read.now.getTime() + 1) })).filter((m) => m.startsAt.getTime() <= read.now.getTime());
  return held[held.length - 1];
}

/**
 * R16: minutes that follow the record (followsRecord: nobody corrected the draft) drafted from
 * it again when it has changed since (a vote closed, a dissent, an attendee added): the minutes
 * as they now stand, and the event that updates their card.
 */
export async function redraftedIn(tx: ChangeAt, meeting: Meeting, minutes: Minutes): Promise<{ readonly minutes: Minutes; readonly events: MinutesEvent[] }> {
  if (!followsRecord(minutes)) return { minutes, events: [] };
  const text = tx.texts.minutes(tx.board, await minutesRecord(tx, meeting));
  if (text === minutes.text || !(await tx.repo.redraftMinutes(minutes.id, text, tx.now))) return { minutes, events: [] };
  const redrafted = { ...minutes, text, draftedAt: tx.now, updatedAt: tx.now };
  // Drafted again by the bot itself, whoever's change set it going.
  return { minutes: redrafted, events: [{ type: 'minutes.redrafted', minutes: redrafted, meeting, actor: 'system', data: { meetingId: meeting.id } }] };
}

/**
 * The changes that touch a meeting's record (R16): what the minutes drafted from it show. A
 * ballot does not (an open vote shows as open; its close does), nor anything else.
 */
const TOUCHING_THE_RECORD: ReadonlySet<string> = new Set([
  'motion.opened',
  'motion.closed',
  'dissent.added',
  'conclusion.posted',
  'conclusion.objected',
  'conclusion.decided',
  'conclusion.to-vote',
  'conclusion.vote-closed',
  'agenda.sent',
  'agenda.not-sent',
  'agenda.item-added',
  'agenda.item-reopened',
  'attendance.joined',
  'attendance.removed',
  'minutes.attendee-added',
  'apology.sent',
  'apology.withdrawn',
  'task.made',
  'meeting.planned',
  'meeting.moved',
  'meeting.cancelled',
]);

const MEETING_CHANGES: ReadonlySet<string> = new Set(['meeting.planned', 'meeting.moved', 'meeting.cancelled']);

/**
 * R16, after any change (a contribution: features.ts): the uncorrected drafts of the held
 * meetings whose record the change touched follow it at once (a vote closed, a conclusion
 * decided, a dissent, an attendee, a task given at the meeting, a meeting of its day cancelled
 * with a vote on no item or a task given at it, which another meeting of the day then holds…), so
 * that the card the board reads in the objection window is the record as it stands. A draft the secretary corrected
 * keeps her text, and is marked behind the record (behindTheRecord) until she corrects it
 * again. A ballot touches none.
 */
export async function redraftAfter(tx: ChangeAt, events: readonly BoardEvent[]): Promise<MinutesEvent[]> {
  const touching = events.filter((e) => TOUCHING_THE_RECORD.has(e.type));
  if (touching.length === 0) return [];
  const ids = new Set<string>();
  for (const event of touching as readonly { type: string; meeting?: Meeting; motion?: Motion; conclusion?: { agendaItem: AgendaItemRef; concludedAt: Date }; task?: { createdAt: Date; placedMeetingId?: string }; recordChanged?: readonly string[] }[]) {
    if (MEETING_CHANGES.has(event.type)) {
      // A meeting cancelled: the day's meetings begun whose record of what was given on no item it changed (what was
      // stored with it is stored with the meeting under way then: placedByMomentOn). Planned or moved: none.
      for (const id of event.recordChanged ?? []) ids.add(id);
      continue;
    }
    if (event.meeting) {
      ids.add(event.meeting.id);
      continue;
    }
    // A decision is the record of its item's meeting, of the meeting stored when it was made, or, taken between meetings,
    // of the next (recordMeetingOf); a task is placed as a vote on no item made then.
    const task = event.task;
    const placed = event.motion ?? (event.conclusion ? placedConclusion(event.conclusion) : { openedAt: task?.createdAt ?? tx.now, ...(task?.placedMeetingId ? { placedMeetingId: task.placedMeetingId } : {}) });
    const id = await recordMeetingIdOf(tx, placed);
    if (id) ids.add(id);
  }
  const out: MinutesEvent[] = [];
  for (const id of ids) {
    const meeting = await tx.repo.getMeeting(id);
    if (!meeting || meeting.startsAt.getTime() > tx.now.getTime()) continue;
    const latest = await latestOf(tx.repo, id);
    if (!latest) continue;
    // Approved minutes never change: the secretary is told how to bring the change in (a correction).
    if (latest.approvedAt) {
      out.push({ type: 'minutes.changed-after-approval', minutes: latest, meeting, at: tx.now, actor: 'system', data: { meetingId: meeting.id } });
      continue;
    }
    const locked = await tx.repo.getMinutes(latest.id, { lock: true });
    if (!locked || locked.approvedAt) continue;
    if (followsRecord(locked)) out.push(...(await redraftedIn(tx, meeting, locked)).events);
    // Corrected by the secretary: her text stands, but it no longer says all that is recorded.
    else if (await tx.repo.markRecordChanged(locked.id, tx.now)) {
      const behind = { ...locked, recordChangedAt: tx.now };
      out.push({ type: 'minutes.behind-record', minutes: behind, meeting, actor: 'system', data: { meetingId: meeting.id } });
    }
  }
  return out;
}

/** New minutes: the first version, or a correction linked to the approved `previous`. */
function newMinutes(tx: Tx, meetingId: string, text: string, previous?: Minutes): Minutes {
  return {
    id: tx.newId(),
    meetingId,
    version: previous ? previous.version + 1 : 1,
    ...(previous ? { correctsId: previous.id } : {}),
    text,
    draftedBy: personOf(tx).id,
    draftedAt: tx.now,
    updatedAt: tx.now,
  };
}

/** The latest version of a meeting's minutes; `lock` it for a change. */
export async function latestOf(repo: Repository, meetingId: string, read?: { lock: true }): Promise<Minutes | undefined> {
  const versions = await repo.listMinutes(meetingId);
  const listed = versions[versions.length - 1];
  return listed && (read ? repo.getMinutes(listed.id, read) : listed);
}

/** The held meeting `referat [dato [tid]]` is about: the one on that date (and at that time), or the last one held. */
async function heldMeeting(tx: Reading, name: MeetingName): Promise<Outcome<Meeting, HeldRefusal>> {
  if (!name.dateText) {
    const last = await lastHeldMeeting(tx);
    return last ? done(last) : refuse('no-held-meeting');
  }
  const found = await meetingOnDate(tx, { dateText: name.dateText, ...(name.timeText ? { timeText: name.timeText } : {}) }, true);
  return found.ok ? done(found.value) : found;
}

type HeldRefusal = DateRefusal | TimeRefusal | MeetingOnRefusal | 'no-held-meeting';

type DraftRefusal = HeldRefusal | 'not-bound' | 'meeting-not-held' | 'meeting-cancelled';

/**
 * `referat [dato]` (secretary): drafts the minutes of a held meeting from the record, or,
 * when they exist, shows them as they stand: a draft nobody has corrected is drafted again
 * if the record has changed since (followsRecord); the secretary's corrections are never
 * overwritten.
 */
export function draftMinutes(deps: Deps, origin: Origin, input: MeetingName) {
  const existing = async (tx: Tx): Promise<Outcome<MinutesState, 'no-minutes' | HeldRefusal>> => {
    const meeting = await heldMeeting(tx, input);
    if (!meeting.ok) return meeting;
    const latest = await latestOf(tx.repo, meeting.value.id);
    return latest ? done({ minutes: latest, meeting: meeting.value, created: false }) : refuse('no-minutes');
  };
  return run(deps, origin, { action: 'minutes.write', again: existing }, async (tx): Promise<Outcome<MinutesState, DraftRefusal>> => {
    const found = await heldMeeting(tx, input);
    if (!found.ok) return found;
    // Read again with a shared lock, as an attendee is (addAttendee): no minutes of a meeting cancelled
    // meanwhile (PostgreSQL, R16), and a cancellation after it counts them (cancelMeeting).
    const meeting = await tx.repo.getMeeting(found.value.id, { lock: 'shared' });
    if (meeting?.status !== 'planned') return refuse('meeting-cancelled');
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    if (meeting.startsAt.getTime() > tx.now.getTime()) return refuse('meeting-not-held');
    const latest = await latestOf(tx.repo, meeting.id, { lock: true });
    if (latest) {
      const current = await redraftedIn(tx, meeting, latest);
      return done({ minutes: current.minutes, meeting, created: false }, current.events);
    }
    const minutes = newMinutes(tx, meeting.id, deps.texts.minutes(tx.board, await minutesRecord(tx, meeting)));
    await tx.repo.insertMinutes(minutes);
    return done({ minutes, meeting, created: true }, { type: 'minutes.drafted', minutes, meeting, data: { meetingId: meeting.id } });
  });
}

/**
 * `referat [dato]` by anyone else than the secretary (who drafts them, draftMinutes): the
 * minutes of the held meeting named, or of the last held meeting, as they stand; never drafted
 * here. The meeting without minutes while the secretary has not drafted them.
 */
export function readMinutes(deps: Deps, origin: Origin, input: MeetingName) {
  return ask(deps, origin, 'board.read', async (reading): Promise<Result<{ readonly meeting: Meeting; readonly minutes?: Minutes }, HeldRefusal | 'meeting-not-held'>> => {
    const found = await heldMeeting(reading, input);
    if (!found.ok) return found;
    const meeting = found.value;
    if (meeting.startsAt.getTime() > reading.now.getTime()) return refuse('meeting-not-held');
    const latest = await latestOf(reading.repo, meeting.id);
    return ok(latest ? { meeting, minutes: latest } : { meeting });
  });
}

/**
 * `ret referat [dato [tid]] <tekst>` (secretary): replaces the text of the minutes of the held
 * meeting named, or by default of the last held meeting (the minutes of an earlier one, e.g. up
 * for approval at the next meeting, are named by their date). Approved minutes never change: a
 * correction after approval is a new version linked to them, to be approved in turn.
 * The `append-minutes` command (`append`) adds the text at the end of the minutes as
 * they stand, the same way: a late dissent is brought into approved minutes without writing
 * them out again.
 */
export function correctMinutes(deps: Deps, origin: Origin, input: MeetingName & { readonly text: string; readonly meetingId?: string; readonly append?: boolean }) {
  return run(deps, origin, { action: 'minutes.write' }, async (tx): Promise<Outcome<MinutesState, HeldRefusal | 'empty-minutes' | 'no-minutes' | 'meeting-not-held'>> => {
    const clean = visibleText(input.text);
    if (!clean) return refuse('empty-minutes');
    let meeting: Meeting | undefined;
    if (input.meetingId) {
      meeting = await tx.repo.getMeeting(input.meetingId);
      if (!meeting) return refuse('no-held-meeting');
    } else if (input.dateText) {
      const named = await heldMeeting(tx, input);
      if (!named.ok) return named;
      meeting = named.value;
    } else {
      // The last held meeting only: a text meant for its minutes must never land on an earlier meeting's.
      meeting = await lastHeldMeeting(tx);
      if (!meeting) return refuse('no-held-meeting');
    }
    // A meeting named by its date that has not begun has no minutes to correct or add to.
    if (meeting.startsAt.getTime() > tx.now.getTime()) return refuse('meeting-not-held');
    // Locked: an approval at the same instant is either before this (then this is a new version) or after it.
    const locked = await latestOf(tx.repo, meeting.id, { lock: true });
    if (!locked) return refuse('no-minutes');
    // An addition goes at the end of the minutes as they stand: a draft that follows the record is brought up to date first.
    const redrafted = input.append ? await redraftedIn(tx, meeting, locked) : undefined;
    const latest = redrafted?.minutes ?? locked;
    // A correction is later than the draft it corrects, even within its millisecond: the draft then no longer follows the record.
    const at = new Date(Math.max(tx.now.getTime(), latest.draftedAt.getTime() + 1));
    const text = input.append ? `${latest.text}\n\n${clean}` : clean;
    const data = input.append ? { added: clean } : { text: clean };
    if (canEditMinutes(latest) && (await tx.repo.updateMinutesText(latest.id, text, at))) {
      const minutes = { ...latest, text, updatedAt: at };
      return done({ minutes, meeting, created: false }, ...(redrafted?.events ?? []), { type: 'minutes.corrected', minutes, meeting, data });
    }
    const correction = newMinutes(tx, meeting.id, text, latest);
    await tx.repo.insertMinutes(correction);
    return done({ minutes: correction, meeting, created: true }, { type: 'minutes.correction', minutes: correction, meeting, data: { corrects: latest.id, ...(input.append ? { added: clean } : {}) } });
  });
}

/** The latest minutes of a meeting (for *Godkend referat*, which names the meeting). */
export function latestMinutes(deps: Deps, origin: Origin, meetingId: string) {
  return ask(deps, origin, 'board.read', async ({ repo }) => {
    const latest = await latestOf(repo, meetingId);
    return latest ? { ok: true as const, value: latest } : refuse('unknown-minutes' as const);
  });
}

/** `minutes.approve` (chair), once the objection window since the last change has ended. */
export function approveMinutesAction(deps: Deps, origin: Origin, minutesId: string) {
  const current = async (tx: Tx): Promise<Outcome<Omit<MinutesState, 'created'>, 'unknown-minutes'>> => {
    const minutes = await tx.repo.getMinutes(minutesId);
    const meeting = minutes && (await tx.repo.getMeeting(minutes.meetingId));
    return minutes && meeting ? done({ minutes, meeting }) : refuse('unknown-minutes');
  };
  return run(deps, origin, { action: 'minutes.approve', again: current }, async (tx) => {
    // Locked first: a correction made at the same instant restarts the window before this reads it.
    const minutes = await tx.repo.getMinutes(minutesId, { lock: true });
    const meeting = minutes && (await tx.repo.getMeeting(minutes.meetingId));
    if (!minutes || !meeting) return refuse('unknown-minutes');
    if (!canEditMinutes(minutes)) return refuse('minutes-approved');
    if (behindTheRecord(minutes)) return refuse('record-changed');
    // A draft that follows the record is approved only as the record stands (bringMinutesUpToDate first):
    // asked before the window, so that the chair learns at once that the card was behind.
    if (followsRecord(minutes) && tx.texts.minutes(tx.board, await minutesRecord(tx, meeting)) !== minutes.text) return refuse('minutes-outdated');
    if (tx.now.getTime() < approvableFrom(minutes, tx.board.policies.objectionHours).getTime()) return refuse('objection-window-open');
    const chair = personOf(tx);
    if (!(await tx.repo.approveMinutes(minutes.id, tx.now, chair.id))) return refuse('minutes-approved');
    const approved = { ...minutes, approvedAt: tx.now, approvedBy: chair.id };
    return done({ minutes: approved, meeting }, { type: 'minutes.approved', minutes: approved, meeting, data: { by: 'chair' } });
  });
}

/**
 * R16: minutes that follow the record, drafted again from it as it now stands (the card is
 * updated); their objection window starts again. The minutes as they stand.
 */
export async function bringMinutesUpToDate(deps: Deps, board: Board, minutesId: string): Promise<{ readonly minutes: Minutes; readonly changed: boolean } | undefined> {
  const result = await run(deps, { board, actor: 'system' }, { action: 'minutes.write' }, async (tx) => {
    const minutes = await tx.repo.getMinutes(minutesId, { lock: true });
    const meeting = minutes && (await tx.repo.getMeeting(minutes.meetingId));
    if (!minutes || !meeting) return done(undefined);
    const current = await redraftedIn(tx, meeting, minutes);
    return done({ minutes: current.minutes, changed: current.events.length > 0 }, current.events);
  });
  return result.ok ? result.value : undefined;
}

/**
 * `deltager <navn>` (secretary): adds someone to the attendance of the meeting
 * `attendanceMeetingOf` picks (today's from an hour before its start, else the last held):
 * a board person as every command reads a name, else someone from outside the board.
 */
export function addAttendee(deps: Deps, origin: Origin, input: MeetingName & { readonly name: string }) {
  return run(deps, origin, { action: 'minutes.write' }, async (tx): Promise<Outcome<AttendeeChange & { readonly already?: true }, AttendanceMeetingRefusal | 'meeting-cancelled' | 'empty-name' | 'name-too-long' | 'already-attending' | AttendeeRefusal>> => {
    const at = await attendanceMeetingNamed(tx, input);
    if (!at.ok) return at;
    // Read again with a shared lock, as *Jeg deltager* does (joinMeeting): not recorded at a meeting cancelled meanwhile.
    const meeting = await tx.repo.getMeeting(at.value.id, { lock: 'shared' });
    if (meeting?.status !== 'planned') return refuse('meeting-cancelled');
    const typed = attendeeNameOf(input.name);
    if (!typed.ok) return typed;
    const name = typed.value;
    const named = attendeeNamed(tx.board, name, { meetingId: meeting.id, by: personOf(tx), now: tx.now });
    if (!named.ok) return named;
    // Recorded already (however written): nothing changes, and the answer names them as recorded.
    const recorded = recordedAs(await tx.repo.listAttendees(meeting.id), named.value);
    if (recorded) return done({ attendee: recorded, meeting, already: true });
    const attendee = named.value;
    if (!(await tx.repo.addAttendee(attendee))) return refuse('already-attending');
    // Recorded as present, one who sent apologies came after all.
    if (attendee.personId) await tx.repo.removeApology(meeting.id, attendee.personId);
    const state = await attendanceStateOf(tx.repo, meeting);
    return done({ attendee, meeting }, { type: 'minutes.attendee-added', ...state, attendee, data: { name: attendee.name } });
  });
}
