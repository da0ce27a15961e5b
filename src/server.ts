/**
 * HTTP hosting (PRODUCT §3 HTTP): POST /api/messages (Bot Framework), GET /healthz and the
 * signed file links (http/files.ts). Nothing a client sends gets a 5xx: a malformed body is 400, a bad or missing
 * token 401, any other path or method 404, each with a generic JSON body; the reason goes to the log only.
 */
import type { Server, ServerResponse } from 'node:http';
import type { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { Activity } from 'botbuilder';
import express from 'express';
import type { Logger } from 'pino';
import type { Board } from './domain/kernel/board.js';
import type { FileLinks } from './files/links.js';
import { parseActivityBody } from './http/activity-body.js';
import { type FileRouteOptions, fileRoutes } from './http/files.js';
import type { Store } from './store/port.js';
import { type BotAdapter, isKeySourceUnavailable } from './teams/adapter.js';
import { answerJson } from './teams/fit.js';

/** The most a client gets to read about why its request was refused. */
const GENERIC = {
  400: { error: 'bad request' },
  401: { error: 'unauthorized' },
  404: { error: 'not found' },
  413: { error: 'too large' },
  415: { error: 'unsupported media type' },
  500: { error: 'internal error' },
  503: { error: 'unavailable' },
} as const;

function refuse(res: express.Response, status: keyof typeof GENERIC): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(status).json(GENERIC[status]);
}

export interface ServerOptions {
  readonly adapter: BotAdapter;
  readonly bot: Application;
  readonly store: Store;
  readonly log: Logger;
  readonly links: FileLinks;
  /** The boards served, by id (R19). */
  readonly boards: ReadonlyMap<string, Board>;
  /** For the files: the clock, and the agenda as it stands now, with what the features add to it. */
  readonly files: Pick<FileRouteOptions, 'clock' | 'contributions'>;
}

export function createHttpApp(options: ServerOptions): express.Express {
  const { adapter, bot, store, log } = options;
  const app = express();
  app.disable('x-powered-by');

  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = parseActivityBody(req.body);
    if (!parsed.ok) {
      log.warn({ problem: parsed.problem, contentType: req.headers['content-type'] }, 'refused: malformed activity');
      return refuse(res, 400);
    }
    const activity = parsed.activity as unknown as Activity;
    const header = req.headers.authorization ?? '';
    let auth;
    try {
      auth = await adapter.authenticate(activity, header);
    } catch (err) {
      if (isKeySourceUnavailable(err)) {
        log.error({ err }, 'the channel\'s token keys could not be fetched');
        return refuse(res, 503);
      }
      log.warn({ reason: err instanceof Error ? err.message : String(err), activityId: activity.id, type: activity.type }, 'refused: bad or missing token');
      return refuse(res, 401);
    }
    try {
      const answer = await adapter.runTurn(auth, activity, (context) => bot.run(context).then(() => undefined));
      res.status(answer?.status ?? 200);
      if (answer?.body === undefined) return void res.end();
      // The invoke answer as the turn measured it for Teams' limit (teams/fit.ts): serialised once.
      const json = answerJson(answer.body);
      if (json === undefined) return void res.json(answer.body);
      // Written as it is: express's send would hash it for an ETag, which no invoke uses (issue 12).
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(json));
      res.end(json);
    } catch (err) {
      log.error({ err, activityId: activity.id, type: activity.type }, 'failed to process activity');
      if (!res.headersSent) refuse(res, 500);
    }
  });

  app.use(fileRoutes({ store, links: options.links, boards: options.boards, log, ...options.files }));

  // Whether the bot can serve; where its store is and what failed goes to the log only.
  app.get('/healthz', async (_req, res) => {
    const health = await store.health();
    if (!health.ok) log.error({ store: health.kind, detail: health.detail }, 'health check: the store is unavailable');
    res.setHeader('Cache-Control', 'no-store');
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable' });
  });

  // Any other path or method: a 404 like the other refusals, not Express's HTML page naming the framework and echoing the path.
  app.use((_req, res) => refuse(res, 404));

  // Body-parser and other request errors: a generic answer, never the parser's message or a stack.
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) log.error({ err, path: req.path }, 'request failed');
    else log.warn({ reason: err instanceof Error ? err.message : String(err), path: req.path }, 'refused: bad request');
    if (res.headersSent) return;
    refuse(res, status === 413 || status === 415 || status === 401 || status === 404 ? status : status < 500 ? 400 : 500);
  });

  return app;
}

/** The server listening on `port`; rejects if it cannot (the port in use: EADDRINUSE). */
export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Express 5 calls back with the error too: a port in use must not read as listening.
    const server = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

/**
 * The requests `server` is answering, so that a stop lets them finish (a reply waiting for a
 * slow Bot Connector, a vote being committed) before the store closes, instead of cutting
 * their connections. While stopping, each answer closes its connection (no keep-alive).
 */
export function requestsInFlight(server: Server): { drain(ms: number): Promise<void> } {
  const active = new Set<ServerResponse>();
  let stopping = false;
  let idle: (() => void) | undefined;
  server.on('request', (_req, res: ServerResponse) => {
    active.add(res);
    if (stopping) res.setHeader('Connection', 'close');
    res.on('close', () => {
      active.delete(res);
      if (active.size === 0) idle?.();
    });
  });
  return {
    /** Resolves when none is left, or after `ms`. */
    async drain(ms: number): Promise<void> {
      stopping = true;
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      if (active.size === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}

