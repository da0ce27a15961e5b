/** HTTP hosting: POST /api/messages (Bot Framework) and GET /healthz. */
import type { Server } from 'node:http';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import express from 'express';
import type { Logger } from 'pino';
import type { Store } from './store/port.js';

export interface ServerOptions {
  readonly adapter: TeamsAdapter;
  readonly bot: Application;
  readonly store: Store;
  readonly log: Logger;
}

export function createHttpApp(options: ServerOptions): express.Express {
  const { adapter, bot, store, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.post('/api/messages', async (req, res) => {
    try {
      await adapter.process(req, res, async (context) => {
        await bot.run(context);
      });
    } catch (err) {
      log.error({ err }, 'failed to process activity');
      if (!res.headersSent) res.status(500).end();
    }
  });

  // R16: the minutes as a Markdown file. The id (a random UUID) is the capability:
  // the link is only ever posted in the board's channel.
  app.get('/minutes/:file', async (req, res) => {
    const match = /^([0-9a-f-]{36})\.md$/.exec(req.params.file ?? '');
    const minutes = match ? await store.getMinutes(match[1]!) : undefined;
    if (!minutes) return void res.status(404).type('text/plain').send('Not found');
    res.type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename="referat-${minutes.meetingId}.md"`);
    res.send(`${minutes.text}\n`);
  });

  app.get('/healthz', async (_req, res) => {
    const health = await store.health();
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', store: health });
  });

  return app;
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}
