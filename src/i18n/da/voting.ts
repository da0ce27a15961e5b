/** Votes (R5, R6), their cards and announcements, and dissents on votes (R8). */
export const voting = {
  choice: { for: 'For', against: 'Imod', abstain: 'Undlader' },

  /** Lower-case choice words as used in the outcome line ("4 for, 1 imod, 1 undlader"). */
  choiceWord: { for: 'for', against: 'imod', abstain: 'undlader' },

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
    majorityNote: { simple: 'Afgjort ved simpelt flertal.', absolute: (needed: number, total: number) => `Afgjort ved absolut flertal (mindst ${needed} af ${total} for).` },
  },

  closeReason: {
    chair: (name: string) => `Lukket af formandskabet (${name})`,
    'all-voted': 'Lukket, da alle organisationer havde stemt',
    deadline: 'Lukket ved fristens udløb',
  },

  voteCard: {
    title: 'Afstemning',
    openUntil: (when: string) => `Åben til ${when}`,
    /** Past the deadline, closed at the scheduler's next minute. */
    deadlinePassed: (when: string) => `Fristen udløb ${when}. Resultatet meddeles om lidt.`,
    /** "Lukket, da alle organisationer havde stemt – fredag den 20. august 2027 kl. 10.00.": the dash keeps the time from reading as part of the reason. */
    closedAt: (reason: string, when: string) => `${reason} – ${when}.`,
    reopened: (when: string) => `Punktet blev genoptaget ${when}; afgørelsen gælder ikke længere.`,
    notVoted: 'Har ikke stemt',
    castBy: (name: string) => `afgivet af ${name}`,
    counts: (f: number, a: number, ab: number, missing: number) =>
      `For: ${f} · Imod: ${a} · Undlader: ${ab} · Mangler: ${missing}`,
    oneVoteEach: 'Én stemme pr. organisation. Et medlem kan ændre organisationens stemme, så længe afstemningen er åben. Den sidst afgivne stemme tæller.',
    close: 'Luk afstemning',
    /** PRODUCT §1.4: *Luk afstemning* with organisations missing asks the chair to confirm (`count`: how many `orgs` names; an English verb agrees with it). */
    confirmClose: (orgs: string, count: number) => `${orgs} har ikke stemt endnu. Vil du lukke afstemningen alligevel?`,
    closeAnyway: 'Luk alligevel',
    keepOpen: 'Lad den være åben',
  },

  /** Help lines for the vote card's buttons. */
  voteHelp: {
    cast: 'Stem med knapperne For, Imod og Undlader på afstemningskortet.',
    close: '»Luk afstemning« på kortet – luk afstemningen og offentliggør resultatet',
  },

  vote: {
    openedElsewhere: 'Afstemningen er åbnet i bestyrelsens kanal.',
  },

  dissent: {
    vote: 'Særstandpunkt',
    /** The button under the text field (not the same words as the button that opened it). */
    submit: 'Gem særstandpunktet',
    placeholder: 'Dit særstandpunkt til referatet',
    heading: 'Særstandpunkter:',
    by: (name: string, org: string) => `${name} (${org}):`,
    hint: 'Medlemmer fra organisationer, der stemte imod, kan få et særstandpunkt ført til referat.',
    hintNotAdopted: 'Medlemmer fra organisationer, der stemte for eller imod, kan få et særstandpunkt ført til referat.',
  },

  reminder: {
    /** PRODUCT §1.4: to members of organisations that have not voted, voteReminderHours before the deadline (`count`: how many `orgs` names). */
    vote: (orgs: string, count: number, motion: string, deadline: string) =>
      `Påmindelse: ${orgs} har endnu ikke stemt om forslaget »${motion}«. Afstemningen lukker ${deadline}. Stem med knapperne på afstemningskortet i bestyrelsens kanal.`,
    /** PRODUCT §1.4, R5: in the member's 1:1 chat, above the vote card: their own organisation, the vote and its deadline. */
    votePersonal: (org: string, about: string, deadline: string) =>
      `Påmindelse: Din organisation, ${org}, har endnu ikke stemt om ${about}. Afstemningen lukker ${deadline}. Du kan stemme på kortet herunder.`,
    voteOnMotion: (motion: string) => `forslaget »${motion}«`,
    /** A vote on an agenda item: its heading as the card shows it. */
    voteOnItem: (motion: string, item: string) => `forslaget »${motion}« (${item})`,
  },

  refusal: {
    'not-chair-open': 'Det er kun formandskabet, der kan åbne en afstemning. Intet er ændret.',
    'not-chair-close': 'Det er kun formandskabet, der kan lukke afstemningen. Intet er ændret.',
    'secretary-cannot-vote': 'Sekretæren betjener bestyrelsen, men stemmer ikke. Din stemme er ikke registreret.',
    'guest-cannot-vote': 'Gæster deltager uden stemmeret. Din stemme er ikke registreret.',
    'organisation-not-voting': 'Din organisation var ikke med i bestyrelsen, da afstemningen blev åbnet, og stemmer derfor ikke om dette forslag. Intet er ændret.',
    'vote-closed': 'Afstemningen er lukket. Der kan ikke længere stemmes.',
    'organisations-missing': 'Ikke alle organisationer har stemt. Bekræft på kortet, at afstemningen skal lukkes.',
    'invalid-choice': 'Stemmen skal være For, Imod eller Undlader. Intet er ændret.',
    'unknown-motion': 'Jeg kan ikke finde den afstemning. Intet er ændret.',
    'empty-motion': 'Skriv forslaget efter kommandoen, fx: afstemning Bestyrelsen godkender budgettet for 2027',
    'motion-too-long': 'Forslaget er for langt (højst 1000 tegn). Forkort det, og prøv igen.',
    'not-against': 'Særstandpunkt på en afstemning kan kun tilføjes af medlemmer fra organisationer, der stemte imod, eller som stemte for et forslag, der ikke blev vedtaget. Intet er gemt.',
    'vote-open': 'Afstemningen er ikke lukket endnu. Et særstandpunkt kan tilføjes, når den er lukket. Intet er gemt.',
    'empty-dissent': 'Skriv dit særstandpunkt i feltet, før du trykker.',
    'dissent-too-long': 'Særstandpunktet er for langt (højst 2000 tegn). Forkort det, og prøv igen. Intet er gemt.',
    'already-dissented': 'Du har allerede et særstandpunkt her. Det nye er ikke gemt.',
    'dissent-vote-reopened': 'Punktet er genoptaget efter afstemningen, så den afgør ikke længere punktet, og der tilføjes ikke særstandpunkter til den. Intet er gemt.',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    vote: { words: ['afstemning'], usage: [{ args: '<forslag>', text: 'åbn en afstemning om et forslag' }, { args: '<punktnr>', text: 'åbn en afstemning om et punkt til beslutning' }], manifest: 'Åbn en afstemning om et forslag – kun formandskabet' },
  },
};
