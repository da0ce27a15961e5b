/** Members' petitions for an extraordinary meeting (R11). */
export const petitions = {
  petition: {
    title: 'Anmodning om ekstraordinært møde',
    subject: (s: string) => `Emne: ${s}`,
    askedBy: (name: string) => `Anmodet af ${name}.`,
    explain: (needed: number, total: number) =>
      `Et ekstraordinært møde holdes, når et flertal af medlemmerne ønsker det: mindst ${needed} af ${total}. Tryk »Støt«, hvis du støtter anmodningen. Den, der har anmodet, tæller som første støtter.`,
    support: 'Støt',
    supporters: (n: number, total: number) => `${n} af ${total} medlemmer støtter.`,
    supporterNames: (names: string) => `Støttet af: ${names}.`,
    majority: 'Flertal opnået.',
    /** R11: the extraordinary meeting called on its subject (`when`: "torsdag den 10. december 2026 kl. 14.00"). */
    called: (when: string) => `Det ekstraordinære møde er indkaldt til ${when}.`,
    /** R11: the meeting called on it was cancelled since. */
    cancelled: (when: string) => `Det ekstraordinære møde ${when} er aflyst.`,
    /** R11: no majority within half a year (PETITION_REPEAT_DAYS): it takes no more support. */
    lapsed: 'Anmodningen er bortfaldet, da den ikke opnåede flertal inden for et halvt år.',
    /** R11: a support pressed once the meeting is called. */
    calledAlready: (when: string) => `Det ekstraordinære møde er allerede indkaldt til ${when}, så anmodningen kan ikke længere støttes. Intet er ændret.`,
    /** R11: asked on the subject of an extraordinary meeting already called. */
    meetingPlanned: (subject: string) => `Der er allerede indkaldt til et ekstraordinært møde om »${subject}«; se »møder«. Intet er ændret.`,
    /** R11: as meetingPlanned, the meeting named as called (`subject`: its own; `when`: "torsdag den 10. december 2026 kl. 14.00"). */
    meetingPlannedAt: (subject: string, when: string) => `Der er allerede indkaldt til et ekstraordinært møde om »${subject}« ${when}; se »møder«. Intet er ændret.`,
    /** Asked outside the board's channel (a 1:1 chat): where the card is. */
    posted: 'Anmodningen er slået op i bestyrelsens kanal, hvor medlemmerne kan støtte den.',
    /** R11: a petition on the same subject is still gathering support. */
    demanded: (subject: string) =>
      `Et flertal af medlemmerne har allerede krævet et ekstraordinært møde om »${subject}«, og formandskabet og sekretæren er bedt om at indkalde det. Intet er ændret.`,
    exists: (subject: string) => `Der er allerede en anmodning om et ekstraordinært møde om »${subject}«, som samler støtte. Tryk »Støt« på dens kort i kanalen. Intet er ændret.`,
    announcement: (n: number, total: number, subject: string) =>
      `Et flertal af bestyrelsens medlemmer (${n} af ${total}) kræver et ekstraordinært møde om »${subject}«.`,
    /** R11: the meeting called with the petition's subject answers it (its card shows the meeting). */
    askChair: (names: string, subject: string) =>
      `${names}: fastsæt venligst tidspunktet med »ekstraordinært møde <dato> <tid> ${subject}«.`,
    /** R11: to the chair and the secretary, weekly while the demanded meeting is not called (`day`: the majority's, "tirsdag den 1. december 2026"). */
    reminder: (day: string, subject: string) =>
      `Påmindelse: Et flertal af bestyrelsens medlemmer krævede ${day} et ekstraordinært møde om »${subject}«, men mødet er endnu ikke indkaldt. Fastsæt venligst tidspunktet med »ekstraordinært møde <dato> <tid> ${subject}«.`,
    /**
     * R11: to the one who called an extraordinary meeting, per demanded meeting not called that it does not answer
     * (`contained`: a subject containing the petition's answers it; else only the same subject).
     */
    notLinked: (subject: string, contained: boolean) =>
      `Mødet er ikke knyttet til anmodningen om et ekstraordinært møde om »${subject}«, som et flertal har krævet; et møde knyttes til den, når dets emne ${contained ? 'indeholder' : 'er'} »${subject}«.`,
  },

  /** R11 in `status` (R18): what stands now, shown only when there is any. */
  petitionStatus: {
    gathering: (n: number) => `Anmodninger om ekstraordinært møde, der samler støtte: ${n}`,
    gatheringLine: (subject: string, n: number, needed: number) => `- »${subject}« – ${n} af ${needed} nødvendige støtter`,
    demanded: (n: number) => `Krævede ekstraordinære møder, der endnu ikke er indkaldt: ${n}`,
    demandedLine: (subject: string, day: string) => `- »${subject}« – flertal opnået ${day}`,
  },

  refusal: {
    'already-supported': 'Du har allerede støttet anmodningen.',
    'unknown-petition': 'Jeg kan ikke finde den anmodning. Intet er ændret.',
    'petition-majority': 'Anmodningen har allerede opnået flertal, så den kan ikke længere støttes. Intet er ændret.',
    'petition-meeting-called': 'Det ekstraordinære møde er allerede indkaldt, så anmodningen kan ikke længere støttes. Intet er ændret.',
    'petition-lapsed': 'Anmodningen er bortfaldet, da den ikke opnåede flertal inden for et halvt år, så den kan ikke længere støttes. Intet er ændret.',
  },

  examples: {
    petition: 'Skriv fx: anmod om ekstraordinært møde Budgetoverskridelse i Korsør',
  },

  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    petition: { words: ['anmod om ekstraordinært møde'], usage: [{ args: '<emne>', text: 'bed om et ekstraordinært møde; det holdes, når et flertal støtter' }] },
  },
};
