/** The board itself: binding to a channel, the overview, help. */
export const board = {
  bind: {
    welcome: (board: string) => `Goddag. Jeg er bot for ${board} og bruger fremover denne kanal til dagsordener, afstemninger og påmindelser.`,
    organisations: 'Organisationerne (én stemme hver):',
    chairedBy: (names: string) => `Formandskab: ${names}.`,
    secretary: (names: string) => `Sekretær: ${names}.`,
    helpHint: 'Skriv »@Bestyrelsesbot hjælp« for at se kommandoerne.',
    alreadyBound: 'Bestyrelsen bruger allerede denne kanal.',
    rebound: 'Bestyrelsen bruger nu denne kanal.',
    cardMoved: 'Kortet er flyttet til bestyrelsens nye kanal, hvor det kan bruges.',
    moved: 'Bestyrelsen er flyttet til en anden kanal. Nye dagsordener, afstemninger og påmindelser kommer dér. Knapperne på kortene her virker ikke længere; de kort, der stadig er i brug (fx åbne afstemninger), er slået op igen i den nye kanal.',
  },

  board: {
    heading: (name: string) => `${name}`,
    organisations: (total: string) => `Organisationer (én stemme hver, i alt ${total}):`,
    organisationLine: (id: string, name: string, people: string) => `${id} – ${name}: ${people}`,
    nobody: 'ingen',
    chair: (names: string) => `Formandskab: ${names}`,
    secretary: (names: string) => `Sekretær: ${names}`,
    guests: (names: string) => `Gæster: ${names}`,
    majority: {
      simple: 'Afstemninger afgøres ved simpelt flertal.',
      absolute: (needed: number, total: number) => `Afstemninger afgøres ved absolut flertal (mindst ${needed} af ${total} organisationer for).`,
    },
    you: (name: string, role: string) => `Du er registreret som ${name} (${role}).`,
  },

  help: {
    heading: 'Det kan du skrive til mig (i kanalen efter @Bestyrelsesbot):',
    /** In a 1:1 chat: the commands as they are, no @mention. */
    headingPersonal: 'Det kan du skrive til mig her:',
    /** One line of help: the command as written, and what it does. */
    line: (command: string, text: string) => `»${command}« – ${text}`,
    groups: { meetings: 'Møder og dagsorden', decisions: 'Afstemninger og beslutninger', minutes: 'Referat', tasks: 'Opgaver', lookup: 'Opslag' },
    /** "Kom i gang", first in the chair's help: the commands by name (the words are the command table's), in the order a board starts. */
    start: {
      heading: 'Kom i gang',
      steps: [
        { command: 'bind', text: 'første gang: knyt bestyrelsen til kanalen, hvor du skriver det' },
        { command: 'plan-dates', args: '<år>', text: 'foreslå mødedatoer for et år; medlemmerne sætter kryds, og du bekræfter' },
        { command: 'meeting', args: '<dato> <tid>', text: 'eller planlæg et enkelt møde; påmindelser og dagsorden kommer af sig selv' },
        { command: 'item', args: '<titel> beslutning', text: 'sæt punkter på dagsordenen; den udsendes automatisk før mødet' },
        { command: 'vote', args: '<punktnr>', text: 'lad organisationerne stemme om et punkt, eller »konklusion <punktnr> <tekst>« for en beslutning uden afstemning' },
      ] as readonly { readonly command: string; readonly args?: string; readonly text: string }[],
    },
    /** An unknown word close to a command. */
    didYouMean: (text: string, command: string) => `Jeg forstod ikke »${text}«. Mente du »${command}«?`,
    guest: 'Som gæst kan du følge med, men ikke stemme.',
    secretaryNote: 'Som sekretær stemmer du ikke.',
  },


  /** The feature's commands: their words (the first is shown), usage lines for help, the manifest's description. */
  commands: {
    help: { words: ['hjælp'], usage: [{ text: 'denne oversigt' }], manifest: 'Vis de kommandoer, du kan bruge' },
    board: { words: ['bestyrelse', 'bestyrelsen'], usage: [{ text: 'organisationer, medlemmer og formandskab' }], manifest: 'Vis bestyrelsen, organisationerne og formandskabet' },
    bind: { words: ['brug denne kanal'], usage: [{ args: '[bestyrelsens id]', text: 'knyt bestyrelsen til denne kanal (id’et fra bestyrelsens fil, når botten betjener flere)' }], manifest: 'Knyt bestyrelsen til denne kanal – formandskab og sekretær' },
  },
};
