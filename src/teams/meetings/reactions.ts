/** What follows from a meeting: its cancellation told to the board, and on its agenda if that was posted. */
import { meetingCalendarPath } from '../../files/links.js';
import { formatDateTime } from '../../i18n/index.js';
import type { MeetingEvent } from '../../usecases/meetings.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Reactions, messagePost, textPost } from '../outbox/posts.js';
import { agendaPost } from '../agenda/post.js';
import { mdLink } from '../text/markdown.js';

export const meetingReactions: Reactions<MeetingEvent> = {
  'meeting.cancelled': (event, ctx) => {
    const { board, m } = ctx;
    const cancelled = m.meeting.cancelled(m.meeting.kind[event.meeting.kind], formatDateTime(event.meeting.startsAt, board.locale, board.timezone));
    // The same invitation, now METHOD:CANCEL: opening it removes the meeting from a calendar.
    const text = `${cancelled}\n\n${mdLink(m.files.removeFromCalendar, ctx.links.url(meetingCalendarPath(ctx.board.id, event.meeting.id), ctx.board.policies.linkTtlDays))}`;
    const notice = textPost(outboxKeys.meetingCancelled(event.meeting.id), ctx.channel, text);
    // Its agenda went out: the posted card says the meeting is cancelled, and its calendar button removes it.
    return event.agenda ? [notice, messagePost(outboxKeys.agenda(event.meeting.id), ctx.channel, () => agendaPost(board, event.agenda!, ctx.links).activity, true)] : [notice];
  },
};
