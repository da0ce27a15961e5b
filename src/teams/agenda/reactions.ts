/** What follows from an agenda (R13): the agenda card, posted once and kept up to date, and the reminders about it. */
import { chairs, secretaries } from '../../domain/kernel/board.js';
import { agendaDeadline } from '../../domain/kernel/calendar.js';
import { formatDateTime, formatList } from '../../i18n/index.js';
import { personName } from '../text/names.js';
import type { AgendaEvent, AgendaView } from '../../usecases/agenda.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, messagePost, reminderPosts, remindsUntil, replyTo, textPost, withFallback } from '../outbox/posts.js';
import { itemTitle } from './card.js';
import { agendaPost } from './post.js';
import { md, mdPlace } from '../text/markdown.js';

export const agendaCardPost = (ctx: ReactionContext, view: AgendaView, update: boolean): Post =>
  messagePost(outboxKeys.agenda(view.meeting.id), ctx.channel, () => agendaPost(ctx.board, view, ctx.links).activity, update);

/**
 * A notice in the thread of the sent agenda: once the agenda is posted (it may still be in the
 * outbox), or in the channel if its thread cannot be replied to.
 */
const underAgenda = (ctx: ReactionContext, meetingId: string, key: string, notice: string): Post =>
  withFallback(replyTo(outboxKeys.agenda(meetingId), textPost(key, ctx.channel, notice)), textPost(key, ctx.channel, notice));

export const agendaReactions: Reactions<AgendaEvent> = {
  'agenda.sent': (event, ctx) => [agendaCardPost(ctx, event.view, false)],
  // Added after the sending: the posted agenda is updated and a short notice goes under it (in the channel if it has no thread).
  'agenda.item-added': (event, ctx) => {
    if (!event.view.meeting.agendaSentAt) return [];
    const { m } = ctx;
    const notice = m.agenda.addedNotice(event.number, md(event.item.title), m.agenda.kind[event.item.kind]);
    return [agendaCardPost(ctx, event.view, true), underAgenda(ctx, event.meeting.id, `${outboxKeys.agenda(event.meeting.id)}:added:${event.item.id}`, notice)];
  },
  // Added after the sending: marked on the updated agenda, and a short notice under it, as for an item (R12).
  'agenda.attachment-added': (event, ctx) => {
    if (!event.view.meeting.agendaSentAt) return [];
    const { board, m } = ctx;
    const title = event.attachment.title ? md(event.attachment.title) : undefined;
    const notice = m.agenda.attachmentNotice(event.number, md(itemTitle(board, event.item)), title);
    return [agendaCardPost(ctx, event.view, true), underAgenda(ctx, event.meeting.id, `${outboxKeys.agenda(event.meeting.id)}:attached:${event.key}`, notice)];
  },
  'reminder.agenda': async (event, ctx) => {
    const { board, m } = ctx;
    const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
    const { startsAt } = event.meeting;
    const text = m.reminder.agenda(when(startsAt), when(agendaDeadline(startsAt, board.policies, board.timezone)));
    // Not sent once the agenda is due (it waited in the outbox that long).
    return remindsUntil(event.until, await reminderPosts(ctx, event.key, [...chairs(board), ...secretaries(board)], text));
  },
  'reminder.meeting': (event, ctx) => {
    const { board, m } = ctx;
    const { meeting } = event;
    const kind = m.meeting.kindLower[meeting.kind];
    const when = formatDateTime(meeting.startsAt, board.locale, board.timezone);
    const day = m.reminder.day[event.day];
    // R16: who has sent apologies so far, by name (the chair sees who is coming).
    const apologies = (event.apologies ?? []).map((a) => personName(board, a.personId));
    // R9: where (a room, an address, a Teams link), when it has a place: read on a phone, the agenda card is far up the channel.
    const place = meeting.place ? `\n\n${m.meeting.place(mdPlace(meeting.place, m.meeting.placeLink))}` : '';
    const also = `${place}${apologies.length ? `\n\n${m.reminder.apologies(formatList(apologies, board.locale))}` : ''}`;
    const text = `${m.reminder.dayBeforeNoThread(kind, day, when)}${also}`;
    const newPost = (key: string) => messagePost(key, ctx.channel, () => ({ ...agendaPost(board, event.view, ctx.links).activity, text }));
    // A reply in the agenda's thread: the reminder sits under the agenda it points to. Caught up
    // with the agenda at one start, the agenda is not posted yet: the reply waits for it (the
    // outbox), so the agenda is not posted twice. If the thread cannot be replied to (deleted,
    // "Conversation not found", the agenda never posted), a new post with the agenda instead.
    const reply = textPost(`${event.key}:reply`, ctx.channel, `${m.reminder.dayBefore(kind, day, when)}${also}`);
    // Not sent once the meeting has begun (it waited in the outbox that long).
    if (meeting.agendaSentAt) return remindsUntil(event.until, [withFallback(replyTo(outboxKeys.agenda(meeting.id), reply), newPost(`${event.key}:reply`))]);
    return remindsUntil(event.until, [newPost(`${event.key}:channel`)]);
  },
};
