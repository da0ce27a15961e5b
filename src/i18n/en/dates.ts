import type { dates as da } from '../da/dates.js';

export const dates: typeof da = {
  dates: {
    title: (year) => `Meeting dates for ${year}`,
    badYear: (from, to) => `Give a year from ${from} to ${to}, e.g. "plan dates ${from + 1}". Nothing was changed.`,
    posted: (year) => `The proposed dates for ${year} have been posted in the board's channel.`,
    intro: (year, time) => `Proposed dates for the ordinary meetings of ${year}, all at ${time}. The number in brackets is how many organisations can come. Mark the dates you can attend and press "Save my answers".`,
    option: (date, n, total) => `${date} (${n}\u00a0of\u00a0${total})`,
    available: 'I can attend:',
    save: 'Save my answers',
    confirmLabel: (n, word) => (n === 1 ? 'Chair: choose at least one date' : `Chair: choose at least ${word} dates`),
    besides: (year, meetings) => `Already planned in ${year}: ${meetings}.`,
    confirm: 'Confirm dates',
    confirmSubmit: 'Confirm the dates chosen',
    answered: (names) => `Answered: ${names}.`,
    confirmed: (year, dates) => `The meeting dates for ${year} are set: ${dates}.`,
    confirmedCard: (dates) => `Set: ${dates}.`,
    confirmedNote: 'The meetings have been created with their agenda deadlines and reminders.',
    keptCard: (dates) => `Already planned: ${dates}.`,
    stranded: (year, left, leftWord, short, shortWord, four) => {
      const missing = short === 1 ? 'the missing meeting' : `the ${shortWord} missing meetings`;
      if (left === 0) return `None of the proposed dates is left. Plan ${missing} of ${year} with "meeting <date> <time>".`;
      const dates = left === 1 ? 'one of the proposed dates is left, and with it' : `${leftWord} of the proposed dates are left, and with them`;
      return `Only ${dates} ${year} does not get ${four} ordinary meetings. Plan ${missing} with "meeting <date> <time>" on a day not proposed; then ${left === 1 ? 'the date' : 'the dates'} can be confirmed.`;
    },
    pollExists: (year) => `The poll on the meeting dates for ${year} is already posted in the channel, and there can be only one at a time. Answer it; the chair then confirms the dates with "Confirm dates". Nothing was changed.`,
    alreadyFixed: (year) => `The meeting dates for ${year} are already set; see them with "meetings". Nothing was changed.`,
    datesGone: (passed, n, today) =>
      [passed && `${passed} ${n === 1 ? 'has' : 'have'} passed.`, today && `${today} is today.`, 'Choose only dates after today; the card shows them when it refreshes. Nothing was changed.'].filter(Boolean).join(' '),
    strandedRefusal: (stranded) => `${stranded} Nothing was changed.`,
    strandedPollExists: (year, stranded) => `The poll on the meeting dates for ${year} is posted in the channel, but it cannot be confirmed. ${stranded} Nothing was changed.`,
    kept: (n, meetings) => (n === 1 ? `The meeting on ${meetings} was already planned.` : `The meetings on ${meetings} were already planned.`),
  },

  refusal: {
    'bad-year': 'Give a year from this year up to five years ahead. Nothing was changed.',
    'poll-confirmed': 'The meeting dates have already been confirmed. Nothing was changed.',
    'poll-exists': 'There is already a poll on the meeting dates for that year. Use the one posted in the channel.',
    'year-too-late': 'The year can no longer hold four ordinary meetings, so a poll on its dates could never be confirmed. Plan next year\'s dates, or plan single meetings with \"meeting <date> <time>\".',
    'unknown-poll': 'I cannot find that date poll. Nothing was changed.',
    'unknown-date': 'Choose among the proposed dates. Nothing was changed.',
    'too-few-dates-left': 'The poll has too few dates left for the year\'s four ordinary meetings. Plan the missing meetings with "meeting <date> <time>" on days not proposed. Nothing was changed.',
    'poll-stranded': 'The poll on the meeting dates for that year is posted in the channel, but it has too few dates left for the year\'s four ordinary meetings. Plan the missing meetings with "meeting <date> <time>" on days not proposed. Nothing was changed.',
    'too-few-dates': (n) => `Choose at least ${n} dates (${n} ordinary meetings a year). Nothing was changed.`,
    'too-few-dates-besides': (needed, neededWord, counted, countedWord, year, four) =>
      `${needed === 1 ? 'Choose at least one date' : `Choose at least ${neededWord} dates`}. With the ${counted === 1 ? 'ordinary meeting' : `${countedWord} ordinary meetings`} already planned in ${year}, that makes ${four} in the year. Nothing was changed.`,
    'date-in-past': 'One of the dates chosen is today or has passed. Choose only dates after today; the card shows them when it refreshes. Nothing was changed.',
    'meeting-clash': (n, meetings) =>
      n === 1
        ? `There is already an extraordinary meeting on ${meetings}. Leave that date out, or cancel the extraordinary meeting. Nothing was changed.`
        : `There are already extraordinary meetings on ${meetings}. Leave those dates out, or cancel the extraordinary meetings. Nothing was changed.`,
  },

  reminder: {
    datePlanning: (year) => `Reminder: the meeting dates for ${year} are not set. They are agreed at the last meeting of the year. Propose dates with "plan dates ${year}".`,
    datePlanningNoMeetingLeft: (year) => `Reminder: the meeting dates for ${year} are not set, and no more ordinary meetings are planned in ${year - 1}. Propose dates with "plan dates ${year}".`,
    datePlanningPollOpen: (year) => `Reminder: the meeting dates for ${year} are not set. The poll on the meeting dates for ${year} is posted in the channel. Answer it; the chair then confirms the dates with "Confirm dates".`,
    datePlanningPollStranded: (year, thisYear, stranded) =>
      `Reminder: ${thisYear ? `this year's meeting dates (${year}) are not set yet` : `the meeting dates for ${year} are not set`}. The poll on the meeting dates for ${year} cannot be confirmed. ${stranded}`,
    datePlanningReopened: (year, thisYear, ordinary, word, four) =>
      `Reminder: the meeting dates for ${thisYear ? `this year (${year})` : year} were set, but ${thisYear ? 'this year' : year} now has ${ordinary === 0 ? 'no ordinary meetings' : ordinary === 1 ? 'only one ordinary meeting' : `only ${word} ordinary meetings`}, and there must be ${four} a year. Propose dates for the missing meetings with "plan dates ${year}", or plan them with "meeting <date> <time>".`,
    datePlanningThisYear: (year) => `Reminder: this year's meeting dates (${year}) are not set yet. Propose dates with "plan dates ${year}".`,
    datePlanningThisYearPollOpen: (year) => `Reminder: this year's meeting dates (${year}) are not set yet. The poll on the meeting dates for ${year} is posted in the channel. Answer it; the chair then confirms the dates with "Confirm dates".`,
  },

  commands: {
    'plan-dates': { words: ['plan dates'], usage: [{ args: '<year>', text: 'propose a year\'s meeting dates in a poll' }] },
  },
};
