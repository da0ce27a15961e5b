/** Next year's dates in Teams (R10): the poll card and what the poll posts. */
import type { DatesEvent } from '../../usecases/dates.js';
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { planDatesCommand } from './commands.js';
import { datesCardPost, datesReactions } from './reactions.js';
import { datesVerbs } from './verbs.js';
import { livePollsAt } from '../../usecases/live-items.js';

export const dates: TeamsFeature<DatesEvent> = {
  name: 'dates',
  commands: [command({ name: 'plan-dates', action: 'dates.plan', group: 'meetings', args: (yearText) => ({ yearText }), handle: planDatesCommand })],
  verbs: datesVerbs,
  reactions: datesReactions,
  // R10: a poll not yet confirmed, for this year's dates or next year's.
  liveCards: async (at, ctx) => Promise.all((await livePollsAt(at)).map((state) => datesCardPost(ctx, state, false))),
};
