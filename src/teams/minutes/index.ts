/** Minutes in Teams (R16): the minutes card, its approval, and what minutes post. */
import type { MinutesEvent } from '../../usecases/minutes.js';
import { meetingName } from '../commands/arguments.js';
import { command, noArgs } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { appendMinutesCommand, attendeeCommand, correctMinutesCommand, minutesCommand } from './commands.js';
import { minutesCardPost, minutesReactions } from './reactions.js';
import { minutesVerbs } from './verbs.js';
import { liveMinutesAt } from '../../usecases/live-items.js';

export const minutes: TeamsFeature<MinutesEvent> = {
  name: 'minutes',
  commands: [
    // Anyone reads them (help lists it for all); the use case lets only the secretary draft them.
    command({ name: 'minutes', action: 'board.read', group: 'minutes', args: meetingName, manifest: { order: 10, personal: true }, handle: minutesCommand }),
    // The corrected text is taken from the message as written, its line breaks kept.
    command({ name: 'correct-minutes', action: 'minutes.write', group: 'minutes', args: noArgs, handle: (turn) => correctMinutesCommand(turn) }),
    command({ name: 'append-minutes', action: 'minutes.write', group: 'minutes', args: noArgs, handle: appendMinutesCommand }),
    command({ name: 'attendee', action: 'minutes.write', group: 'minutes', args: (who) => ({ who }), handle: attendeeCommand }),
  ],
  verbs: minutesVerbs,
  reactions: minutesReactions,
  // R16: minutes not yet approved (of the meetings of the last half year), which the chair approves from their card.
  liveCards: async (at, ctx) => Promise.all((await liveMinutesAt(at)).map((live) => minutesCardPost(ctx, live, false))),
};
