/**
 * The bot in the test's own process: createBotApp (as src/main.ts builds it) on SQLite in
 * memory (or in a temp file, or on PostgreSQL to prepare a schema child processes go on
 * with), with a manual clock and the scheduler driven by the test.
 * Activities still arrive over real HTTP (the express app listens on 127.0.0.1), and
 * everything the bot sends — replies in a turn and the outbox's posts and updates — goes
 * through botbuilder's connector client to the fake Bot Connector, so a test reads one list.
 *
 * Time moves when the test says: `at(iso)` sets the clock and ticks (the due jobs run,
 * the outbox is flushed); no cron, no sleeping. `restart(iso)` closes the app and
 * creates a new one on the same store, as a restart of the process would.
 */
import { type BotResponse, readResponse } from './bot-process.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type BotApp, createBotApp } from '../../src/app.js';
import { loadBoards } from '../../src/config/board.js';
import type { Clock } from '../../src/domain/kernel/clock.js';
import type { Store } from '../../src/store/port.js';
import { openPgStore } from '../../src/store/postgres.js';
import type { AdapterSettings } from '../../src/teams/adapter.js';
import { botInstalled, people } from './activities.js';
import { type FakeConnector, startFakeConnector } from './fake-connector.js';
import { openMigratedSqliteStore } from './sqlite-image.js';
import { DEMO_CONFIG_PATH } from './paths.js';

/** A clock that stands still until the test moves it. */
export interface ManualClock extends Clock {
  set(instant: string | Date): void;
  advance(ms: number): void;
}

export function manualClock(start: string | Date): ManualClock {
  let now = new Date(start).getTime();
  if (Number.isNaN(now)) throw new Error(`manualClock: not an instant: ${String(start)}`);
  const clock = (() => new Date(now)) as ManualClock;
  clock.set = (instant) => {
    const next = new Date(instant).getTime();
    if (Number.isNaN(next)) throw new Error(`clock.set: not an instant: ${String(instant)}`);
    now = next;
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** What the bot answered over HTTP, read as bot-process's BotProcess.send reads it. */
export type { BotResponse };

export interface HarnessOptions {
  /** Where the clock starts (ISO instant). */
  clockStart: string;
  /** SQLite in memory (default), or in a file of a temp directory (`dataDir`), for tests that read it beside the bot. */
  store?: 'memory' | 'file';
  /** SQLite in this directory (as the bot's DATA_DIR; kept on close): to prepare a store a child process goes on with. */
  dataDir?: string;
  /** PostgreSQL instead of SQLite: the server's URL and the (existing or new) schema, kept on close. */
  postgres?: { readonly url: string; readonly schema: string };
  /** The board file, or a directory of them (R19) (default config/demo.yaml). */
  boardConfig?: string;
  /** Credentials (default: anonymous local mode). */
  auth?: AdapterSettings;
  /** A connector to share; default: a fresh one, closed with the harness. */
  connector?: FakeConnector;
}

export interface Harness {
  readonly clock: ManualClock;
  readonly connector: FakeConnector;
  /** The (first) board's store; `store.forBoard(id)` for another board's. */
  readonly store: Store;
  /** The temp directory holding `bestyrelsesbot.db` (store: 'file'). */
  readonly dataDir: string | undefined;
  /** `http://127.0.0.1:<port>`: the same across restarts. */
  readonly url: string;
  /** The app now serving (a new one after each restart). */
  readonly app: BotApp;
  /** POST /api/messages; resolves once the bot has answered and sent what the turn set going. */
  send(activity: unknown): Promise<BotResponse>;
  /** GET a path on the bot. */
  get(path: string): Promise<BotResponse>;
  /** Runs the due jobs and flushes the outbox; resolves with how many jobs ran. */
  tick(): Promise<number>;
  /** Moves the clock to `instant` and ticks. */
  at(instant: string): Promise<void>;
  /** Moves the clock on by `ms` and ticks: e.g. UPDATE_INTERVAL_MS, for a card's held update to go out. */
  pass(ms: number): Promise<void>;
  /**
   * Closes the app and creates a new one on the same store (at `instant`, if given), which
   * catches up; with `boardConfig`, on that board file (an operator's edit, then a restart).
   */
  restart(instant?: string, boardConfig?: string): Promise<void>;
  /**
   * As a kill -9: drops the app without closing it (no last flush, nothing waited for) and
   * creates a new one on the same store (at `instant`, if given). Only what was committed remains.
   */
  crash(instant?: string): Promise<void>;
  /** The log lines at warn and above, parsed. */
  logs(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const clock = manualClock(options.clockStart);
  let boards = loadBoards(options.boardConfig ?? DEMO_CONFIG_PATH);
  const connector = options.connector ?? (await startFakeConnector());
  const tempDir = options.store === 'file' && !options.dataDir ? mkdtempSync(join(tmpdir(), 'bestyrelsesbot-test-')) : undefined;
  const dataDir = options.dataDir ?? tempDir;
  // The store of the first board (the only one, mostly): `forBoard` gives the others.
  const store = options.postgres
    ? await openPgStore({ ...options.postgres, board: boards[0]!.id })
    : await openMigratedSqliteStore({ file: dataDir ? join(dataDir, 'bestyrelsesbot.db') : ':memory:', board: boards[0]!.id });
  await store.migrate();

  const lines: string[] = [];
  const log = pino({ level: 'warn', base: { app: 'bestyrelsesbot' } }, { write: (line: string) => void lines.push(line) });

  let app: BotApp | undefined;
  // One server for the harness's life; a restart swaps the app behind it.
  const server: Server = createServer((req, res) => {
    if (app) app.app(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const open = async () => {
    const created = await createBotApp({ store, clock, boards, log, publicUrl: url, ...(options.auth ? { auth: options.auth } : {}) });
    await created.start();
    app = created;
  };
  await open();
  const current = () => {
    if (!app) throw new Error('the harness is closed');
    return app;
  };

  const harness: Harness = {
    clock,
    connector,
    store,
    dataDir,
    url,
    get app() {
      return current();
    },
    async send(activity) {
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const answer = await readResponse(res);
      await current().settled();
      return answer;
    },
    async get(path) {
      return readResponse(await fetch(`${url}${path.startsWith('/') ? path : `/${path}`}`));
    },
    tick: () => current().tick(),
    async at(instant) {
      clock.set(instant);
      await current().tick();
    },
    async pass(ms) {
      clock.advance(ms);
      await current().tick();
    },
    async restart(instant, boardConfig) {
      const closing = current();
      app = undefined;
      await closing.close();
      if (instant !== undefined) clock.set(instant);
      if (boardConfig !== undefined) boards = loadBoards(boardConfig);
      await open();
    },
    async crash(instant) {
      app = undefined;
      if (instant !== undefined) clock.set(instant);
      await open();
    },
    logs: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async close() {
      const closing = app;
      app = undefined;
      await closing?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      if (!options.connector) await connector.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The demo board's bot at `clockStart`, installed in the board channel by the chair, its welcome posted: where most flows begin. */
export async function startInstalledHarness(clockStart: string, options: Omit<HarnessOptions, 'clockStart'> = {}): Promise<Harness> {
  const harness = await startHarness({ ...options, clockStart });
  await harness.send(botInstalled(harness.connector.url, people.anne));
  await harness.connector.waitForPost((p) => harness.connector.textOf(p).includes('Goddag'));
  return harness;
}
