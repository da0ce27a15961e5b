/**
 * A path the bot does not serve (PRODUCT §3 HTTP) is a 404 with a generic JSON body, like the
 * bot's other refusals and /healthz: not Express's HTML page ("Cannot GET /…"), which names
 * the framework and echoes the path.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/domain/kernel/board.js';
import { fileLinks } from '../../../src/files/links.js';
import { createHttpApp, listen } from '../../../src/server.js';
import type { Store } from '../../../src/store/port.js';

let server: Awaited<ReturnType<typeof listen>>;
let url: string;

beforeAll(async () => {
  const store = { health: async () => ({ ok: true, kind: 'sqlite', detail: '' }) } as unknown as Store;
  const board = { id: 'b', name: 'B', locale: 'da', timezone: 'Europe/Copenhagen', country: 'DK', policies: DEFAULT_POLICIES, organisations: [], people: [] } as const;
  const links = fileLinks({ publicUrl: 'http://localhost', key: 'a2V5', clock: () => new Date() });
  const app = createHttpApp({ adapter: {} as never, bot: {} as never, store, log: pino({ level: 'silent' }), links, boards: new Map([[board.id, board]]), files: { clock: () => new Date(0) } });
  server = await listen(app, 0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server?.close());

describe('a path the bot does not serve', () => {
  const cases: [string, string][] = [
    ['GET', '/'],
    ['GET', '/nope'],
    ['GET', '/<script>alert(1)</script>'],
    ['POST', '/nope'],
    ['GET', '/api/messages'],
    ['PUT', '/healthz'],
    ['DELETE', '/api/messages'],
    ['GET', '/minutes/b/x/y'],
    ['GET', '/%'],
  ];
  for (const [method, path] of cases) {
    it(`${method} ${path}: 404 {"error":"not found"}, JSON, naming neither the path nor the framework`, async () => {
      const res = await fetch(`${url}${path}`, { method });
      const text = await res.text();
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(text).toBe('{"error":"not found"}');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  }

  it('HEAD: 404 with no body', async () => {
    const res = await fetch(`${url}/nope`, { method: 'HEAD' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});
