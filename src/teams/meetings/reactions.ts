/** What follows from a meeting: its cancellation told to the board. */
import { meetingCalendarPath } from '../../files/links.js';
import { formatDateTime } from '../../i18n/index.js';
import type { MeetingEvent } from '../../usecases/meetings.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Reactions, textPost } from '../outbox/posts.js';
import { mdLink } from '../text/markdown.js';

export const meetingReactions: Reactions<MeetingEvent> = {
  'meeting.cancelled': (event, ctx) => {
    const { board, m } = ctx;
    const cancelled = m.meeting.cancelled(m.meeting.kind[event.meeting.kind], formatDateTime(event.meeting.startsAt, board.locale, board.timezone));
    // The same invitation, now METHOD:CANCEL: opening it removes the meeting from a calendar.
    const text = `${cancelled}\n\n${mdLink(m.files.removeFromCalendar, ctx.links.url(meetingCalendarPath(ctx.board.id, event.meeting.id), ctx.board.policies.linkTtlDays))}`;
    return [textPost(outboxKeys.meetingCancelled(event.meeting.id), ctx.channel, text)];
  },
};
