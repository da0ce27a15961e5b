/** The progress summary (R18). */
export const report = {
  report: {
    heading: (from: string, to: string) => `Status for perioden ${from} – ${to}`,
    meetings: (n: number) => `Møder holdt: ${n}`,
    /** R13: a meeting held, marked when its agenda went out late or not at all. */
    meetingLine: (kind: string, when: string, agenda: 'in-time' | 'late' | 'not-sent') =>
      `- ${kind} ${when}${agenda === 'late' ? ' (dagsorden udsendt for sent)' : agenda === 'not-sent' ? ' (dagsorden ikke udsendt)' : ''}`,
    votes: (n: number) => `Afstemninger: ${n}`,
    voteLine: (day: string, text: string, outcome: string) => `- ${day}: »${text}« – ${outcome}`,
    reversed: (from: string, to: string) => `Perioden er vendt om: slutdatoen ${to} ligger før startdatoen ${from}. Skriv den tidligste dato først, fx status 01-01-2026 31-12-2026.`,
    conclusions: (n: number) => `Afgjort ved konsensus: ${n}`,
    conclusionLine: (day: string, label: string, text: string) => `- ${day}: Punkt ${label} – ${text}`,
    /** A decision's day, with its meeting's time when the report holds another meeting that day (PRODUCT §1.3). */
    dayAtMeeting: (day: string, time: string) => `${day} (mødet kl. ${time})`,
    /** The same, decided on another day than its meeting's: the meeting's day and time. */
    dayOfMeeting: (day: string, meeting: string) => `${day} (mødet ${meeting})`,
    lateAgendas: (n: number) => `Dagsordener udsendt for sent: ${n}`,
    notSentAgendas: (n: number) => `Dagsordener ikke udsendt: ${n}`,
    /** R18: decisions of the period that the chair has since reopened (genoptag); not counted above. */
    reopened: (n: number) => `Genoptaget, gælder ikke længere: ${n}`,
    reopenedMark: (when: string) => ` (genoptaget ${when})`,
    none: '- Ingen',
  },

  refusal: {
    'bad-period': 'Angiv en periode med to datoer, fx status 01-01-2026 31-12-2026.',
  },

  examples: {
    report: 'Skriv fx: status 01-01-2026 31-12-2026',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    report: { words: ['status'], usage: [{ args: '[<fra> <til>]', text: 'bestyrelsens beslutninger i en periode (uden datoer: i år indtil i dag), fx status 01-01-2026 31-12-2026' }] },
  },
};
