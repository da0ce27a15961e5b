/** Decisions by consent (R7) and dissents on them (R8). */
export const conclusions = {
  conclusion: {
    title: 'Konklusion',
    item: (label: string) => `Punkt ${label}`,
    by: (name: string) => `Formandskabets konklusion (${name}):`,
    window: (when: string) => `Er der ingen indsigelse, er punktet afgjort, når formandskabet afslutter det, dog senest ${when}.`,
    untilClosed: 'Er der ingen indsigelse, er punktet afgjort, når formandskabet afslutter det på mødet.',
    voteOutcome: (outcome: string) => `Afstemningen er lukket. ${outcome}`,
    object: 'Indsigelse',
    objectSubmit: 'Gør indsigelse',
    reasonPlaceholder: 'Begrundelse (valgfri)',
    /** The objector's reason, under the announcement (their own words, literal). */
    reason: (text: string) => `Begrundelse: ${text}`,
    dissent: 'Særstandpunkt',
    dissentSubmit: 'Gem særstandpunktet',
    dissentPlaceholder: 'Dit særstandpunkt til referatet',
    close: 'Afslut',
    toVote: 'Sæt til afstemning',
    status: {
      open: 'Åben for indsigelser.',
      decided: 'Afgjort.',
      objected: 'Der er gjort indsigelse. Formandskabet kan sætte konklusionen til afstemning.',
      leftBehind: 'Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet. Denne konklusion sættes ikke til afstemning.',
      voted: 'Sat til afstemning.',
      votedAdopted: 'Afgjort ved afstemning: vedtaget.',
      votedNotAdopted: 'Afgjort ved afstemning: ikke vedtaget.',
    },
    objections: (names: string) => `Indsigelse fra: ${names}.`,
    /** R7, R18: the item reopened (`genoptag`). */
    reopened: (when: string) => `Punktet blev genoptaget ${when}; afgørelsen gælder ikke længere.`,
    reopenedItem: (when: string) => `Punktet blev genoptaget ${when}.`,
    dissentBy: (name: string, org: string) => `Særstandpunkt fra ${name} (${org}):`,
    decided: (label: string, text: string) => `Afgjort: Punkt ${label}. ${text}`,
    /** R7: the day after the meeting, conclusions the chair has not closed (labels: »5. Budget 2027«). */
    stillOpen: (label: string, when: string) =>
      `Konklusionen på punkt ${label} fra mødet ${when} er stadig åben for indsigelser. Formandskabet afslutter punktet med »Afslut« på kortet; indtil da står det som åbent i referatet.`,
    stillOpenSeveral: (labels: string, when: string) =>
      `Konklusionerne på punkt ${labels} fra mødet ${when} er stadig åbne for indsigelser. Formandskabet afslutter punkterne med »Afslut« på kortene; indtil da står de som åbne i referatet.`,
    /** R7: the day after the meeting, conclusions objected to and left so. */
    stillObjected: (label: string, when: string) =>
      `Konklusionen på punkt ${label} fra mødet ${when} har fået indsigelse og er ikke afgjort. Formandskabet sætter den til afstemning på kortet eller fremsætter en ny konklusion.`,
    stillObjectedSeveral: (labels: string, when: string) =>
      `Konklusionerne på punkt ${labels} fra mødet ${when} har fået indsigelse og er ikke afgjort. Formandskabet sætter dem til afstemning på kortene eller fremsætter nye konklusioner.`,
    decidedByChair: (name: string) => `Formandskabet (${name}) afsluttede punktet uden indsigelser.`,
    decidedByWindow: 'Fristen for indsigelser udløb uden indsigelser.',
    objected: (name: string, org: string, label: string) =>
      `Indsigelse: ${name} (${org}) gør indsigelse mod konklusionen på punkt ${label}. Formandskabet kan sætte den til afstemning med ét tryk på kortet.`,
    posted: 'Konklusionen er lagt i kanalen.',
  },

  refusal: {
    'reason-too-long': 'Begrundelsen er for lang (højst 2000 tegn). Forkort den, og prøv igen.',
    'empty-conclusion': 'Skriv konklusionen efter punktets nummer.',
    'conclusion-too-long': 'Konklusionen er for lang (højst 2000 tegn). Forkort den, og prøv igen.',
    'unknown-conclusion': 'Jeg kan ikke finde den konklusion. Intet er ændret.',
    'conclusion-closed': 'Konklusionen er afsluttet. Intet er ændret.',
    'objection-window-ended': 'Fristen for indsigelser er udløbet, så punktet er afgjort uden indsigelser. Din indsigelse er ikke gemt.',
    'already-objected': 'Du har allerede gjort indsigelse.',
    'objection-superseded': 'Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet, så denne konklusion tager ikke imod flere indsigelser. Intet er ændret.',
    'objection-reopened': 'Punktet er genoptaget, efter konklusionen blev givet, så den tager ikke imod flere indsigelser. Formandskabet kan give en ny konklusion. Intet er ændret.',
    'has-objection': 'Der er gjort indsigelse, så punktet kan ikke erklæres afgjort. Sæt konklusionen til afstemning, eller fremsæt en ny.',
    'no-objection': 'Der er ingen indsigelse. Afslut konklusionen, så er punktet afgjort.',
    'already-voting': 'Konklusionen er allerede sat til afstemning.',
    'conclusion-reopened': 'Punktet er genoptaget, efter konklusionen blev givet, så den kan ikke sættes til afstemning. Formandskabet kan give en ny konklusion. Intet er ændret.',
    /** R8: put to a vote, the vote decides: a dissent goes on the vote's card, under its rule. */
    'dissent-conclusion-voted': 'Konklusionen er sat til afstemning, og det er afstemningen, der afgør punktet. Et særstandpunkt tilføjes på afstemningens kort, når afstemningen er lukket. Intet er gemt.',
    'dissent-conclusion-reopened': 'Punktet er genoptaget, efter konklusionen blev givet, så den afgør ikke længere punktet, og der tilføjes ikke særstandpunkter til den. Intet er gemt.',
    /** R8: objected, then left behind by a new conclusion or a vote on the item: that decision takes the dissent. */
    'dissent-conclusion-left-behind':
      'Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet, så denne konklusion afgør ikke punktet, og der tilføjes ikke særstandpunkter til den. Et særstandpunkt hører til på kortet for den nye afgørelse. Intet er gemt.',
  },

  examples: {
    conclude: 'Skriv fx: konklusion 4 Bestyrelsen godkender den nye delaftale.',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    conclude: { words: ['konklusion'], usage: [{ args: '<punktnr> <tekst>', text: 'konkludér et punkt; uden indsigelser er det afgjort' }], manifest: 'Konkludér et punkt: konklusion <punktnr> <tekst> – formandskabet' },
  },
};
