/**
 * Composition root: env → config → store → createBotApp → listen. The environment and the
 * board files are checked before the bot itself (botbuilder, teams-ai, the store) is
 * loaded: a refused start says why at once, not after a second of loading.
 */
import pino, { type Logger } from 'pino';
import { type Clock, offsetClock, systemClock } from './clock.js';
import { loadBoards, placeholderPeople, settleBoardTenants } from './config/board.js';
import { loadEnv } from './config/env.js';
import { ConfigError } from './config/issues.js';

/** The log, once made: a start that fails for a reason that is not the operator's logs its stack there. */
let startLog: Logger | undefined;

async function main(): Promise<void> {
  const env = loadEnv();
  // What a board directory holds besides board files (board.json, board.yaml.bak) is named once the log is made.
  const skipped: string[] = [];
  // R19: each board's tenant settled (BOT_TENANT_ID for a single-tenant bot's board naming none), or the start refused.
  const boards = settleBoardTenants(env, loadBoards(env.BOARD_CONFIG, (file) => skipped.push(file)));
  const [{ createBotApp, refuseCommandWordIds }, { listen, requestsInFlight }, { openStore, storeUnreachable }, { REPLY_TIMEOUT_MS }] = await Promise.all([import('./app.js'), import('./server.js'), import('./store/open-store.js'), import('./teams/bounded-sends.js')]);
  refuseCommandWordIds(boards);
  const log = pino({ level: env.LOG_LEVEL, base: { app: 'bestyrelsesbot' } });
  startLog = log;
  const clock: Clock = env.CLOCK_START ? offsetClock(new Date(env.CLOCK_START)) : systemClock;
  if (env.CLOCK_START) log.warn({ clockStart: env.CLOCK_START }, 'the clock starts at CLOCK_START (demo/test mode)');
  if (!env.BOT_ID) log.warn('no BOT_ID: anonymous local mode (Agents Playground and tests only)');
  if (env.BOT_OPENID_METADATA_URL) log.warn({ metadata: env.BOT_OPENID_METADATA_URL }, 'tokens are checked against BOT_OPENID_METADATA_URL, not Microsoft\'s keys (test mode)');

  for (const file of skipped) {
    log.warn({ file }, 'not a board file (a board file ends in .yaml or .yml): skipped');
  }
  for (const board of boards) {
    const placeholders = placeholderPeople(board);
    if (placeholders.length) {
      log.warn(
        { board: board.id, people: placeholders.map((p) => p.name) },
        'the board file names people the bot can never recognise: only an e-mail at an example domain, no aadObjectId (fill in the board file)',
      );
    }
  }
  const configured = boards.map((b) => b.id);
  // R19: this process claims the jobs and posts of the boards it serves only.
  const store = await openStore(env, log, boards[0]!.id, configured);
  // A start that fails from here on closes the store before it ends: SQLite's -wal and -shm files
  // are folded back and removed, and PostgreSQL's connections end (the process does not wait for them).
  // Its first queries: a PostgreSQL server that is not there or will not let the bot in, or a
  // SQLite file another program holds, is said in one line.
  const startFailed = async (error: unknown): Promise<never> => {
    await store.close().catch(() => undefined);
    throw (await storeUnreachable(env, error)) ?? error;
  };
  // R19: a database from before boards had ids holds one board's records: with one board
  // configured they are its; with several the migration refuses and says what to do.
  const timezones = Object.fromEntries(boards.map((b) => [b.id, b.timezone]));
  const migrationsRun = await store.migrate({ ...(boards.length === 1 ? { existingBoard: boards[0]!.id } : {}), timezones }).catch(startFailed);
  log.info({ migrationsRun }, migrationsRun.length ? `migrated the store: ${migrationsRun.join(', ')}` : 'the store was up to date: no migrations run');
  // A board's records are kept under its id (its file's name unless board.id is set): a file
  // renamed or moved under another name leaves them behind, and its channel bound to them.
  const forgotten = (await store.listBoardsWithRecords().catch(startFailed)).filter((id) => !configured.includes(id));
  if (forgotten.length) {
    log.warn(
      { unknownBoards: forgotten, boards: configured },
      'the store holds boards that no board file names (their records and channels are kept, but not served): a board\'s id is its file\'s name unless board.id is set; give the file its old name, or set board.id to the old id',
    );
  }
  const bot = await createBotApp({ store, clock, boards, log, publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`, auth: env }).catch(startFailed);

  // Signals are handled from here on, so that a stop during the start-up catch-up
  // waits for what it began (a post half sent would otherwise be sent again on the next start).
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  let requests: ReturnType<typeof requestsInFlight> | undefined;
  let starting: Promise<void> = Promise.resolve();
  let stopping = false;
  const stop = async (): Promise<void> => {
    server?.close();
    // Sending has its budget from now on, also while the start's catch-up (which sends) ends.
    bot.beginStop();
    await starting.catch(() => undefined);
    // The requests being answered finish (a turn's replies wait at most REPLY_TIMEOUT_MS) while the outbox sends what it can.
    await Promise.all([requests?.drain(REPLY_TIMEOUT_MS + 1_000), bot.close()]);
    await store.close();
  };
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  server = await listen(bot.app, env.PORT).catch(async (err: unknown) => {
    if (stopping) return new Promise<never>(() => undefined); // the stop under way closes the store and ends the process
    stopping = true;
    // Nothing runs yet (no catch-up, no tick, no request): the store is closed at once, and nothing is sent.
    if ((err as { code?: unknown }).code === 'EADDRINUSE') err = new ConfigError(`PORT ${env.PORT} is in use (is the bot already running?); nothing was started`);
    await store.close().catch(() => undefined);
    throw err;
  });
  requests = requestsInFlight(server);
  // Run by `npm start`, the bot goes with npm: a supervisor that stops npm alone (SIGTERM
  // to npm, whose shell does not pass it on) would otherwise leave it running, orphaned.
  if (process.env.npm_lifecycle_event === 'start') watchParent(() => void shutdown('npm stopped'));
  // The store it uses: DATA_DIR is not used at all on PostgreSQL.
  // The port it listens on: PORT=0 takes any free one.
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  log.info({ port, boards: boards.length, board: boards[0]!.name, ...(env.DATABASE_URL ? { store: 'postgres' } : { dataDir: env.DATA_DIR }), now: clock().toISOString() }, 'bestyrelsesbot listening');
  starting = bot.start(env.SCHEDULER_CRON);
  try {
    await starting;
  } catch (error) {
    // The catch-up at start failed: the bot stops as a stop does (the requests being answered
    // finish, the store closes), then says why.
    if (stopping) return void log.error({ err: error }, 'the start\'s catch-up failed while stopping');
    stopping = true;
    await stop().catch(() => undefined);
    throw (await storeUnreachable(env, error)) ?? error;
  }
}

/** Calls `gone` once when the process that started this one has ended (this one then has another parent). */
function watchParent(gone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, 1000);
  timer.unref();
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`bestyrelsesbot: ${err.message}\n`);
  } else if (startLog) {
    // One line for the operator; the stack, for whoever looks into it, in the log.
    startLog.fatal({ err }, 'could not start');
    process.stderr.write(`bestyrelsesbot: could not start: ${oneLine(err)} (the log has the details)\n`);
  } else {
    process.stderr.write(`bestyrelsesbot: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});

/** An error as one line: its name and message, line breaks and the spaces around them made one space. */
function oneLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
