/** Meetings in Teams (R9, R11): what planning and cancelling post. */
import type { MeetingEvent } from '../../usecases/meetings.js';
import { command, noArgs } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { cancelArgs, cancelMeetingCommand, listMeetingsCommand, moveArgs, moveMeetingCommand, planMeetingCommand } from './commands.js';
import { meetingReactions } from './reactions.js';

export const meetings: TeamsFeature<MeetingEvent> = {
  name: 'meetings',
  commands: [
    command({ name: 'meeting', action: 'meeting.plan', group: 'meetings', args: (args) => ({ args }), manifest: { order: 7 }, handle: (turn, args) => planMeetingCommand(turn, 'ordinary', args) }),
    command({ name: 'extraordinary', action: 'meeting.plan', group: 'meetings', args: (args) => ({ args }), handle: (turn, args) => planMeetingCommand(turn, 'extraordinary', args) }),
    command({ name: 'meetings', action: 'board.read', group: 'lookup', args: noArgs, manifest: { order: 3, personal: true }, handle: listMeetingsCommand }),
    command({ name: 'move-meeting', action: 'meeting.plan', group: 'meetings', args: moveArgs, handle: moveMeetingCommand }),
    command({ name: 'cancel-meeting', action: 'meeting.cancel', group: 'meetings', args: cancelArgs, handle: cancelMeetingCommand }),
  ],
  reactions: meetingReactions,
};
