/** Meetings (R9, R11). */
export const meetings = {
  meeting: {
    kind: { ordinary: 'Ordinært møde', extraordinary: 'Ekstraordinært møde' },
    kindLower: { ordinary: 'ordinært møde', extraordinary: 'ekstraordinært møde' },
    planned: (kind: string, when: string, deadline: string) =>
      `${kind} er planlagt ${when}. Dagsordenen udsendes senest ${deadline}.`,
    plannedLate: (kind: string, when: string) =>
      `${kind} er indkaldt ${when}. Fristen for dagsordenen er overskredet, så den udsendes nu og mærkes »Udsendt for sent«.`,
    subject: (subject: string) => `Emne: ${subject}`,
    place: (place: string) => `Sted: ${place}`,
    placeLink: 'Mødelink',
    none: 'Der er ingen planlagte møder.',
    upcomingHeading: 'Kommende møder:',
    upcomingLine: (kind: string, when: string, agenda: string) => `- ${kind} ${when} – ${agenda}`,
    agendaDue: (deadline: string) => `dagsorden senest ${deadline}`,
    agendaSent: (at: string) => `dagsorden udsendt ${at}`,
    agendaSentLate: (at: string) => `dagsorden udsendt for sent ${at}`,
    noCurrent: 'Der er intet kommende møde. Formandskabet eller sekretæren planlægger et med »møde <dato> <tid>«.',
    /** No meeting today or ahead, after one held (`when`): the command's form with that meeting's date (`example`, from namedExample). */
    noCurrentHeld: (when: string, example: string) =>
      `Der er intet kommende møde. Gælder det mødet ${when}, så skriv dets dato: »${example}«. Et nyt møde planlægger formandskabet eller sekretæren med »møde <dato> <tid>«.`,
    noMeetingOn: (date: string) => `Der er intet møde ${date}.`,
    /** A meeting's time as a list of a day's meetings names it (`clock`: "15.00"). */
    atClock: (clock: string) => `kl. ${clock}`,
    /** `[dato]` alone names a day with several meetings (PRODUCT §1.2–§1.5): they are listed, and how to name one shown. */
    severalOn: (count: string, day: string, times: string, example: string) => `Der er ${count} møder ${day}: ${times}. Angiv tidspunktet, fx: ${example}. Intet er ændret.`,
    /** A time the clocks skip that night, put forward to summer time (`clock`: "02.30", `day`: "søndag den 28. marts 2027"). */
    nonexistentTime: (clock: string, day: string) => `Klokken ${clock} findes ikke ${day}, fordi uret stilles frem til sommertid. Vælg et andet tidspunkt. Intet er ændret.`,
    /** `[dato tid]` names no meeting: the day's meetings, if any. */
    noMeetingAt: (when: string, count: number, times: string) => `Der er intet møde ${when}. Den dag er der ${count === 1 ? 'møde' : 'møder'} ${times}. Intet er ændret.`,
    /** How each command names one of a day's meetings (`on`: "20-11-2026 15:00"). */
    namedExample: {
      item: (on: string) => `punkt ${on} <titel>`,
      attach: (on: string) => `bilag ${on} <punktnr> <url>`,
      agenda: (on: string) => `dagsorden ${on}`,
      vote: (on: string) => `afstemning ${on} <punktnr>`,
      conclude: (on: string) => `konklusion ${on} <punktnr> <tekst>`,
      reopen: (on: string) => `genoptag ${on} <punktnr>`,
      minutes: (on: string) => `referat ${on}`,
      'correct-minutes': (on: string) => `ret referat ${on} <tekst>`,
      'append-minutes': (on: string) => `tilføj referat ${on} <tekst>`,
      attendee: (on: string) => `deltager ${on} <navn>`,
      'remove-attendee': (on: string) => `fjern deltager ${on} <navn>`,
      'cancel-meeting': (on: string) => `aflys møde ${on}`,
      'move-meeting': (on: string) => `flyt møde ${on} til <ny dato> [tid]`,
      apologies: (on: string) => `afbud ${on}`,
      'withdraw-apologies': (on: string) => `fjern afbud ${on}`,
    },
    /** A second meeting at a planned meeting's time: the one planned, named (`kind` lower case). */
    exists: (kind: string, when: string) => `Der er allerede planlagt et ${kind} ${when}. Intet er ændret.`,
    cancelled: (kind: string, when: string) => `${kind} ${when} er aflyst.`,
    /** `flyt moede`: the notice to the board (`kind` as a sentence begins it). */
    moved: (kind: string, from: string, to: string) => `${kind} ${from} er flyttet til ${to}.`,
    movedAgendaDue: (deadline: string) => `Dagsordenen udsendes senest ${deadline}.`,
    movedAgendaLate: 'Fristen for dagsordenen er overskredet, så den udsendes nu og mærkes »Udsendt for sent«.',
    movedAgendaSent: 'Den udsendte dagsorden gælder fortsat og viser nu det nye tidspunkt.',
    movedApologies: (on: string) => `Afbud til den oprindelige dag er annulleret. Kan du ikke komme på den nye dag, så meld afbud igen med »afbud ${on}«.`,
    updateCalendar: 'Opdatér kalenderen',
    /** Words after the meeting's date (and time) that `aflys moede` and `flyt moede` do not take. */
    notUnderstood: (text: string) => `»${text}« kan ikke læses som dato eller tidspunkt. Intet er ændret.`,
    /** `flyt moede`, `aflys moede`: a time as typed that does not read (as `moede` reads times). */
    badTime: (text: string) => `»${text}« kan ikke læses som tidspunkt. Brug fx 14:00, 14.00 eller kl. 14. Intet er ændret.`,
    /** The answer to `flyt moede` / `aflys moede` given outside the board's channel (a 1:1 chat). */
    /** `told`: the board is bound, and the notice went to its channel. */
    movedElsewhere: (kind: string, when: string, told: boolean) => `${kind} er flyttet til ${when}.${told ? ' Bestyrelsen har fået besked i kanalen.' : ''}`,
    cancelledElsewhere: (kind: string, when: string, told: boolean) => `${kind} ${when} er aflyst.${told ? ' Bestyrelsen har fået besked i kanalen.' : ''}`,
    /** The items put on a cancelled meeting's agenda (`punkt`): they go with it; each line says how to put it on another. */
    itemDropped: 'Dette punkt stod på mødets dagsorden. Skal det stadig behandles, sættes det på et andet møde sådan:',
    itemsDropped: 'Disse punkter stod på mødets dagsorden. Skal de stadig behandles, sættes de på et andet møde sådan:',
    droppedCommand: (title: string, kind: string) => `punkt <dato> ${title} ${kind}`,
    droppedLine: (command: string, links: string) => `- »${command}«${links ? `, bilag: ${links}` : ''}`,
    droppedAttachments: 'Bilagene knyttes til igen med »bilag <dato> <punktnr> <url> [titel]«.',
    /** An attachment without a title, in that list. */
    attachmentNumber: (n: number) => `bilag ${n}`,
  },

  refusal: {
    'missing-time': 'Angiv mødets tidspunkt.',
    'empty-subject': 'Angiv mødets emne.',
    'subject-too-long': 'Emnet er for langt (højst 300 tegn). Forkort det, og prøv igen.',
    'place-too-long': 'Stedet er for langt (højst 200 tegn). Forkort det, og prøv igen.',
    'meeting-exists': 'Der er allerede planlagt et møde på det tidspunkt. Intet er ændret.',
    'no-meeting': 'Der er intet kommende møde at sætte punkter på. Planlæg først et møde med »møde <dato> <tid>«.',
    'unknown-meeting': 'Jeg kan ikke finde det møde. Intet er ændret.',
    'meeting-cancelled': 'Mødet er aflyst. Intet er ændret.',
    'meeting-record-begun': 'Mødets fremmøde eller konklusioner er allerede registreret, så det kan ikke aflyses. Intet er ændret.',
    /** `aflys moede` after the meeting's day (R16). */
    'meeting-day-over': 'Mødedagen er forbi, så mødet står som afholdt og kan ikke længere aflyses. Intet er ændret.',
    /** `aflys moede` after its start, on its day, with people recorded as present (R16): taken off, it may be cancelled. */
    'meeting-attendance-recorded': 'Der er registreret deltagere i mødet, så det står som afholdt og kan ikke aflyses. Blev mødet ikke holdt, fjerner sekretæren først deltagerne med »fjern deltager <navn>«; derefter kan det aflyses. Intet er ændret.',
    /** `aflys moede` after its start, on its day, with a task, vote, conclusion or minutes given at it (R16). */
    'meeting-held-record': 'Der er allerede givet opgaver, stemt, konkluderet eller skrevet referat på mødet, og det hører til mødets referat. Mødet står derfor som afholdt og kan ikke aflyses. Skriv i referatet, hvad der skete, med »referat« og »tilføj referat <tekst>«. Intet er ændret.',
    'meeting-begun-move': 'Et møde, der er begyndt eller afholdt, kan ikke flyttes. Intet er ændret.',
    'meeting-day-move': 'På mødedagen kan mødet kun flyttes til et andet tidspunkt samme dag: det, der allerede er sket i dag, hører til dets referat. Intet er ændret.',
    'missing-new-date': 'Angiv mødets nye dato efter »til«.',
    'same-time': 'Mødet ligger allerede på det tidspunkt. Intet er ændret.',
    'sent-agenda-other-year': 'Dagsordenen til mødet er udsendt, så mødet kan ikke flyttes til et andet år. Aflys det, og planlæg et nyt møde. Intet er ændret.',
  },

  examples: {
    meeting: 'Skriv fx: møde 10-12-2026 14:00',
    extraordinary: 'Skriv fx: ekstraordinært møde 10-12-2026 14:00 Budgetopfølgning',
    cancel: 'Skriv fx: aflys møde 10-12-2026',
    move: 'Skriv fx: flyt møde 10-12-2026 til 15-12-2026 14:00',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    meeting: { words: ['møde'], usage: [{ args: '<dato> <tid>', text: 'planlæg et ordinært møde, fx møde 10-12-2026 14:00' }], manifest: 'Planlæg et ordinært møde: møde <dato> <tid> – formandskab og sekretær' },
    extraordinary: { words: ['ekstraordinært møde'], usage: [{ args: '<dato> <tid> <emne>', text: 'indkald til et ekstraordinært møde' }] },
    meetings: { words: ['møder'], usage: [{ text: 'kommende møder og frister for dagsordenen' }], manifest: 'Vis de kommende møder og fristerne for dagsordenen' },
    'cancel-meeting': { words: ['aflys møde'], usage: [{ args: '<dato>', text: 'aflys et møde' }] },
    'move-meeting': { words: ['flyt møde'], usage: [{ args: '<dato> [tid] til <ny dato> [tid]', text: 'flyt et møde; dagsorden og punkter følger med' }] },
  },
};
