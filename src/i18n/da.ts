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
    everyone: ['«hjælp» – denne oversigt', '«bestyrelse» – organisationer, medlemmer og formandskab'],
    member: ['Stem med knapperne For, Imod og Undlader på afstemningskortet.'],
    chair: [
      '«afstemning <forslag>» – åbn en afstemning om et forslag',
      '«Luk afstemning» på kortet – luk afstemningen og offentliggør resultatet',
    ],
    bind: ['«brug denne kanal» – knyt bestyrelsen til denne kanal'],
    guest: ['Som gæst kan du følge med, men ikke stemme.'],
    secretaryNote: ['Som sekretær stemmer du ikke.'],
  },

  vote: {
    openedElsewhere: 'Afstemningen er åbnet i bestyrelsens kanal.',
  },

  date: {
    /** luxon format: "torsdag den 10. december 2026 kl. 14.00" */
    longDateTime: "cccc 'den' d. LLLL yyyy 'kl.' HH.mm",
    longDate: "cccc 'den' d. LLLL yyyy",
  },
};
