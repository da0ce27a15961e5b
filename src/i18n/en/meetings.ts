import type { meetings as da } from '../da/meetings.js';

export const meetings: typeof da = {
  meeting: {
    kind: { ordinary: 'Ordinary meeting', extraordinary: 'Extraordinary meeting' },
    kindLower: { ordinary: 'ordinary meeting', extraordinary: 'extraordinary meeting' },
    planned: (kind, when, deadline) => `${kind} planned for ${when}. The agenda goes out by ${deadline}.`,
    plannedLate: (kind, when) => `${kind} called for ${when}. The agenda deadline has passed, so it goes out now, marked "Sent late".`,
    subject: (subject) => `Subject: ${subject}`,
    place: (place) => `Place: ${place}`,
    none: 'No meetings are planned.',
    upcomingHeading: 'Upcoming meetings:',
    upcomingLine: (kind, when, agenda) => `- ${kind} ${when} – ${agenda}`,
    agendaDue: (deadline) => `agenda by ${deadline}`,
    agendaSent: (at) => `agenda sent ${at}`,
    agendaSentLate: (at) => `agenda sent late ${at}`,
    noCurrent: 'There is no upcoming meeting. The chair or the secretary plans one with "meeting <date> <time>".',
    noMeetingOn: (date) => `There is no meeting on ${date}.`,
    atClock: (clock) => `at ${clock}`,
    severalOn: (count, day, times, example) => `There are ${count} meetings on ${day}: ${times}. Give the time, e.g.: ${example}. Nothing was changed.`,
    nonexistentTime: (clock, day) => `There is no ${clock} on ${day}: the clocks go forward to summer time. Choose another time. Nothing was changed.`,
    noMeetingAt: (when, count, times) => `There is no meeting on ${when}. That day there ${count === 1 ? 'is a meeting' : 'are meetings'} ${times}. Nothing was changed.`,
    namedExample: {
      item: (on) => `item ${on} <title>`,
      attach: (on) => `attach ${on} <item-no> <url>`,
      agenda: (on) => `agenda ${on}`,
      vote: (on) => `vote ${on} <item-no>`,
      conclude: (on) => `conclude ${on} <item-no> <text>`,
      reopen: (on) => `reopen ${on} <item-no>`,
      minutes: (on) => `minutes ${on}`,
      'correct-minutes': (on) => `correct minutes ${on} <text>`,
      'append-minutes': (on) => `append minutes ${on} <text>`,
      attendee: (on) => `attendee ${on} <name>`,
      'remove-attendee': (on) => `remove attendee ${on} <name>`,
      'cancel-meeting': (on) => `cancel meeting ${on}`,
    },
    exists: (kind, when) => `An ${kind} is already planned for ${when}. Nothing was changed.`,
    cancelled: (kind, when) => `${kind} ${when} is cancelled.`,
    itemDropped: (title, attachments) =>
      `The item ${title} was on the meeting's agenda. If it is still to be dealt with, put it on another meeting with "item <date> <title>"${attachments ? ', and attach its attachments again with "attach"' : ''}.`,
    itemsDropped: (titles, attachments) =>
      `The items ${titles} were on the meeting's agenda. If they are still to be dealt with, put them on another meeting with "item <date> <title>"${attachments ? ', and attach their attachments again with "attach"' : ''}.`,
  },

  refusal: {
    'missing-time': 'Give the meeting\'s time.',
    'empty-subject': 'Give the meeting\'s subject.',
    'subject-too-long': 'The subject is too long (at most 300 characters). Shorten it and try again.',
    'place-too-long': 'The place is too long (at most 200 characters). Shorten it and try again.',
    'meeting-exists': 'A meeting is already planned at that time. Nothing was changed.',
    'no-meeting': 'There is no upcoming meeting to add items to. Plan a meeting first with "meeting <date> <time>".',
    'unknown-meeting': 'I cannot find that meeting. Nothing was changed.',
    'meeting-begun': 'A meeting that has begun or been held cannot be cancelled. Nothing was changed.',
    'meeting-cancelled': 'The meeting is cancelled.',
  },

  examples: {
    meeting: 'For example: meeting 10-12-2026 14:00',
    extraordinary: 'For example: extraordinary 10-12-2026 14:00 Budget follow-up',
    cancel: 'For example: cancel meeting 10-12-2026',
  },

  commands: {
    meeting: { words: ['meeting'], usage: [{ args: '<date> <time>', text: 'plan an ordinary meeting, e.g. meeting 10-12-2026 14:00' }], manifest: 'Plan an ordinary meeting: meeting <date> <time> – chair and secretary' },
    extraordinary: { words: ['extraordinary', 'extraordinary meeting'], usage: [{ args: '<date> <time> <subject>', text: 'call an extraordinary meeting' }] },
    meetings: { words: ['meetings'], usage: [{ text: 'upcoming meetings and agenda deadlines' }], manifest: 'Show the upcoming meetings and the agenda deadlines' },
    'cancel-meeting': { words: ['cancel meeting'], usage: [{ args: '<date>', text: 'cancel a meeting' }] },
  },
};
