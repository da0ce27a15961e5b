/**
 * A tiny stand-in for src/main.ts, used only by test/integration/harness.test.ts to check
 * bot-process.ts and the fake connector end to end without the real bot.
 * - GET /healthz → 200 with the environment the harness passed on.
 * - POST /api/messages: a message is echoed as a reply through the activity's serviceUrl;
 *   an invoke is answered with a message invoke response.
 * - STAND_IN_FAIL set → writes it to stderr and exits with code 3 (bad-configuration tests).
 */
import { createServer } from 'node:http';

if (process.env.STAND_IN_FAIL) {
  process.stderr.write(`stand-in: ${process.env.STAND_IN_FAIL}\n`);
  process.exit(3);
}

const port = Number(process.env.PORT ?? 3978);
const seen: string[] = [];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/healthz') {
        const env = Object.fromEntries(
          ['PORT', 'DATA_DIR', 'CLOCK_START', 'SCHEDULER_CRON', 'LOG_LEVEL', 'BOARD_CONFIG', 'NODE_ENV', 'BOT_ID', 'BOT_PASSWORD', 'DATABASE_URL', 'EXTRA'].map(
            (k) => [k, process.env[k] ?? null],
          ),
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, cwd: process.cwd(), env, seen }));
        return;
      }
      if (req.method === 'POST' && req.url === '/api/messages') {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          type: string;
          id: string;
          text?: string;
          serviceUrl: string;
          conversation: { id: string };
        };
        seen.push(activity.id);
        process.stdout.write(`${JSON.stringify({ level: 30, msg: 'activity', id: activity.id, type: activity.type })}\n`);
        if (activity.type === 'invoke') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' }));
          return;
        }
        const conv = encodeURIComponent(activity.conversation.id);
        const reply = await fetch(`${activity.serviceUrl}/v3/conversations/${conv}/activities/${encodeURIComponent(activity.id)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            text: `echo: ${activity.text ?? ''}`,
            replyToId: activity.id,
            conversation: activity.conversation,
          }),
        });
        res.writeHead(reply.ok ? 200 : 502);
        res.end();
        return;
      }
      res.writeHead(404);
      res.end();
    })();
  });
});

server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  process.stdout.write('stand-in: SIGTERM\n');
  server.close(() => process.exit(0));
});
