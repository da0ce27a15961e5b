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
    cancelled: (kind, when) => `${kind} ${when} is cancelled.`,
  },

  agenda: {
    title: 'Agenda',
    heading: (kind, when) => `${kind} ${when}`,
    kind: { decision: 'for decision', information: 'for information', discussion: 'for discussion' },
    standing: {
      'approve-agenda': 'Approval of the agenda',
      'approve-minutes': 'Approval of the minutes of the last meeting',
      economy: 'Economy',
      'lbf-follow-up': 'Yearly follow-up on the LBF portal indicators and the goals of the strategic agreement',
      'next-year-dates': 'Meeting dates for the coming year',
      'any-other-business': 'Any other business',
    },
    itemLine: (n, title, kind) => `${n}. ${title} (${kind})`,
    attachment: 'Attachment',
    late: 'Sent late',
    lateNote: (deadline) => `The deadline for sending it was ${deadline}.`,
    sentAt: (at) => `Sent ${at}.`,
    draft: 'Draft – not sent yet.',
    deadline: (at) => `Goes out by ${at}.`,
    sendButton: 'Send agenda',
    itemAdded: (n, title, kind, when) => `Item ${n} "${title}" (${kind}) is on the agenda of the meeting ${when}.`,
    attachmentAdded: (n, title) => `The attachment was added to item ${n} "${title}".`,
    alreadySent: 'The agenda has already been sent.',
    sent: 'The agenda has been sent in the board\'s channel.',
  },

  refusal: {
    'empty-subject': 'Give the meeting\'s subject.',
    'subject-too-long': 'The subject is too long (at most 300 characters).',
    'meeting-exists': 'A meeting is already planned at that time.',
    'no-meeting': 'There is no upcoming meeting to add items to. Plan a meeting first with "meeting <date> <time>".',
    'empty-title': 'Give the item\'s title.',
    'title-too-long': 'The title is too long (at most 300 characters).',
    'bad-url': 'The attachment must be a link starting with https://.',
    'bad-item-number': 'Give the item\'s number, e.g. 4.',
    'standing-item': 'Attachments can only be added to items put on the agenda with "item".',
    'not-for-decision': (n) => `Item ${n} is not for decision, so it cannot be voted on. Add it as "decision", or vote on a motion with "vote <motion>".`,
    'unknown-item': (n) => `There is no item ${n} on the agenda of the current meeting. Nothing was changed.`,
    'unknown-meeting': 'I cannot find that meeting. Nothing was changed.',
    'meeting-cancelled': 'The meeting is cancelled.',
  },

  examples: {
    meeting: 'For example: meeting 10-12-2026 14:00',
    extraordinary: 'For example: extraordinary 10-12-2026 14:00 Budget follow-up',
    item: 'For example: item New sub-agreement on employment decision',
    attach: 'For example: attach 4 https://intranet.example.dk/budget.pdf Budget 2027',
    agenda: 'For example: agenda 10-12-2026',
    cancel: 'For example: cancel meeting 10-12-2026',
  },

  reminder: {
    agenda: (when, deadline) =>
      `Reminder: the agenda for the meeting ${when} must go out by ${deadline}. Add items with "item <title> [decision|information|discussion]" and attachments with "attach <item-no> <url>".`,
    dayBefore: (kind, when) => `Reminder: ${kind} tomorrow, ${when}. The agenda is above.`,
    dayBeforeNoThread: (kind, when) => `Reminder: ${kind} tomorrow, ${when}. The agenda follows.`,
  },
};
