import type { common as da } from '../da/common.js';

export const common: typeof da = {
  numbers: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  roles: { member: 'member', chair: 'chair', secretary: 'secretary', guest: 'guest' },

  unknownCommand: (text) => `I did not understand "${text}". Write "help" to see what I can do.`,

  /** The HTTP boundary: file links, and posts cut to fit Teams' 40 KB. */
  boundary: {
    fileNotFound: 'The file does not exist, or the link has expired. Get a new link in the board\'s channel.',
    minutesSuperseded: 'This version of the minutes has been replaced by a later, approved version. Get the new link in the board\'s channel.',
    agendaFileName: (date: string) => `agenda-${date}.md`,
    cutNote: (url: string) => `The content is too long for Teams and is shortened here. [See all of it](${url}).`,
    cutNoteNoLink: 'The content is too long for Teams and is shortened here.',
    agendaItemsShown: (shown: number, total: number) => `The card shows the first ${shown} of ${total} items.`,
    minutesCut: 'The minutes are too long to be shown in full in Teams. The card shows the beginning and links to the whole minutes.',
    agendaCut: 'The agenda is too long to be shown in full in Teams. The card shows the first items and links to the whole agenda.',
  },

  trust: {
    elsewhere: 'I can only answer that in the board\'s channel or in a 1:1 chat with me.',
    installByOfficers: 'Thank you for adding me. The chair or the secretary binds the board to a channel: write "@Bestyrelsesbot use this channel" in that channel.',
    installElsewhere: 'The board uses another channel. The chair or the secretary can move it here by writing "@Bestyrelsesbot use this channel" here.',
  },

  date: {
    longDateTime: "cccc d LLLL yyyy 'at' HH:mm",
    longDate: 'cccc d LLLL yyyy',
  },

  roleRefusal: {
    'not-chair': (what) => `Only the chair can ${what}.`,
    'not-chair-or-secretary': (what) => `Only the chair and the secretary can ${what}.`,
    'not-secretary': (what) => `Only the secretary can ${what}.`,
    'not-a-member': (what) => `Only the board's members can ${what}. Nothing was changed.`,
  },

  what: {
    commands: {
      bind: 'bind the board to a channel',
      meeting: 'plan meetings',
      extraordinary: 'call an extraordinary meeting',
      'cancel-meeting': 'cancel meetings',
      item: 'put items on the agenda',
      attach: 'attach documents to agenda items',
      'send-agenda': 'send the agenda',
      vote: 'open a vote',
      conclude: 'post a conclusion',
      'plan-dates': "plan next year's meeting dates",
      petition: 'ask for an extraordinary meeting',
      minutes: 'write the minutes',
      'correct-minutes': 'correct the minutes',
      attendee: 'record attendees in the minutes',
    },
    actions: {
      'board.bind': 'bind the board to a channel',
      'vote.open': 'open a vote',
      'vote.cast': 'vote',
      'vote.close': 'close the vote',
      'vote.dissent': 'add a dissent to the vote',
      'meeting.plan': 'plan meetings',
      'meeting.cancel': 'cancel meetings',
      'agenda.edit': 'change the agenda',
      'agenda.send': 'send the agenda',
      'petition.open': 'ask for an extraordinary meeting',
      'petition.support': 'support a request for an extraordinary meeting',
      'conclusion.make': 'post a conclusion',
      'conclusion.object': 'object to a conclusion',
      'conclusion.dissent': 'add a dissent to the conclusion',
      'conclusion.close': 'close a conclusion',
      'conclusion.vote': 'put a conclusion to a vote',
      'dates.plan': "plan next year's meeting dates",
      'dates.answer': 'answer the date poll',
      'dates.confirm': 'confirm the meeting dates',
      'minutes.write': 'write the minutes',
      'minutes.approve': 'approve the minutes',
    },
  },

  refusal: {
    stranger: 'You are not on the board\'s list, so I cannot accept this from you. Please contact the secretary if this is a mistake.',
    'foreign-tenant': 'This bot serves only the board\'s own organisation. The request was refused.',
    'not-chair': 'Only the chair can do that.',
    'not-chair-or-secretary': 'Only the chair and the secretary can do that.',
    'not-a-member': 'Only the board\'s members can do that. Nothing was changed.',
    'not-secretary': 'Only the secretary can do that.',
    'malformed-data': 'The action could not be read. Nothing was changed.',
    'unknown-action': 'I do not know that action. Nothing was changed.',
    'not-bound': 'The board is not bound to a channel yet. The chair or the secretary writes "@Bestyrelsesbot use this channel" in the board\'s channel.',
    'channel-only': 'Write the command in the channel the board is to use.',
    error: 'Something went wrong on my side. Nothing was changed. Please try again shortly.',
    'bad-date': 'I cannot read the date. Use e.g. 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 or 10/12.',
    'impossible-date': 'That date does not exist. Use e.g. 10-12-2026.',
    'bad-time': 'I cannot read the time. Use e.g. 14:00, 14.00 or kl. 14.',
    'in-past': 'That time has already passed. Choose a time in the future.',
    'missing-date': 'Give a date.',
  },
};
