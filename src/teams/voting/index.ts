/** Votes in Teams: the vote card's actions and what a vote posts. */
import type { VotingEvent } from '../../usecases/voting.js';
import { can } from '../../domain/kernel/policy.js';
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { voteArgs, voteCommand } from './commands.js';
import { voteCardPost, votingReactions } from './reactions.js';
import { votingVerbs } from './verbs.js';
import { liveVotesAt } from '../../usecases/live-items.js';

export const voting: TeamsFeature<VotingEvent> = {
  name: 'voting',
  commands: [command({ name: 'vote', action: 'vote.open', group: 'decisions', args: voteArgs, manifest: { order: 5 }, handle: voteCommand })],
  verbs: votingVerbs,
  helpNotes: [
    { group: 'decisions', shownTo: (p) => can(p, 'vote.cast').ok, text: (m) => m.voteHelp.cast },
    { group: 'decisions', shownTo: (p) => can(p, 'vote.close').ok, text: (m) => m.voteHelp.close },
  ],
  reactions: votingReactions,
  // An open vote's card: its buttons are how members vote (R5); a closed one's, for a dissent (R8).
  liveCards: async (at, ctx) => Promise.all((await liveVotesAt(at)).map((state) => voteCardPost(ctx, state, false))),
};
