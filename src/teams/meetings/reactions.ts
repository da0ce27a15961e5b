/** What follows from a meeting: its move or cancellation told to the board, and on its agenda if that was posted. */
import { meetingCalendarPath } from '../../files/links.js';
import { agendaDeadline } from '../../domain/kernel/calendar.js';
import { formatDateTime } from '../../i18n/index.js';
import type { MeetingEvent } from '../../usecases/meetings.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Reactions, messagePost, textPost } from '../outbox/posts.js';
import { agendaPost } from '../agenda/post.js';
import { typedDate } from '../agenda/commands.js';
import { md, mdLink } from '../text/markdown.js';
import { itemTitle } from '../agenda/card.js';

/** The most characters the lines of a cancelled meeting's items take with their attachments' links. */
const DROPPED_LINKS_MAX = 8_000;

export const meetingReactions: Reactions<MeetingEvent> = {
  'meeting.moved': async (event, ctx) => {
    const { board, m } = ctx;
    const { meeting } = event;
    const when = (at: Date) => formatDateTime(at, board.locale, board.timezone);
    const agenda = event.agenda
      ? m.meeting.movedAgendaSent
      : event.agendaLate
        ? m.meeting.movedAgendaLate
        : m.meeting.movedAgendaDue(when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
    // The same invitation at the new time, its SEQUENCE raised: opening it moves the meeting in a calendar.
    const calendar = mdLink(m.meeting.updateCalendar, ctx.links.url(meetingCalendarPath(board.id, meeting.id), board.policies.linkTtlDays));
    // The command that reaches the moved meeting (a date alone would name the next meeting, or be refused on a shared day).
    const apologies = event.apologiesDropped ? [m.meeting.movedApologies(await typedDate(ctx, meeting))] : [];
    const text = [m.meeting.moved(m.meeting.kind[meeting.kind], when(event.from), when(meeting.startsAt)), agenda, ...apologies, calendar].join('\n\n');
    const notice = textPost(outboxKeys.meetingMoved(meeting.id, meeting.revision ?? 0), ctx.channel, text);
    // Its agenda went out: the posted card shows the new time.
    return event.agenda ? [notice, messagePost(outboxKeys.agenda(meeting.id), ctx.channel, () => agendaPost(board, event.agenda!, ctx.links).activity, true)] : [notice];
  },
  'meeting.cancelled': (event, ctx) => {
    const { board, m } = ctx;
    const cancelled = m.meeting.cancelled(m.meeting.kind[event.meeting.kind], formatDateTime(event.meeting.startsAt, board.locale, board.timezone));
    // The same invitation, now METHOD:CANCEL: opening it removes the meeting from a calendar.
    const calendar = mdLink(m.files.removeFromCalendar, ctx.links.url(meetingCalendarPath(ctx.board.id, event.meeting.id), ctx.board.policies.linkTtlDays));
    // The items put on its agenda go with it: named, to be put on another meeting if still to be dealt with.
    const dropped = event.dropped ?? [];
    const linesWith = (linked: boolean) =>
      dropped.map((i) => {
        const links = i.attachments.map((a, n) => (linked ? mdLink(a.title ?? a.url, a.url) : md(a.title ?? m.meeting.attachmentNumber(n + 1)))).join(', ');
        return m.meeting.droppedLine(m.meeting.droppedCommand(md(itemTitle(board, i)), m.agenda.kindWord[i.kind]), links);
      });
    // The attachments' links while the notice stays short (a link may be 2,000 characters): else their titles only.
    const linked = linesWith(true);
    const lines = linked.join('\n').length <= DROPPED_LINKS_MAX ? linked : linesWith(false);
    const withAttachments = dropped.some((i) => i.attachments.length > 0);
    const items = dropped.length === 0 ? [] : [`${dropped.length === 1 ? m.meeting.itemDropped : m.meeting.itemsDropped}\n${lines.join('\n')}`, ...(withAttachments ? [m.meeting.droppedAttachments] : [])];
    const text = [cancelled, ...items, calendar].join('\n\n');
    const notice = textPost(outboxKeys.meetingCancelled(event.meeting.id), ctx.channel, text);
    // Its agenda went out: the posted card says the meeting is cancelled, and its calendar button removes it.
    return event.agenda ? [notice, messagePost(outboxKeys.agenda(event.meeting.id), ctx.channel, () => agendaPost(board, event.agenda!, ctx.links).activity, true)] : [notice];
  },
};
