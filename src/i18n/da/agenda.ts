/** Agendas (R12–R15): items, attachments, sending, and the reminders about them. */
export const agenda = {
  agenda: {
    title: 'Dagsorden',
    heading: (kind: string, when: string) => `${kind} ${when}`,
    kind: { decision: 'til beslutning', information: 'til orientering', discussion: 'til drøftelse' },
    /** The last word of `punkt <titel> [beslutning|orientering|drøftelse]` that sets the kind. */
    kindWord: { decision: 'beslutning', information: 'orientering', discussion: 'drøftelse' },
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
    cancelled: 'Mødet er aflyst.',
    late: 'Udsendt for sent',
    lateNote: (deadline: string) => `Fristen for udsendelse var ${deadline}.`,
    sentAt: (at: string) => `Udsendt ${at}.`,
    draft: 'Udkast – ikke udsendt endnu.',
    deadline: (at: string) => `Udsendes senest ${at}.`,
    /** A draft whose deadline passed unsent (its meeting held while the bot was down). */
    notSent: (deadline: string) => `Ikke udsendt. Fristen for udsendelse var ${deadline}.`,
    sendButton: 'Udsend dagsorden',
    itemAdded: (n: number, title: string, kind: string, when: string) => `Punkt ${n} »${title}« (${kind}) er sat på dagsordenen til mødet ${when}.`,
    itemAddedLate: (n: number, title: string, kind: string, when: string) =>
      `Punkt ${n} »${title}« (${kind}) er tilføjet dagsordenen til mødet ${when} efter udsendelse. Den udsendte dagsorden er opdateret, og bestyrelsen har fået besked i dens tråd.`,
    attachmentAdded: (n: number, title: string, when: string) => `Bilaget er tilføjet punkt ${n} »${title}« på dagsordenen til mødet ${when}.`,
    attachmentAddedLate: (n: number, title: string, when: string) =>
      `Bilaget er tilføjet punkt ${n} »${title}« på dagsordenen til mødet ${when} efter udsendelse og er mærket »Tilføjet efter udsendelse«. Den udsendte dagsorden er opdateret, og bestyrelsen har fået besked i dens tråd.`,
    /** Under a sent agenda, when an attachment is added to it (`attachment`: its title, if it has one). */
    attachmentNotice: (n: number, title: string, attachment?: string) =>
      `${attachment ? `Bilaget »${attachment}«` : 'Et bilag'} er tilføjet punkt ${n} »${title}« efter udsendelse. Dagsordenen herover er opdateret.`,
    addedAfterSending: 'Tilføjet efter udsendelse',
    addedNotice: (n: number, title: string, kind: string) => `Punkt ${n} »${title}« (${kind}) er tilføjet dagsordenen efter udsendelse. Dagsordenen herover er opdateret.`,
    /** An item and its meeting, as a vote, a conclusion and an answer name them. */
    noSuchItem: (n: number, when: string) => `Der er intet punkt ${n} på dagsordenen til mødet ${when}. Intet er ændret.`,
    itemHeading: (n: number, title: string, when: string) => `Punkt ${n}. ${title} – dagsordenen til mødet ${when}`,
    /** An item of a draft agenda, whose numbers still move: by its title. */
    draftItemLabel: (title: string) => `»${title}«`,
    draftItemHeading: (title: string, when: string) => `Punkt »${title}« – dagsordenen til mødet ${when}`,
    decidedByConclusion: (heading: string, text: string, when: string, n: number) =>
      `${heading}: Punktet er allerede afgjort ${when} med konklusionen »${text}«. Formandskabet kan genoptage punktet med »genoptag ${n}«.`,
    decidedByVote: (heading: string, outcome: string, n: number) => `${heading}: Punktet er allerede afgjort ved afstemning: ${outcome}. Formandskabet kan genoptage punktet med »genoptag ${n}«.`,
    openVoteOnItem: (heading: string, motion: string) =>
      `${heading} har allerede en åben afstemning: »${motion}«. Der kan ikke åbnes en ny afstemning eller gives en konklusion på punktet, før den er lukket.`,
    openConclusionOnItem: (heading: string, text: string) =>
      `${heading} har allerede en åben konklusion: »${text}«. Der kan ikke gives en ny konklusion eller åbnes en afstemning på punktet, før den er afsluttet eller sat til afstemning.`,
    reopened: (heading: string) => `${heading} er genoptaget. Der kan nu træffes en ny beslutning om punktet; den tidligere står fortsat i referatet.`,
    alreadySent: 'Dagsordenen er allerede udsendt. Intet er ændret.',
    /** `udsend dagsorden` on an agenda that went out: the meeting named, and when it went out. */
    alreadySentFor: (when: string, sentOn: string) => `Dagsordenen til mødet ${when} er allerede udsendt ${sentOn}. Intet er ændret.`,
    sent: 'Dagsordenen er udsendt i bestyrelsens kanal.',
  },

  refusal: {
    'empty-title': 'Angiv punktets titel.',
    'agenda-after-meeting': 'Mødet er holdt, så dagsordenen udsendes ikke længere. Referatet siger, hvordan det gik med den. Intet er ændret.',
    'title-too-long': 'Titlen er for lang (højst 300 tegn). Forkort den, og prøv igen.',
    'agenda-meeting-held': 'Mødet er holdt, og dets dagsorden tager ikke flere punkter. Sæt punktet på et kommende møde. Intet er ændret.',
    'attachment-url-too-long': 'Linket er for langt (højst 2.000 tegn). Brug et kortere link, og prøv igen.',
    'attachment-title-too-long': 'Bilagets titel er for lang (højst 300 tegn). Forkort den, og prøv igen.',
    'bad-url': 'Bilaget skal være et link, der begynder med https://.',
    'bad-item-number': 'Angiv punktets nummer, fx 4.',
    'not-attachable': (n: number) => `Punkt ${n} sættes på dagsordenen af botten selv og kan ikke have bilag. Knyt bilaget til et andet punkt. Intet er ændret.`,
    'not-for-decision': (n: number, when?: string) => `Punkt ${n}${when ? ` på dagsordenen til mødet ${when}` : ''} er ikke til beslutning, så der kan ikke stemmes om det. Sæt punktet på som »beslutning«, eller stem om et forslag med »afstemning <forslag>«.`,
    'item-not-fixed': (n: number, when?: string) =>
      `Punkt ${n}${when ? ` på dagsordenen til mødet ${when}` : ''} sættes på af botten selv og får først sin faste plads, når dagsordenen udsendes. Det kan konkluderes eller sættes til afstemning derefter. Intet er ændret.`,
    'unknown-item': (n: number) => `Der er intet punkt ${n} på dagsordenen for det aktuelle møde. Intet er ændret.`,
    'minutes-approved-item': (n: number, when?: string) => `Punkt ${n}${when ? ` på dagsordenen til mødet ${when}` : ''} kan ikke genoptages: det referat, punktet godkendte, kan ikke ændres. Sekretæren kan rette det med »ret referat <dato> <tekst>«; rettelsen bliver en ny version, der skal godkendes. Intet er ændret.`,
    'not-decided': (n: number, when?: string) => `Punkt ${n}${when ? ` på dagsordenen til mødet ${when}` : ''} er ikke afgjort, så der er intet at genoptage. Intet er ændret.`,
  },

  examples: {
    item: 'Skriv fx: punkt Ny delaftale om beskæftigelse beslutning',
    reopen: 'Skriv fx: genoptag 5',
    attach: 'Skriv fx: bilag 4 https://intranet.example.dk/budget.pdf Budget 2027',
    agenda: 'Skriv fx: dagsorden 10-12-2026',
  },

  reminder: {
    agenda: (when: string, deadline: string) =>
      `Påmindelse: Dagsordenen til mødet ${when} skal udsendes senest ${deadline}. Tilføj punkter med »punkt <titel> [beslutning|orientering|drøftelse]« og bilag med »bilag <punktnr> <url>«.`,
    /** The meeting's day as the day-before reminder names it (R13: caught up on the meeting day, it is today). */
    day: { today: 'i dag', tomorrow: 'i morgen' },
    dayBefore: (kind: string, day: string, when: string) => `Påmindelse: ${kind} ${day}, ${when}. Dagsordenen står herover.`,
    dayBeforeNoThread: (kind: string, day: string, when: string) => `Påmindelse: ${kind} ${day}, ${when}. Dagsordenen følger her.`,
    /** Under the day-before reminder: who has sent apologies so far (R16). */
    apologies: (names: string) => `Afbud indtil nu: ${names}.`,
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    agenda: { words: ['dagsorden', 'dagsordenen'], usage: [{ args: '[dato]', text: 'dagsordenen for næste møde eller mødet på datoen' }], manifest: 'Vis dagsordenen for næste møde' },
    item: { words: ['punkt'], usage: [{ args: '[dato] <titel> [beslutning|orientering|drøftelse]', text: 'sæt et punkt på dagsordenen (næste møde, eller mødet på datoen)' }], manifest: 'Sæt et punkt på dagsordenen – formandskab og sekretær' },
    attach: { words: ['bilag'], usage: [{ args: '[dato] <punktnr> <url> [titel]', text: 'knyt et bilag til et punkt' }] },
    reopen: { words: ['genoptag'], usage: [{ args: '[dato] <punktnr>', text: 'genoptag et afgjort punkt, så der kan træffes en ny beslutning' }] },
    'send-agenda': { words: ['udsend dagsorden', 'udsend dagsordenen'], usage: [{ text: 'udsend dagsordenen nu i stedet for ved fristen' }] },
  },
};
