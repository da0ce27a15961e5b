import type { petitions as da } from '../da/petitions.js';

export const petitions: typeof da = {
  petition: {
    title: 'Request for an extraordinary meeting',
    subject: (s) => `Subject: ${s}`,
    askedBy: (name) => `Requested by ${name}.`,
    explain: (needed, total) =>
      `An extraordinary meeting is held when a majority of the members want it: at least ${needed} of ${total}. Press "Support" if you support the request. Whoever made it counts as its first supporter.`,
    support: 'Support',
    supporters: (n, total) => `${n} of ${total} members support it.`,
    supporterNames: (names) => `Supported by: ${names}.`,
    majority: 'Majority reached.',
    called: (when) => `The extraordinary meeting has been called for ${when}.`,
    cancelled: (when) => `The extraordinary meeting on ${when} has been cancelled.`,
    lapsed: 'The request has lapsed, as it did not reach a majority within half a year.',
    calledAlready: (when) => `The extraordinary meeting has already been called for ${when}, so the request can no longer be supported. Nothing was changed.`,
    meetingPlanned: (subject) => `An extraordinary meeting on "${subject}" has already been called; see "meetings". Nothing was changed.`,
    meetingPlannedAt: (subject, when) => `An extraordinary meeting on "${subject}" has already been called for ${when}; see "meetings". Nothing was changed.`,
    posted: 'The request has been posted in the board\'s channel, where the members can support it.',
    demanded: (subject) => `A majority of the members has already demanded an extraordinary meeting about "${subject}", and the chair and the secretary have been asked to call it. Nothing was changed.`,
    exists: (subject) => `There is already a request for an extraordinary meeting about "${subject}" gathering support. Press "Support" on its card in the channel. Nothing was changed.`,
    announcement: (n, total, subject) => `A majority of the board's members (${n} of ${total}) demands an extraordinary meeting on "${subject}".`,
    askChair: (names, subject) => `${names}: please set the date with "extraordinary <date> <time> ${subject}".`,
    reminder: (day, subject) =>
      `Reminder: On ${day} a majority of the board's members demanded an extraordinary meeting on "${subject}", but it has not yet been called. Please set the date with "extraordinary <date> <time> ${subject}".`,
    notLinked: (subject, contained) =>
      `The meeting is not linked to the request for an extraordinary meeting on "${subject}", demanded by a majority; a meeting is linked to it when its subject ${contained ? 'contains' : 'is'} "${subject}".`,
  },

  petitionStatus: {
    gathering: (n) => `Requests for an extraordinary meeting gathering support: ${n}`,
    gatheringLine: (subject, n, needed) => `- "${subject}" – ${n} of the ${needed} supporters needed`,
    demanded: (n) => `Extraordinary meetings demanded but not yet called: ${n}`,
    demandedLine: (subject, day) => `- "${subject}" – majority reached on ${day}`,
  },

  refusal: {
    'already-supported': 'You have already supported the request.',
    'unknown-petition': 'I cannot find that request. Nothing was changed.',
    'petition-majority': 'The request already has its majority, so it can no longer be supported. Nothing was changed.',
    'petition-meeting-called': 'The extraordinary meeting has already been called, so the request can no longer be supported. Nothing was changed.',
    'petition-lapsed': 'The request has lapsed, as it did not reach a majority within half a year, so it can no longer be supported. Nothing was changed.',
  },

  examples: {
    petition: 'For example: request extraordinary meeting Budget overrun in the east district',
  },

  commands: {
    petition: { words: ['request extraordinary meeting'], usage: [{ args: '<subject>', text: 'ask for an extraordinary meeting; it is held when a majority supports it' }] },
  },
};
