import type { minutes as da } from '../da/minutes.js';

export const minutes: typeof da = {
  minutes: {
    title: 'Minutes',
    heading: (kind, when) => `Minutes – ${kind} ${when}`,
    meeting: (kind, when) => `${kind} ${when}`,
    lateAgenda: (when) => `The agenda was sent late (${when}).`,
    agendaNotSent: 'The agenda was not sent.',
    attendance: 'Present',
    organisations: (list) => `Organisations: ${list}.`,
    people: (list) => `Attendees: ${list}.`,
    others: (list) => `Others: ${list}.`,
    nobody: 'None recorded.',
    nothing: 'Nothing recorded.',
    conclusion: (text) => `Conclusion: ${text}`,
    decided: 'Decided without objections.',
    decidedOn: (when) => `Decided without objections ${when}.`,
    closedOn: (when) => `The vote was closed ${when}.`,
    objected: (names) => `Objection from ${names}.`,
    objectionReason: (name) => `Reason for the objection from ${name}:`,
    sentToVote: 'Put to a vote.',
    pending: 'Open for objections.',
    reopened: (when) => `The item was reopened on ${when}; the decision above no longer stands.`,
    vote: (text) => `Vote: ${text}`,
    orgVote: (org, choice, by) => `- ${org}: ${choice} (${by})`,
    notVoted: (orgs) => `- Did not vote: ${orgs}`,
    voteOpen: 'The vote was still open when the minutes were written.',
    otherVotes: 'Other votes',
    /** R16: what was decided since the previous meeting on a day without a meeting, or on an item of a meeting cancelled. */
    decisionsBetween: 'Between meetings',
    /** In that section, before the decisions on the items of a meeting that was cancelled. */
    cancelledMeeting: (when: string) => `From the agenda of the cancelled meeting ${when}:`,
    /** A conclusion in that section: it names its item. */
    conclusionOnItem: (label: string, text: string) => `Conclusion (item ${label}): ${text}`,
    /** A vote in that section still open when the minutes were drafted: when it was opened. */
    voteOpenSince: (when: string) => `The vote was opened ${when} and had not closed when the minutes were drafted.`,
    dissentBy: (name, org) => `Dissent from ${name} (${org}):`,
    draft: (when) => `Draft, last changed ${when}.`,
    approved: (when, by) => `Approved ${when} (${by}).`,
    byConsent: 'by consent of the board',
    byVote: 'by a vote of the board',
    approvedNotice: (when, by) => `The minutes of the meeting ${when} have been approved ${by}.`,
    alreadyApproved: (when) => `The minutes of the meeting ${when} were already approved. Nothing was changed.`,
    behindCard: 'Changes have been recorded since the minutes were corrected. They can be approved only once the secretary has corrected them again.',
    behindNotice: (when, date) =>
      `Changes have been recorded at the meeting ${when} since the secretary corrected the minutes. The secretary must work them in before the minutes can be approved: "append minutes ${date} <text>" adds text, and "correct minutes ${date} <text>" replaces the whole text.`,
    changedAfterApproval: (when, date) =>
      `Changes have been recorded at the meeting ${when} since the minutes were approved. Approved minutes do not change; the secretary can bring the changes in with a new version, which must be approved: "append minutes ${date} <text>" adds text to the approved minutes, and "correct minutes ${date} <text>" replaces the whole text.`,
    notApprovedBehind: (when, date) =>
      `The minutes of the meeting ${when} have not been approved: changes have been recorded since the secretary corrected them. The secretary works them in with "append minutes ${date} <text>" or "correct minutes ${date} <text>", and the chair approves them on the card when the objection window has ended.`,
    notDrafted: (when, date) =>
      `There are no minutes of the meeting ${when} yet, so they have not been approved. The secretary writes "minutes ${date}", and the chair approves them on the card when the objection window has ended.`,
    corrects: (version) => `Correction to the minutes (version ${version}).`,
    approve: 'Approve minutes',
    download: 'Download as a Markdown file',
    fileName: (stem) => `minutes-${stem}.md`,
    newerVersion: 'The minutes have been corrected since this card was shown. Read the current text on the minutes card in the channel and approve it there. Nothing was changed.',
    newerFromRecord: 'The minutes have been brought up to date with what has happened since this card was shown. Read the current version on the minutes card in the channel, and approve it there. Nothing was changed.',
    approvableFrom: (when) => `The minutes can be approved from ${when}, when the objection window has ended.`,
    outdated: (when) => `The minutes were brought up to date with what has happened since they were drafted. Read them again. They can be approved from ${when}, when the objection window has ended.`,
    corrected: (when) => `The minutes of the meeting ${when} have been corrected.`,
    correctedNew: (when) => `The minutes of the meeting ${when} were approved and do not change. The correction is saved as a new version to be approved.`,
    appended: (when) => `The text has been added to the minutes of the meeting ${when}.`,
    appendedNew: (when) => `The minutes of the meeting ${when} were approved and do not change. The approved minutes with the text added are saved as a new version to be approved.`,
    attendeeAdded: (name, when) => `${name} has been added as an attendee of the meeting ${when}.`,
    otherAttendeeAdded: (name, when) => `${name} is not on the board and has been added as another attendee of the meeting ${when}.`,
    alreadyAttending: (name, when) => `${name} is already recorded as an attendee of the meeting ${when}. Nothing was changed.`,
  },

  refusal: {
    'meeting-not-held': 'The meeting has not been held yet.',
    'no-held-meeting': 'There is no meeting held yet to write minutes of.',
    'empty-minutes': 'Write the corrected text after the command.',
    'no-minutes': 'There are no minutes of the latest meeting yet. Write "minutes" first. To correct the minutes of an earlier meeting, write its date first, e.g. "correct minutes 11-03-2027 <text>".',
    'unknown-minutes': 'I cannot find those minutes. Nothing was changed.',
    'minutes-approved': 'The minutes are approved and cannot be changed.',
    'objection-window-open': 'The objection window for the minutes has not ended yet.',
    'record-changed': 'The minutes cannot be approved yet: changes have been recorded since the secretary corrected them. The secretary works them in with "append minutes <date> <text>" or "correct minutes <date> <text>". Nothing was changed.',
    'minutes-outdated': 'The minutes no longer matched what happened at the meeting and have been brought up to date. Read them again before they are approved.',
    'empty-name': 'Write the attendee\'s name.',
    'name-too-long': 'The name is too long (at most 200 characters). Shorten it and try again.',
    'already-attending': 'The attendee is already recorded. Nothing was changed.',
  },

  examples: {
    correct: 'For example: correct minutes <the whole corrected text>, or for an earlier meeting: correct minutes 11-03-2027 <text>',
    append: 'For example: append minutes 11-03-2027 Dissent by Lars Lund (BK): …',
    attendee: 'For example: attendee Jane Green',
  },

  commands: {
    minutes: { words: ['minutes'], usage: [{ args: '[date]', text: 'draft the minutes of the last meeting from the record, or show them' }], manifest: 'Draft or show the minutes of the last meeting – the secretary' },
    'correct-minutes': { words: ['correct minutes'], usage: [{ args: '[date] <text>', text: 'replace the minutes\' text with a corrected one (the latest minutes, or the meeting on the date)' }] },
    'append-minutes': { words: ['append minutes'], usage: [{ args: '[date] <text>', text: 'add text at the end of the minutes, e.g. a late dissent (approved minutes get a new version to be approved)' }] },
    attendee: { words: ['attendee'], usage: [{ args: '[date] <name>', text: 'add someone to the attendance of today\'s meeting or the last one held (or the meeting on the date)' }] },
  },
};
