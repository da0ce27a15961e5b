/** Attendance (R16): the attendance card at a meeting's start, and the secretary's corrections. */
export const attendance = {
  attendance: {
    title: 'Fremmøde',
    intro: 'Tryk »Jeg deltager«, hvis du deltager i mødet. Sekretæren kan tilføje andre med »deltager <navn>« og fjerne med »fjern deltager <navn>«.',
    /** On the card after the meeting's day: no *Jeg deltager* any more. */
    closedIntro: 'Mødet er afholdt. Sekretæren kan rette fremmødet med »deltager <navn>« og »fjern deltager <navn>«.',
    none: 'Ingen har meldt deltagelse endnu.',
    /** After the meeting's day, nobody recorded. */
    noneRecorded: 'Ingen deltagere er registreret.',
    present: (names: string) => `Til stede: ${names}`,
    /** On the card of a meeting cancelled after its start (R16): no *Jeg deltager*. */
    cancelled: 'Mødet er aflyst, så der registreres ikke fremmøde.',
    join: 'Jeg deltager',
    removed: (name: string, when: string) => `${name} er fjernet fra deltagerne i mødet ${when}.`,
    notAttending: (name: string, when: string) => `${name} står ikke som deltager i mødet ${when}. Intet er ændret.`,
    /** The secretary named a meeting that has not begun (deltager, fjern deltager). */
    notBegunYet: (when: string) => `Mødet ${when} er ikke begyndt endnu. Deltagere kan registreres fra en time før start. Intet er ændret.`,
    noneNamed: (name: string, when: string) => `Ingen blandt deltagerne i mødet ${when} hedder »${name}«. Intet er ændret.`,
    ambiguous: (name: string, people: string) => `Flere i bestyrelsen hedder »${name}«: ${people}. Skriv hele navnet. Intet er ændret.`,
    /** On the card: those who sent apologies (`afbud`). */
    apologies: (names: string) => `Afbud: ${names}`,
    apologySent: (when: string) => `Dit afbud til mødet ${when} er modtaget og kommer med i referatet.`,
    apologyWithdrawn: (when: string) => `Dit afbud til mødet ${when} er trukket tilbage.`,
    noApology: (when: string) => `Du har ikke meldt afbud til mødet ${when}. Intet er ændret.`,
    /** `afbud` without a date went to the next meeting: today's has begun, and this is how to reach it. */
    apologyPassedToday: (when: string, on: string) => `Mødet ${when} er allerede begyndt. Skal afbuddet gælde det, så skriv »afbud ${on}«.`,
  },

  refusal: {
    'no-attendance-meeting': 'Der er endnu intet møde at registrere fremmøde for. Intet er ændret.',
    'not-attending': 'Personen står ikke som deltager i mødet. Intet er ændret.',
    'meeting-not-begun': 'Mødet er ikke begyndt endnu. Tryk »Jeg deltager«, når det begynder. Intet er ændret.',
    'meeting-over': 'Mødet er slut, så du kan ikke længere melde dig som deltager. Sekretæren kan tilføje deltagere med »deltager <navn>«. Intet er ændret.',
    'apology-meeting-over': 'Mødet er afholdt, så der kan ikke længere meldes afbud til det. Intet er ændret.',
    'apology-attending': 'Du står som deltager i mødet, så der kan ikke meldes afbud. Sekretæren kan rette fremmødet med »fjern deltager <navn>«. Intet er ændret.',
    'apology-withdraw-over': 'Mødet er afholdt, så afbuddet kan ikke længere trækkes tilbage. Intet er ændret.',
    'apology-no-next-meeting': 'Der er intet kommende møde, og dagens møde er allerede begyndt. Skal afbuddet gælde dagens møde, så skriv »afbud <dato>« med dagens dato. Intet er ændret.',
    'apology-too-long': 'Beskeden er for lang (højst 300 tegn). Forkort den, og prøv igen.',
  },

  examples: {
    'remove-attendee': 'Skriv fx: fjern deltager Gustav Grøn',
  },

  commands: {
    'remove-attendee': { words: ['fjern deltager'], usage: [{ args: '[dato] <navn>', text: 'fjern en deltager fra dagens eller sidste afholdte møde (eller mødet på datoen)' }] },
    apologies: { words: ['afbud', 'meld afbud'], usage: [{ args: '[dato] [besked]', text: 'meld afbud til det næste møde (eller mødet på datoen); det kommer med i referatet' }], manifest: 'Meld afbud til det næste møde: afbud [dato] [besked]' },
    'withdraw-apologies': { words: ['fjern afbud'], usage: [{ args: '[dato]', text: 'træk dit afbud tilbage' }] },
  },
};
