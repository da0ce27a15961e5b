/**
 * Agendas (R12–R15): items and attachments on the current meeting's agenda, sent once at
 * the deadline or earlier by hand (R13), and the reminders about them.
 */
import type { Apology } from '../domain/apology.js';
import { z } from 'zod';
import { type AttachRefusal, attachmentFor, isAttachmentUrl } from '../domain/agenda.js';
import { addDays, compareLocalDate, agendaReminderUntil, dayBeforeReminderDay, dayBeforeReminderUntil, isAgendaLate, localDateOf, parseHhmm, toInstant, type DateRefusal } from '../domain/kernel/calendar.js';
import { stillOfUse } from '../domain/kernel/reminders.js';
import { type Result, refuse } from '../domain/kernel/result.js';
import { addAgendaItem, type AgendaRefusal } from '../domain/agenda.js';
import { type AgendaItem, type AgendaItemKind, type Attachment, type Meeting, type NumberedItem, hasBegun } from '../domain/meeting.js';
import { gather } from './contributions.js';
import { type AgendaView, loadAgenda } from './agenda-view.js';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { JOB, jobKeys } from './meeting-jobs.js';
import { freezeNumbersIn } from './agenda-rows.js';
import { type MeetingName, type MeetingNamedRefusal, currentMeetingOf, meetingNamed } from './meetings.js';
import { type Origin, type Outcome, type Tx, ask, done, personOf, run } from './runner.js';

export { type AgendaView, loadAgenda };

export type AgendaEvent =
  | { readonly type: 'agenda.item-added'; readonly meeting: Meeting; readonly view: AgendaView; readonly number: number; readonly item: AgendaItem; readonly data: unknown }
  | {
      readonly type: 'agenda.attachment-added';
      readonly meeting: Meeting;
      readonly view: AgendaView;
      readonly number: number;
      readonly item: NumberedItem;
      readonly attachment: Attachment;
      /** Unique to this attachment: the key of its notice under a sent agenda. */
      readonly key: string;
      readonly data: unknown;
    }
  | { readonly type: 'agenda.sent'; readonly meeting: Meeting; readonly view: AgendaView; readonly data: unknown }
  /** Recorded, not posted: the agenda's job caught up after the meeting began (R13). */
  | { readonly type: 'agenda.not-sent'; readonly meeting: Meeting; readonly data: { readonly reason: 'meeting-begun' } }
  /** `until`: the agenda's deadline, past which the reminder is not sent (agendaReminderUntil), also when it waits in the outbox. */
  | { readonly type: 'reminder.agenda'; readonly meeting: Meeting; readonly until: Date; readonly key: string }
  | {
      readonly type: 'reminder.meeting';
      readonly meeting: Meeting;
      readonly view: AgendaView;
      /** The meeting's start, past which the reminder is not sent (dayBeforeReminderUntil), also when it waits in the outbox. */
      readonly until: Date;
      readonly key: string;
      /** The meeting's day as the reminder names it when sent (R13: caught up on the day, today). */
      readonly day: 'today' | 'tomorrow';
      /** R16: who has sent apologies (`afbud`) so far: the reminder names them. */
      readonly apologies?: readonly Apology[];
    };

/** `dagsorden [dato]`: the agenda of the current meeting, or of the meeting on that date. */
export function showAgenda(deps: Deps, origin: Origin, input: MeetingName) {
  return ask(deps, origin, 'board.read', async (read): Promise<Result<AgendaView, MeetingNamedRefusal>> => {
    const found = await meetingNamed(read, input);
    if (!found.ok) return found;
    return { ok: true, value: await loadAgenda(read, found.value) };
  });
}

/** The agenda of a meeting by its id (*Udsend dagsorden* on a card names it). */
export function agendaOf(deps: Deps, origin: Origin, meetingId: string) {
  return ask(deps, origin, 'board.read', async (read): Promise<Result<AgendaView, 'unknown-meeting'>> => {
    const meeting = await read.repo.getMeeting(meetingId);
    return meeting ? { ok: true, value: await loadAgenda(read, meeting) } : refuse('unknown-meeting');
  });
}

export interface AddedItem {
  readonly view: AgendaView;
  readonly number: number;
  readonly item: Pick<AgendaItem, 'title' | 'kind' | 'addedAfterSending'>;
}

/**
 * The meeting whose agenda `punkt` and `bilag` change, locked and read again: an agenda being
 * sent meanwhile is sent first (the item or attachment then comes after it, numbered and
 * marked, R13), and two changes at once take turns (R12).
 */
async function agendaToEdit(tx: Tx, input: MeetingName): Promise<Outcome<Meeting, MeetingNamedRefusal>> {
  const found = await meetingNamed(tx, input);
  if (!found.ok) return found;
  const meeting = await tx.repo.getMeeting(found.value.id, { lock: true });
  return meeting && meeting.status === 'planned' ? done(meeting) : refuse('no-meeting');
}

/** `punkt <titel> [kind]`: an item on the current meeting's agenda (R12). */
export function addItem(deps: Deps, origin: Origin, input: MeetingName & { readonly title: string; readonly kind: AgendaItemKind }) {
  return run(deps, origin, { action: 'agenda.edit' }, async (tx): Promise<Outcome<AddedItem, AgendaRefusal | MeetingNamedRefusal>> => {
    const found = await agendaToEdit(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const existing = await tx.repo.listAgendaItems(meeting.id);
    const added = addAgendaItem(personOf(tx), meeting, existing, { id: tx.newId(), now: tx.now, zone: tx.board.timezone, title: input.title, kind: input.kind });
    if (!added.ok) return added;
    const item = added.value;
    await tx.repo.insertAgendaItem(item);
    const view = await loadAgenda(tx, meeting);
    const number = view.items.find((i) => i.itemId === item.id)!.number;
    return done({ view, number, item }, { type: 'agenda.item-added', meeting, view, number, item, data: { itemId: item.id, number, title: item.title, kind: item.kind, afterSending: item.addedAfterSending === true } });
  });
}

export interface AddedAttachment {
  readonly view: AgendaView;
  readonly number: number;
  readonly item: NumberedItem;
  readonly attachment: Attachment;
}

/** `bilag [dato] <punktnr> <url> [titel]` (R12–R14: any item, standing ones included; after sending, marked so). */
export function attachToItem(deps: Deps, origin: Origin, input: MeetingName & { readonly number?: number; readonly url?: string; readonly title?: string }) {
  return run(deps, origin, { action: 'agenda.edit' }, async (tx): Promise<Outcome<AddedAttachment, MeetingNamedRefusal | AttachRefusal | 'bad-item-number' | 'bad-url' | 'unknown-item'>> => {
    if (input.number === undefined) return refuse('bad-item-number');
    if (!input.url || !isAttachmentUrl(input.url)) return refuse('bad-url');
    const found = await agendaToEdit(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const before = await loadAgenda(tx, meeting);
    const item = before.items.find((i) => i.number === input.number);
    if (!item) return refuse('unknown-item');
    const made = attachmentFor(meeting, item, { url: input.url, ...(input.title ? { title: input.title } : {}) });
    if (!made.ok) return made;
    const attachment = made.value;
    await tx.repo.addAttachment(item.itemId, attachment);
    const withIt = { ...item, attachments: [...item.attachments, attachment] };
    const view = { meeting, items: before.items.map((i) => (i === item ? withIt : i)) };
    return done(
      { view, number: item.number, item: withIt, attachment },
      { type: 'agenda.attachment-added', meeting, view, number: item.number, item: withIt, attachment, key: tx.newId(), data: { itemId: item.itemId, url: attachment.url, title: attachment.title, afterSending: attachment.addedAfterSending === true } },
    );
  });
}

export interface SentAgenda {
  readonly view: AgendaView;
  readonly late: boolean;
}

/**
 * R13: sends the agenda once — at its deadline by the scheduler, or earlier by
 * `udsend dagsorden` (the current meeting) or *Udsend dagsorden* (`meetingId`). Sent after
 * the deadline it is marked late, on the card and in the record.
 */
export function sendAgenda(deps: Deps, origin: Origin, input: { readonly meetingId?: string }) {
  return run(deps, origin, { action: 'agenda.send' }, async (tx): Promise<Outcome<SentAgenda, SendRefusal | 'no-meeting' | 'unknown-meeting'>> => {
    const meeting = input.meetingId ? await tx.repo.getMeeting(input.meetingId) : await currentMeetingOf(tx);
    if (!meeting) return refuse(input.meetingId ? 'unknown-meeting' : 'no-meeting');
    return sendIn(tx, meeting);
  });
}

type SendRefusal = 'meeting-cancelled' | 'already-sent' | 'not-bound' | 'agenda-after-meeting';

/** The sending itself (R13), in the caller's transaction. A board bound to no channel has nowhere to send it. */
async function sendIn(tx: Tx, meeting: Meeting): Promise<Outcome<SentAgenda, SendRefusal>> {
  if (meeting.status !== 'planned') return refuse('meeting-cancelled');
  if (meeting.agendaSentAt) return refuse('already-sent');
  // R13: by hand it may still go out on the meeting's day; after it, an old card's button would rewrite the record (»ikke udsendt«).
  if (compareLocalDate(localDateOf(tx.now, tx.board.timezone), localDateOf(meeting.startsAt, tx.board.timezone)) > 0) return refuse('agenda-after-meeting');
  if (!(await tx.repo.getBinding())) return refuse('not-bound');
  const late = isAgendaLate(meeting.startsAt, tx.now, tx.board.policies, tx.board.timezone);
  if (!(await tx.repo.markAgendaSent(meeting.id, tx.now, late))) return refuse('already-sent');
  await tx.repo.cancelJob(jobKeys.agendaPost(meeting.id));
  await tx.repo.cancelJob(jobKeys.agendaReminder(meeting.id));
  const sent = { ...meeting, agendaSentAt: tx.now, agendaLate: late };
  await freezeNumbersIn(tx, sent, await gather(tx.contributions.agendaItems, tx, sent));
  const view = await loadAgenda(tx, sent);
  return done({ view, late }, { type: 'agenda.sent', meeting: sent, view, data: { late } });
}

const meetingPayload = z.object({ meetingId: z.string().min(1) });

/** A reminder's post: once per job, and once more for each time the meeting was moved (`flyt moede`). */
const postKey = (jobKey: string, meeting: Meeting) => (meeting.revision ? `${jobKey}:moved-${meeting.revision}` : jobKey);

export const agendaJobs = [
  /**
   * R13: at the deadline the agenda goes out, whatever its state, unless it went out earlier.
   * Caught up after the meeting began (the bot was down across it), it is not posted: an
   * agenda for a meeting held helps nobody; the record says so (agenda.not-sent), and its items
   * are fixed as they stand (freezeNumbersIn), as a sending would fix them. The chair
   * may still send it by hand (`udsend dagsorden` on the day, *Udsend dagsorden*).
   */
  defineJob({
    kind: JOB.agendaPost,
    payload: meetingPayload,
    run: async ({ deps, board }, { meetingId }, job) =>
      void (await run(deps, { board, actor: 'system' }, { action: 'agenda.send' }, async (tx) => {
        // Locked: an item added meanwhile is added before the agenda is fixed, or after it.
        const meeting = await tx.repo.getMeeting(meetingId, { lock: true });
        if (!meeting || meeting.status !== 'planned' || meeting.agendaSentAt) return done(undefined);
        if (!hasBegun(meeting, tx.now) && !(await tx.repo.getBinding())) {
          // A board not bound to a channel yet (added to a running deployment): the agenda is not sent into
          // nothing. Tried again at the next day's posting time, it goes out (late) once the board is bound.
          const { postingTime } = tx.board.policies;
          const next = toInstant(addDays(localDateOf(tx.now, tx.board.timezone), 1), parseHhmm(postingTime), tx.board.timezone);
          await tx.repo.scheduleJob({ key: job.key, kind: JOB.agendaPost, dueAt: next, payload: { meetingId } });
          return done(undefined);
        }
        if (hasBegun(meeting, tx.now)) {
          // Its items stay as they stood: what the features put on it (the tasks' follow-up) becomes rows, so
          // its minutes and their redrafts neither drop nor renumber them when those features' state changes.
          await freezeNumbersIn(tx, meeting, await gather(tx.contributions.agendaItems, tx, meeting));
          return done(undefined, { type: 'agenda.not-sent', meeting, data: { reason: 'meeting-begun' } });
        }
        return sendIn(tx, meeting);
      })),
  }),
  /** R12, R13: the chair and the secretary are reminded to prepare the agenda. */
  defineJob({
    kind: JOB.agendaReminder,
    payload: meetingPayload,
    run: async ({ deps, board }, { meetingId }, job) =>
      noteOf(
        await run(deps, { board, actor: 'system' }, { action: 'agenda.send' }, async (tx) => {
          const meeting = await tx.repo.getMeeting(meetingId);
          if (!meeting || meeting.status !== 'planned' || meeting.agendaSentAt) return done(undefined);
          // Caught up after the deadline (the bot was down): the agenda goes out now; a reminder to prepare it would be noise.
          const until = agendaReminderUntil(meeting.startsAt, tx.board.policies, tx.board.timezone);
          if (!stillOfUse(until, tx.now)) return done(passed('the agenda was due', until));
          return done(undefined, { type: 'reminder.agenda', meeting, until, key: postKey(job.key, meeting) });
        }),
      ),
  }),
  /** The day before the meeting the board is reminded, with a link to the agenda. */
  defineJob({
    kind: JOB.meetingReminder,
    payload: meetingPayload,
    run: async ({ deps, board }, { meetingId }, job) =>
      noteOf(
        await run(deps, { board, actor: 'system' }, { action: 'agenda.send' }, async (tx) => {
          const meeting = await tx.repo.getMeeting(meetingId);
          if (!meeting || meeting.status !== 'planned') return done(undefined);
          // Caught up once the meeting has begun (the bot was down across its day before): it reminds of nothing.
          const until = dayBeforeReminderUntil(meeting.startsAt);
          if (!stillOfUse(until, tx.now)) return done(passed('the meeting began', until));
          const day = dayBeforeReminderDay(meeting.startsAt, tx.now, tx.board.timezone);
          const apologies = await tx.repo.listApologies(meeting.id);
          return done(undefined, { type: 'reminder.meeting', meeting, view: await loadAgenda(tx, meeting), until, key: postKey(job.key, meeting), day, ...(apologies.length ? { apologies } : {}) });
        }),
      ),
  }),
];

/** A reminder's job caught up past its moment: its line for the log (JobNote). */
const passed = (what: string, until: Date): string => `reminder not sent: its moment has passed (${what} at ${until.toISOString()})`;

/** The line a job's run answered for the log, if any. */
const noteOf = (result: Result<string | undefined, string>): string | undefined => (result.ok ? result.value : undefined);
