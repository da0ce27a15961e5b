#!/usr/bin/env node
// npm run playground — the bot plus the Microsoft 365 Agents Playground, locally.
//
// 1. Starts the bot in local anonymous mode: as `npm start` runs it (dist/bundle/main.mjs)
//    when that was built after every change to src/, else `node --import tsx src/main.ts`,
//    with PORT (default 3978) and DATA_DIR=./data/playground (unless set).
// 2. Waits until http://127.0.0.1:$PORT/healthz answers 200 (at most 30 s).
// 3. Starts the Agents Playground against http://localhost:$PORT/api/messages
//    on PLAYGROUND_PORT (default 56150; mock Teams data:
//    .m365agentsplayground.yml) and prints its URL. It opens a browser only
//    where there is a desktop to open it on (on Linux: DISPLAY or
//    WAYLAND_DISPLAY set, and xdg-open installed); elsewhere, or with
//    TEAMSAPPTESTER_BROWSER=none, it only prints the URL.
// Ctrl-C or SIGTERM stops both. If either one exits, the other is stopped and
// this script exits with that one's exit code.
//
// Environment:
//   PORT                     the bot's port (default 3978)
//   PLAYGROUND_PORT          the playground's port (default 56150)
//   DATA_DIR                 the bot's data folder (default ./data/playground)
//   TEAMSAPPTESTER_BROWSER   `none`: never open a browser
//   PLAYGROUND_BOT_COMMAND   run this shell command instead of the bot (for
//                            testing the wiring with a stand-in); it gets the
//                            same environment and must serve GET /healthz
//                            and POST /api/messages on PORT

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_ENTRY, bundleIsCurrent } from './lib/bundle-current.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BOT_PORT = port('PORT', 3978);
const PLAYGROUND_PORT = port('PLAYGROUND_PORT', 56150);
const HEALTH_URL = `http://127.0.0.1:${BOT_PORT}/healthz`;
const BOT_ENDPOINT = `http://localhost:${BOT_PORT}/api/messages`;
const BOT_READY_TIMEOUT_MS = 30_000;
const PLAYGROUND_READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const PLAYGROUND_LOG = join(ROOT, 'devTools', 'm365agentsplayground.log');
const BOARD_CHANNEL = 'Bestyrelsesmøder';
const POSIX = process.platform !== 'win32';

/** A TCP port from the environment, or the default; anything else stops the script. */
function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) {
    process.stderr.write(`[playground.mjs] ${name}=${raw} is not a port (1-65535).\n`);
    process.exit(2);
  }
  return n;
}

/** Whether a browser can be opened here: a desktop session and its opener. */
function canOpenBrowser() {
  if (process.env.TEAMSAPPTESTER_BROWSER === 'none') return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const path = (process.env.PATH || '').split(':');
  return path.some((dir) => dir && existsSync(join(dir, 'xdg-open')));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => process.stdout.write(`[playground.mjs] ${line}\n`);

/** Pipes a child's output to ours, each line prefixed; calls onLine per line. */
function pipeLines(stream, out, prefix, onLine) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (data) => {
    const lines = (rest + data).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      out.write(`${prefix} ${line}\n`);
      onLine?.(line);
    }
  });
  stream.on('end', () => {
    if (rest) out.write(`${prefix} ${rest}\n`);
  });
}

/** GET url; resolves to the status code and body, or null if nothing answers. */
async function probe(url, timeoutMs = 2_000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}

// ------------------------------------------------------------ children ----

const children = new Map(); // name -> { proc, exited: Promise<number> }
let stopping = false;

function start(name, command, args, options) {
  const proc = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: POSIX, // own process group, so a shell and what it runs stop together
    ...options,
  });
  const prefix = `[${name}]`;
  const exited = new Promise((resolveExit) => {
    proc.on('error', (err) => {
      say(`${name}: could not start (${err.message})`);
      resolveExit(127);
    });
    proc.on('exit', (code, signal) => {
      const status = code ?? 128 + (signalNumber(signal) ?? 15);
      if (!stopping) say(`${name} exited (${signal ? `signal ${signal}` : `code ${code}`}).`);
      resolveExit(status);
    });
  });
  const child = { proc, exited, onLine: null };
  pipeLines(proc.stdout, process.stdout, prefix, (line) => child.onLine?.(line));
  pipeLines(proc.stderr, process.stderr, prefix);
  children.set(name, child);
  exited.then((status) => {
    children.delete(name);
    if (!stopping) shutdown(status);
  });
  return child;
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}

function kill(child, signal) {
  const { pid } = child.proc;
  if (pid === undefined) return;
  try {
    if (POSIX) process.kill(-pid, signal);
    else child.proc.kill(signal);
  } catch {
    // already gone
  }
}

/** Stops every child (SIGTERM, then SIGKILL after a grace period) and exits. */
async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = [...children.values()];
  for (const child of running) kill(child, 'SIGTERM');
  const all = Promise.all(running.map((c) => c.exited));
  const timer = setTimeout(() => {
    for (const child of running) kill(child, 'SIGKILL');
  }, STOP_GRACE_MS);
  await all;
  clearTimeout(timer);
  process.exit(exitCode);
}

process.on('SIGINT', () => {
  say('Stopper … / Stopping …');
  shutdown(130);
});
process.on('SIGTERM', () => shutdown(143));
process.on('SIGHUP', () => shutdown(129));

// ---------------------------------------------------------------- main ----

function botEnvironment() {
  const env = { ...process.env, PORT: String(BOT_PORT) };
  env.DATA_DIR = process.env.DATA_DIR || './data/playground';
  for (const key of ['BOT_ID', 'BOT_PASSWORD', 'MicrosoftAppId', 'MicrosoftAppPassword']) {
    if (env[key]) {
      say(`Warning: ${key} is set. The playground sends no tokens; the bot must run in anonymous mode (unset the bot credentials).`);
    }
  }
  if (env.NODE_ENV === 'production') {
    say('Warning: NODE_ENV=production refuses anonymous mode; the playground needs it.');
  }
  return env;
}

async function startBot() {
  if (await probe(HEALTH_URL)) {
    say(`Port ${BOT_PORT} is already in use (something answers ${HEALTH_URL}). Stop it first.`);
    process.exit(1);
  }
  const env = botEnvironment();
  if (!process.env.PLAYGROUND_BOT_COMMAND) mkdirSync(resolve(ROOT, env.DATA_DIR), { recursive: true });
  const bot = process.env.PLAYGROUND_BOT_COMMAND
    ? start('bot', process.env.PLAYGROUND_BOT_COMMAND, [], { env, shell: true })
    : start('bot', process.execPath, bundleIsCurrent(ROOT) ? [BUNDLE_ENTRY] : ['--import', 'tsx', 'src/main.ts'], { env });
  say(`Starting the bot on port ${BOT_PORT} (DATA_DIR=${env.DATA_DIR}); waiting for ${HEALTH_URL} …`);

  const deadline = Date.now() + BOT_READY_TIMEOUT_MS;
  let last = null;
  while (Date.now() < deadline) {
    if (!children.has('bot')) return; // it exited; shutdown() is under way
    last = await probe(HEALTH_URL);
    if (last?.status === 200) return bot;
    await sleep(500);
  }
  say(
    `The bot did not become healthy within ${BOT_READY_TIMEOUT_MS / 1000} s` +
      (last ? ` (last answer: HTTP ${last.status} ${last.body.slice(0, 200)})` : ' (no answer)') +
      '.',
  );
  await shutdown(1);
}

function playgroundCli() {
  const require = createRequire(join(ROOT, 'package.json'));
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

/** Prints the error lines of the playground's own log (a bad config lands only there). */
function showPlaygroundLogErrors() {
  if (!existsSync(PLAYGROUND_LOG)) return;
  const errors = readFileSync(PLAYGROUND_LOG, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('error '));
  if (errors.length === 0) return;
  say(`From ${PLAYGROUND_LOG}:`);
  for (const line of errors) process.stderr.write(`[playground] ${line}\n`);
}

function playgroundEnvironment() {
  const env = { ...process.env };
  // Without a desktop the playground's `open` fails (spawn xdg-open ENOENT)
  // and takes the playground down; ask it not to open anything.
  if (!canOpenBrowser()) env.TEAMSAPPTESTER_BROWSER = 'none';
  return env;
}

async function startPlayground() {
  if (await probe(`http://127.0.0.1:${PLAYGROUND_PORT}/_debug/ping`)) {
    say(`Port ${PLAYGROUND_PORT} is in use (another playground?). Stop it first.`);
    await shutdown(1);
    return;
  }
  const playground = start(
    'playground',
    process.execPath,
    [
      playgroundCli(),
      '-e',
      BOT_ENDPOINT,
      '-c',
      'msteams',
      '--disable-telemetry',
      '-p',
      String(PLAYGROUND_PORT),
    ],
    { env: playgroundEnvironment() },
  );
  // It falls back to a free port of its own choosing if 56150 is taken.
  let port = PLAYGROUND_PORT;
  playground.onLine = (line) => {
    const m = /^Listening on (\d+)/.exec(line.trim());
    if (m) port = Number(m[1]);
  };
  playground.exited.then((status) => {
    if (status !== 0 && status < 128) showPlaygroundLogErrors();
  });

  const deadline = Date.now() + PLAYGROUND_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!children.has('playground')) return;
    const ping = await probe(`http://127.0.0.1:${port}/_debug/ping`);
    // A bad config makes it exit right after "Listening on"; give it a moment.
    if (ping?.body === 'pong') {
      await sleep(1_000);
      if (!children.has('playground')) return;
      announce(port);
      return;
    }
    await sleep(300);
  }
  say(`The playground did not answer /_debug/ping within ${PLAYGROUND_READY_TIMEOUT_MS / 1000} s.`);
  await shutdown(1);
}

function announce(port) {
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  Agents Playground kører: åbn ${url}` + (canOpenBrowser() ? '' : ' i en browser'),
    `  Kanalen "${BOARD_CHANNEL}" er bestyrelsens kanal. Skriv dér: @Bestyrelsesbot brug denne kanal`,
    '  Du er formanden Anne Andersen. Stop med Ctrl-C.',
    '',
    `  Agents Playground is running: open ${url}`,
    `  The channel "${BOARD_CHANNEL}" is the board's channel. Write there: @Bestyrelsesbot use this channel`,
    '  You are the chair, Anne Andersen. Stop with Ctrl-C.',
    '',
    `  (Playground log: ${PLAYGROUND_LOG})`,
    '',
  ];
  if (port !== PLAYGROUND_PORT) lines.splice(1, 0, `  NB: port ${PLAYGROUND_PORT} was taken; using ${port}.`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (await startBot()) await startPlayground();
