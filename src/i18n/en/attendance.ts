import type { attendance as da } from '../da/attendance.js';

export const attendance: typeof da = {
  attendance: {
    title: 'Attendance',
    intro: 'Press "I\'m attending" if you are attending the meeting. The secretary can add others with "attendee <name>" and remove with "remove attendee <name>".',
    /** On the card after the meeting's day: no *I'm attending* any more. */
    closedIntro: 'The meeting has been held. The secretary can correct the attendance with "attendee <name>" and "remove attendee <name>".',
    none: 'Nobody has registered yet.',
    noneRecorded: 'No attendance has been recorded.',
    present: (names) => `Present: ${names}`,
    /** On the card of a meeting cancelled after its start (R16): no *Jeg deltager*. */
    cancelled: 'The meeting is cancelled, so no attendance is recorded.',
    join: 'I\'m attending',
    removed: (name, when) => `${name} has been removed from the attendees of the meeting ${when}.`,
    notAttending: (name, when) => `${name} is not an attendee of the meeting ${when}. Nothing was changed.`,
    notBegunYet: (when) => `The meeting ${when} has not begun yet. Attendees can be recorded from an hour before its start. Nothing was changed.`,
    noneNamed: (name, when) => `No attendee of the meeting ${when} is called "${name}". Nothing was changed.`,
    ambiguous: (name, people) => `More than one person on the board is called "${name}": ${people}. Write the whole name. Nothing was changed.`,
    apologies: (names) => `Apologies: ${names}`,
    apologySent: (when) => `Your apologies for the meeting ${when} have been received and go into the minutes.`,
    apologyWithdrawn: (when) => `Your apologies for the meeting ${when} have been withdrawn.`,
    noApology: (when) => `You have not sent apologies for the meeting ${when}. Nothing was changed.`,
    apologyPassedToday: (when, on) => `The meeting on ${when} has already begun. If your apologies are for that one, write "apologies ${on}".`,
  },

  refusal: {
    'no-attendance-meeting': 'There is no meeting yet to record attendance for. Nothing was changed.',
    'not-attending': 'That person is not an attendee of the meeting. Nothing was changed.',
    'meeting-not-begun': 'The meeting has not begun yet. Press "I\'m attending" when it begins. Nothing was changed.',
    'meeting-over': 'The meeting is over, so you can no longer register as attending. The secretary can add attendees with "attendee <name>". Nothing was changed.',
    'apology-meeting-over': 'The meeting has been held, so apologies can no longer be sent for it. Nothing was changed.',
    'apology-attending': 'You are recorded as attending the meeting, so you cannot send apologies. The secretary can correct the attendance with "remove attendee <name>". Nothing was changed.',
    'apology-withdraw-over': 'The meeting has been held, so the apologies can no longer be withdrawn. Nothing was changed.',
    'apology-no-next-meeting': 'There is no upcoming meeting, and today\'s meeting has already begun. If your apologies are for today\'s meeting, write "apologies <date>" with today\'s date. Nothing was changed.',
    'apology-too-long': 'The message is too long (at most 300 characters). Shorten it and try again.',
  },

  examples: {
    'remove-attendee': 'For example: remove attendee Jane Green',
  },

  commands: {
    'remove-attendee': { words: ['remove attendee'], usage: [{ args: '[date] <name>', text: 'remove an attendee from today\'s meeting or the last one held (or the meeting on the date)' }] },
    apologies: { words: ['apologies', 'send apologies'], usage: [{ args: '[date] [message]', text: 'send apologies for the next meeting (or the meeting on the date); they go into the minutes' }], manifest: 'Send apologies for the next meeting: apologies [date] [message]' },
    'withdraw-apologies': { words: ['withdraw apologies'], usage: [{ args: '[date]', text: 'withdraw your apologies' }] },
  },
};
