import type { agenda as da } from '../da/agenda.js';

export const agenda: typeof da = {
  agenda: {
    title: 'Agenda',
    heading: (kind, when) => `${kind} ${when}`,
    kindWord: { decision: 'decision', information: 'information', discussion: 'discussion' },
    kind: { decision: 'for decision', information: 'for information', discussion: 'for discussion' },
    standing: {
      'approve-agenda': 'Approval of the agenda',
      'approve-minutes': 'Approval of the minutes of the last meeting',
      economy: 'Finances',
      'lbf-follow-up': 'Yearly follow-up on the LBF portal indicators and the goals of the strategic agreement',
      'next-year-dates': 'Meeting dates for the coming year',
      'any-other-business': 'Any other business',
    },
    itemLine: (n, title, kind) => `${n}. ${title} (${kind})`,
    attachment: 'Attachment',
    cancelled: 'The meeting is cancelled.',
    late: 'Sent late',
    lateNote: (deadline) => `The deadline for sending it was ${deadline}.`,
    sentAt: (at) => `Sent ${at}.`,
    draft: 'Draft – not sent yet.',
    deadline: (at) => `Goes out by ${at}.`,
    notSent: (deadline) => `Not sent. The deadline for sending it was ${deadline}.`,
    sendButton: 'Send agenda',
    itemAdded: (n, title, kind, when) => `Item ${n} "${title}" (${kind}) is on the agenda of the meeting ${when}.`,
    itemAddedLate: (n, title, kind, when) =>
      `Item ${n} "${title}" (${kind}) was added to the agenda of the meeting ${when} after it was sent. The sent agenda is updated, and the board was told in its thread.`,
    attachmentAdded: (n, title, when) => `The attachment was added to item ${n} "${title}" on the agenda of the meeting ${when}.`,
    attachmentAddedLate: (n, title, when) =>
      `The attachment was added to item ${n} "${title}" on the agenda of the meeting ${when} after it was sent, and is marked "Added after sending". The sent agenda is updated, and the board was told in its thread.`,
    attachmentNotice: (n, title, attachment) =>
      `${attachment ? `The attachment "${attachment}" was` : 'An attachment was'} added to item ${n} "${title}" after the agenda was sent. The agenda above is updated.`,
    addedAfterSending: 'Added after sending',
    addedNotice: (n, title, kind) => `Item ${n} "${title}" (${kind}) was added to the agenda after it was sent. The agenda above is updated.`,
    noSuchItem: (n, when) => `There is no item ${n} on the agenda of the meeting ${when}. Nothing was changed.`,
    itemHeading: (n, title, when) => `Item ${n}. ${title} – agenda of the meeting ${when}`,
    draftItemLabel: (title) => `"${title}"`,
    draftItemHeading: (title, when) => `Item "${title}" – agenda of the meeting ${when}`,
    decidedByConclusion: (heading, text, when, n) => `${heading}: the item was already decided on ${when} with the conclusion "${text}". The chair can reopen the item with "reopen ${n}".`,
    decidedByVote: (heading, outcome, n) => `${heading}: the item was already decided by a vote: ${outcome}. The chair can reopen the item with "reopen ${n}".`,
    openVoteOnItem: (heading, motion) => `${heading} already has an open vote: "${motion}". No new vote or conclusion can be made on the item until it is closed.`,
    openConclusionOnItem: (heading, text) =>
      `${heading} already has an open conclusion: "${text}". No new conclusion or vote can be made on the item until it is closed or put to a vote.`,
    reopened: (heading) => `${heading} is reopened. A new decision can now be made on it; the earlier one stays in the minutes.`,
    alreadySent: 'The agenda has already been sent. Nothing was changed.',
    alreadySentFor: (when, sentOn) => `The agenda of the meeting ${when} was already sent on ${sentOn}. Nothing was changed.`,
    sent: 'The agenda has been sent in the board\'s channel.',
  },

  refusal: {
    'empty-title': 'Give the item\'s title.',
    'agenda-after-meeting': 'The meeting has been held, so the agenda is no longer sent. The minutes say what became of it. Nothing was changed.',
    'title-too-long': 'The title is too long (at most 300 characters). Shorten it and try again.',
    'agenda-meeting-held': 'The meeting has been held, and its agenda takes no more items. Put the item on a meeting to come. Nothing was changed.',
    'attachment-url-too-long': 'The link is too long (at most 2,000 characters). Use a shorter link and try again.',
    'attachment-title-too-long': 'The attachment\'s title is too long (at most 300 characters). Shorten it and try again.',
    'bad-url': 'The attachment must be a link starting with https://.',
    'bad-item-number': 'Give the item\'s number, e.g. 4.',
    'not-attachable': (n) => `Item ${n} is put on the agenda by the bot itself and cannot have attachments. Attach it to another item. Nothing was changed.`,
    'item-not-fixed': (n, when) =>
      `Item ${n}${when ? ` on the agenda of the meeting ${when}` : ''} is put there by the bot itself and gets its fixed place only when the agenda is sent. It can be concluded or voted on after that. Nothing was changed.`,
    'not-for-decision': (n, when) => `Item ${n}${when ? ` on the agenda of the meeting ${when}` : ''} is not for decision, so it cannot be voted on. Add it as "decision", or vote on a motion with "vote <motion>".`,
    'unknown-item': (n) => `There is no item ${n} on the agenda of the current meeting. Nothing was changed.`,
    'minutes-approved-item': (n, when) => `Item ${n}${when ? ` on the agenda of the meeting ${when}` : ''} cannot be reopened: the minutes it approved cannot change. The secretary can correct them with "correct minutes <date> <text>"; the correction becomes a new version to be approved. Nothing was changed.`,
    'not-decided': (n, when) => `Item ${n}${when ? ` on the agenda of the meeting ${when}` : ''} is not decided, so there is nothing to reopen. Nothing was changed.`,
  },

  examples: {
    item: 'For example: item New sub-agreement on employment decision',
    reopen: 'For example: reopen 5',
    attach: 'For example: attach 4 https://intranet.example.org/budget.pdf Budget 2027',
    agenda: 'For example: agenda 10-12-2026',
  },

  reminder: {
    agenda: (when, deadline) =>
      `Reminder: the agenda for the meeting ${when} must go out by ${deadline}. Add items with "item <title> [decision|information|discussion]" and attachments with "attach <item-no> <url>".`,
    day: { today: 'today', tomorrow: 'tomorrow' },
    dayBefore: (kind, day, when) => `Reminder: ${kind} ${day}, ${when}. The agenda is above.`,
    dayBeforeNoThread: (kind, day, when) => `Reminder: ${kind} ${day}, ${when}. The agenda follows.`,
    apologies: (names) => `Apologies so far: ${names}.`,
  },

  commands: {
    agenda: { words: ['agenda'], usage: [{ args: '[date]', text: 'the agenda of the next meeting or the meeting on that date' }], manifest: 'Show the agenda of the next meeting' },
    item: { words: ['item'], usage: [{ args: '[date] <title> [decision|information|discussion]', text: 'put an item on the agenda (the next meeting, or the meeting on that date)' }], manifest: 'Put an item on the agenda – chair and secretary' },
    attach: { words: ['attach'], usage: [{ args: '[date] <item-no> <url> [title]', text: 'add an attachment to an item' }] },
    reopen: { words: ['reopen'], usage: [{ args: '[date] <item-no>', text: 'reopen a decided item, so that a new decision can be made' }] },
    'send-agenda': { words: ['send agenda'], usage: [{ text: 'send the agenda now instead of at the deadline' }] },
  },
};
