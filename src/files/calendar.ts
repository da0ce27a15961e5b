/**
 * Calendar invitations (PRODUCT §1.2): an iCalendar file (RFC 5545) per meeting, and one for
 * all the meetings a confirmed date poll created. Made with ical-generator, times in the
 * board's time zone with its VTIMEZONE (in UTC for a zone the library has none for); the UID
 * is the meeting's own, so a calendar that imported the meeting recognises it again; a
 * cancelled meeting comes with METHOD:CANCEL and STATUS:CANCELLED and a raised SEQUENCE. The
 * libraries load on the first file asked for.
 *
 * A meeting has no end in the record; the event lasts MEETING_HOURS.
 */
import type { Board } from '../domain/kernel/board.js';
import type { Meeting } from '../domain/meeting.js';
import { messages } from '../i18n/index.js';

/** How long a meeting is shown in the calendar. */
export const MEETING_HOURS = 2;

/** The UID of a meeting's event: stable for the meeting's life, unique across boards and deployments. */
export const meetingUid = (meeting: Meeting) => `${meeting.id}@bestyrelsesbot`;

/**
 * The event's SEQUENCE: 0 as planned, raised by each change a calendar must take over the old
 * one: each move (`flyt moede`, the same UID at its new time), and the cancelling that ends it.
 */
export const meetingSequence = (meeting: Meeting) => (meeting.revision ?? 0) + (meeting.status === 'cancelled' ? 1 : 0);

/**
 * A TEXT value escaped as RFC 5545 (3.3.11) wants it: `\`, `;`, `,` and a line break. ical-generator
 * escapes the events' texts itself, not the calendar's name (NAME, X-WR-CALNAME), which it writes
 * as given: a board named »Nord, Syd« would be read as two names, a line break in it as
 * a line of its own.
 */
const escapedText = (text: string): string => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

export interface CalendarEntry {
  readonly meeting: Meeting;
  /** A link to the meeting's agenda, for the description. */
  readonly agendaUrl?: string;
}

export interface CalendarFile {
  readonly board: Board;
  readonly entries: readonly CalendarEntry[];
  /** DTSTAMP: when the file was made (the bot's clock). */
  readonly now: Date;
  /** CANCEL for a single cancelled meeting; PUBLISH otherwise. */
  readonly method: 'PUBLISH' | 'CANCEL';
}

/** The iCalendar text (CRLF lines) for the entries. */
export async function calendarText(file: CalendarFile): Promise<string> {
  const [{ default: ical, ICalCalendarMethod, ICalEventStatus }, { getVtimezoneComponent }, { DateTime }] = await Promise.all([
    import('ical-generator'),
    import('@touch4it/ical-timezones'),
    import('luxon'),
  ]);
  const { board, entries, now } = file;
  const m = messages(board.locale);
  const zone = board.timezone;
  // RFC 5545 wants a VTIMEZONE for every TZID. The library has none for some names the board file
  // may give (America/Nuuk, Atlantic/Faeroe: newer or older names of a zone): the times then go
  // in UTC, the same instants, which a calendar shows in its own zone.
  const zoneDefined = Boolean(getVtimezoneComponent(zone));
  const calendar = ical({
    prodId: { company: 'bestyrelsesbot', product: 'bestyrelsesbot', language: board.locale.toUpperCase() },
    name: escapedText(m.files.calendarName(board.name)),
    method: file.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (it would write DTSTAMP as local time); the generator writes a
    // VTIMEZONE for each zone the events use.
    timezone: { name: '', generator: getVtimezoneComponent },
  });
  for (const { meeting, agendaUrl } of entries) {
    const cancelled = meeting.status === 'cancelled';
    const start = DateTime.fromJSDate(meeting.startsAt, { zone });
    const kind = m.meeting.kind[meeting.kind];
    const description = [cancelled ? m.files.eventCancelled : undefined, meeting.subject, agendaUrl ? m.files.eventAgenda(agendaUrl) : undefined]
      .filter((line): line is string => Boolean(line))
      .join('\n');
    calendar.createEvent({
      id: meetingUid(meeting),
      sequence: meetingSequence(meeting),
      stamp: now,
      ...(zoneDefined
        ? { start, end: start.plus({ hours: MEETING_HOURS }), timezone: zone }
        : { start: start.toJSDate(), end: start.plus({ hours: MEETING_HOURS }).toJSDate() }),
      summary: meeting.subject ? m.files.eventTitleWithSubject(kind, meeting.subject, board.name) : m.files.eventTitle(kind, board.name),
      ...(meeting.place ? { location: meeting.place } : {}),
      ...(description ? { description } : {}),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
