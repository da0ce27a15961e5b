/** The board itself: binding to a channel, the overview, help. */
export const board = {
  bind: {
    welcome: (board: string) => `Goddag. Jeg er bot for ${board} og bruger fremover denne kanal til dagsordener, afstemninger og påmindelser.`,
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
    everyone: [
      '«hjælp» – denne oversigt',
      '«bestyrelse» – organisationer, medlemmer og formandskab',
      '«møder» – kommende møder og frister for dagsordenen',
      '«dagsorden [dato]» – dagsordenen for næste møde eller mødet på datoen',
      '«status <fra> <til>» – bestyrelsens beslutninger i en periode, fx status 01-01-2026 31-12-2026',
    ],
    member: [
      'Stem med knapperne For, Imod og Undlader på afstemningskortet.',
      '«anmod om ekstraordinært møde <emne>» – bed om et ekstraordinært møde; det holdes, når et flertal støtter',
    ],
    chair: [
      '«afstemning <forslag>» – åbn en afstemning om et forslag',
      '«afstemning <punktnr>» – åbn en afstemning om et punkt til beslutning',
      '«Luk afstemning» på kortet – luk afstemningen og offentliggør resultatet',
      '«konklusion <punktnr> <tekst>» – konkludér et punkt; uden indsigelser er det afgjort',
    ],
    prepare: [
      '«møde <dato> <tid>» – planlæg et ordinært møde, fx møde 10-12-2026 14:00',
      '«ekstraordinært møde <dato> <tid> <emne>» – indkald til et ekstraordinært møde',
      '«aflys møde <dato>» – aflys et møde',
      '«punkt <titel> [beslutning|orientering|drøftelse]» – sæt et punkt på dagsordenen',
      '«bilag <punktnr> <url> [titel]» – knyt et bilag til et punkt',
      '«udsend dagsorden» – udsend dagsordenen nu i stedet for ved fristen',
      '«mødedatoer <år>» – foreslå næste års mødedatoer til afstemning',
      '«brug denne kanal» – knyt bestyrelsen til denne kanal',
    ],
    guest: ['Som gæst kan du følge med, men ikke stemme.'],
    secretary: [
      '«referat [dato]» – skriv referatet af sidste møde ud fra det registrerede, eller vis det',
      '«ret referat <tekst>» – erstat referatets tekst med en rettet udgave',
      '«deltager <navn>» – føj en deltager til referatet af sidste møde',
    ],
    secretaryNote: ['Som sekretær stemmer du ikke.'],
  },
};
