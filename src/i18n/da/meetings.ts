/** Meetings (R9, R11), their agendas (R12–R15) and the reminders about them. */
export const meetings = {
  meeting: {
    kind: { ordinary: 'Ordinært møde', extraordinary: 'Ekstraordinært møde' },
    kindLower: { ordinary: 'ordinært møde', extraordinary: 'ekstraordinært møde' },
    planned: (kind: string, when: string, deadline: string) =>
      `${kind} er planlagt ${when}. Dagsordenen udsendes senest ${deadline}.`,
    plannedLate: (kind: string, when: string) =>
      `${kind} er indkaldt ${when}. Fristen for dagsordenen er overskredet, så den udsendes nu og mærkes «Udsendt for sent».`,
    subject: (subject: string) => `Emne: ${subject}`,
    place: (place: string) => `Sted: ${place}`,
    none: 'Der er ingen planlagte møder.',
    upcomingHeading: 'Kommende møder:',
    upcomingLine: (kind: string, when: string, agenda: string) => `- ${kind} ${when} – ${agenda}`,
    agendaDue: (deadline: string) => `dagsorden senest ${deadline}`,
    agendaSent: (at: string) => `dagsorden udsendt ${at}`,
    agendaSentLate: (at: string) => `dagsorden udsendt for sent ${at}`,
    noCurrent: 'Der er intet kommende møde. Formandskabet eller sekretæren planlægger et med «møde <dato> <tid>».',
    noMeetingOn: (date: string) => `Der er intet møde ${date}.`,
    cancelled: (kind: string, when: string) => `${kind} ${when} er aflyst.`,
  },

  agenda: {
    title: 'Dagsorden',
    heading: (kind: string, when: string) => `${kind} ${when}`,
    kind: { decision: 'til beslutning', information: 'til orientering', discussion: 'til drøftelse' },
    standing: {
      'approve-agenda': 'Godkendelse af dagsorden',
      'approve-minutes': 'Godkendelse af referat fra sidste møde',
      economy: 'Økonomi',
      'lbf-follow-up': 'Årlig opfølgning på indikatorer i LBF-portalen og målopfyldelse i den strategiske aftale',
      'next-year-dates': 'Mødedatoer for det kommende år',
      'any-other-business': 'Eventuelt',
    },
    itemLine: (n: number, title: string, kind: string) => `${n}. ${title} (${kind})`,
    attachment: 'Bilag',
    late: 'Udsendt for sent',
    lateNote: (deadline: string) => `Fristen for udsendelse var ${deadline}.`,
    sentAt: (at: string) => `Udsendt ${at}.`,
    draft: 'Udkast – ikke udsendt endnu.',
    deadline: (at: string) => `Udsendes senest ${at}.`,
    sendButton: 'Udsend dagsorden',
    itemAdded: (n: number, title: string, kind: string, when: string) => `Punkt ${n} «${title}» (${kind}) er sat på dagsordenen for mødet ${when}.`,
    attachmentAdded: (n: number, title: string) => `Bilaget er tilføjet punkt ${n} «${title}».`,
    alreadySent: 'Dagsordenen er allerede udsendt.',
    sent: 'Dagsordenen er udsendt i bestyrelsens kanal.',
  },

  refusal: {
    'empty-subject': 'Angiv mødets emne.',
    'subject-too-long': 'Emnet er for langt (højst 300 tegn).',
    'meeting-exists': 'Der er allerede planlagt et møde på det tidspunkt.',
    'no-meeting': 'Der er intet kommende møde at sætte punkter på. Planlæg først et møde med «møde <dato> <tid>».',
    'empty-title': 'Angiv punktets titel.',
    'title-too-long': 'Titlen er for lang (højst 300 tegn).',
    'bad-url': 'Bilaget skal være et link, der begynder med https://.',
    'bad-item-number': 'Angiv punktets nummer, fx 4.',
    'standing-item': 'Bilag kan kun knyttes til punkter, der er sat på dagsordenen med «punkt».',
    'not-for-decision': (n: number) => `Punkt ${n} er ikke til beslutning, så der kan ikke stemmes om det. Sæt punktet på som «beslutning», eller stem om et forslag med «afstemning <forslag>».`,
    'unknown-item': (n: number) => `Der er intet punkt ${n} på dagsordenen for det aktuelle møde. Intet er ændret.`,
    'unknown-meeting': 'Jeg kan ikke finde det møde. Intet er ændret.',
    'meeting-cancelled': 'Mødet er aflyst.',
  },

  examples: {
    meeting: 'Skriv fx: møde 10-12-2026 14:00',
    extraordinary: 'Skriv fx: ekstraordinært møde 10-12-2026 14:00 Budgetopfølgning',
    item: 'Skriv fx: punkt Ny delaftale om beskæftigelse beslutning',
    attach: 'Skriv fx: bilag 4 https://intranet.example.dk/budget.pdf Budget 2027',
    agenda: 'Skriv fx: dagsorden 10-12-2026',
    cancel: 'Skriv fx: aflys møde 10-12-2026',
  },

  reminder: {
    agenda: (when: string, deadline: string) =>
      `Påmindelse: Dagsordenen til mødet ${when} skal udsendes senest ${deadline}. Tilføj punkter med «punkt <titel> [beslutning|orientering|drøftelse]» og bilag med «bilag <punktnr> <url>».`,
    dayBefore: (kind: string, when: string) => `Påmindelse: ${kind} i morgen, ${when}. Dagsordenen står herover.`,
    dayBeforeNoThread: (kind: string, when: string) => `Påmindelse: ${kind} i morgen, ${when}. Dagsordenen følger her.`,
  },
};
