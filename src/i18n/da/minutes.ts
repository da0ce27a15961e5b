/** Minutes (R16). */
export const minutes = {
  minutes: {
    title: 'Referat',
    heading: (kind: string, when: string) => `Referat – ${kind} ${when}`,
    /** The meeting in a download's head (the Word document's line under »Referat«). */
    meeting: (kind: string, when: string) => `${kind} ${when}`,
    lateAgenda: (when: string) => `Dagsordenen blev udsendt for sent (${when}).`,
    /** R13: a meeting held whose agenda never went out (the bot was down across its deadline and its start). */
    agendaNotSent: 'Dagsordenen blev ikke udsendt.',
    attendance: 'Til stede',
    organisations: (list: string) => `Organisationer: ${list}.`,
    people: (list: string) => `Deltagere: ${list}.`,
    others: (list: string) => `Øvrige: ${list}.`,
    apologiesHeading: 'Afbud',
    nobody: 'Ingen registreret.',
    nothing: 'Intet noteret.',
    conclusion: (text: string) => `Konklusion: ${text}`,
    decided: 'Afgjort uden indsigelser.',
    /** Settled on another day than the meeting's (an objection window, a deadline): when. */
    decidedOn: (when: string) => `Afgjort uden indsigelser ${when}.`,
    closedOn: (when: string) => `Afstemningen blev afsluttet ${when}.`,
    objected: (names: string) => `Indsigelse fra ${names}.`,
    objectionReason: (name: string) => `Begrundelse for indsigelsen fra ${name}:`,
    sentToVote: 'Sat til afstemning.',
    pending: 'Åben for indsigelser.',
    reopened: (when: string) => `Punktet blev genoptaget ${when}; afgørelsen ovenfor gælder ikke længere.`,
    vote: (text: string) => `Afstemning: ${text}`,
    orgVote: (org: string, choice: string, by: string) => `- ${org}: ${choice} (${by})`,
    notVoted: (orgs: string) => `- Har ikke stemt: ${orgs}`,
    voteOpen: 'Afstemningen var ikke lukket, da referatet blev skrevet.',
    otherVotes: 'Øvrige afstemninger',
    /** R16: what was decided since the previous meeting on a day without a meeting, or on an item of a meeting cancelled. */
    decisionsBetween: 'Mellem møderne',
    /** In that section, before the decisions on the items of a meeting that was cancelled. */
    cancelledMeeting: (when: string) => `Fra dagsordenen til det aflyste møde ${when}:`,
    /** A conclusion in that section: it names its item. */
    conclusionOnItem: (label: string, text: string) => `Konklusion (punkt ${label}): ${text}`,
    /** A vote in that section still open when the minutes were drafted: when it was opened. */
    voteOpenSince: (when: string) => `Afstemningen blev åbnet ${when} og var ikke lukket, da referatet blev skrevet.`,
    dissentBy: (name: string, org: string) => `Særstandpunkt fra ${name} (${org}):`,
    draft: (when: string) => `Udkast, senest ændret ${when}.`,
    approved: (when: string, by: string) => `Godkendt ${when} (${by}).`,
    byConsent: 'af bestyrelsen ved konsensus',
    byVote: 'af bestyrelsen ved afstemning',
    /** R16: approved by the board's decision on the standing item, told in the channel. */
    approvedNotice: (when: string, by: string) => `Referatet af mødet ${when} er godkendt ${by}.`,
    alreadyApproved: (when: string) => `Referatet af mødet ${when} var allerede godkendt. Intet er ændret.`,
    /** R16, R8: on the card of a corrected draft whose meeting's record has changed since. */
    behindCard: 'Der er registreret ændringer, efter at referatet blev rettet. Det kan først godkendes, når sekretæren har rettet det igen.',
    behindNotice: (when: string, date: string) =>
      `Der er registreret ændringer ved mødet ${when}, efter at sekretæren rettede referatet. Sekretæren skal indarbejde dem, før referatet kan godkendes: »tilføj referat ${date} <tekst>« føjer tekst til, og »ret referat ${date} <tekst>« erstatter hele teksten.`,
    /** R16, R8: the record changed after the minutes were approved (a late dissent). */
    changedAfterApproval: (when: string, date: string) =>
      `Der er registreret ændringer ved mødet ${when}, efter at referatet blev godkendt. Et godkendt referat ændres ikke; sekretæren kan indføre ændringerne i en ny version, der skal godkendes: »tilføj referat ${date} <tekst>« føjer tekst til det godkendte referat, og »ret referat ${date} <tekst>« erstatter hele teksten.`,
    notApprovedBehind: (when: string, date: string) =>
      `Referatet af mødet ${when} er ikke godkendt: der er registreret ændringer, efter at sekretæren rettede det. Sekretæren indarbejder dem med »tilføj referat ${date} <tekst>« eller »ret referat ${date} <tekst>«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.`,
    notDrafted: (when: string, date: string) =>
      `Der er endnu intet referat af mødet ${when}, så det er ikke godkendt. Sekretæren skriver »referat ${date}«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.`,
    corrects: (version: number) => `Rettelse til referatet (version ${version}).`,
    approve: 'Godkend referat',
    download: 'Hent som Markdown-fil',
    /** A version's Markdown file: the stem is the date, its time when the day has another meeting, and the version above 1 (2026-12-03-1500-v2). */
    fileName: (stem: string) => `referat-${stem}.md`,
    approvableFrom: (when: string) => `Referatet kan godkendes fra ${when}, når fristen for indsigelser er udløbet.`,
    /** *Godkend referat* on a card showing a version the secretary has corrected since. */
    newerVersion: 'Referatet er rettet, siden dette kort blev vist. Læs den gældende udgave på referatkortet i kanalen, og godkend den dér. Intet er ændret.',
    /** *Godkend referat* on a card showing a draft the bot has brought up to date from the record since (not corrected by anyone). */
    newerFromRecord: 'Referatet er opdateret med det, der er sket, siden dette kort blev vist. Læs den gældende udgave på referatkortet i kanalen, og godkend den dér. Intet er ændret.',
    outdated: (when: string) => `Referatet er opdateret med det, der er sket, siden udkastet blev skrevet. Læs det igen. Det kan godkendes fra ${when}, når fristen for indsigelser er udløbet.`,
    /** `referat` by anyone but the secretary, who reads them: none drafted yet, or no meeting held. */
    notDraftedToRead: (when: string) => `Der er endnu intet referat af mødet ${when}. Sekretæren skriver det.`,
    noHeldMeetingToRead: 'Der er endnu intet afholdt møde med et referat.',
    corrected: (when: string) => `Referatet af mødet ${when} er rettet.`,
    correctedNew: (when: string) => `Referatet af mødet ${when} var godkendt og ændres ikke. Rettelsen er gemt som en ny version, der skal godkendes.`,
    /** `ret referat <dato>` / `tilføj referat <dato>` for a meeting whose minutes are not drafted yet. */
    noMinutesOn: (on: string) => `Der er endnu intet referat af mødet den ${on}. Skriv »referat ${on}« først. Intet er ændret.`,
    /** `tilføj referat`: the text is added at the end. */
    appended: (when: string) => `Teksten er føjet til referatet af mødet ${when}.`,
    appendedNew: (when: string) =>
      `Referatet af mødet ${when} var godkendt og ændres ikke. Teksten er føjet til i en ny version af referatet, der skal godkendes.`,
    attendeeAdded: (name: string, when: string) => `${name} er tilføjet som deltager i mødet ${when}.`,
    otherAttendeeAdded: (name: string, when: string) => `${name} er ikke i bestyrelsen og er tilføjet som øvrig deltager i mødet ${when}.`,
    alreadyAttending: (name: string, when: string) => `${name} er allerede registreret som deltager i mødet ${when}. Intet er ændret.`,
  },

  refusal: {
    'meeting-not-held': 'Mødet er ikke holdt endnu.',
    'no-held-meeting': 'Der er intet afholdt møde at skrive referat af.',
    'empty-minutes': 'Skriv den rettede tekst efter kommandoen.',
    /** `tilføj referat` without a text, or before the minutes are drafted. */
    'empty-addition': 'Skriv den tekst, der skal føjes til referatet, efter kommandoen.',
    'no-minutes-to-add':
      'Der er intet referat af det seneste møde endnu. Skriv »referat« først. Vil du føje tekst til referatet af et tidligere møde, så skriv mødets dato først, fx »tilføj referat 11-03-2027 <tekst>«.',
    'no-minutes': 'Der er intet referat af det seneste møde endnu. Skriv »referat« først. Vil du rette referatet af et tidligere møde, så skriv mødets dato først, fx »ret referat 11-03-2027 <tekst>«.',
    'unknown-minutes': 'Jeg kan ikke finde det referat. Intet er ændret.',
    'minutes-approved': 'Referatet er godkendt og kan ikke ændres.',
    'objection-window-open': 'Fristen for indsigelser mod referatet er ikke udløbet endnu.',
    'record-changed': 'Referatet kan ikke godkendes endnu: der er registreret ændringer, efter at sekretæren rettede det. Sekretæren indarbejder dem med »tilføj referat <dato> <tekst>« eller »ret referat <dato> <tekst>«. Intet er ændret.',
    'minutes-outdated': 'Referatet var ikke længere i overensstemmelse med det, der er sket på mødet, og er bragt ajour. Læs det igen, før det godkendes.',
    'empty-name': 'Skriv deltagerens navn.',
    'name-too-long': 'Navnet er for langt (højst 200 tegn). Forkort det, og prøv igen.',
    'already-attending': 'Deltageren er allerede registreret. Intet er ændret.',
  },

  examples: {
    minutes: 'Skriv fx: referat 10-12-2026',
    correct: 'Skriv fx: ret referat <hele den rettede tekst>, eller for et tidligere møde: ret referat 11-03-2027 <tekst>',
    append: 'Skriv fx: tilføj referat 11-03-2027 Særstandpunkt fra <navn> (<organisation>): …',
    attendee: 'Skriv fx: deltager Gustav Grøn',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    minutes: { words: ['referat'], usage: [{ args: '[dato]', text: 'vis referatet af sidste møde (eller mødet på datoen); sekretæren skriver det ud fra det registrerede' }], manifest: 'Vis referatet af sidste møde (sekretæren skriver det)' },
    'correct-minutes': { words: ['ret referat', 'ret referatet'], usage: [{ args: '[dato] <tekst>', text: 'erstat referatets tekst med en rettet udgave (det seneste referat, eller mødet på datoen)' }] },
    'append-minutes': { words: ['tilføj referat', 'tilføj referatet'], usage: [{ args: '[dato] <tekst>', text: 'føj tekst til sidst i referatet, fx et sent særstandpunkt (et godkendt referat får en ny version, der skal godkendes)' }] },
    attendee: { words: ['deltager'], usage: [{ args: '[dato] <navn>', text: 'føj en deltager til dagens eller sidste afholdte møde (eller mødet på datoen)' }] },
  },
};
