/** Shared by every feature: roles, the refusals of the turn itself, dates, the HTTP boundary and where the bot answers. */
export const common = {
  roles: { member: 'medlem', chair: 'formand', secretary: 'sekretær', guest: 'gæst' },
  /** Small counts in words, as in "i alt seks" (larger ones are written in digits). */
  numbers: ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'],

  unknownCommand: (text: string) => `Jeg forstod ikke »${text}«. Skriv »hjælp« for at se, hvad jeg kan.`,
  /** A greeting written alone (letter case and a closing !, . or , aside): answered with who the bot is. */
  greetings: ['hej', 'hejsa', 'hallo', 'dav', 'goddag', 'godmorgen', 'god morgen', 'godaften', 'god aften', 'hi', 'hello'],
  hello: (name: string, board: string) =>
    `Goddag, ${name}. Jeg er bot for ${board}: jeg sender dagsordener, samler stemmer og minder om møderne. Skriv »hjælp« for at se, hvad du kan skrive til mig.`,

  /** The HTTP boundary: file links, and posts cut to fit Teams' 40 KB. */
  boundary: {
    fileNotFound: 'Filen findes ikke, eller linket er udløbet. Hent et nyt link i bestyrelsens kanal.',
    minutesSuperseded: 'Denne version af referatet er afløst af en nyere, godkendt version. Hent det nye link i bestyrelsens kanal.',
    agendaFileName: (date: string) => `dagsorden-${date}.md`,
    /** Shown on a card that had to be cut. */
    cutNote: (url: string) => `Indholdet er for langt til Teams og er afkortet her. [Se det hele](${url}).`,
    cutNoteNoLink: 'Indholdet er for langt til Teams og er afkortet her.',
    agendaItemsShown: (shown: number, total: number) => `Kortet viser de første ${shown} af ${total} punkter.`,
    /** Said to the person whose command made the long post. */
    minutesCut: 'Referatet er for langt til at blive vist helt i Teams. Kortet viser begyndelsen og linker til hele referatet.',
    agendaCut: 'Dagsordenen er for lang til at blive vist helt i Teams. Kortet viser de første punkter og linker til hele dagsordenen.',
  },

  /** Where the bot answers, and who binds the board to a channel (PRODUCT §1.1). Name nobody. */
  trust: {
    elsewhere: 'Det kan jeg kun svare på i bestyrelsens kanal eller i en 1:1-chat med mig.',
    /** An activity from another Bot Framework channel than Teams (Web Chat, Direct Line): who sent it is not Teams' word. */
    teamsOnly: 'Bestyrelsesbot virker kun i Microsoft Teams. Intet er ændret.',
    installByOfficers: 'Tak, fordi I har tilføjet mig. Det er formandskabet eller sekretæren, der knytter bestyrelsen til en kanal: skriv »@Bestyrelsesbot brug denne kanal« i kanalen.',
    installElsewhere: 'Bestyrelsen bruger en anden kanal. Formandskabet eller sekretæren kan flytte den hertil ved at skrive »@Bestyrelsesbot brug denne kanal« her.',
    /** R19: several boards, and an install in a channel none of them uses. */
    installNameTheBoard: 'Tak, fordi I har tilføjet mig. Jeg betjener flere bestyrelser og grupper. Formandskabet eller sekretæren knytter sin bestyrelse til kanalen ved at skrive »@Bestyrelsesbot brug denne kanal <bestyrelsens id>« her.',
    /** R19: several boards, in a channel none of them uses. */
    unboundChannel: 'Denne kanal er ikke knyttet til en bestyrelse. Formandskabet eller sekretæren knytter sin bestyrelse til den med »@Bestyrelsesbot brug denne kanal <bestyrelsens id>«.',
    /** R19: a person on several boards, in a 1:1 chat, without saying which. */
    whichBoard: (boards: string) => `Du sidder i flere bestyrelser. Skriv bestyrelsens id foran kommandoen, fx »<id> møder«:\n\n${boards}`,
    boardLine: (id: string, name: string) => `- ${id}: ${name}`,
    /** In a 1:1 chat, a command for a board the writer does not sit on. */
    notOnBoard: (name: string) => `Du står ikke på listen for bestyrelsen »${name}«, så jeg kan ikke tage imod kommandoer til den fra dig. Intet er ændret.`,
    /** R19: in a 1:1 chat, a card of a board the presser does not sit on (they sit on another). */
    notOnBoardCard: (name: string) => `Du står ikke på listen for bestyrelsen »${name}«, så jeg kan ikke tage imod dit tryk på dens kort. Intet er ændret.`,
    /** R19: in a 1:1 chat, a card that names no board (from before cards named theirs), pressed by someone on several. */
    whichBoardCard: 'Kortet siger ikke, hvilken bestyrelse det hører til, og du sidder i flere. Tryk på knappen på kortet i bestyrelsens kanal. Intet er ændret.',
    /** R19: a 1:1 answer names the board it is about. */
    answerFor: (name: string) => `*${name}*`,
  },

  date: {
    /** luxon format: "torsdag den 10. december 2026 kl. 14.00" */
    longDateTime: "cccc 'den' d. LLLL yyyy 'kl.' HH.mm",
    longDate: "cccc 'den' d. LLLL yyyy",
    /** A time of day as written, "14.00" (luxon). */
    clock: 'HH.mm',
    /**
     * Words that name a day from today, in the board's time zone: today's first, then tomorrow's, then the
     * day after's (`afbud i morgen`, `dagsorden i dag`), each in the spellings read (letter case aside).
     */
    fromToday: [['i dag', 'idag'], ['i morgen', 'imorgen'], ['i overmorgen', 'iovermorgen']] as readonly (readonly string[])[],
  },

  /** A refusal by role names the action (issue 10.9): "Kun formandskabet og sekretæren kan sætte punkter på dagsordenen." */
  roleRefusal: {
    'not-chair': (what: string) => `Kun formandskabet kan ${what}. Intet er ændret.`,
    'not-chair-or-secretary': (what: string) => `Kun formandskabet og sekretæren kan ${what}. Intet er ændret.`,
    'not-secretary': (what: string) => `Kun sekretæren kan ${what}. Intet er ændret.`,
    'not-a-member': (what: string) => `Kun bestyrelsens medlemmer kan ${what}. Intet er ændret.`,
    'not-member-or-secretary': (what: string) => `Kun bestyrelsens medlemmer og sekretæren kan ${what}. Intet er ændret.`,
  },

  /** What a command or card action does, as the refusal names it ("… kan <what>."): by command, else by the policy's action. */
  what: {
    commands: {
      bind: 'knytte bestyrelsen til en kanal',
      meeting: 'planlægge møder',
      extraordinary: 'indkalde til et ekstraordinært møde',
      'cancel-meeting': 'aflyse møder',
      'move-meeting': 'flytte møder',
      item: 'sætte punkter på dagsordenen',
      attach: 'knytte bilag til dagsordenens punkter',
      'send-agenda': 'udsende dagsordenen',
      vote: 'åbne en afstemning',
      conclude: 'fremsætte en konklusion',
      'plan-dates': 'planlægge mødedatoer',
      petition: 'anmode om et ekstraordinært møde',
      minutes: 'skrive referatet',
      'correct-minutes': 'rette referatet',
      'append-minutes': 'føje til referatet',
      attendee: 'registrere deltagere i referatet',
      'remove-attendee': 'fjerne deltagere fra referatet',
      reopen: 'genoptage et afgjort punkt',
      task: 'give opgaver',
    } as Record<string, string | undefined>,
    actions: {
      'board.bind': 'knytte bestyrelsen til en kanal',
      'vote.open': 'åbne en afstemning',
      'vote.cast': 'stemme',
      'vote.close': 'lukke afstemningen',
      'vote.dissent': 'tilføje et særstandpunkt til afstemningen',
      'meeting.plan': 'planlægge møder',
      'meeting.cancel': 'aflyse møder',
      'agenda.edit': 'ændre dagsordenen',
      'agenda.send': 'udsende dagsordenen',
      'petition.open': 'anmode om et ekstraordinært møde',
      'petition.support': 'støtte en anmodning om et ekstraordinært møde',
      'conclusion.make': 'fremsætte en konklusion',
      'conclusion.object': 'gøre indsigelse mod en konklusion',
      'conclusion.dissent': 'tilføje et særstandpunkt til konklusionen',
      'conclusion.close': 'afslutte en konklusion',
      'conclusion.vote': 'sætte en konklusion til afstemning',
      'dates.plan': 'planlægge mødedatoer',
      'dates.answer': 'svare på datoforslagene',
      'dates.confirm': 'bekræfte mødedatoerne',
      'minutes.write': 'skrive referatet',
      'minutes.approve': 'godkende referatet',
      'task.make': 'give opgaver',
    } as Record<string, string | undefined>,
  },

  refusal: {
    stranger: 'Du står ikke på bestyrelsens liste, så jeg kan ikke tage imod dette fra dig. Kontakt sekretæren, hvis det er en fejl.',
    'foreign-tenant': 'Denne bot betjener kun bestyrelsens egen organisation. Henvendelsen er afvist.',
    'not-chair': 'Det er kun formandskabet, der kan det. Intet er ændret.',
    'not-chair-or-secretary': 'Det er kun formandskabet og sekretæren, der kan det. Intet er ændret.',
    'not-a-member': 'Det er kun bestyrelsens medlemmer, der kan det. Intet er ændret.',
    'not-member-or-secretary': 'Det er kun bestyrelsens medlemmer og sekretæren, der kan det. Intet er ændret.',
    'not-secretary': 'Det er kun sekretæren, der kan det. Intet er ændret.',
    'malformed-data': 'Handlingen kunne ikke læses. Intet er ændret.',
    'unknown-action': 'Den handling kender jeg ikke. Intet er ændret.',
    'not-bound': 'Bestyrelsen er endnu ikke knyttet til en kanal. Formandskabet eller sekretæren skriver »@Bestyrelsesbot brug denne kanal« i bestyrelsens kanal.',
    'channel-only': 'Skriv kommandoen i den kanal, som bestyrelsen skal bruge.',
    'channel-taken': 'Kanalen bruges allerede af en anden bestyrelse. Vælg en anden kanal. Intet er ændret.',
    'unknown-board': 'Den bestyrelse kender jeg ikke. Skriv »brug denne kanal <bestyrelsens id>« med id’et fra bestyrelsens fil. Intet er ændret.',
    'error': 'Der skete en fejl hos mig. Intet er ændret. Prøv igen om lidt.',
    'bad-date': 'Datoen kan ikke læses. Brug fx 10-12-2026, 10.12.2026, 10/12/2026, 2026-12-10 eller 10/12.',
    'impossible-date': 'Den dato findes ikke. Brug fx 10-12-2026.',
    'bad-time': 'Tidspunktet kan ikke læses. Brug fx 14:00, 14.00 eller kl. 14.',
    'in-past': 'Tidspunktet er allerede passeret. Vælg et tidspunkt i fremtiden.',
    'missing-date': 'Angiv en dato.',
  },
};
