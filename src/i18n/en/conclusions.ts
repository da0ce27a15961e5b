import type { conclusions as da } from '../da/conclusions.js';

export const conclusions: typeof da = {
  conclusion: {
    title: 'Conclusion',
    item: (label) => `Item ${label}`,
    by: (name) => `The chair's conclusion (${name}):`,
    window: (when) => `If nobody objects, the item is decided when the chair closes it, at the latest ${when}.`,
    untilClosed: 'If nobody objects, the item is decided when the chair closes it in the meeting.',
    voteOutcome: (outcome) => `The vote has closed. ${outcome}`,
    object: 'Object',
    objectSubmit: 'Raise the objection',
    reasonPlaceholder: 'Reason (optional)',
    reason: (text) => `Reason: ${text}`,
    dissent: 'Dissent',
    dissentSubmit: 'Save the dissent',
    dissentPlaceholder: 'Your dissent for the minutes',
    close: 'Close',
    toVote: 'Put to a vote',
    status: {
      open: 'Open for objections.',
      decided: 'Decided.',
      objected: 'An objection has been made. The chair can put the conclusion to a vote.',
      voted: 'Put to a vote.',
      votedAdopted: 'Decided by vote: adopted.',
      votedNotAdopted: 'Decided by vote: not adopted.',
    },
    reopened: (when) => `The item was reopened on ${when}; the decision no longer stands.`,
    reopenedItem: (when) => `The item was reopened on ${when}.`,
    objections: (names) => `Objection from: ${names}.`,
    dissentBy: (name, org) => `Dissent from ${name} (${org}):`,
    decided: (label, text) => `Decided: Item ${label}. ${text}`,
    stillOpen: (label, when) => `The conclusion on item ${label} of the meeting ${when} is still open for objections. The chair closes the item with "Close" on its card; until then the minutes show it as open.`,
    stillOpenSeveral: (labels, when) => `The conclusions on items ${labels} of the meeting ${when} are still open for objections. The chair closes the items with "Close" on their cards; until then the minutes show them as open.`,
    stillObjected: (label, when) => `The conclusion on item ${label} of the meeting ${when} has been objected to and is not settled. The chair puts it to a vote on its card or makes a new conclusion.`,
    stillObjectedSeveral: (labels, when) => `The conclusions on items ${labels} of the meeting ${when} have been objected to and are not settled. The chair puts them to a vote on their cards or makes new conclusions.`,
    decidedByChair: (name) => `The chair (${name}) closed the item without objections.`,
    decidedByWindow: 'The objection window ended without objections.',
    objected: (name, org, label) => `Objection: ${name} (${org}) objects to the conclusion on item ${label}. The chair can put it to a vote with one press on the card.`,
    posted: 'The conclusion has been posted in the channel.',
  },

  refusal: {
    'reason-too-long': 'The reason is too long (at most 2000 characters). Shorten it and try again.',
    'empty-conclusion': 'Write the conclusion after the item number.',
    'conclusion-too-long': 'The conclusion is too long (at most 2000 characters). Shorten it and try again.',
    'unknown-conclusion': 'I cannot find that conclusion. Nothing was changed.',
    'conclusion-closed': 'The conclusion is closed. Nothing was changed.',
    'already-objected': 'You have already objected.',
    'has-objection': 'An objection has been made, so the item cannot be declared decided. Put the conclusion to a vote, or make a new one.',
    'no-objection': 'There is no objection. Close the conclusion and the item is decided.',
    'already-voting': 'The conclusion has already been put to a vote.',
    'conclusion-reopened': 'The item was reopened after this conclusion was made, so it cannot be put to a vote. The chair can make a new conclusion. Nothing was changed.',
  },

  examples: {
    conclude: 'For example: conclude 4 The board approves the new sub-agreement.',
  },

  commands: {
    conclude: { words: ['conclude'], usage: [{ args: '<item-no> <text>', text: 'conclude an item; without objections it is decided' }], manifest: 'Conclude an item: conclude <item-no> <text> – the chair' },
  },
};
