/**
 * The bot's files over HTTP (PRODUCT §1.7, §3 HTTP): the minutes as Markdown and, for an
 * agenda too long for a card, the agenda. Only signed links that have not expired are
 * served; a version of the minutes replaced by a later approved one is gone (410). Every
 * answer is `no-store` and `nosniff`, and a refusal says nothing about why.
 */
import express from 'express';
import type { Logger } from 'pino';
import type { Board } from '../domain/kernel/board.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import { type FileLinks, agendaPath, minutesPath } from '../files/links.js';
import { messages } from '../i18n/index.js';
import type { Store } from '../store/port.js';
import { agendaMarkdown } from '../teams/agenda/text.js';
import { loadAgenda } from '../usecases/agenda.js';

export interface FileRouteOptions {
  readonly store: Store;
  readonly links: FileLinks;
  /** The boards served (R19): a file's path names its board. */
  readonly boards: ReadonlyMap<string, Board>;
  readonly log: Logger;
}

const UUID_MD = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.md$/;

export function fileRoutes(options: FileRouteOptions): express.Router {
  const { store, links, boards, log } = options;
  // Before a board is known (a bad link), the first board's language.
  const first = boards.values().next().value as Board;
  const m = messages(first.locale);
  const router = express.Router();

  router.use(['/minutes', '/agenda'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  const notFound = (res: express.Response) => void res.status(404).type('text/plain; charset=utf-8').send(`${m.boundary.fileNotFound}\n`);
  const markdown = (res: express.Response, fileName: string, text: string) =>
    void res.status(200).type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${fileName}"`).send(text);

  /**
   * The board and the id from `<board>/<uuid>.md` when the request carries a good,
   * unexpired signature for that path (the board is signed with it: R19).
   */
  function signed(req: express.Request, path: (boardId: string, id: string) => string): { board: Board; id: string } | undefined {
    const { board: boardId, file } = req.params;
    const id = typeof file === 'string' ? UUID_MD.exec(file)?.[1] : undefined;
    const board = typeof boardId === 'string' ? boards.get(boardId) : undefined;
    if (!id || !board) return undefined;
    if (links.verify(path(board.id, id), req.query as Record<string, unknown>)) return { board, id };
    log.info({ path: req.path }, 'refused: file link unsigned, tampered with or expired');
    return undefined;
  }

  async function serveMinutes(res: express.Response, board: Board, id: string): Promise<void> {
    const boardStore = store.forBoard(board.id);
    const minutes = await boardStore.getMinutes(id);
    if (!minutes) return notFound(res);
    const later = (await boardStore.listMinutes(minutes.meetingId)).some((v) => v.version > minutes.version && v.approvedAt !== undefined);
    if (later) return void res.status(410).type('text/plain; charset=utf-8').send(`${messages(board.locale).boundary.minutesSuperseded}\n`);
    markdown(res, `referat-${minutes.meetingId}.md`, `${minutes.text}\n`);
  }

  async function serveAgenda(res: express.Response, board: Board, id: string): Promise<void> {
    const boardStore = store.forBoard(board.id);
    const meeting = await boardStore.getMeeting(id);
    if (!meeting) return notFound(res);
    const fileName = messages(board.locale).boundary.agendaFileName(localIsoDate(meeting.startsAt, board.timezone));
    markdown(res, fileName, agendaMarkdown(board, await loadAgenda(board, boardStore, meeting)));
  }

  router.get('/minutes/:board/:file', async (req, res) => {
    const found = signed(req, minutesPath);
    return found ? serveMinutes(res, found.board, found.id) : notFound(res);
  });

  router.get('/agenda/:board/:file', async (req, res) => {
    const found = signed(req, agendaPath);
    return found ? serveAgenda(res, found.board, found.id) : notFound(res);
  });

  // Links made before boards had ids (/minutes/<id>.md, /agenda/<id>.md) work on until they
  // expire on a deployment of one board: they were made for it.
  if (boards.size === 1) {
    const legacyId = (req: express.Request, kind: 'minutes' | 'agenda'): string | undefined => {
      const file = req.params.file;
      const id = typeof file === 'string' ? UUID_MD.exec(file)?.[1] : undefined;
      return id && links.verify(`/${kind}/${id}.md`, req.query as Record<string, unknown>) ? id : undefined;
    };
    router.get('/minutes/:file', async (req, res) => {
      const id = legacyId(req, 'minutes');
      return id ? serveMinutes(res, first, id) : notFound(res);
    });
    router.get('/agenda/:file', async (req, res) => {
      const id = legacyId(req, 'agenda');
      return id ? serveAgenda(res, first, id) : notFound(res);
    });
  }

  return router;
}
