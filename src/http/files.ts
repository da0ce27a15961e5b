/**
 * The bot's files over HTTP (PRODUCT §1.7, §3 HTTP): the minutes as Markdown and, for an
 * agenda too long for a card, the agenda. Only signed links that have not expired are
 * served; a version of the minutes replaced by a later approved one is gone (410). Every
 * answer is `no-store` and `nosniff`, and a refusal says nothing about why.
 */
import express from 'express';
import type { Logger } from 'pino';
import type { Board } from '../domain/kernel/board.js';
import type { Clock } from '../domain/kernel/clock.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import { type FileLinks, agendaPath, minutesPath } from '../files/links.js';
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
  /** The agenda file shows what the features add to the agenda as things stand now (usecases/contributions.ts). */
  readonly clock?: Clock;
  readonly contributions?: Contributions;
}

const UUID_MD = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.md$/;

export function fileRoutes(options: FileRouteOptions): express.Router {
  const { store, links, board, log } = options;
  const m = messages(board.locale);
  const router = express.Router();
  const at = () => ({ repo: store, now: (options.clock ?? (() => new Date()))(), board, contributions: options.contributions ?? NO_CONTRIBUTIONS });

  router.use(['/minutes', '/agenda'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  const notFound = (res: express.Response) => void res.status(404).type('text/plain; charset=utf-8').send(`${m.boundary.fileNotFound}\n`);
  const markdown = (res: express.Response, fileName: string, text: string) =>
    void res.status(200).type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${fileName}"`).send(text);

  /** The id from `<uuid>.md` when the request carries a good, unexpired signature for that path. */
  function signedId(req: express.Request, path: (id: string) => string): string | undefined {
    const file = req.params.file;
    const id = typeof file === 'string' ? UUID_MD.exec(file)?.[1] : undefined;
    if (!id) return undefined;
    if (links.verify(path(id), req.query as Record<string, unknown>)) return id;
    log.info({ path: req.path }, 'refused: file link unsigned, tampered with or expired');
    return undefined;
  }

  router.get('/minutes/:file', async (req, res) => {
    const id = signedId(req, minutesPath);
    const minutes = id ? await store.getMinutes(id) : undefined;
    if (!minutes) return notFound(res);
    const later = (await store.listMinutes(minutes.meetingId)).some((v) => v.version > minutes.version && v.approvedAt !== undefined);
    if (later) return void res.status(410).type('text/plain; charset=utf-8').send(`${m.boundary.minutesSuperseded}\n`);
    markdown(res, `referat-${minutes.meetingId}.md`, `${minutes.text}\n`);
  });

  router.get('/agenda/:file', async (req, res) => {
    const id = signedId(req, agendaPath);
    const meeting = id ? await store.getMeeting(id) : undefined;
    if (!meeting) return notFound(res);
    markdown(res, m.boundary.agendaFileName(localIsoDate(meeting.startsAt, board.timezone)), agendaMarkdown(board, await loadAgenda(at(), meeting)));
  });

  return router;
}
