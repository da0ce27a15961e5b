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
    join: 'Jeg deltager',
    removed: (name: string, when: string) => `${name} er fjernet fra deltagerne i mødet ${when}.`,
    notAttending: (name: string, when: string) => `${name} står ikke som deltager i mødet ${when}. Intet er ændret.`,
    /** The secretary named a meeting that has not begun (deltager, fjern deltager). */
    notBegunYet: (when: string) => `Mødet ${when} er ikke begyndt endnu. Deltagere kan registreres fra en time før start. Intet er ændret.`,
    noneNamed: (name: string, when: string) => `Ingen blandt deltagerne i mødet ${when} hedder »${name}«. Intet er ændret.`,
    ambiguous: (name: string, people: string) => `Flere i bestyrelsen hedder »${name}«: ${people}. Skriv hele navnet. Intet er ændret.`,
  },

  refusal: {
    'no-attendance-meeting': 'Der er endnu intet møde at registrere fremmøde for. Intet er ændret.',
    'not-attending': 'Personen står ikke som deltager i mødet. Intet er ændret.',
    'meeting-not-begun': 'Mødet er ikke begyndt endnu. Tryk »Jeg deltager«, når det begynder. Intet er ændret.',
    'meeting-over': 'Mødet er slut, så du kan ikke længere melde dig som deltager. Sekretæren kan tilføje deltagere med »deltager <navn>«. Intet er ændret.',
  },

  examples: {
    'remove-attendee': 'Skriv fx: fjern deltager Gustav Grøn',
  },

  commands: {
    'remove-attendee': { words: ['fjern deltager'], usage: [{ args: '[dato] <navn>', text: 'fjern en deltager fra dagens eller sidste afholdte møde (eller mødet på datoen)' }] },
  },
};
