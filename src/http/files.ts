/**
 * The bot's files over HTTP (PRODUCT §1.2, §1.7, §3 HTTP): the minutes as Markdown and as a
 * Word document, the agenda (for an agenda too long for a card), and calendar invitations:
 * one per meeting, one per confirmed date poll. Only signed links that have not expired are
 * served; a version of the minutes replaced by a later approved one is gone (410). Every
 * answer is `no-store` and `nosniff`, and a refusal says nothing about why.
 */
import express from 'express';
import type { Logger } from 'pino';
import type { Board } from '../domain/kernel/board.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import type { Clock } from '../domain/kernel/clock.js';
import type { Meeting } from '../domain/meeting.js';
import { type CalendarEntry, calendarText } from '../files/calendar.js';
import {
  type FileLinks,
  agendaPath,
  datesCalendarPath,
  meetingCalendarPath,
  minutesPath,
  minutesWordPath,
} from '../files/links.js';
import { minutesDocument } from '../files/word.js';
import { messages } from '../i18n/index.js';
import type { Store } from '../store/port.js';
import { agendaMarkdown } from '../teams/agenda/text.js';
import { loadAgenda } from '../usecases/agenda.js';
import { type Contributions, NO_CONTRIBUTIONS } from '../usecases/contributions.js';

export interface FileRouteOptions {
  readonly store: Store;
  readonly links: FileLinks;
  readonly board: Board;
  readonly log: Logger;
  /** The bot's clock: the calendar files' DTSTAMP, and the agenda as things stand now. */
  readonly clock: Clock;
  /** The agenda file shows what the features add to the agenda (usecases/contributions.ts). */
  readonly contributions?: Contributions;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const fileName = (prefix: string, ext: string) => new RegExp(`^${prefix}(${UUID})\\.${ext}$`);
const UUID_MD = fileName('', 'md');
const UUID_DOCX = fileName('', 'docx');
const UUID_ICS = fileName('', 'ics');
const DATES_ICS = fileName('dates-', 'ics');

export function fileRoutes(options: FileRouteOptions): express.Router {
  const { store, links, board, log, clock } = options;
  const m = messages(board.locale);
  const router = express.Router();
  const at = () => ({ repo: store, now: clock(), board, contributions: options.contributions ?? NO_CONTRIBUTIONS });

  router.use(['/minutes', '/agenda', '/calendar'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  const notFound = (res: express.Response) => void res.status(404).type('text/plain; charset=utf-8').send(`${m.boundary.fileNotFound}\n`);
  const markdown = (res: express.Response, fileName: string, text: string) =>
    void res.status(200).type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${fileName}"`).send(text);

  const calendar = (res: express.Response, name: string, text: string) =>
    void res.status(200).type('text/calendar; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(text);

  /** The id from the file name (`<uuid>.md` by default) when the request carries a good, unexpired signature for that path. */
  function signedId(req: express.Request, path: (id: string) => string, pattern = UUID_MD): string | undefined {
    const file = req.params.file;
    const id = typeof file === 'string' ? pattern.exec(file)?.[1] : undefined;
    if (!id) return undefined;
    if (links.verify(path(id), req.query as Record<string, unknown>)) return id;
    log.info({ path: req.path }, 'refused: file link unsigned, tampered with or expired');
    return undefined;
  }

  router.get('/minutes/:file', async (req, res) => {
    const word = typeof req.params.file === 'string' && req.params.file.endsWith('.docx');
    const id = word ? signedId(req, minutesWordPath, UUID_DOCX) : signedId(req, minutesPath);
    const minutes = id ? await store.getMinutes(id) : undefined;
    if (!minutes) return notFound(res);
    const later = (await store.listMinutes(minutes.meetingId)).some((v) => v.version > minutes.version && v.approvedAt !== undefined);
    if (later) return void res.status(410).type('text/plain; charset=utf-8').send(`${m.boundary.minutesSuperseded}\n`);
    if (!word) return markdown(res, `referat-${minutes.meetingId}.md`, `${minutes.text}\n`);
    const meeting = await store.getMeeting(minutes.meetingId);
    const date = meeting ? localIsoDate(meeting.startsAt, board.timezone) : minutes.meetingId;
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('Content-Disposition', `attachment; filename="${m.files.wordFileName(date)}"`)
      .send(await minutesDocument(board, minutes));
  });

  const entry = (meeting: Meeting): CalendarEntry => ({ meeting, agendaUrl: links.url(agendaPath(meeting.id)) });

  router.get('/calendar/:file', async (req, res) => {
    const pollId = signedId(req, datesCalendarPath, DATES_ICS);
    if (pollId) {
      const poll = await store.getDatePoll(pollId);
      if (!poll?.confirmedDates?.length) return notFound(res);
      const dates = new Set(poll.confirmedDates);
      const meetings = (await store.listMeetings())
        .filter((mt) => mt.kind === 'ordinary' && dates.has(localIsoDate(mt.startsAt, board.timezone)))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const text = await calendarText({ board, entries: meetings.map(entry), now: clock(), method: 'PUBLISH' });
      return calendar(res, m.files.yearFileName(poll.year), text);
    }
    const id = signedId(req, meetingCalendarPath, UUID_ICS);
    const meeting = id ? await store.getMeeting(id) : undefined;
    if (!meeting) return notFound(res);
    const method = meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH';
    const text = await calendarText({ board, entries: [entry(meeting)], now: clock(), method });
    calendar(res, m.files.calendarFileName(localIsoDate(meeting.startsAt, board.timezone)), text);
  });

  router.get('/agenda/:file', async (req, res) => {
    const id = signedId(req, agendaPath);
    const meeting = id ? await store.getMeeting(id) : undefined;
    if (!meeting) return notFound(res);
    markdown(res, m.boundary.agendaFileName(localIsoDate(meeting.startsAt, board.timezone)), agendaMarkdown(board, await loadAgenda(at(), meeting)));
  });

  return router;
}
