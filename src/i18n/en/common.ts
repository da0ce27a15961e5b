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
    installNameTheBoard: 'Thank you for adding me. I serve several boards and groups. The chair or the secretary binds their board to this channel by writing "@Bestyrelsesbot use this channel <board-id>" here.',
    unboundChannel: 'This channel is not bound to a board. The chair or the secretary binds their board to it with "@Bestyrelsesbot use this channel <board-id>".',
    whichBoard: (boards: string) => `You sit on several boards. Write the board's id before the command, e.g. "<id> meetings":\n\n${boards}`,
    boardLine: (id: string, name: string) => `- ${id}: ${name}`,
    answerFor: (name: string) => `*${name}*`,
  },

  date: {
    longDateTime: "cccc d LLLL yyyy 'at' HH:mm",
    longDate: 'cccc d LLLL yyyy',
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
    'channel-taken': 'Another board uses this channel already. Choose another channel. Nothing was changed.',
    'unknown-board': 'I do not know that board. Write "use this channel <board-id>" with the id from the board\'s file. Nothing was changed.',
    error: 'Something went wrong on my side. Nothing was changed. Please try again shortly.',
    'bad-date': 'I cannot read the date. Use e.g. 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 or 10/12.',
    'impossible-date': 'That date does not exist. Use e.g. 10-12-2026.',
    'bad-time': 'I cannot read the time. Use e.g. 14:00, 14.00 or kl. 14.',
    'in-past': 'That time has already passed. Choose a time in the future.',
    'missing-date': 'Give a date.',
  },
};
