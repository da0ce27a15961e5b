/** Danish: the board's language. Short, formal sentences; "I" to the board, "du" to one person. */
export const da = {
  choice: { for: 'For', against: 'Imod', abstain: 'Undlader' },
  /** Lower-case choice words as used in the outcome line ("4 for, 1 imod, 1 undlader"). */
  choiceWord: { for: 'for', against: 'imod', abstain: 'undlader' },
  roles: { member: 'medlem', chair: 'formandskab', secretary: 'sekretær', guest: 'gæst' },

  outcome: {
    adopted: 'Vedtaget',
    notAdopted: 'Ikke vedtaget',
    /** The announcement's first line: PRODUCT §1.4, exactly. */
    line: (adopted: boolean, f: number, a: number, ab: number) =>
      `${adopted ? 'Vedtaget' : 'Ikke vedtaget'}: ${f} for, ${a} imod, ${ab} undlader`,
    motion: (text: string) => `Forslag: ${text}`,
    orgVote: (org: string, choice: string, by: string) => `${org}: ${choice} (afgivet af ${by})`,
    notVoted: (orgs: string) => `Har ikke stemt: ${orgs}`,
    allVoted: 'Alle organisationer har stemt.',
    majorityNote: { simple: 'Afgjort ved simpelt flertal.', absolute: 'Afgjort ved absolut flertal (mindst 4 af 6 for).' },
  },

  closeReason: {
    chair: (name: string) => `Lukket af formandskabet (${name})`,
    'all-voted': 'Lukket, da alle organisationer havde stemt',
    deadline: 'Lukket ved fristens udløb',
  },

  voteCard: {
    title: 'Afstemning',
    openUntil: (when: string) => `Åben til ${when}`,
    closedAt: (reason: string, when: string) => `${reason} ${when}.`,
    notVoted: 'Har ikke stemt',
    castBy: (name: string) => `afgivet af ${name}`,
    counts: (f: number, a: number, ab: number, missing: number) =>
      `For: ${f} · Imod: ${a} · Undlader: ${ab} · Mangler: ${missing}`,
    oneVoteEach: 'Én stemme pr. organisation. Et medlem kan ændre organisationens stemme, så længe afstemningen er åben. Den sidst afgivne stemme tæller.',
    close: 'Luk afstemning',
  },

  refusal: {
    stranger: 'Du står ikke på bestyrelsens liste, så jeg kan ikke tage imod dette fra dig. Kontakt sekretæren, hvis det er en fejl.',
    'foreign-tenant': 'Denne bot betjener kun bestyrelsens egen organisation. Henvendelsen er afvist.',
    'not-chair': 'Det er kun formandskabet, der kan det.',
    'not-chair-open': 'Det er kun formandskabet, der kan åbne en afstemning.',
    'not-chair-close': 'Det er kun formandskabet, der kan lukke afstemningen.',
    'not-chair-or-secretary': 'Det er kun formandskabet og sekretæren, der kan det.',
    'secretary-cannot-vote': 'Sekretæren betjener bestyrelsen, men stemmer ikke. Din stemme er ikke registreret.',
    'guest-cannot-vote': 'Gæster deltager uden stemmeret. Din stemme er ikke registreret.',
    'not-a-member': 'Du er ikke medlem for en organisation i bestyrelsen, så du kan ikke stemme.',
    'vote-closed': 'Afstemningen er lukket. Der kan ikke længere stemmes.',
    'invalid-choice': 'Stemmen skal være For, Imod eller Undlader. Intet er ændret.',
    'unknown-motion': 'Jeg kan ikke finde den afstemning. Intet er ændret.',
    'malformed-data': 'Handlingen kunne ikke læses. Intet er ændret.',
    'unknown-action': 'Den handling kender jeg ikke. Intet er ændret.',
    'empty-motion': 'Skriv forslaget efter kommandoen, fx: afstemning Bestyrelsen godkender budgettet for 2027',
    'motion-too-long': 'Forslaget er for langt (højst 1000 tegn). Forkort det, og prøv igen.',
    'not-bound': 'Bestyrelsen er endnu ikke knyttet til en kanal. Formandskabet eller sekretæren skriver «@Bestyrelsesbot brug denne kanal» i bestyrelsens kanal.',
    'channel-only': 'Skriv kommandoen i den kanal, som bestyrelsen skal bruge.',
    'unknown-item': (n: number) => `Der er intet punkt ${n} på dagsordenen for det aktuelle møde. Intet er ændret.`,
    'error': 'Der skete en fejl hos mig. Intet er ændret. Prøv igen om lidt.',
    'bad-date': 'Datoen kan ikke læses. Brug fx 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 eller 10/12.',
    'impossible-date': 'Den dato findes ikke. Brug fx 10-12-2026.',
    'bad-time': 'Tidspunktet kan ikke læses. Brug fx 14:00, 14.00 eller kl. 14.',
    'in-past': 'Tidspunktet er allerede passeret. Vælg et tidspunkt i fremtiden.',
    'missing-date': 'Angiv en dato.',
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
    'already-supported': 'Du har allerede støttet anmodningen.',
    'unknown-petition': 'Jeg kan ikke finde den anmodning. Intet er ændret.',
    'unknown-meeting': 'Jeg kan ikke finde det møde. Intet er ændret.',
    'meeting-cancelled': 'Mødet er aflyst.',
  },

  unknownCommand: (text: string) => `Jeg forstod ikke «${text}». Skriv «hjælp» for at se, hvad jeg kan.`,

  bind: {
    welcome: (board: string) => `Goddag. Jeg er bestyrelsens bot for ${board}, og jeg bruger fremover denne kanal.`,
    organisations: 'Organisationerne (én stemme hver):',
    chairedBy: (names: string) => `Formandskab: ${names}.`,
    secretary: (names: string) => `Sekretær: ${names}.`,
    helpHint: 'Skriv «@Bestyrelsesbot hjælp» for at se kommandoerne.',
    alreadyBound: 'Bestyrelsen bruger allerede denne kanal.',
    rebound: 'Bestyrelsen bruger nu denne kanal.',
  },

  board: {
    heading: (name: string) => `${name}`,
    organisations: 'Organisationer (én stemme hver, i alt seks):',
    organisationLine: (id: string, name: string, people: string) => `${id} – ${name}: ${people}`,
    nobody: 'ingen',
    chair: (names: string) => `Formandskab: ${names}`,
    secretary: (names: string) => `Sekretær: ${names}`,
    guests: (names: string) => `Gæster: ${names}`,
    majority: { simple: 'Afstemninger afgøres ved simpelt flertal.', absolute: 'Afstemninger afgøres ved absolut flertal.' },
    you: (name: string, role: string) => `Du er registreret som ${name} (${role}).`,
  },

  help: {
    heading: 'Det kan du skrive til mig (i kanalen efter @Bestyrelsesbot):',
    everyone: [
      '«hjælp» – denne oversigt',
      '«bestyrelse» – organisationer, medlemmer og formandskab',
      '«møder» – kommende møder og frister for dagsordenen',
      '«dagsorden [dato]» – dagsordenen for næste møde eller mødet på datoen',
    ],
    member: [
      'Stem med knapperne For, Imod og Undlader på afstemningskortet.',
      '«anmod om ekstraordinært møde <emne>» – bed om et ekstraordinært møde; det holdes, når et flertal støtter',
    ],
    chair: [
      '«afstemning <forslag>» – åbn en afstemning om et forslag',
      '«afstemning <punktnr>» – åbn en afstemning om et punkt til beslutning',
      '«Luk afstemning» på kortet – luk afstemningen og offentliggør resultatet',
    ],
    prepare: [
      '«møde <dato> <tid>» – planlæg et ordinært møde, fx møde 10-12-2026 14:00',
      '«ekstraordinært møde <dato> <tid> <emne>» – indkald til et ekstraordinært møde',
      '«aflys møde <dato>» – aflys et møde',
      '«punkt <titel> [beslutning|orientering|drøftelse]» – sæt et punkt på dagsordenen',
      '«bilag <punktnr> <url> [titel]» – knyt et bilag til et punkt',
      '«udsend dagsorden» – udsend dagsordenen nu i stedet for ved fristen',
      '«brug denne kanal» – knyt bestyrelsen til denne kanal',
    ],
    guest: ['Som gæst kan du følge med, men ikke stemme.'],
    secretaryNote: ['Som sekretær stemmer du ikke.'],
  },

  vote: {
    openedElsewhere: 'Afstemningen er åbnet i bestyrelsens kanal.',
  },

  meeting: {
    kind: { ordinary: 'Ordinært møde', extraordinary: 'Ekstraordinært møde' },
    kindLower: { ordinary: 'ordinært møde', extraordinary: 'ekstraordinært møde' },
    planned: (kind: string, when: string, deadline: string) =>
      `${kind} er planlagt ${when}. Dagsordenen udsendes senest ${deadline}.`,
    plannedLate: (kind: string, when: string) =>
      `${kind} er indkaldt ${when}. Fristen for dagsordenen er overskredet, så den udsendes nu og mærkes «Udsendt for sent».`,
    subject: (subject: string) => `Emne: ${subject}`,
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

  petition: {
    title: 'Anmodning om ekstraordinært møde',
    subject: (s: string) => `Emne: ${s}`,
    askedBy: (name: string) => `Anmodet af ${name}.`,
    explain: (needed: number, total: number) =>
      `Et ekstraordinært møde holdes, når et flertal af medlemmerne ønsker det: mindst ${needed} af ${total}. Tryk «Støt», hvis du støtter anmodningen.`,
    support: 'Støt',
    supporters: (n: number, total: number) => `${n} af ${total} medlemmer støtter.`,
    supporterNames: (names: string) => `Støttet af: ${names}.`,
    majority: 'Flertal opnået.',
    announcement: (n: number, total: number, subject: string) =>
      `Et flertal af bestyrelsens medlemmer (${n} af ${total}) kræver et ekstraordinært møde om «${subject}».`,
    askChair: (names: string) =>
      `${names}: fastsæt venligst tidspunktet med «ekstraordinært møde <dato> <tid> <emne>».`,
  },

  reminder: {
    agenda: (when: string, deadline: string) =>
      `Påmindelse: Dagsordenen til mødet ${when} skal udsendes senest ${deadline}. Tilføj punkter med «punkt <titel> [beslutning|orientering|drøftelse]» og bilag med «bilag <punktnr> <url>».`,
    dayBefore: (kind: string, when: string) => `Påmindelse: ${kind} i morgen, ${when}. Dagsordenen står herover.`,
    dayBeforeNoThread: (kind: string, when: string) => `Påmindelse: ${kind} i morgen, ${when}. Dagsordenen følger her.`,
    datePlanning: (year: number) =>
      `Påmindelse: Mødedatoerne for ${year} er ikke fastlagt. De aftales på årets sidste møde. Planlæg dem med «møde <dato> <tid>».`,
  },

  examples: {
    meeting: 'Skriv fx: møde 10-12-2026 14:00',
    extraordinary: 'Skriv fx: ekstraordinært møde 10-12-2026 14:00 Budgetopfølgning',
    item: 'Skriv fx: punkt Ny delaftale om beskæftigelse beslutning',
    attach: 'Skriv fx: bilag 4 https://intranet.example.dk/budget.pdf Budget 2027',
    petition: 'Skriv fx: anmod om ekstraordinært møde Budgetoverskridelse i Korsør',
    agenda: 'Skriv fx: dagsorden 10-12-2026',
    cancel: 'Skriv fx: aflys møde 10-12-2026',
  },

  date: {
    /** luxon format: "torsdag den 10. december 2026 kl. 14.00" */
    longDateTime: "cccc 'den' d. LLLL yyyy 'kl.' HH.mm",
    longDate: "cccc 'den' d. LLLL yyyy",
  },
};
