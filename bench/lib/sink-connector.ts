/**
 * A minimal Bot Connector for the benchmark: it answers what the bot sends (posts, replies,
 * card updates) with 200 and an id, and counts it. Unlike test/support/fake-connector.ts it
 * keeps nothing of what it receives unless asked to (`record`), so thousands of card
 * updates under load cost the benchmark process little CPU and no memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  /** The id the connector gave (posts) or was given (updates). */
  activityId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface SinkConnector {
  readonly url: string;
  /** Requests by `METHOD route`, e.g. `PUT activity`, since the start. */
  counts(): Record<string, number>;
  /** Keep (and parse) the bodies of what is sent from now on, until `stopRecording`. */
  record(): void;
  stopRecording(): void;
  recorded(): SentActivity[];
  /** Resolves with the first recorded activity (from now or before) that matches. */
  waitFor(predicate: (a: SentActivity) => boolean, timeoutMs?: number): Promise<SentActivity>;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startSinkConnector(): Promise<SinkConnector> {
  const counts: Record<string, number> = {};
  let recording = false;
  const kept: SentActivity[] = [];
  const waiters = new Set<() => void>();
  let lastId = 0;
  const nextId = (): string => {
    lastId = Math.max(Date.now(), lastId + 1);
    return String(lastId);
  };

  function answer(res: ServerResponse, status: number, json: unknown): void {
    const payload = JSON.stringify(json);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) });
    res.end(payload);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const match = ACTIVITIES.exec(path);
    const route = match ? (match[2] ? 'activity' : 'activities') : path === '/v3/conversations' ? 'conversations' : 'other';
    const key = `${method} ${route}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (route === 'other') return answer(res, 404, { error: { code: 'NotFound', message: `no route ${method} ${path}` } });
    if (route === 'conversations') return answer(res, 200, { id: `a:bench-${nextId()}`, activityId: nextId() });
    const conversationId = decodeURIComponent(match![1]!);
    // An update keeps its id; a post or a reply gets a new one.
    const activityId = method === 'PUT' ? decodeURIComponent(match![2]!) : nextId();
    if (recording) {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      kept.push({ method, path, conversationId, activityId, body });
      for (const wake of [...waiters]) wake();
    }
    answer(res, 200, { id: activityId });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (recording) chunks.push(c);
    });
    req.on('end', () => onRequest(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    counts: () => ({ ...counts }),
    record: () => void (recording = true),
    stopRecording: () => void (recording = false),
    recorded: () => [...kept],
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = kept.find(predicate);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the bot sent nothing that matches within ${timeoutMs} ms; sent: ${JSON.stringify(counts)}`));
        }, timeoutMs);
        const wake = (): void => void check();
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
