import type { report as da } from '../da/report.js';

export const report: typeof da = {
  report: {
    heading: (from, to) => `Progress for the period ${from} – ${to}`,
    meetings: (n) => `Meetings held: ${n}`,
    meetingLine: (kind, when, agenda) => `- ${kind} ${when}${agenda === 'late' ? ' (agenda sent late)' : agenda === 'not-sent' ? ' (agenda not sent)' : ''}`,
    votes: (n) => `Votes: ${n}`,
    voteLine: (day, text, outcome) => `- ${day}: "${text}" – ${outcome}`,
    reversed: (from, to) => `The period is reversed: the end date ${to} is before the start date ${from}. Write the earlier date first, e.g. report 01-01-2026 31-12-2026.`,
    conclusions: (n) => `Decided by consent: ${n}`,
    conclusionLine: (day, label, text) => `- ${day}: Item ${label} – ${text}`,
    dayAtMeeting: (day, time) => `${day} (the meeting at ${time})`,
    dayOfMeeting: (day, meeting) => `${day} (the meeting of ${meeting})`,
    lateAgendas: (n) => `Agendas sent late: ${n}`,
    notSentAgendas: (n) => `Agendas not sent: ${n}`,
    reopened: (n) => `Reopened, no longer standing: ${n}`,
    reopenedMark: (when) => ` (reopened ${when})`,
    none: '- None',
  },

  refusal: {
    'bad-period': 'Give a period with two dates, e.g. report 01-01-2026 31-12-2026.',
  },

  examples: {
    report: 'For example: report 01-01-2026 31-12-2026',
  },

  commands: {
    report: { words: ['report'], usage: [{ args: '[<from> <to>]', text: 'the board\'s decisions in a period (without dates: this year to date), e.g. report 01-01-2026 31-12-2026' }] },
  },
};
