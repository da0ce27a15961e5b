import type { Messages } from './index.js';

export const en: Messages = {
  choice: { for: 'For', against: 'Against', abstain: 'Abstain' },
  choiceWord: { for: 'for', against: 'against', abstain: 'abstained' },
  roles: { member: 'member', chair: 'chair', secretary: 'secretary', guest: 'guest' },

  outcome: {
    adopted: 'Adopted',
    notAdopted: 'Not adopted',
    line: (adopted, f, a, ab) => `${adopted ? 'Adopted' : 'Not adopted'}: ${f} for, ${a} against, ${ab} abstained`,
    motion: (text) => `Motion: ${text}`,
    orgVote: (org, choice, by) => `${org}: ${choice} (cast by ${by})`,
    notVoted: (orgs) => `Did not vote: ${orgs}`,
    allVoted: 'All organisations voted.',
    majorityNote: { simple: 'Decided by simple majority.', absolute: 'Decided by absolute majority (at least 4 of 6 for).' },
  },

  closeReason: {
    chair: (name) => `Closed by the chair (${name})`,
    'all-voted': 'Closed when every organisation had voted',
    deadline: 'Closed at the deadline',
  },

  voteCard: {
    title: 'Vote',
    openUntil: (when) => `Open until ${when}`,
    closedAt: (reason, when) => `${reason} ${when}.`,
    notVoted: 'Not voted',
    castBy: (name) => `cast by ${name}`,
    counts: (f, a, ab, missing) => `For: ${f} · Against: ${a} · Abstain: ${ab} · Missing: ${missing}`,
    oneVoteEach: 'One vote per organisation. A member may change their organisation\'s vote while the vote is open; the last vote cast counts.',
    close: 'Close vote',
  },

  refusal: {
    stranger: 'You are not on the board\'s list, so I cannot accept this from you. Please contact the secretary if this is a mistake.',
    'foreign-tenant': 'This bot serves only the board\'s own organisation. The request was refused.',
    'not-chair': 'Only the chair can do that.',
    'not-chair-open': 'Only the chair can open a vote.',
    'not-chair-close': 'Only the chair can close the vote.',
    'not-chair-or-secretary': 'Only the chair and the secretary can do that.',
    'secretary-cannot-vote': 'The secretary serves the board but does not vote. Your vote was not recorded.',
    'guest-cannot-vote': 'Guests take part without a vote. Your vote was not recorded.',
    'not-a-member': 'You are not a member for an organisation on the board, so you cannot vote.',
    'vote-closed': 'The vote is closed. No more votes can be cast.',
    'invalid-choice': 'The vote must be For, Against or Abstain. Nothing was changed.',
    'unknown-motion': 'I cannot find that vote. Nothing was changed.',
    'malformed-data': 'The action could not be read. Nothing was changed.',
    'unknown-action': 'I do not know that action. Nothing was changed.',
    'empty-motion': 'Write the motion after the command, e.g.: vote The board approves the 2027 budget',
    'motion-too-long': 'The motion is too long (at most 1000 characters). Please shorten it and try again.',
    'not-bound': 'The board is not bound to a channel yet. The chair or the secretary writes "@Bestyrelsesbot use this channel" in the board\'s channel.',
    'channel-only': 'Write the command in the channel the board is to use.',
    'unknown-item': (n) => `There is no item ${n} on the agenda of the current meeting. Nothing was changed.`,
    error: 'Something went wrong on my side. Nothing was changed. Please try again shortly.',
  },

  unknownCommand: (text) => `I did not understand "${text}". Write "help" to see what I can do.`,

  bind: {
    welcome: (board) => `Hello. I am the board bot for ${board}, and from now on I use this channel.`,
    organisations: 'The organisations (one vote each):',
    chairedBy: (names) => `Chair: ${names}.`,
    secretary: (names) => `Secretary: ${names}.`,
    helpHint: 'Write "@Bestyrelsesbot help" to see the commands.',
    alreadyBound: 'The board already uses this channel.',
    rebound: 'The board now uses this channel.',
  },

  board: {
    heading: (name) => name,
    organisations: 'Organisations (one vote each, six in all):',
    organisationLine: (id, name, people) => `${id} – ${name}: ${people}`,
    nobody: 'nobody',
    chair: (names) => `Chair: ${names}`,
    secretary: (names) => `Secretary: ${names}`,
    guests: (names) => `Guests: ${names}`,
    majority: { simple: 'Votes are decided by simple majority.', absolute: 'Votes are decided by absolute majority.' },
    you: (name, role) => `You are registered as ${name} (${role}).`,
  },

  help: {
    heading: 'What you can write to me (in the channel after @Bestyrelsesbot):',
    everyone: ['"help" – this overview', '"board" – organisations, members and chair'],
    member: ['Vote with the For, Against and Abstain buttons on the vote card.'],
    chair: ['"vote <motion>" – open a vote on a motion', '"Close vote" on the card – close the vote and announce the outcome'],
    bind: ['"use this channel" – bind the board to this channel'],
    guest: ['As a guest you can follow along but not vote.'],
    secretaryNote: ['As secretary you do not vote.'],
  },

  vote: {
    openedElsewhere: 'The vote has been opened in the board\'s channel.',
  },

  date: {
    longDateTime: "cccc d LLLL yyyy 'at' HH:mm",
    longDate: 'cccc d LLLL yyyy',
  },
};
