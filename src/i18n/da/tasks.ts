/** Follow-up tasks (R16: who does what by when): the tasks feature's own texts (teams/tasks/index.ts reads them). */

/** How the owner marks the task done: on the card under the reminder (1:1), or on its card in the channel. */
const pressDone = (onCard: boolean) =>
  onCard ? 'Tryk »Udført« på kortet herunder, når den er løst.' : 'Tryk »Udført« på opgavens kort i bestyrelsens kanal, når den er løst.';

export const tasks = {
  card: {
    title: 'Opgave',
    owner: (name: string) => `Ansvarlig: ${name}`,
    due: (day: string) => `Frist: ${day}`,
    madeBy: (name: string, when: string) => `Oprettet af ${name} ${when}.`,
    done: (name: string, when: string) => `Udført – markeret af ${name} ${when}.`,
    doneButton: 'Udført',
  },
  /** Said to whoever made a task outside the board's channel: the card went there. */
  made: 'Opgaven er oprettet, og kortet er slået op i bestyrelsens kanal.',
  list: {
    heading: 'Åbne opgaver',
    line: (day: string, text: string, owner: string, overdue: boolean) => `${day}: »${text}« – ${owner}${overdue ? ' (over fristen)' : ''}`,
    none: 'Der er ingen åbne opgaver.',
  },
  /** `onCard`: in the owner's 1:1 chat, the task's card under the reminder; else (the channel) its card there. */
  reminder: (text: string, day: string, onCard: boolean) => `Påmindelse: Opgaven »${text}« har frist i dag, ${day}. ${pressDone(onCard)}`,
  /** Caught up after the due day (the bot was down). */
  reminderOverdue: (text: string, day: string, onCard: boolean) => `Påmindelse: Opgaven »${text}« havde frist ${day} og er ikke løst. ${pressDone(onCard)}`,
  /** Its owner has left the board (no longer in the board file): the chair and the secretary are reminded instead. */
  reminderOwnerGone: (text: string, day: string, owner: string, overdue: boolean, onCard: boolean) =>
    `Påmindelse: Opgaven »${text}« ${overdue ? `havde frist ${day} og er ikke løst` : `har frist i dag, ${day}`}. Den ansvarlige, ${owner}, er ikke længere i bestyrelsen. Formandskabet eller sekretæren kan markere den som udført ${onCard ? 'på kortet herunder' : 'på opgavens kort i bestyrelsens kanal'} eller give opgaven til en anden med »opgave«.`,
  /** The standing item on the next agenda while tasks are overdue. */
  followUp: {
    title: 'Opfølgning på opgaver',
    line: (text: string, owner: string, day: string) => `»${text}« – ${owner}, frist ${day}`,
  },
  minutes: {
    title: 'Opgaver fra mødet',
    line: (text: string, owner: string, day: string) => `»${text}« – ${owner}, frist ${day}`,
    /** R16: the tasks given between meetings (on a day without a meeting, or one whose meeting was cancelled), which the next meeting's minutes report. */
    betweenTitle: 'Opgaver mellem møderne',
    /** Such a task's line, with when it was given. */
    given: (line: string, when: string) => `${line} (givet ${when})`,
  },
  status: {
    title: 'Opgaver',
    counts: (done: number, overdue: number) => `Udført i perioden: ${done}. Over fristen i perioden: ${overdue}.`,
  },
  refusal: {
    'bad-task': 'Skriv opgaven sådan: opgave <frist> <navn eller organisation>: <tekst>, fx »opgave 10-12-2026 <navn>: Indhent tilbud på vinduer«.',
    'owner-too-long': 'Navnet på den ansvarlige er for langt (højst 200 tegn). Intet er oprettet.',
    'empty-task': 'Opgaven mangler en tekst efter kolonet. Intet er oprettet.',
    'task-too-long': 'Opgavens tekst er for lang (højst 500 tegn). Intet er oprettet.',
    'due-in-past': 'Fristen er allerede passeret. Vælg dagen i dag eller en senere dato.',
    'unknown-owner': (name: string) => `Jeg kender ingen person eller organisation i bestyrelsen, der hedder »${name}«. Brug et navn fra bestyrelsens liste (»bestyrelse«) eller en organisations forkortelse.`,
    'ambiguous-owner': (name: string, people: string) => `Flere i bestyrelsen hedder »${name}«: ${people}. Skriv hele navnet. Intet er oprettet.`,
    'unknown-task': 'Jeg kan ikke finde den opgave. Intet er ændret.',
    'not-task-owner': 'Det er kun opgavens ansvarlige, formandskabet og sekretæren, der kan markere den som udført.',
    'task-already-done': 'Opgaven er allerede markeret som udført.',
  },
  commands: {
    task: {
      words: ['opgave'],
      usage: [{ args: '<frist> <navn|organisation>: <tekst>', text: 'giv en person eller en organisation en opgave med en frist' }],
    },
    tasks: { words: ['opgaver'], usage: [{ text: 'se de åbne opgaver og deres frister' }] },
  },
};
