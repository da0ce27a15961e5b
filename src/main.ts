/** Composition root: env → config → store → scheduler → app. */
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadBoardFile } from './config/board.js';
import { loadEnv } from './config/env.js';
import { ConfigError } from './config/issues.js';
import { LINK_KEY_SECRET, fileLinks } from './files/links.js';
import { type Clock, offsetClock, systemClock } from './clock.js';
import { Scheduler } from './scheduler/runner.js';
import { createHttpApp, listen } from './server.js';
import { openStore } from './store/open-store.js';
import { createAdapter } from './teams/adapter.js';
import { createBot } from './teams/bot.js';
import { fitToTeams } from './teams/fit.js';
import { OutboxSender, adapterConnector } from './teams/outbox/sender.js';
import { LegacyPublisher } from './teams/publisher.js';
import { OutboxPublisher } from './teams/outbox/publisher.js';
import { FEATURES } from './features.js';
import { teamsTexts } from './teams/texts.js';
import { JOB } from './scheduler/planning.js';
import { CONCLUSION_WINDOW_JOB, decideAtWindow } from './usecases/conclusions.js';
import { ensureDatePlanningReminder, runAgendaPost, runAgendaReminder, runDatePlanningReminder, runMeetingReminder } from './usecases/reminders.js';
import { VOTE_DEADLINE_JOB, closeVoteAtDeadline } from './usecases/voting.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const board = loadBoardFile(env.BOARD_CONFIG);
  const log = pino({ level: env.LOG_LEVEL, base: { app: 'bestyrelsesbot' } });
  const clock: Clock = env.CLOCK_START ? offsetClock(new Date(env.CLOCK_START)) : systemClock;
  if (env.CLOCK_START) log.warn({ clockStart: env.CLOCK_START }, 'the clock starts at CLOCK_START (demo/test mode)');
  if (!env.BOT_ID) log.warn('no BOT_ID: anonymous local mode (Agents Playground and tests only)');
  if (env.BOT_OPENID_METADATA_URL) log.warn({ metadata: env.BOT_OPENID_METADATA_URL }, 'tokens are checked against BOT_OPENID_METADATA_URL, not Microsoft\'s keys (test mode)');

  const store = await openStore(env, log);
  await store.migrate();

  const adapter = createAdapter(env);
  // Nothing leaves over Teams' 40 KB: replies, outbox posts and updates, invoke answers.
  adapter.use(fitToTeams(board.locale));
  const botAppId = env.BOT_ID ?? '';
  const outbox = new OutboxSender(store, adapterConnector(adapter, botAppId), clock, log);
  const kickOutbox = () => void outbox.flush().catch((err) => log.error({ err }, 'outbox flush failed'));
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  let scheduler: Scheduler | undefined;
  const kickScheduler = () => void scheduler?.tick().catch((err) => log.error({ err }, 'scheduler tick failed'));
  // The key that signs file links: made once, kept in the store (all instances, all restarts).
  const linkKey = await store.secret(LINK_KEY_SECRET, () => randomBytes(32).toString('base64'));
  const links = fileLinks({ publicUrl, key: linkKey, clock, ttlDays: board.policies.linkTtlDays });
  const deps = { store, board, clock, publisher: new OutboxPublisher(FEATURES, links, new LegacyPublisher(board, clock, links)), texts: teamsTexts, newId: randomUUID };

  scheduler = new Scheduler({
    store,
    clock,
    log,
    handlers: {
      [VOTE_DEADLINE_JOB]: async (job) => {
        const { motionId } = job.payload as { motionId: string };
        await closeVoteAtDeadline(deps, board, motionId);
      },
      [JOB.agendaPost]: (job) => runAgendaPost(deps, job),
      [JOB.agendaReminder]: (job) => runAgendaReminder(deps, job),
      [JOB.meetingReminder]: (job) => runMeetingReminder(deps, job),
      [JOB.datePlanningReminder]: (job) => runDatePlanningReminder(deps, job),
      [CONCLUSION_WINDOW_JOB]: (job) => decideAtWindow(deps, board, (job.payload as { conclusionId: string }).conclusionId),
    },
    afterTick: () => outbox.flush(),
  });
  const onCommitted = () => {
    kickOutbox();
    kickScheduler();
  };
  const bot = createBot({ deps, features: FEATURES, adapter, botAppId, log, onCommitted, links });

  // Signals are handled from here on, so that a stop during the start-up catch-up
  // waits for what it began (a post half sent would otherwise be sent again on the next start).
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  let starting: Promise<void> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server?.close();
    await starting.catch(() => undefined);
    await scheduler?.stop();
    await outbox.flush().catch(() => undefined);
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  server = await listen(createHttpApp({ adapter, bot, store, log, links, board }), env.PORT);
  log.info({ port: env.PORT, board: board.name, dataDir: env.DATA_DIR, now: clock().toISOString() }, 'bestyrelsesbot listening');
  starting = (async () => {
    await ensureDatePlanningReminder(deps);
    await scheduler.start(env.SCHEDULER_CRON);
  })();
  await starting;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`bestyrelsesbot: ${err.message}\n`);
  } else {
    process.stderr.write(`bestyrelsesbot: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
