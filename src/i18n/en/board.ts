import type { board as da } from '../da/board.js';

export const board: typeof da = {
  bind: {
    welcome: (board) => `Hello. I am the bot of ${board}, and from now on I use this channel for agendas, votes and reminders.`,
    organisations: 'The organisations (one vote each):',
    chairedBy: (names) => `Chair: ${names}.`,
    secretary: (names) => `Secretary: ${names}.`,
    helpHint: 'Write "@Bestyrelsesbot help" to see the commands.',
    alreadyBound: 'The board already uses this channel.',
    rebound: 'The board now uses this channel.',
  },

  board: {
    heading: (name) => name,
    organisations: 'Organisations (one vote each, six in all):',
    organisationLine: (id, name, people) => `${id} – ${name}: ${people}`,
    nobody: 'nobody',
    chair: (names) => `Chair: ${names}`,
    secretary: (names) => `Secretary: ${names}`,
    guests: (names) => `Guests: ${names}`,
    majority: { simple: 'Votes are decided by simple majority.', absolute: 'Votes are decided by absolute majority.' },
    you: (name, role) => `You are registered as ${name} (${role}).`,
  },

  help: {
    heading: 'What you can write to me (in the channel after @Bestyrelsesbot):',
    everyone: [
      '"help" – this overview',
      '"board" – organisations, members and chair',
      '"meetings" – upcoming meetings and agenda deadlines',
      '"agenda [date]" – the agenda of the next meeting or the meeting on that date',
      '"report <from> <to>" – the board\'s decisions in a period, e.g. report 01-01-2026 31-12-2026',
    ],
    member: [
      'Vote with the For, Against and Abstain buttons on the vote card.',
      '"request extraordinary meeting <subject>" – ask for an extraordinary meeting; it is held when a majority supports it',
    ],
    chair: [
      '"vote <motion>" – open a vote on a motion',
      '"vote <item-no>" – open a vote on an item for decision',
      '"Close vote" on the card – close the vote and announce the outcome',
      '"conclude <item-no> <text>" – conclude an item; without objections it is decided',
    ],
    prepare: [
      '"meeting <date> <time>" – plan an ordinary meeting, e.g. meeting 10-12-2026 14:00',
      '"extraordinary <date> <time> <subject>" – call an extraordinary meeting',
      '"cancel meeting <date>" – cancel a meeting',
      '"item <title> [decision|information|discussion]" – put an item on the agenda',
      '"attach <item-no> <url> [title]" – add an attachment to an item',
      '"send agenda" – send the agenda now instead of at the deadline',
      '"plan dates <year>" – propose next year\'s meeting dates in a poll',
      '"use this channel" – bind the board to this channel',
    ],
    guest: ['As a guest you can follow along but not vote.'],
    secretary: [
      '"minutes [date]" – draft the minutes of the last meeting from the record, or show them',
      '"correct minutes <text>" – replace the minutes\' text with a corrected one',
      '"attendee <name>" – add someone to the attendance of the last meeting',
    ],
    secretaryNote: ['As secretary you do not vote.'],
  },
};
