/** Meetings (R9, R11) and their agendas (R12–R15). */
import { addAgendaItem, isAttachmentUrl, numberedAgenda, type AgendaRefusal } from '../domain/agenda.js';
import type { Board, Person } from '../domain/kernel/board.js';
import { isChair, isSecretary } from '../domain/kernel/board.js';
import { isAgendaLate, localIsoDate } from '../domain/kernel/calendar.js';
import {
  type AgendaItem,
  type AgendaItemKind,
  type Meeting,
  type MeetingKind,
  type MeetingRefusal,
  type NumberedItem,
  currentMeeting,
  planMeeting,
} from '../domain/meeting.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { planMeetingJobs } from '../scheduler/planning.js';
import type { Repository } from '../store/port.js';
import { type Deps, type LegacyOrigin as Origin, audit, firstDelivery } from './deps.js';

/** Everything needed to show a meeting's agenda. */
export interface AgendaView {
  readonly meeting: Meeting;
  readonly items: readonly NumberedItem[];
}

export async function loadAgenda(board: Board, repo: Repository, meeting: Meeting): Promise<AgendaView> {
  const [items, meetings] = await Promise.all([repo.listAgendaItems(meeting.id), repo.listMeetings({ status: 'planned' })]);
  return { meeting, items: numberedAgenda(board, meeting, items, meetings) };
}

export async function findCurrentMeeting(deps: Deps, repo: Repository): Promise<Meeting | undefined> {
  return currentMeeting(await repo.listMeetings({ status: 'planned' }), deps.clock(), deps.board.timezone);
}

/** The meeting item numbers refer to (PRODUCT §1): today's, else the next. */
export async function currentMeetingOf(read: { repo: Repository; now: Date; board: Board }): Promise<Meeting | undefined> {
  return currentMeeting(await read.repo.listMeetings({ status: 'planned' }), read.now, read.board.timezone);
}

async function planJobs(deps: Deps, repo: Repository, meeting: Meeting, now: Date): Promise<void> {
  const jobs = planMeetingJobs(deps.board, meeting, now);
  for (const job of jobs.plan) await repo.scheduleJob(job);
  for (const key of jobs.cancel) await repo.cancelJob(key);
}

export interface PlannedMeeting {
  readonly meeting: Meeting;
  /** The agenda deadline has passed already: it goes out at once, marked late (R13). */
  readonly agendaLate: boolean;
}

/** `moede` (R9) and `ekstraordinaert moede` (R11), by the chair or the secretary. */
export async function scheduleMeeting(
  deps: Deps,
  person: Person,
  input: { kind: MeetingKind; startsAt: Date; subject?: string; place?: string },
  origin: Origin,
): Promise<Result<PlannedMeeting | undefined, MeetingRefusal | 'not-chair-or-secretary'>> {
  if (!isChair(person) && !isSecretary(person)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  const result = await deps.store.transaction(async (repo) => {
    const existing = await repo.listMeetings({ status: 'planned' });
    const planned = planMeeting(person, existing, { id: deps.newId(), now, ...input });
    if (!planned.ok) return planned;
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const meeting = planned.value;
    await repo.insertMeeting(meeting);
    await planJobs(deps, repo, meeting, now);
    await audit(
      repo,
      { at: now, actor: person.id, action: 'meeting.planned', subject: `meeting:${meeting.id}`, data: { kind: meeting.kind, startsAt: meeting.startsAt, subject: meeting.subject } },
      origin,
    );
    return ok({ meeting, agendaLate: isAgendaLate(meeting.startsAt, now, deps.board.policies, deps.board.timezone) });
  });
  return result;
}

export type ItemRefusal = AgendaRefusal | 'no-meeting' | 'not-chair-or-secretary';

/** `punkt <titel> [kind]`: an item on the current meeting's agenda (R12). */
export async function addItem(
  deps: Deps,
  person: Person,
  input: { title: string; kind: AgendaItemKind },
  origin: Origin,
): Promise<Result<{ meeting: Meeting; number: number; item: AgendaItem } | undefined, ItemRefusal>> {
  if (!isChair(person) && !isSecretary(person)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const meeting = await findCurrentMeeting(deps, repo);
    if (!meeting) return refuse('no-meeting' as const);
    const existing = await repo.listAgendaItems(meeting.id);
    const added = addAgendaItem(person, meeting, existing, { id: deps.newId(), now, ...input });
    if (!added.ok) return added;
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    await repo.insertAgendaItem(added.value);
    await audit(repo, { at: now, actor: person.id, action: 'agenda.item-added', subject: `meeting:${meeting.id}`, data: { itemId: added.value.id, title: added.value.title, kind: added.value.kind } }, origin);
    if (meeting.agendaSentAt) await deps.publisher.publishOne(repo, { type: 'agenda.changed', meetingId: meeting.id });
    const view = await loadAgenda(deps.board, repo, meeting);
    const number = view.items.find((i) => i.itemId === added.value.id)!.number;
    return ok({ meeting, number, item: added.value });
  });
}

export type AttachRefusal = 'not-chair-or-secretary' | 'no-meeting' | 'unknown-item' | 'standing-item' | 'bad-url';

/** `bilag <punktnr> <url> [titel]` (R13: the agenda with any attachments). */
export async function attachToItem(
  deps: Deps,
  person: Person,
  input: { number: number; url: string; title?: string },
  origin: Origin,
): Promise<Result<{ number: number; title: string } | undefined, AttachRefusal>> {
  if (!isChair(person) && !isSecretary(person)) return refuse('not-chair-or-secretary');
  if (!isAttachmentUrl(input.url)) return refuse('bad-url');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const meeting = await findCurrentMeeting(deps, repo);
    if (!meeting) return refuse('no-meeting' as const);
    const view = await loadAgenda(deps.board, repo, meeting);
    const item = view.items.find((i) => i.number === input.number);
    if (!item) return refuse('unknown-item' as const);
    if (!item.itemId) return refuse('standing-item' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const title = input.title?.trim();
    await repo.addAttachment(item.itemId, { url: input.url, ...(title ? { title } : {}) });
    await audit(repo, { at: now, actor: person.id, action: 'agenda.attachment-added', subject: `meeting:${meeting.id}`, data: { itemId: item.itemId, url: input.url, title } }, origin);
    if (meeting.agendaSentAt) await deps.publisher.publishOne(repo, { type: 'agenda.changed', meetingId: meeting.id });
    return ok({ number: item.number, title: item.title });
  });
}

/**
 * R13: sends the agenda once — at its deadline by the scheduler, or earlier by
 * `udsend dagsorden`. Sent after the deadline it is marked late, on the card and in the record.
 */
export async function sendAgenda(
  deps: Deps,
  actor: Person | 'system',
  meetingId: string,
  origin: Origin,
): Promise<Result<{ meeting: Meeting; late: boolean } | undefined, 'not-chair-or-secretary' | 'unknown-meeting' | 'meeting-cancelled' | 'already-sent'>> {
  if (actor !== 'system' && !isChair(actor) && !isSecretary(actor)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const meeting = await repo.getMeeting(meetingId);
    if (!meeting) return refuse('unknown-meeting' as const);
    if (meeting.status !== 'planned') return refuse('meeting-cancelled' as const);
    if (meeting.agendaSentAt) return refuse('already-sent' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const late = isAgendaLate(meeting.startsAt, now, deps.board.policies, deps.board.timezone);
    if (!(await repo.markAgendaSent(meeting.id, now, late))) return refuse('already-sent' as const);
    await repo.cancelJob(`meeting:${meeting.id}:agenda-post`);
    await repo.cancelJob(`meeting:${meeting.id}:agenda-reminder`);
    await audit(repo, { at: now, actor: actor === 'system' ? 'system' : actor.id, action: 'agenda.sent', subject: `meeting:${meeting.id}`, data: { late } }, origin);
    await deps.publisher.publishOne(repo, { type: 'agenda.sent', meetingId: meeting.id });
    return ok({ meeting: { ...meeting, agendaSentAt: now, agendaLate: late }, late });
  });
}

/** `aflys moede <dato>`: the meeting is cancelled, its jobs with it, and the board told. */
export async function cancelMeeting(
  deps: Deps,
  person: Person,
  meetingId: string,
  origin: Origin,
): Promise<Result<Meeting | undefined, 'not-chair-or-secretary' | 'unknown-meeting' | 'meeting-cancelled'>> {
  if (!isChair(person) && !isSecretary(person)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const meeting = await repo.getMeeting(meetingId);
    if (!meeting) return refuse('unknown-meeting' as const);
    if (meeting.status === 'cancelled') return refuse('meeting-cancelled' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    await repo.updateMeeting(meeting.id, { status: 'cancelled' });
    const cancelled: Meeting = { ...meeting, status: 'cancelled' };
    await planJobs(deps, repo, cancelled, now);
    await audit(repo, { at: now, actor: person.id, action: 'meeting.cancelled', subject: `meeting:${meeting.id}` }, origin);
    await deps.publisher.publishOne(repo, { type: 'meeting.cancelled', meetingId: meeting.id });
    return ok(cancelled);
  });
}

/** The meeting a `dagsorden [dato]` asks for: the current one, or the one on that local date. */
export async function meetingOn(deps: Deps, localDate: string | undefined): Promise<Meeting | undefined> {
  const meetings = await deps.store.listMeetings({ status: 'planned' });
  if (!localDate) return currentMeeting(meetings, deps.clock(), deps.board.timezone);
  return meetings.find((m) => localIsoDate(m.startsAt, deps.board.timezone) === localDate);
}

/** `afstemning <punktnr>`: the item, if it is on the current agenda and for decision. */
export async function decisionItem(
  deps: Deps,
  number: number,
): Promise<Result<{ meeting: Meeting; item: NumberedItem }, 'no-meeting' | 'unknown-item' | 'not-for-decision'>> {
  const meeting = await findCurrentMeeting(deps, deps.store);
  if (!meeting) return refuse('no-meeting');
  const view = await loadAgenda(deps.board, deps.store, meeting);
  const item = view.items.find((i) => i.number === number);
  if (!item) return refuse('unknown-item');
  if (item.kind !== 'decision') return refuse('not-for-decision');
  return ok({ meeting, item });
}
