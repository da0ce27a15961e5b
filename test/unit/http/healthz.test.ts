/** GET /healthz (PRODUCT §3 HTTP): ok or unavailable, nothing more; the details go to the log. */
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/domain/kernel/board.js';
import { fileLinks } from '../../../src/files/links.js';
import { createHttpApp, listen } from '../../../src/server.js';
import type { Store } from '../../../src/store/port.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(health: Awaited<ReturnType<Store['health']>>) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const store = { health: async () => health } as unknown as Store;
  const board = { id: 'b', name: 'B', locale: 'da', timezone: 'Europe/Copenhagen', country: 'DK', policies: DEFAULT_POLICIES, organisations: [], people: [] } as const;
  const links = fileLinks({ publicUrl: 'http://localhost', key: 'a2V5', clock: () => new Date() });
  const app = createHttpApp({ adapter: {} as never, bot: {} as never, store, log, links, boards: new Map([[board.id, board]]), files: { clock: () => new Date(0) } });
  const server = await listen(app, 0);
  servers.push(server);
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  return { status: res.status, text: await res.text(), logged: lines.join('') };
}

describe('GET /healthz', () => {
  it('answers exactly {"status":"ok"} when the store answers, without where it is', async () => {
    const res = await serve({ ok: true, kind: 'postgres', detail: 'db.internal:5432/board' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"ok"}');
  });

  it('answers exactly {"status":"unavailable"} (503) when it does not; the reason is logged', async () => {
    const res = await serve({ ok: false, kind: 'postgres', detail: 'db.internal:5432/board: connection refused' });
    expect(res.status).toBe(503);
    expect(res.text).toBe('{"status":"unavailable"}');
    expect(res.logged).toContain('db.internal:5432/board: connection refused');
  });
});
