/**
 * The bot's files over HTTP (PRODUCT §1.2, §1.7, §3 HTTP): the minutes as Markdown and as a
 * Word document, the agenda (for an agenda too long for a card), and calendar invitations:
 * one per meeting, one per confirmed date poll. Only signed links that have not expired are
 * served; a version of the minutes replaced by a later approved one is gone (410). Every
 * answer is `no-store` and `nosniff`, and a refusal says nothing about why. A file's path names
 * its board (R19: `/minutes/<board-id>/<id>.md`), signed with it.
 */
import express from 'express';
import type { Logger } from 'pino';
import { ordinaryMeetingsBesides } from '../domain/date-planning.js';
import type { Board } from '../domain/kernel/board.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import type { Clock } from '../domain/kernel/clock.js';
import { type Meeting, dayAround, sharesItsDay } from '../domain/meeting.js';
import { type CalendarEntry, calendarText } from '../files/calendar.js';
import { type FileLinks, agendaPath } from '../files/links.js';
import { minutesDocument } from '../files/word.js';
import { messages } from '../i18n/index.js';
import type { Store } from '../store/port.js';
import { agendaMarkdown } from '../teams/agenda/text.js';
import { meetingFileStem, minutesFile, minutesFileStem } from '../teams/minutes/file.js';
import { loadAgenda } from '../usecases/agenda.js';
import { type Contributions, NO_CONTRIBUTIONS } from '../usecases/contributions.js';

export interface FileRouteOptions {
  readonly store: Store;
  readonly links: FileLinks;
  /** The boards served (R19): a file's path names its board. */
  readonly boards: ReadonlyMap<string, Board>;
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

type Kind = 'minutes' | 'agenda' | 'calendar';

export function fileRoutes(options: FileRouteOptions): express.Router {
  const { store, links, boards, log, clock } = options;
  const first = boards.values().next().value as Board;
  const router = express.Router();
  /** A board's record as it stands now, for the agenda file. */
  const at = (board: Board) => ({ repo: store.forBoard(board.id), now: clock(), board, contributions: options.contributions ?? NO_CONTRIBUTIONS });

  router.use(['/minutes', '/agenda', '/calendar'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  /** In the language of the board the link's path names; naming none it serves, in each language served. */
  const notFound = (req: express.Request, res: express.Response) => {
    const named = typeof req.params.board === 'string' ? boards.get(req.params.board) : boards.size === 1 ? first : undefined;
    const locales = [...new Set((named ? [named] : [...boards.values()]).map((b) => b.locale))];
    res.status(404).type('text/plain; charset=utf-8').send(`${locales.map((l) => messages(l).boundary.fileNotFound).join('\n')}\n`);
  };
  const markdown = (res: express.Response, fileName: string, text: string) =>
    void res.status(200).type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${fileName}"`).send(text);

  const calendar = (res: express.Response, name: string, text: string) =>
    void res.status(200).type('text/calendar; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(text);

  /**
   * The board and the id from the file name (`<uuid>.md` by default) when the request
   * carries a good, unexpired signature for its path: `/<kind>/<board>/<file>`, or on a
   * deployment of one board a link made before boards had ids, `/<kind>/<file>` (it works
   * on until it expires).
   */
  function signedId(req: express.Request, kind: Kind, pattern = UUID_MD): { board: Board; id: string } | undefined {
    const { board: boardId, file } = req.params;
    const id = typeof file === 'string' ? pattern.exec(file)?.[1] : undefined;
    const board = typeof boardId === 'string' ? boards.get(boardId) : boards.size === 1 ? first : undefined;
    if (!id || !board) return undefined;
    const path = typeof boardId === 'string' ? `/${kind}/${board.id}/${file}` : `/${kind}/${file}`;
    if (links.verify(path, req.query as Record<string, unknown>)) return { board, id };
    log.info({ path: req.path }, 'refused: file link unsigned, tampered with or expired');
    return undefined;
  }

  router.get(['/minutes/:board/:file', '/minutes/:file'], async (req, res) => {
    const word = typeof req.params.file === 'string' && req.params.file.endsWith('.docx');
    const found = signedId(req, 'minutes', word ? UUID_DOCX : UUID_MD);
    if (!found) return notFound(req, res);
    const { board } = found;
    const boardStore = store.forBoard(board.id);
    const minutes = await boardStore.getMinutes(found.id);
    if (!minutes) return notFound(req, res);
    const bm = messages(board.locale);
    const later = (await boardStore.listMinutes(minutes.meetingId)).some((v) => v.version > minutes.version && v.approvedAt !== undefined);
    if (later) return void res.status(410).type('text/plain; charset=utf-8').send(`${bm.boundary.minutesSuperseded}\n`);
    const meeting = await boardStore.getMeeting(minutes.meetingId);
    // R16: headed with the board, the meeting and the version's status; named by the meeting's
    // date, its time when the day has another meeting, and the version above 1: referat-2026-12-03-1500-v2.md.
    const sharesDay = meeting !== undefined && sharesItsDay(meeting, await boardStore.listMeetings(), board.timezone);
    const stem = minutesFileStem(board, minutes, meeting, sharesDay);
    const file = minutesFile(board, minutes, meeting);
    if (!word) return markdown(res, bm.minutes.fileName(stem), file.markdown);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('Content-Disposition', `attachment; filename="${bm.files.wordFileName(stem)}"`)
      .send(await minutesDocument(board, file));
  });

  // The agenda link inside an invitation lives as long as the calendar keeps it: until linkTtlDays after the meeting (or the download, if later).
  const entry = (board: Board, meeting: Meeting): CalendarEntry => ({
    meeting,
    agendaUrl: links.url(agendaPath(board.id, meeting.id), board.policies.linkTtlDays, meeting.startsAt),
  });

  router.get(['/calendar/:board/:file', '/calendar/:file'], async (req, res) => {
    const poll = signedId(req, 'calendar', DATES_ICS);
    if (poll) {
      const { board } = poll;
      const boardStore = store.forBoard(board.id);
      const found = await boardStore.getDatePoll(poll.id);
      if (!found?.confirmedDates?.length) return notFound(req, res);
      const dates = new Set(found.confirmedDates);
      // The ordinary meetings on its dates, and those its confirmation planned, wherever they were moved since;
      // with them the year's ordinary meetings planned on other days (R9: they made up its four), so that the file holds the year's meetings.
      const plannedByIt = (mt: Meeting) => found.confirmedAt !== undefined && mt.createdAt.getTime() === found.confirmedAt.getTime() && mt.createdBy === found.confirmedBy;
      const all = await boardStore.listMeetings();
      const besides = new Set(ordinaryMeetingsBesides(found.year, found.confirmedDates, all, board.timezone).map((mt) => mt.id));
      const meetings = all
        .filter((mt) => mt.kind === 'ordinary' && (dates.has(localIsoDate(mt.startsAt, board.timezone)) || plannedByIt(mt) || besides.has(mt.id)))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const text = await calendarText({ board, entries: meetings.map((mt) => entry(board, mt)), now: clock(), method: 'PUBLISH' });
      return calendar(res, messages(board.locale).files.yearFileName(found.year), text);
    }
    const one = signedId(req, 'calendar', UUID_ICS);
    const meeting = one ? await store.forBoard(one.board.id).getMeeting(one.id) : undefined;
    if (!one || !meeting) return notFound(req, res);
    const { board } = one;
    const method = meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH';
    const text = await calendarText({ board, entries: [entry(board, meeting)], now: clock(), method });
    const sharesDay = sharesItsDay(meeting, await store.forBoard(board.id).listMeetings({ status: 'planned', ...dayAround(meeting.startsAt) }), board.timezone);
    calendar(res, messages(board.locale).files.calendarFileName(meetingFileStem(board, meeting, sharesDay)), text);
  });

  router.get(['/agenda/:board/:file', '/agenda/:file'], async (req, res) => {
    const found = signedId(req, 'agenda');
    const meeting = found ? await store.forBoard(found.board.id).getMeeting(found.id) : undefined;
    if (!found || !meeting) return notFound(req, res);
    const { board } = found;
    const sharesDay = sharesItsDay(meeting, await store.forBoard(board.id).listMeetings({ status: 'planned', ...dayAround(meeting.startsAt) }), board.timezone);
    const name = messages(board.locale).boundary.agendaFileName(meetingFileStem(board, meeting, sharesDay));
    markdown(res, name, agendaMarkdown(board, await loadAgenda(at(board), meeting)));
  });

  return router;
}
