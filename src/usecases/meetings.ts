/** Meetings (R9, R11): planned by the chair or the secretary, listed, cancelled; which one is current. */
import type { Board } from '../domain/kernel/board.js';
import { type DateRefusal, type MeetingDateTimeRefusal, isAgendaLate, isoDate, localIsoDate, parseDate, parseMeetingDateTime } from '../domain/kernel/calendar.js';
import { type Result, refuse } from '../domain/kernel/result.js';
import { type Meeting, type MeetingKind, currentMeeting, planMeeting, upcomingMeetings } from '../domain/meeting.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
import { syncAgendasIn } from './agenda-rows.js';
import { planMeetingJobsIn } from './meeting-jobs.js';
import { type Origin, type Outcome, type Reading, ask, done, personOf, run } from './runner.js';

export type MeetingEvent =
  | { readonly type: 'meeting.planned'; readonly meeting: Meeting; readonly data: unknown }
  | { readonly type: 'meeting.cancelled'; readonly meeting: Meeting };

interface Where {
  readonly repo: Repository;
  readonly now: Date;
  readonly board: Board;
}

/** The meeting item numbers refer to (PRODUCT §1): today's, else the next. */
export async function currentMeetingOf(read: Where): Promise<Meeting | undefined> {
  return currentMeeting(await read.repo.listMeetings({ status: 'planned' }), read.now, read.board.timezone);
}

/**
 * The meeting a date names (`dagsorden <dato>`, `aflys moede <dato>`), or without one the
 * current meeting. `no-meeting-on`: none that day; `no-meeting`: no current one.
 */
export type MeetingNamedRefusal = DateRefusal | 'no-meeting-on' | 'no-meeting';

export async function meetingNamed(read: Where, dateText: string | undefined): Promise<Outcome<Meeting, MeetingNamedRefusal>> {
  if (!dateText) {
    const current = await currentMeetingOf(read);
    return current ? done(current) : refuse('no-meeting');
  }
  const parsed = parseDate(dateText, read.now, read.board.timezone);
  if (!parsed.ok) return parsed;
  const day = isoDate(parsed.value);
  const meeting = (await read.repo.listMeetings({ status: 'planned' })).find((m) => localIsoDate(m.startsAt, read.board.timezone) === day);
  return meeting ? done(meeting) : refuse('no-meeting-on');
}

export interface PlannedMeeting {
  readonly meeting: Meeting;
  /** The agenda deadline has passed already: it goes out at once, marked late (R13). */
  readonly agendaLate: boolean;
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
  return run(deps, origin, { action: 'meeting.plan' }, async (tx): Promise<Outcome<PlannedMeeting, MeetingDateTimeRefusal | 'missing-date' | 'empty-subject' | 'subject-too-long' | 'meeting-exists'>> => {
    if (!input.dateText) return refuse('missing-date');
    const startsAt = parseMeetingDateTime(input.dateText, input.timeText, tx.now, tx.board.timezone);
    if (!startsAt.ok) return startsAt;
    if (input.kind === 'extraordinary' && !input.rest) return refuse('empty-subject');
    const rest = input.kind === 'extraordinary' ? { subject: input.rest } : input.rest ? { place: input.rest } : {};
    const existing = await tx.repo.listMeetings({ status: 'planned' });
    const planned = planMeeting(personOf(tx), existing, { id: tx.newId(), kind: input.kind, startsAt: startsAt.value, now: tx.now, ...rest });
    if (!planned.ok) return planned;
    const meeting = planned.value;
    await tx.repo.insertMeeting(meeting);
    await planMeetingJobsIn(tx, meeting);
    await syncAgendasIn(tx);
    const agendaLate = isAgendaLate(meeting.startsAt, tx.now, tx.board.policies, tx.board.timezone);
    return done({ meeting, agendaLate }, { type: 'meeting.planned', meeting, data: { kind: meeting.kind, startsAt: meeting.startsAt, subject: meeting.subject } });
  });
}

/** `aflys moede <dato>`: the meeting is cancelled, its jobs with it, and the board told. */
export function cancelMeeting(deps: Deps, origin: Origin, input: { readonly dateText: string }) {
  return run(deps, origin, { action: 'meeting.cancel' }, async (tx): Promise<Outcome<Meeting, DateRefusal | 'missing-date' | 'no-meeting-on' | 'no-meeting'>> => {
    if (!input.dateText) return refuse('missing-date');
    const found = await meetingNamed(tx, input.dateText);
    if (!found.ok) return found;
    const meeting = found.value;
    await tx.repo.updateMeeting(meeting.id, { status: 'cancelled' });
    const cancelled: Meeting = { ...meeting, status: 'cancelled' };
    await planMeetingJobsIn(tx, cancelled);
    await syncAgendasIn(tx);
    return done(cancelled, { type: 'meeting.cancelled', meeting: cancelled });
  });
}

/** `moeder`: the planned meetings from today on. */
export function upcoming(deps: Deps, origin: Origin) {
  return ask(deps, origin, 'board.read', async ({ repo, now, board }: Reading): Promise<Result<Meeting[], never>> => ({
    ok: true,
    value: upcomingMeetings(await repo.listMeetings({ status: 'planned' }), now, board.timezone),
  }));
}
