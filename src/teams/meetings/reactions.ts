/** What follows from a meeting: its cancellation told to the board. */
import { formatDateTime } from '../../i18n/index.js';
import type { MeetingEvent } from '../../usecases/meetings.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Reactions, textPost } from '../outbox/posts.js';

export const meetingReactions: Reactions<MeetingEvent> = {
  'meeting.cancelled': (event, ctx) => {
    const { board, m } = ctx;
    const text = m.meeting.cancelled(m.meeting.kind[event.meeting.kind], formatDateTime(event.meeting.startsAt, board.locale, board.timezone));
    return [textPost(outboxKeys.meetingCancelled(event.meeting.id), ctx.channel, text)];
  },
};
