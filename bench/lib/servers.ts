/**
 * Starting and stopping the two servers the benchmark compares: the bot, as `npm start`
 * runs it (the command of package.json's `start` script, or `npm start` itself), and the
 * bare teams-ai app. Each runs in its own process group, so that stopping it stops the
 * wrappers (sh, tsx's CLI) with it; the server itself is found in /proc (proc.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { serverProcess } from './proc.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Environment that would change how the bot runs (credentials, another store, production). */
const SCRUBBED = [
  'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE', 'CLIENT_ID', 'CLIENT_SECRET', 'MicrosoftAppId',
  'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'NODE_ENV', 'DATABASE_URL', 'PORT',
  'DATA_DIR', 'BOARD_CONFIG', 'CLOCK_START', 'SCHEDULER_CRON', 'LOG_LEVEL', 'BOT_OPENID_METADATA_URL',
  'PUBLIC_URL', 'NODE_OPTIONS',
];

export type Launch =
  /** The command of package.json's `start` script, run as npm runs it (`sh -c`, node_modules/.bin on PATH). */
  | { kind: 'start-script' }
  /** `npm start` itself (npm's own start-up included). */
  | { kind: 'npm-start' }
  /** `node bench/bare-app.mjs`. */
  | { kind: 'bare' }
  /**
   * The start script's entry under `node --cpu-prof` (node refuses the flag in NODE_OPTIONS):
   * `tsx <entry>` becomes `node --cpu-prof --import tsx <entry>`, `node <entry>` keeps its entry.
   */
  | { kind: 'profile'; dir: string };

export interface ServerOptions {
  launch: Launch;
  env?: Record<string, string | undefined>;
  readyTimeoutMs?: number;
}

export interface Server {
  readonly url: string;
  readonly port: number;
  /** The spawned command (the process group's leader). */
  readonly rootPid: number;
  /** The server process itself. */
  readonly pid: number;
  /** From spawn to the first GET /healthz answered 200, in ms. */
  readonly startMs: number;
  readonly logFile: string;
  /** SIGTERM to the group; SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** The end of what it printed (for error messages). */
  logTail(): string;
}

const logDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-logs-'));
let serial = 0;

export function removeLogs(): void {
  rmSync(logDir, { recursive: true, force: true });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error('no port'))));
    });
  });
}

export function startScript(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = pkg.scripts?.start;
  if (!start) throw new Error('package.json has no start script');
  return start;
}

function spawnLaunch(launch: Launch, env: NodeJS.ProcessEnv, out: number): ChildProcess {
  const options = { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', out, out] as ['ignore', number, number] };
  switch (launch.kind) {
    case 'start-script':
      return spawn('sh', ['-c', startScript()], {
        ...options,
        env: { ...env, PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}` },
      });
    case 'npm-start':
      return spawn('npm', ['start', '--silent'], options);
    case 'bare':
      return spawn(process.execPath, [join(REPO_ROOT, 'bench', 'bare-app.mjs')], options);
    case 'profile':
      return spawn(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${launch.dir}`, ...profiledEntry()], options);
  }
}

/** The node arguments that run what the start script runs, for `--cpu-prof`. */
function profiledEntry(): string[] {
  const words = startScript().trim().split(/\s+/);
  if (words.length === 2 && words[0] === 'tsx') return ['--import', 'tsx', words[1]!];
  if (words.length >= 2 && words[0] === 'node') return words.slice(1);
  throw new Error(`BENCH_CPU_PROF: cannot run the start script "${startScript()}" under node --cpu-prof; expected "tsx <file>" or "node <file>"`);
}

export async function startServer(opts: ServerOptions): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of SCRUBBED) delete env[key];
  for (const [key, value] of Object.entries({ PORT: String(port), ...opts.env })) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const logFile = join(logDir, `${opts.launch.kind}-${++serial}.log`);
  const out = openSync(logFile, 'w');
  const began = performance.now();
  const child = spawnLaunch(opts.launch, env, out);
  closeSync(out);
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  const url = `http://127.0.0.1:${port}`;
  const logTail = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-3000);
    } catch {
      return '';
    }
  };
  const stop = async (): Promise<void> => {
    if (exited) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 10_000);
    await exit;
    clearTimeout(killer);
    // The group's other members (the server under a wrapper) may outlive the leader by a moment.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await delay(20);
    }
  };

  const deadline = began + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exited) throw new Error(`${opts.launch.kind} exited before it was healthy:\n${logTail()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${opts.launch.kind} not healthy within ${opts.readyTimeoutMs ?? 30_000} ms:\n${logTail()}`);
    }
    await delay(5);
  }
  const startMs = performance.now() - began;
  const pid = serverProcess(child.pid!);
  if (pid === undefined) {
    await stop();
    throw new Error(`${opts.launch.kind}: no node process under ${child.pid}`);
  }
  return { url, port, rootPid: child.pid!, pid, startMs, logFile, stop, logTail };
}
