/** The bot's files: calendar invitations (.ics) and the minutes as a Word document. */
import type { files as da } from '../da/files.js';

export const files: typeof da = {
  files: {
    eventTitle: (kind: string, board: string) => `${kind} – ${board}`,
    eventTitleWithSubject: (kind: string, subject: string, board: string) => `${kind}: ${subject} – ${board}`,
    eventAgenda: (url: string) => `Agenda: ${url}`,
    eventCancelled: 'The meeting is cancelled.',
    calendarName: (board: string) => `Meetings of ${board}`,
    calendarFileName: (date: string) => `meeting-${date}.ics`,
    yearFileName: (year: number) => `meetings-${year}.ics`,
    addToCalendar: 'Add to calendar',
    removeFromCalendar: 'Remove from calendar',
    addYearToCalendar: (year: number) => `Add the meetings of ${year} to your calendar`,
    wordDownload: 'Download as a Word document',
    wordFileName: (stem: string) => `minutes-${stem}.docx`,
    wordQuoteStyle: 'Quotation (dissent)',
  },
};
