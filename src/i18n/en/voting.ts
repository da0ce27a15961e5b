import type { voting as da } from '../da/voting.js';

export const voting: typeof da = {
  choice: { for: 'For', against: 'Against', abstain: 'Abstain' },

  choiceWord: { for: 'for', against: 'against', abstain: 'abstained' },

  outcome: {
    adopted: 'Adopted',
    notAdopted: 'Not adopted',
    line: (adopted, f, a, ab) => `${adopted ? 'Adopted' : 'Not adopted'}: ${f} for, ${a} against, ${ab} abstained`,
    motion: (text) => `Motion: ${text}`,
    orgVote: (org, choice, by) => `${org}: ${choice} (cast by ${by})`,
    notVoted: (orgs) => `Did not vote: ${orgs}`,
    allVoted: 'All organisations voted.',
    majorityNote: { simple: 'Decided by simple majority.', absolute: (needed, total) => `Decided by absolute majority (at least ${needed} of ${total} for).` },
  },

  closeReason: {
    chair: (name) => `Closed by the chair (${name})`,
    'all-voted': 'Closed when every organisation had voted',
    deadline: 'Closed at the deadline',
  },

  voteCard: {
    title: 'Vote',
    openUntil: (when) => `Open until ${when}`,
    deadlinePassed: (when) => `The deadline passed on ${when}. The outcome is announced shortly.`,
    closedAt: (reason, when) => `${reason} – ${when}.`,
    reopened: (when) => `The item was reopened on ${when}; the decision no longer stands.`,
    notVoted: 'Not voted',
    castBy: (name) => `cast by ${name}`,
    counts: (f, a, ab, missing) => `For: ${f} · Against: ${a} · Abstain: ${ab} · Missing: ${missing}`,
    oneVoteEach: 'One vote per organisation. A member may change their organisation\'s vote while the vote is open; the last vote cast counts.',
    close: 'Close vote',
    confirmClose: (orgs, count) => `${orgs} ${count === 1 ? 'has' : 'have'} not voted yet. Close the vote anyway?`,
    closeAnyway: 'Close anyway',
    keepOpen: 'Keep it open',
  },

  voteHelp: {
    cast: 'Vote with the For, Against and Abstain buttons on the vote card.',
    close: '"Close vote" on the card – close the vote and announce the outcome',
  },

  vote: {
    openedElsewhere: 'The vote has been opened in the board\'s channel.',
  },

  dissent: {
    vote: 'Dissent',
    submit: 'Save the dissent',
    placeholder: 'Your dissent for the minutes',
    heading: 'Dissents:',
    by: (name, org) => `${name} (${org}):`,
    hint: 'Members of organisations that voted against may have a dissent entered in the minutes.',
    hintNotAdopted: 'Members of organisations that voted for or against may have a dissent entered in the minutes.',
  },

  reminder: {
    vote: (orgs, count, motion, deadline) =>
      `Reminder: ${orgs} ${count === 1 ? 'has' : 'have'} not yet voted on the motion "${motion}". The vote closes on ${deadline}. Vote with the buttons on the vote card in the board's channel.`,
    votePersonal: (org, about, deadline) => `Reminder: Your organisation, ${org}, has not yet voted on ${about}. The vote closes on ${deadline}. You can vote on the card below.`,
    voteOnMotion: (motion) => `the motion "${motion}"`,
    voteOnItem: (motion, item) => `the motion "${motion}" (${item})`,
  },

  refusal: {
    'not-chair-open': 'Only the chair can open a vote. Nothing was changed.',
    'not-chair-close': 'Only the chair can close the vote. Nothing was changed.',
    'secretary-cannot-vote': 'The secretary serves the board but does not vote. Your vote was not recorded.',
    'guest-cannot-vote': 'Guests take part without a vote. Your vote was not recorded.',
    'organisation-not-voting': 'Your organisation was not on the board when this vote was opened, so it does not vote on this motion. Nothing was changed.',
    'vote-closed': 'The vote is closed. No more votes can be cast.',
    'organisations-missing': 'Not every organisation has voted. Confirm on the card that the vote is to be closed.',
    'invalid-choice': 'The vote must be For, Against or Abstain. Nothing was changed.',
    'unknown-motion': 'I cannot find that vote. Nothing was changed.',
    'empty-motion': 'Write the motion after the command, e.g.: vote The board approves the 2027 budget',
    'motion-too-long': 'The motion is too long (at most 1000 characters). Please shorten it and try again.',
    'not-against': 'A dissent on a vote can only be added by members of organisations that voted against, or that voted for a motion not adopted. Nothing was saved.',
    'vote-open': 'The vote is not closed yet. A dissent can be added once it has closed. Nothing was saved.',
    'empty-dissent': 'Write your dissent in the field before pressing.',
    'dissent-too-long': 'The dissent is too long (at most 2000 characters). Shorten it and try again. Nothing was saved.',
    'already-dissented': 'You already have a dissent here. The new one was not saved.',
    'dissent-vote-reopened': 'The item was reopened after the vote, so the vote no longer decides it, and no dissent is added to it. Nothing was saved.',
  },

  commands: {
    vote: { words: ['vote'], usage: [{ args: '<motion>', text: 'open a vote on a motion' }, { args: '<item-no>', text: 'open a vote on an item for decision' }], manifest: 'Open a vote on a motion – chair only' },
  },
};
