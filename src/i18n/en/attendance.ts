import type { attendance as da } from '../da/attendance.js';

export const attendance: typeof da = {
  attendance: {
    title: 'Attendance',
    intro: 'Press "I\'m attending" if you are attending the meeting. The secretary can add others with "attendee <name>" and remove with "remove attendee <name>".',
    none: 'Nobody has registered yet.',
    present: (names) => `Present: ${names}`,
    join: 'I\'m attending',
    removed: (name) => `${name} has been removed from the participants.`,
  },

  refusal: {
    'not-attending': 'That person is not a participant in the last meeting. Nothing was changed.',
  },

  examples: {
    'remove-attendee': 'For example: remove attendee Gustav Grøn',
  },

  commands: {
    'remove-attendee': { words: ['remove attendee'], usage: [{ args: '<name>', text: 'remove a participant from the last meeting' }] },
  },
};
