/**
 * Runs the real bot as a child process for the integration tests, on a free port with
 * its own data directory: the bot as `npm start` runs it (`node dist/bundle/main.mjs`, the
 * bundle) when it was built after every file of `src/` was written (`npm test` bundles
 * first), else `node --import tsx src/main.ts` (a start takes three to four times as long).
 * Tests move the bot's clock by restarting it with another CLOCK_START on the same DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { BUNDLE_ENTRY, bundleIsCurrent } from '../../scripts/lib/bundle-current.mjs';
import { REPO_ROOT } from './paths.js';

export { REPO_ROOT };

/** Run nothing on a schedule: once a year at midnight on 1 January. Tests drive time by restarts. */
export const NO_TICK_CRON = '0 0 1 1 *';
const DEFAULT_ENTRY = 'src/main.ts';
/** Generous: on a busy 2-core machine a cold start of src/main.ts has taken 20 s (TEST_BOT_READY_MS: longer still). */
const READY_TIMEOUT_MS = Number(process.env.TEST_BOT_READY_MS) || 60_000;

/** Inherited variables that would change how the bot runs (credentials, production, another store). */
const SCRUBBED_ENV = [
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TENANT_ID',
  'BOT_TYPE',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'MicrosoftAppType',
  'NODE_ENV',
  'DATABASE_URL',
  'PORT',
  'DATA_DIR',
  'BOARD_CONFIG',
  'CLOCK_START',
  'SCHEDULER_CRON',
  'LOG_LEVEL',
];

/** Environment for the child; a value of `undefined` removes the variable. */
export type BotEnv = Record<string, string | undefined>;

export interface StartBotOptions {
  /** Reuse a data directory (restarts); default: a fresh temp dir. */
  dataDir?: string;
  /** CLOCK_START: the bot's clock starts at this ISO instant. */
  clockStart?: string;
  /** BOARD_CONFIG (path relative to the repo root, or absolute); default: the bot's own default (config/demo.yaml). */
  boardConfig?: string;
  /** Extra environment; wins over the defaults (LOG_LEVEL=warn, SCHEDULER_CRON=NO_TICK_CRON). */
  env?: BotEnv;
  /** The script to run instead of src/main.ts (for the harness's own self-test). */
  entry?: string;
  /** How long to wait for GET /healthz → 200. Default 60 s. */
  readyTimeoutMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotResponse {
  status: number;
  /** Parsed JSON body; the raw text if it was not JSON; undefined when empty. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface BotProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** The options it was started with (for restarts). */
  readonly options: Readonly<StartBotOptions>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ExitInfo>;
  /** POST /api/messages with the activity as JSON. */
  send(activity: unknown): Promise<BotResponse>;
  /** GET a path on the bot, e.g. '/healthz'. */
  get(path: string): Promise<BotResponse>;
  /** Send a signal (default SIGKILL: a crash) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /** SIGTERM and wait for the exit (SIGKILL after 10 s). */
  stop(): Promise<ExitInfo>;
  /**
   * Stop (or kill, with `signal: 'SIGKILL'`) and start again on the same data directory, with
   * the same options except those given (e.g. a later `clockStart`).
   */
  restart(opts?: Partial<StartBotOptions> & { signal?: NodeJS.Signals }): Promise<BotProcess>;
  /** Everything it printed so far. */
  output(): { stdout: string; stderr: string };
  /** stdout's JSON lines (pino logs), parsed; other lines are skipped. */
  logs(): Record<string, unknown>[];
}

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test run that dies must not leave bots listening.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** A port that was free a moment ago: listen on port 0, read it, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** A fresh temp data directory; removed by `cleanupBots()`. */
export function makeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-test-'));
  tempDirs.add(dir);
  return dir;
}

export function childEnv(defaults: BotEnv, overrides: BotEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of SCRUBBED_ENV) delete env[key];
  for (const [key, value] of Object.entries({ ...defaults, ...overrides })) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

interface Spawned {
  child: ChildProcess;
  exited: Promise<ExitInfo>;
  stdout: () => string;
  stderr: () => string;
}

/** Every .ts file under `dir` (relative to the repository). */
function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

let compiledIsCurrent: boolean | undefined;
/** True when dist/ has, for every file of src/, a compiled file written after it. */
function compiledSrcIsCurrent(): boolean {
  compiledIsCurrent ??= sources('src').every((file) => {
    const compiled = join(REPO_ROOT, 'dist', file.replace(/\.ts$/, '.js'));
    return existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(join(REPO_ROOT, file)).mtimeMs;
  });
  return compiledIsCurrent;
}

let bundleCurrent: boolean | undefined;
/** True when the bundle (dist/bundle/, scripts/bundle.mjs) was written after every file of src/. */
function bundleOfSrcIsCurrent(): boolean {
  bundleCurrent ??= bundleIsCurrent(REPO_ROOT);
  return bundleCurrent;
}

/** The node arguments that run `entry`: src/main.ts as `npm start` runs it (the bundle), another file compiled, when current; else through tsx. */
function nodeArgs(entry: string): string[] {
  if (entry === DEFAULT_ENTRY && bundleOfSrcIsCurrent()) return [BUNDLE_ENTRY];
  if (entry.startsWith('src/') && entry.endsWith('.ts') && compiledSrcIsCurrent()) return [join('dist', entry.replace(/\.ts$/, '.js'))];
  return ['--import', 'tsx', entry];
}

/** The command that runs the bot as `npm start` does (node and its arguments), for a test that starts it from another process. */
export function botCommand(entry: string = DEFAULT_ENTRY): string[] {
  return [process.execPath, ...nodeArgs(entry)];
}

function spawnNode(entry: string, env: NodeJS.ProcessEnv): Spawned {
  installExitHook();
  const child = spawn(process.execPath, nodeArgs(entry), {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<ExitInfo>((resolve) => {
    // 'close' (not 'exit'): the output pipes are drained by then.
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (e) => {
      err += `\n[spawn error] ${e.message}`;
      running.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  return { child, exited, stdout: () => out, stderr: () => err };
}

async function request(url: string, init?: RequestInit): Promise<BotResponse> {
  return readResponse(await fetch(url, init));
}

/** A response as a BotResponse: its JSON body parsed, else its text; undefined when empty. */
export async function readResponse(res: Response): Promise<BotResponse> {
  const text = await res.text();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, body };
}

function tail(s: string, max = 4000): string {
  return s.length > max ? `…${s.slice(-max)}` : s;
}

/**
 * Waits until GET /healthz answers 200. Retrying on connection refused is waiting for a
 * process to come up, bounded by `timeoutMs`; it stops at once if the process exits.
 */
async function waitUntilReady(url: string, exited: Promise<ExitInfo>, timeoutMs: number): Promise<'ready' | ExitInfo> {
  const deadline = Date.now() + timeoutMs;
  let exit: ExitInfo | undefined;
  void exited.then((e) => (exit = e));
  let backoff = 20;
  let lastProblem = '';
  while (Date.now() < deadline) {
    if (exit) return exit;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return 'ready';
      lastProblem = `GET /healthz answered ${res.status}`;
    } catch (err) {
      lastProblem = err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ''}` : String(err);
    }
    const outcome = await Promise.race([exited, delay(backoff).then(() => undefined)]);
    if (outcome) return outcome;
    backoff = Math.min(backoff * 2, 250);
  }
  throw new Error(`not ready within ${timeoutMs} ms; last: ${lastProblem}`);
}

/** Starts the bot and resolves once GET /healthz answers 200; rejects with its stderr if it exits first. */
export async function startBot(opts: StartBotOptions = {}): Promise<BotProcess> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? makeDataDir();
  const env = childEnv(
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SCHEDULER_CRON: NO_TICK_CRON,
      ...(opts.clockStart !== undefined ? { CLOCK_START: opts.clockStart } : {}),
      ...(opts.boardConfig !== undefined ? { BOARD_CONFIG: opts.boardConfig } : {}),
    },
    opts.env,
  );
  const entry = opts.entry ?? DEFAULT_ENTRY;
  const spawned = spawnNode(entry, env);
  const url = `http://127.0.0.1:${port}`;
  const describe = (): string =>
    `bot (${entry}, port ${port}, DATA_DIR ${dataDir})\n--- stderr ---\n${tail(spawned.stderr())}\n--- stdout ---\n${tail(spawned.stdout())}`;

  let ready: 'ready' | ExitInfo;
  try {
    ready = await waitUntilReady(url, spawned.exited, opts.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (err) {
    spawned.child.kill('SIGKILL');
    await spawned.exited;
    throw new Error(`${(err as Error).message}: ${describe()}`);
  }
  if (ready !== 'ready') {
    throw new Error(`exited before it was ready (code ${ready.code}, signal ${ready.signal}): ${describe()}`);
  }

  const options: StartBotOptions = { ...opts, dataDir };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> => {
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill(signal);
    return spawned.exited;
  };
  const stop = async (): Promise<ExitInfo> => {
    const timer = setTimeout(() => spawned.child.kill('SIGKILL'), 10_000);
    try {
      return await kill('SIGTERM');
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    url,
    port,
    dataDir,
    pid: spawned.child.pid ?? -1,
    options,
    exited: spawned.exited,
    send: (activity) =>
      request(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      }),
    get: (path) => request(`${url}${path.startsWith('/') ? path : `/${path}`}`),
    kill,
    stop,
    async restart(more = {}) {
      const { signal, ...rest } = more;
      if (signal) await kill(signal);
      else await stop();
      return startBot({ ...options, ...rest, env: { ...options.env, ...rest.env }, dataDir });
    },
    output: () => ({ stdout: spawned.stdout(), stderr: spawned.stderr() }),
    logs: () =>
      spawned
        .stdout()
        .split('\n')
        .flatMap((line) => {
          if (!line.startsWith('{')) return [];
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
  };
}

export interface ExpectedExit extends ExitInfo {
  stdout: string;
  stderr: string;
}

/**
 * Runs the bot with a (bad) environment and resolves when it exits, with its exit code and output.
 * The test asserts the code is non-zero and the message. Rejects if the bot comes up instead
 * (GET /healthz → 200) or is still running after `timeoutMs`.
 * Defaults as startBot (free PORT, fresh DATA_DIR, LOG_LEVEL=warn, SCHEDULER_CRON); `env` wins,
 * and `undefined` removes a variable.
 */
export async function runBotExpectingExit(
  env: BotEnv = {},
  opts: { timeoutMs?: number; entry?: string } = {},
): Promise<ExpectedExit> {
  const port = await freePort();
  const entry = opts.entry ?? DEFAULT_ENTRY;
  const spawned = spawnNode(
    entry,
    childEnv({ PORT: String(port), DATA_DIR: makeDataDir(), LOG_LEVEL: 'warn', SCHEDULER_CRON: NO_TICK_CRON }, env),
  );
  const timeoutMs = opts.timeoutMs ?? READY_TIMEOUT_MS;
  let outcome: 'ready' | ExitInfo;
  try {
    outcome = await waitUntilReady(`http://127.0.0.1:${Number(env.PORT ?? port)}`, spawned.exited, timeoutMs);
  } catch {
    outcome = 'ready';
  }
  if (outcome === 'ready') {
    spawned.child.kill('SIGKILL');
    await spawned.exited;
    throw new Error(
      `expected the bot (${entry}) to exit, but it came up or kept running (${timeoutMs} ms)\n--- stderr ---\n${tail(spawned.stderr())}\n--- stdout ---\n${tail(spawned.stdout())}`,
    );
  }
  return { ...outcome, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/** Kills every bot still running and removes the temp data directories made here (for afterAll). */
export async function cleanupBots(): Promise<void> {
  const exits = [...running].map(
    (child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGKILL');
    }),
  );
  await Promise.all(exits);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
