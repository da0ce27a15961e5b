/** The bot's files: calendar invitations (.ics) and the minutes as a Word document. */
export const files = {
  files: {
    /** The event's title in the calendar. */
    eventTitle: (kind: string, board: string) => `${kind} – ${board}`,
    eventTitleWithSubject: (kind: string, subject: string, board: string) => `${kind}: ${subject} – ${board}`,
    eventAgenda: (url: string) => `Dagsorden: ${url}`,
    eventCancelled: 'Mødet er aflyst.',
    calendarName: (board: string) => `Møder i ${board}`,
    calendarFileName: (date: string) => `moede-${date}.ics`,
    yearFileName: (year: number) => `moeder-${year}.ics`,
    /** Link texts, in Markdown answers and on cards. */
    addToCalendar: 'Føj til kalender',
    /** The cancelled meeting's calendar file (METHOD:CANCEL): it takes the meeting out of a calendar. */
    removeFromCalendar: 'Fjern fra kalender',
    addYearToCalendar: (year: number) => `Føj møderne i ${year} til kalenderen`,
    wordDownload: 'Hent som Word-dokument',
    /** The stem as for the Markdown file (minutes.fileName). */
    wordFileName: (stem: string) => `referat-${stem}.docx`,
    /** The name of the quotation style (dissents) in Word's list of styles. */
    wordQuoteStyle: 'Citat (særstandpunkt)',
  },
};
