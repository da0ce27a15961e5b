/**
 * The e2e test bed: the real bot (test/support/bot-process.ts) behind the Microsoft 365
 * Agents Playground (`agentsplayground`), which is both the Teams-like web client the
 * browser drives and the mock Bot Connector the bot answers to
 * (docs/playground.md).
 *
 *   Chromium ──▶ playground :P ──▶ forwarder :F ──▶ bot :B   (POST /api/messages)
 *   bot ──▶ http://localhost:P/_connector (serviceUrl of every activity the playground sends)
 *
 * The playground takes the bot's endpoint once, at start (`-e`), and cannot be re-pointed.
 * startBot() puts every (re)start on a new free port, so the playground is pointed at a
 * small forwarder on a port of its own, which sends each request on to the bot that is
 * running now. Restarting the bot (to move its clock) leaves the playground, its WebSocket
 * clients and the page untouched.
 *
 * Everything a run leaves (screenshots, the bot's and the playground's logs) goes to one
 * folder, test-results/e2e/<timestamp>/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import WebSocket from 'ws';
import { type BotProcess, REPO_ROOT, cleanupBots, freePort, makeDataDir, startBot } from '../support/bot-process.js';

export { REPO_ROOT };

/** The mock Teams data: the demo board, Anne Andersen (chair, FOB) as the current user. */
export const PLAYGROUND_CONFIG = resolve(REPO_ROOT, '.m365agentsplayground.yml');
export const PLAYGROUND_BIN = resolve(REPO_ROOT, 'node_modules', '.bin', 'agentsplayground');
export const TEAM_NAME = 'Boligsocial bestyrelse';
export const TEAM_ID = '19:team-slagelse@thread.tacv2';
export const CHANNEL_NAME = 'Bestyrelsesmøder';
export const CHANNEL_ID = '19:board-channel@thread.tacv2';

export const CARD = 'application/vnd.microsoft.card.adaptive';

const PLAYGROUND_READY_TIMEOUT_MS = 45_000;
const STOP_GRACE_MS = 5_000;

// ------------------------------------------------------------------ results ----

/** test-results/e2e/<timestamp>/ (test-results/ is gitignored), created now. */
export function makeResultsDir(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = resolve(REPO_ROOT, 'test-results', 'e2e', stamp);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- forwarder ----

interface Forwarder {
  readonly port: number;
  /** Where requests go now: the bot's port, or undefined (answers 503) while it restarts. */
  target: number | undefined;
  close(): Promise<void>;
}

/** An HTTP forwarder on 127.0.0.1 that passes each request on to 127.0.0.1:<target>, as is. */
async function startForwarder(): Promise<Forwarder> {
  const forwarder: Forwarder = { port: 0, target: undefined, close: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const port = forwarder.target;
    if (port === undefined) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('the bot is restarting');
      req.resume();
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`forwarder: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  (forwarder as { port: number }).port = typeof address === 'object' && address ? address.port : 0;
  forwarder.close = () =>
    new Promise<void>((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    });
  return forwarder;
}

// ------------------------------------------------------ the playground process ----

const groups = new Set<number>();
let exitHookInstalled = false;

function killGroups(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  groups.clear();
}

/** A run that dies must not leave a playground listening (the bot has its own 'exit' hook in bot-process.ts). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killGroups);
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * While a test bed runs, an interrupt must not leave it behind. The playground has a process
 * group of its own, so a Ctrl-C in the terminal does not reach it, and in a vitest worker
 * `process.exit` throws, so 'exit' hooks do not run. On SIGINT/SIGTERM/SIGHUP: kill the
 * playground and the bot, then let the signal do what it would have done (Playwright's own
 * handler closes Chromium; without other handlers the signal ends this process), and end this
 * process 5 s later if it is still there.
 */
function onSignal(signal: NodeJS.Signals): void {
  killGroups();
  void cleanupBots();
  removeSignalHandlers();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  else setTimeout(() => process.kill(process.pid, 'SIGKILL'), 5_000).unref();
}

function addSignalHandlers(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeSignalHandlers(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

interface PlaygroundProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

async function probe(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return await res.text();
  } catch {
    return undefined;
  }
}

/**
 * `agentsplayground -e <endpoint> -c msteams --disable-telemetry -p <port>` in its own process
 * group, TEAMSAPPTESTER_BROWSER=none, the repository's mock data, its log in `dir`. Resolves
 * when GET /_debug/ping answers pong and the process is still up a moment later (a bad config
 * makes it exit right after "Listening on"; the reason is only in its log file).
 */
async function startPlaygroundProcess(endpoint: string, dir: string): Promise<PlaygroundProcess> {
  installExitHook();
  const requested = await freePort();
  const logFile = join(dir, 'playground-internal.log');
  const child = spawn(PLAYGROUND_BIN, ['-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(requested)], {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() signals the group, so it ends with anything it started
  });
  if (child.pid !== undefined) groups.add(child.pid);
  let out = '';
  let port = requested;
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    // It picks another port by itself if the one asked for was taken meanwhile.
    const m = /Listening on (\d+)/.exec(out);
    if (m) port = Number(m[1]);
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (out += s));
  let gone = false;
  const exited = new Promise<void>((resolveExit) => {
    child.once('close', () => {
      gone = true;
      if (child.pid !== undefined) groups.delete(child.pid);
      resolveExit();
    });
    child.once('error', (err) => {
      out += `\n[spawn error] ${err.message}`;
      gone = true;
      resolveExit();
    });
  });

  const stop = async (): Promise<void> => {
    if (gone || child.pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + PLAYGROUND_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) break;
    if ((await probe(`http://127.0.0.1:${port}/_debug/ping`)) === 'pong') {
      await delay(1_000);
      if (!gone) return { child, get port() { return port; }, exited, output: () => out, stop };
      break;
    }
    await delay(250);
  }
  await stop();
  throw new Error(
    `the playground did not come up (${gone ? 'it exited' : `no pong within ${PLAYGROUND_READY_TIMEOUT_MS / 1000} s`}); ` +
      `its log is ${logFile}\n--- output ---\n${out.slice(-4000)}`,
  );
}

// ------------------------------------------------------- the conversation stream ----

/** One event of /_ws_conversation/v1/conversations/stream: what the bot posted or updated. */
export interface StreamEvent {
  readonly action: 'createMessage' | 'updateMessage' | 'typing' | string;
  readonly actionConversationId?: string;
  readonly message?: {
    readonly messageId: string;
    readonly timestamp?: number;
    readonly from?: { id: string };
    readonly text?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly attachments?: { contentType: string; content: any }[];
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

export interface ConversationStream {
  /** Every event so far, in arrival order. */
  readonly events: StreamEvent[];
  /** The number of events so far: pass it as `since` to wait only for later ones. */
  mark(): number;
  waitFor(predicate: (e: StreamEvent) => boolean, opts?: { since?: number; timeoutMs?: number; what?: string }): Promise<StreamEvent>;
  close(): void;
}

/**
 * All text in an event, as a reader sees it: the message text and every string in its
 * card, joined by newlines, no-break spaces (which keep »kl. 14.00« on one line) as spaces.
 */
export function textOf(e: StreamEvent): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  if (typeof e.message?.text === 'string') parts.push(e.message.text);
  walk(e.message?.attachments?.map((a) => a.content));
  return parts.join('\n').replace(/\u00a0/g, ' ');
}

/**
 * The conversation a card's buttons are pressed in, as the web client sends it: a post at
 * the top of a channel is the root of its own thread, `<channel id>;messageid=<post id>`.
 */
export function threadOf(e: StreamEvent): string {
  const conversation = e.actionConversationId ?? '';
  const messageId = e.message?.messageId ?? '';
  return conversation.includes(';messageid=') || !conversation.startsWith('19:') ? conversation : `${conversation};messageid=${messageId}`;
}

/** The Adaptive Card of a message event, if it has one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cardOf(e: StreamEvent): any | undefined {
  return e.message?.attachments?.find((a) => a.contentType === CARD)?.content;
}

async function openStream(port: number): Promise<ConversationStream> {
  const events: StreamEvent[] = [];
  const listeners = new Set<() => void>();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (data: WebSocket.Data) => {
    try {
      events.push(JSON.parse(data.toString()) as StreamEvent);
    } catch {
      return;
    }
    for (const notify of listeners) notify();
  });
  await new Promise<void>((resolveOpen, reject) => {
    ws.once('open', () => resolveOpen());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined);
  return {
    events,
    mark: () => events.length,
    waitFor(predicate, opts = {}) {
      const since = opts.since ?? 0;
      const timeoutMs = opts.timeoutMs ?? 30_000;
      return new Promise<StreamEvent>((resolveWait, reject) => {
        const check = (): boolean => {
          const found = events.slice(since).find(predicate);
          if (!found) return false;
          cleanup();
          resolveWait(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = events
            .slice(since)
            .map((e) => `  ${e.action} ${e.message?.messageId ?? ''} ${textOf(e).replace(/\s+/g, ' ').slice(0, 160)}`)
            .join('\n');
          reject(new Error(`no ${opts.what ?? 'matching event'} on the playground's stream within ${timeoutMs} ms; seen:\n${seen || '  (nothing)'}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        const listener = () => void check();
        listeners.add(listener);
        check();
      });
    },
    close: () => ws.terminate(),
  };
}

// ------------------------------------------------------------------- together ----

export interface InvokeAnswer {
  readonly status: number;
  /** The bot's invoke response as the playground relays it: { statusCode, type, value }. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface TestBed {
  /** `http://localhost:<port>`: open this in the browser. */
  readonly url: string;
  readonly playgroundPort: number;
  /** The bot running now (a restart replaces it). */
  readonly bot: BotProcess;
  readonly dataDir: string;
  readonly resultsDir: string;
  readonly stream: ConversationStream;
  /**
   * A card button pressed by another member, through the playground's invoke route: the bot
   * sees that member (the playground fills in their aadObjectId from the mock data).
   */
  invokeAs(userId: string, conversationId: string, replyToId: string, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer>;
  /**
   * Someone who is not one of the playground's users (the secretary) writes to the bot in a
   * conversation: the playground's custom activity route, a message with `from` replaced.
   */
  sayAs(who: { id: string; name: string; aadObjectId: string }, conversationId: string, text: string): Promise<void>;
  /** Stop the bot and start it again on the same data directory with a new clockStart; the playground stays. */
  restartBot(clockStart: string): Promise<void>;
  /** Stop everything (idempotent) and write the logs into resultsDir. */
  stop(): Promise<void>;
}

export interface TestBedOptions {
  readonly clockStart: string;
  readonly resultsDir: string;
  /** LOG_LEVEL of the bot (default info; its output is written to resultsDir). */
  readonly logLevel?: string;
}

/**
 * Starts the bot (demo board, fresh data directory, `clockStart`), the forwarder and the
 * playground, opens the conversation stream, and checks that the bot can reach the
 * playground's connector at the serviceUrl the playground will send it.
 */
export async function startTestBed(opts: TestBedOptions): Promise<TestBed> {
  const dataDir = makeDataDir();
  const botLogs: string[] = [];
  const env = { LOG_LEVEL: opts.logLevel ?? 'info' };
  let bot: BotProcess | undefined;
  let forwarder: Forwarder | undefined;
  let playground: PlaygroundProcess | undefined;
  let stream: ConversationStream | undefined;
  let stopped = false;

  const keepBotLog = (b: BotProcess | undefined) => {
    if (!b) return;
    const { stdout, stderr } = b.output();
    botLogs.push(`=== bot pid ${b.pid} port ${b.port} clockStart ${b.options.clockStart ?? '-'} ===\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}\n`);
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    removeSignalHandlers();
    stream?.close();
    await playground?.stop();
    if (bot) {
      await bot.stop();
      keepBotLog(bot);
    }
    await forwarder?.close();
    writeFileSync(join(opts.resultsDir, 'bot.log'), botLogs.join('\n'));
    if (playground) writeFileSync(join(opts.resultsDir, 'playground.log'), playground.output());
  };

  addSignalHandlers();
  try {
    bot = await startBot({ clockStart: opts.clockStart, dataDir, env });
    forwarder = await startForwarder();
    forwarder.target = bot.port;
    // "localhost" as in the playground's own examples; the forwarder listens on 127.0.0.1.
    playground = await startPlaygroundProcess(`http://localhost:${forwarder.port}/api/messages`, opts.resultsDir);
    const port = playground.port;

    // The bot answers to the serviceUrl of the activities the playground sends it:
    // http://localhost:<port>/_connector. The bot runs on this machine with this environment;
    // if its connector does not answer here, no post of the bot can reach the page.
    const connector = await fetch(`http://localhost:${port}/_connector/v3/teams/${encodeURIComponent(TEAM_ID)}`, {
      signal: AbortSignal.timeout(5_000),
    }).catch((err: Error) => err);
    if (connector instanceof Error || connector.status !== 200) {
      throw new Error(
        `the bot could not reach the playground's connector at http://localhost:${port}/_connector: ` +
          (connector instanceof Error ? connector.message : `HTTP ${connector.status}`),
      );
    }
    stream = await openStream(port);

    const bed: TestBed = {
      url: `http://localhost:${port}`,
      playgroundPort: port,
      get bot() {
        return bot!;
      },
      dataDir,
      resultsDir: opts.resultsDir,
      stream,
      async invokeAs(userId, conversationId, replyToId, verb, data) {
        const res = await fetch(`http://127.0.0.1:${port}/_conversation/v1/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'adaptiveCard/action',
            from: { id: userId },
            conversation: { id: conversationId },
            replyToId,
            value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
          }),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        return { status: res.status, body };
      },
      async sayAs(who, conversationId, text) {
        const base = `http://127.0.0.1:${port}/_internal/v1/customActivities`;
        const template = await fetch(`${base}/template?conversationId=${encodeURIComponent(conversationId)}`, { signal: AbortSignal.timeout(10_000) });
        if (!template.ok) throw new Error(`custom activity template for ${conversationId}: HTTP ${template.status} ${await template.text()}`);
        const activity = (await template.json()) as Record<string, unknown>;
        const bot = activity.recipient as { id: string; name: string };
        const mention = `<at>${bot.name}</at>`;
        const body = {
          ...activity,
          type: 'message',
          from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
          text: `${mention} ${text}`,
          entities: [{ type: 'mention', text: mention, mentioned: { id: bot.id, name: bot.name } }],
        };
        const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
        if (!res.ok) throw new Error(`custom activity as ${who.name}: HTTP ${res.status} ${await res.text()}`);
      },
      async restartBot(clockStart) {
        forwarder!.target = undefined;
        const previous = bot!;
        bot = undefined;
        try {
          bot = await previous.restart({ clockStart });
        } finally {
          keepBotLog(previous);
        }
        forwarder!.target = bot.port;
      },
      stop,
    };
    return bed;
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
