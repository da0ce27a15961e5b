/**
 * createBotApp: the bot as one object, for main.ts and for tests. It takes what differs
 * between a deployment and a test — the store, the clock, the connector that posts to
 * Teams, the board, the logger — and wires the features (features.ts) into the Teams app,
 * the outbox, the scheduler and the HTTP routes. Listening is the caller's.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type express from 'express';
import type { Logger } from 'pino';
import type { Board } from './domain/kernel/board.js';
import type { Clock } from './domain/kernel/clock.js';
import { ConfigError } from './config/issues.js';
import { COMMANDS, CONTRIBUTIONS, JOBS, TEAMS_FEATURES, VERBS } from './features.js';
import { LINK_KEY_SECRET, type FileLinks, fileLinks } from './files/links.js';
import { PermanentJobError, jobHandlers } from './scheduler/registry.js';
import { Scheduler, yieldToEventLoop } from './scheduler/runner.js';
import { createHttpApp } from './server.js';
import type { Store } from './store/port.js';
import { type AdapterSettings, createAdapter } from './teams/adapter.js';
import { createTeamsApp } from './teams/app.js';
import { BoardDirectory } from './teams/turn/boards.js';
import { fitToTeams } from './teams/fit.js';
import { REPLY_TIMEOUT_MS, boundedSends } from './teams/bounded-sends.js';
import { OutboxPublisher } from './teams/outbox/publisher.js';
import { type ConnectorClientPort, OutboxSender, adapterConnector } from './teams/outbox/sender.js';
import { teamsTexts } from './teams/texts.js';
import { storeAgendas } from './usecases/agenda-rows.js';
import { ensureDatePlanningReminder } from './usecases/dates.js';
import { ensureRosterReading, withFormerPeople } from './usecases/roster.js';
import type { Committed, Deps, Roster } from './usecases/deps.js';
import { adapterRoster } from './teams/roster.js';

export interface BotAppDeps {
  /** Opened and migrated. The caller closes it. */
  readonly store: Store;
  readonly clock: Clock;
  /** The boards served (R19): each with its own channel, record, schedule and texts. */
  readonly boards: readonly Board[];
  readonly log: Logger;
  /** Where the bot is reached over HTTPS (file links). */
  readonly publicUrl: string;
  /** The bot's credentials; without BOT_ID, anonymous local mode. */
  readonly auth?: AdapterSettings;
  /** Posts to Teams; by default through the adapter (Bot Connector). */
  readonly connector?: ConnectorClientPort;
  /** Reads the team's roster; by default through the adapter (Bot Connector, paged members). */
  readonly roster?: Roster;
  readonly newId?: () => string;
  /** How long an outbox send may take (ms). */
  readonly sendTimeoutMs?: number;
}

export interface BotApp {
  /** POST /api/messages, GET /healthz, the signed files. */
  readonly app: express.Express;
  readonly deps: Deps;
  readonly links: FileLinks;
  /** Runs every job that is due; resolves with how many ran (then the outbox is flushed). */
  tick(): Promise<number>;
  /** Sends what the outbox holds. */
  flush(): Promise<void>;
  /**
   * Catches up (the annual reminder, what fell due while down) and ticks on `cron` from then on;
   * without `cron`, only catches up (tests then tick themselves).
   */
  start(cron?: string): Promise<void>;
  /** Resolves once the sends and ticks that committed changes set going are done (tests). */
  settled(): Promise<void>;
  /**
   * A stop begins: from now on sending has FINISH_BUDGET_MS in all, whatever Teams does (close
   * calls it; main calls it first, before it waits for the start's catch-up). Idempotent.
   */
  beginStop(): void;
  /** Stops the ticks, waits for what runs, and sends what is left in the outbox. */
  close(): Promise<void>;
}

/**
 * R19: with several boards, a board's id may come first in a 1:1 chat (`slagelse moeder`): an id
 * that is also a command's word could not be told from it. One board alone is never named so.
 * main calls it before the store is opened (a refused start migrates nothing); createBotApp again.
 */
export function refuseCommandWordIds(boards: readonly Board[]): void {
  for (const board of boards.length > 1 ? boards : []) {
    if (COMMANDS.beginsACommand(board.id)) {
      throw new ConfigError(`board "${board.id}": its id is also a command's word, so with several boards a 1:1 message starting with it could not be told from the command; set board.id (or rename the file) to another id, and nothing was started`);
    }
  }
}

export async function createBotApp(options: BotAppDeps): Promise<BotApp> {
  const { store, clock, log } = options;
  if (options.boards.length === 0) throw new Error('createBotApp: no board to serve');
  if (new Set(options.boards.map((b) => b.id)).size !== options.boards.length) throw new Error('createBotApp: two boards with one id');
  refuseCommandWordIds(options.boards);
  // Each with the people its record names who have left it (their names, for the record).
  const boards = await Promise.all(options.boards.map((board) => withFormerPeople({ store }, board)));
  const boardsById = new Map(boards.map((b) => [b.id, b]));
  const first = boards[0]!;

  const adapter = createAdapter(options.auth ?? {});
  // Nothing leaves over Teams' 40 KB: replies, outbox posts and updates, invoke answers.
  adapter.use(fitToTeams(first.locale));
  // A reply waits for the Bot Connector at most REPLY_TIMEOUT_MS: the request Teams sent is answered all the same.
  adapter.use(boundedSends(REPLY_TIMEOUT_MS, log));
  const botAppId = options.auth?.BOT_ID ?? '';
  const outbox = new OutboxSender(store, options.connector ?? adapterConnector(adapter, botAppId), clock, log, options.sendTimeoutMs);
  // The key that signs file links: made once, kept in the store (all instances, all restarts).
  const linkKey = await store.secret(LINK_KEY_SECRET, () => randomBytes(32).toString('base64'));
  const links = fileLinks({ publicUrl: options.publicUrl, key: linkKey, clock });
  const deps = { store, clock, publisher: new OutboxPublisher(TEAMS_FEATURES, links, boards.length > 1, CONTRIBUTIONS), texts: teamsTexts, newId: options.newId ?? randomUUID, contributions: CONTRIBUTIONS, roster: options.roster ?? adapterRoster(adapter, botAppId) };

  const scheduler = new Scheduler({
    store,
    clock,
    log,
    // R19: one tick for every board; each job runs with its own board (time zone, channel, texts).
    handlers: jobHandlers(JOBS, (job) => {
      const board = boardsById.get(job.boardId);
      if (!board) throw new PermanentJobError(`job ${job.key} is for board "${job.boardId}", which no board file names`);
      return { deps, board };
    }),
    afterTick: () => outbox.flush(),
  });
  // What a committed change sets going runs on after the turn's answer; settled() waits for it.
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, failed: string) => {
    const running: Promise<unknown> = work.catch((err) => log.error({ err }, failed)).finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  // A change's posts go at once (an update of a card sent within the second: with the outbox's
  // wake-up, as it would anyway); the scheduler ticks at once only for a job the change planned for now
  // (else the minute's tick runs what falls due: a vote would otherwise cost an empty claim of jobs).
  const onCommitted = (committed: Committed) => {
    track(committed.onlyUpdates ? outbox.updated(committed.onlyUpdates) : outbox.flush(), 'outbox flush failed');
    if (committed.dueNow) track(scheduler.tick(), 'scheduler tick failed');
  };
  const directory = new BoardDirectory(boards, deps, log);
  const bot = createTeamsApp({ deps, boards: directory, adapter, botAppId, log, onCommitted, links, commands: COMMANDS, verbs: VERBS });
  const app = createHttpApp({ adapter, bot, store, log, links, boards: boardsById, files: { clock, contributions: CONTRIBUTIONS } });

  return {
    app,
    deps,
    links,
    tick: () => scheduler.tick(),
    flush: () => outbox.flush(),
    async start(cron) {
      for (const board of boards) {
        // Another instance starting at the same moment may store them first (its rows then win the unique key): logged, not fatal.
        await storeAgendas(deps, board).catch((err) => log.warn({ err, board: board.id }, 'storing the agendas (and moving the planned posts) at start failed; the next start tries again'));
        await ensureDatePlanningReminder({ deps, board });
        await ensureRosterReading({ deps, board });
        await yieldToEventLoop(); // requests are answered while many boards catch up
      }
      // What fell due while the bot was down, and the jobs failed for good, planned again (Scheduler.catchUp).
      if (cron === undefined) await scheduler.catchUp();
      else await scheduler.start(cron);
    },
    settled,
    beginStop: () => outbox.beginStop(),
    async close() {
      // The time for sending counts from here: a tick's flush under way ends by then too.
      outbox.beginStop();
      await scheduler.stop();
      // What is left to send goes now, card updates held back for their second too.
      await outbox.finish().catch((err) => log.error({ err }, 'outbox flush failed'));
      // Then nothing may touch the store the caller closes next: no retry timer, no flush or
      // tick a turn set going (what is left pending is sent by the next start).
      await outbox.stop();
      // A send that still waits for a Bot Connector that does not answer is not waited for: the next start sends it.
      if (outbox.timedOut) await Promise.race([settled(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      else await settled();
    },
  };
}
