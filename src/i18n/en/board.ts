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
    cardMoved: 'This card has moved to the board\'s new channel, where it can be used.',
    moved: 'The board has moved to another channel. New agendas, votes and reminders will go there. The buttons on the cards here no longer work; the cards still in use (such as open votes) have been posted again in the new channel.',
  },

  board: {
    heading: (name) => name,
    organisations: (total) => `Organisations (one vote each, ${total} in all):`,
    organisationLine: (id, name, people) => `${id} – ${name}: ${people}`,
    nobody: 'nobody',
    chair: (names) => `Chair: ${names}`,
    secretary: (names) => `Secretary: ${names}`,
    guests: (names) => `Guests: ${names}`,
    majority: { simple: 'Votes are decided by simple majority.', absolute: (needed: number, total: number) => `Votes are decided by absolute majority (at least ${needed} of ${total} organisations for).` },
    you: (name, role) => `You are registered as ${name} (${role}).`,
  },

  help: {
    heading: 'What you can write to me (in the channel after @Bestyrelsesbot):',
    headingPersonal: 'What you can write to me here:',
    line: (command, text) => `"${command}" – ${text}`,
    groups: { meetings: 'Meetings and agendas', decisions: 'Votes and decisions', minutes: 'Minutes', tasks: 'Tasks', lookup: 'Looking things up' },
    start: {
      heading: 'Getting started',
      steps: [
        { command: 'bind', text: 'the first time: bind the board to the channel you write it in' },
        { command: 'plan-dates', args: '<year>', text: "propose a year's meeting dates; members tick, you confirm" },
        { command: 'meeting', args: '<date> <time>', text: 'or plan a single meeting; reminders and the agenda follow by themselves' },
        { command: 'item', args: '<title> decision', text: 'put items on the agenda; it is sent out before the meeting by itself' },
        { command: 'vote', args: '<item-no>', text: 'let the organisations vote on an item, or "conclude <item-no> <text>" for a decision by consent' },
      ],
    },
    didYouMean: (text, command) => `I did not understand "${text}". Did you mean "${command}"?`,
    guest: 'As a guest you can follow along but not vote.',
    secretaryNote: 'As secretary you do not vote.',
  },


  commands: {
    help: { words: ['help'], usage: [{ text: 'this overview' }], manifest: 'Show the commands you can use' },
    board: { words: ['board'], usage: [{ text: 'organisations, members and chair' }], manifest: 'Show the board, its organisations and the chair' },
    bind: { words: ['use this channel'], usage: [{ args: '[board-id]', text: 'bind the board to this channel (the id from the board\'s file, when the bot serves several)' }], manifest: 'Bind the board to this channel – chair and secretary' },
  },
};
