/** Next year's meeting dates (R10). */

/** A date written out (»torsdag den 11. februar 2027«) at the start of a sentence. */
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const dates = {
  dates: {
    title: (year: number) => `Mødedatoer for ${year}`,
    /** Asked outside the board's channel (a 1:1 chat): where the poll is. */
    /** R10: a year the poll cannot be for, or none: the years it takes (this year and five more), the next as the example. */
    badYear: (from: number, to: number) => `Angiv et år fra ${from} til ${to}, fx »mødedatoer ${from + 1}«. Intet er ændret.`,
    posted: (year: number) => `Datoforslagene for ${year} er slået op i bestyrelsens kanal.`,
    intro: (year: number, time: string) => `Forslag til ordinære møder i ${year}, alle kl. ${time}. Tallet i parentes er, hvor mange organisationer der kan deltage. Markér de datoer, hvor du kan deltage, og tryk »Gem mine svar«.`,
    /** "torsdag den 10. februar 2028 (2 af 6)": short for a phone's line; the count never breaks (no-break spaces); the intro says what it counts. */
    option: (date: string, n: number, total: number) => `${date} (${n}\u00a0af\u00a0${total})`,
    available: 'Jeg kan deltage:',
    save: 'Gem mine svar',
    /** `n` dates at least (`word`: »fire«; one: »én dato«). */
    confirmLabel: (n: number, word: string) => (n === 1 ? 'Formandskabet: vælg mindst én dato' : `Formandskabet: vælg mindst ${word} datoer`),
    /** R9: the year's ordinary meetings already planned on other days (date and time): they count toward its four. */
    besides: (year: number, meetings: string) => `Allerede planlagt i ${year}: ${meetings}.`,
    confirm: 'Bekræft datoer',
    confirmSubmit: 'Bekræft de valgte datoer',
    answered: (names: string) => `Har svaret: ${names}.`,
    confirmed: (year: number, dates: string) => `Mødedatoerne for ${year} er fastlagt: ${dates}.`,
    confirmedCard: (dates: string) => `Fastlagt: ${dates}.`,
    confirmedNote: 'Møderne er oprettet med dagsordensfrister og påmindelser.',
    /** The card, under "Fastlagt": the confirmed dates that already held a planned meeting (kept, not planned twice). */
    keptCard: (dates: string) => `Allerede planlagt: ${dates}.`,
    /**
     * R9, R10: an open poll that can no longer be confirmed: only `left` of its dates remain (after today),
     * and with them the year would still lack `short` of its `four` ordinary meetings; those are planned by
     * hand on days it does not propose (then the dates left make four). Said by the card, the confirmation,
     * »mødedatoer« and the reminder alike. `leftWord`, `shortWord`, `four`: the numbers in words.
     */
    stranded: (year: number, left: number, leftWord: string, short: number, shortWord: string, four: string) => {
      const missing = short === 1 ? 'det manglende møde' : `de ${shortWord} manglende møder`;
      if (left === 0) return `Der er ingen af de foreslåede datoer tilbage. Planlæg ${missing} i ${year} med »møde <dato> <tid>«.`;
      const dates = left === 1 ? 'én af de foreslåede datoer tilbage, og med den' : `${leftWord} af de foreslåede datoer tilbage, og med dem`;
      return `Der er kun ${dates} får ${year} ikke ${four} ordinære møder. Planlæg ${missing} med »møde <dato> <tid>« på en dag, der ikke er foreslået; så kan ${left === 1 ? 'datoen' : 'datoerne'} bekræftes.`;
    },
    /** `mødedatoer <år>` while the year's poll is open (one open poll per year). */
    pollExists: (year: number) =>
      `Forslaget til mødedatoer for ${year} er allerede lagt op i kanalen, og der kan kun være ét ad gangen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«. Intet er ændret.`,
    /** `mødedatoer <år>` once a confirmed poll has given the year its four ordinary meetings. */
    alreadyFixed: (year: number) => `Mødedatoerne for ${year} er allerede fastlagt; se dem med »møder«. Intet er ændret.`,
    /** *Bekræft datoer* with dates chosen that are today (`today`) or have passed (`passed`, `n` of them), from a card not yet refreshed: named (either may be empty). */
    datesGone: (passed: string, _n: number, today: string) =>
      [passed && `${upperFirst(passed)} er passeret.`, today && `${upperFirst(today)} er i dag.`, 'Vælg kun datoer efter i dag; kortet viser dem, når det opdateres. Intet er ændret.'].filter(Boolean).join(' '),
    /** *Bekræft datoer* on a stranded poll (`stranded`: the sentence above). */
    strandedRefusal: (stranded: string) => `${stranded} Intet er ændret.`,
    /** `mødedatoer <år>` while that year's open poll is stranded (`stranded`: the sentence above). */
    strandedPollExists: (year: number, stranded: string) => `Forslaget til mødedatoer for ${year} er lagt op i kanalen, men det kan ikke bekræftes. ${stranded} Intet er ændret.`,
    /** The announcement, after the dates: the meetings (date and time) the confirmation kept. */
    kept: (n: number, meetings: string) => (n === 1 ? `Mødet ${meetings} var allerede planlagt.` : `Møderne ${meetings} var allerede planlagt.`),
  },

  refusal: {
    /** R10: the command answers with the years it takes (dates.badYear); this is the plain refusal's. */
    'bad-year': 'Angiv et år fra i år og op til fem år frem. Intet er ændret.',
    'poll-confirmed': 'Mødedatoerne er allerede bekræftet. Intet er ændret.',
    'poll-exists': 'Der er allerede et forslag til mødedatoer for det år. Brug det, der er lagt op i kanalen.',
    'year-too-late': 'Året kan ikke længere rumme fire ordinære møder, så et forslag til dets datoer kan ikke bekræftes. Planlæg næste års datoer, eller planlæg enkelte møder med »møde <dato> <tid>«.',
    'unknown-poll': 'Jeg kan ikke finde det forslag til mødedatoer. Intet er ændret.',
    'unknown-date': 'Vælg blandt de foreslåede datoer. Intet er ændret.',
    /** R9, R10: the poll has too few dates left for the year's four (the verb names the numbers: dates.stranded; this is the plain refusal's). */
    'too-few-dates-left': 'Forslaget har for få datoer tilbage til årets fire ordinære møder. Planlæg de manglende møder med »møde <dato> <tid>« på dage, der ikke er foreslået. Intet er ændret.',
    /** R10: `mødedatoer` while the year's open poll has too few dates left (the command names the numbers: dates.strandedPollExists). */
    'poll-stranded': 'Forslaget til mødedatoer for det år er lagt op i kanalen, men det har for få datoer tilbage til årets fire ordinære møder. Planlæg de manglende møder med »møde <dato> <tid>« på dage, der ikke er foreslået. Intet er ændret.',
    'too-few-dates': (n: string) => `Vælg mindst ${n} datoer (${n} ordinære møder om året). Intet er ændret.`,
    /** R9: fewer dates needed, as the year has `counted` ordinary meetings on other days (`needed`, `counted`, `four`: words). */
    'too-few-dates-besides': (needed: number, neededWord: string, counted: number, countedWord: string, year: number, four: string) =>
      `${needed === 1 ? 'Vælg mindst én dato' : `Vælg mindst ${neededWord} datoer`}. Med ${counted === 1 ? 'det ordinære møde' : `de ${countedWord} ordinære møder`}, der allerede er planlagt i ${year}, bliver det ${four} i året. Intet er ændret.`,
    'date-in-past': 'En af de valgte datoer er i dag eller passeret. Vælg kun datoer efter i dag; kortet viser dem, når det opdateres. Intet er ændret.',
    /** An extraordinary meeting at the very time of a confirmed date's meeting (date and time). */
    'meeting-clash': (n: number, meetings: string) =>
      n === 1
        ? `Der er allerede et ekstraordinært møde ${meetings}. Fravælg datoen, eller aflys det ekstraordinære møde. Intet er ændret.`
        : `Der er allerede ekstraordinære møder ${meetings}. Fravælg datoerne, eller aflys de ekstraordinære møder. Intet er ændret.`,
  },

  reminder: {
    datePlanning: (year: number) =>
      `Påmindelse: Mødedatoerne for ${year} er ikke fastlagt. De aftales på årets sidste møde. Foreslå datoer med »mødedatoer ${year}«.`,
    /** Once no ordinary meeting of the year before remains (the last one held, or none planned): nowhere to agree them. */
    datePlanningNoMeetingLeft: (year: number) =>
      `Påmindelse: Mødedatoerne for ${year} er ikke fastlagt, og der er ikke planlagt flere ordinære møder i ${year - 1}. Foreslå datoer med »mødedatoer ${year}«.`,
    /** While a poll for the year is open (posted, not confirmed): a new one would be refused. */
    datePlanningPollOpen: (year: number) =>
      `Påmindelse: Mødedatoerne for ${year} er ikke fastlagt. Forslaget til mødedatoer for ${year} er lagt op i kanalen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«.`,
    /** R10: after New Year, in the year itself (its dates still not fixed): this year's dates, not next year's. */
    datePlanningThisYear: (year: number) =>
      `Påmindelse: Mødedatoerne for i år (${year}) er endnu ikke fastlagt. Foreslå datoer med »mødedatoer ${year}«.`,
    /** R9, R10: while the year's open poll can no longer be confirmed (`stranded`: dates.stranded); `thisYear` as above. */
    datePlanningPollStranded: (year: number, thisYear: boolean, stranded: string) =>
      `Påmindelse: Mødedatoerne for ${thisYear ? `i år (${year}) er endnu ikke` : `${year} er ikke`} fastlagt. Forslaget til mødedatoer for ${year} kan ikke bekræftes. ${stranded}`,
    /**
     * R9, R10: a poll for the year was confirmed, but its meetings were since cancelled or moved out of it:
     * `ordinary` ordinary meetings are left (`word`: in words), short of `four`.
     */
    datePlanningReopened: (year: number, thisYear: boolean, ordinary: number, word: string, four: string) =>
      `Påmindelse: Mødedatoerne for ${thisYear ? `i år (${year})` : year} blev fastlagt, men der er nu ${ordinary === 0 ? 'ingen ordinære møder' : ordinary === 1 ? 'kun ét ordinært møde' : `kun ${word} ordinære møder`} ${thisYear ? 'i år' : `i ${year}`}, og der skal være ${four} om året. Foreslå datoer til de manglende møder med »mødedatoer ${year}«, eller planlæg dem med »møde <dato> <tid>«.`,
    /** The same while this year's poll is open (posted, not confirmed). */
    datePlanningThisYearPollOpen: (year: number) =>
      `Påmindelse: Mødedatoerne for i år (${year}) er endnu ikke fastlagt. Forslaget til mødedatoer for ${year} er lagt op i kanalen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«.`,
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    'plan-dates': { words: ['mødedatoer'], usage: [{ args: '<år>', text: 'foreslå mødedatoer for et år' }] },
  },
};
