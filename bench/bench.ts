/**
 * `npm run bench` (PRODUCT §5): the bot against a bare teams-ai app (bench/bare-app.mjs)
 * measured in the same run, on SQLite and, when a database is given, on PostgreSQL.
 *
 * For each store: start to healthy (each server started 3× with a fresh store, alternately,
 * and the bot restarted on the store its first start made;
 * the median), resident memory idle (2 s after start) and after the load, then rounds of
 * load that alternate between the servers (bot, bare, bot, bare, …) so that the machine's
 * noise hits both alike: autocannon posts `vote.cast` card actions over 10 keep-alive
 * connections; to the bot they are real votes on an open motion, each a change of an
 * organisation's vote stored before it is answered. Every answer must be HTTP 200 with an
 * Adaptive Card; what was not is counted and printed. CPU per vote is the server process's
 * CPU time (/proc) over the round divided by its answers.
 *
 * A script, not a test: it prints figures and ratios, and never fails on time.
 *
 * Environment:
 *   BENCH_SECONDS=5        length of a round          BENCH_ROUNDS=4       rounds per server
 *   BENCH_CONNECTIONS=10   concurrent connections     BENCH_WARMUP=1       seconds of warm-up per server
 *   BENCH_STARTS=3         starts per server for start to healthy
 *   BENCH_STORES=sqlite,postgres                      which stores (default: both; PostgreSQL needs a URL)
 *   BENCH_DATABASE_URL or TEST_DATABASE_URL           PostgreSQL (a fresh database per bot, dropped after)
 *   BENCH_HISTORY=1        also a bot whose store holds 5,000 closed motions and 100,000 audit rows
 *   BENCH_CPU_PROF=1       run the load bot under node --cpu-prof and summarise its profile
 *   BENCH_FLOOR=0          on PostgreSQL, leave out the floor (the bare app with one durable
 *                          transaction per vote, with and without a lock on the motion's row)
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type OpenMotion, closedMotion, install, openMotion, post, voteActivities } from './lib/board.js';
import { DEFAULT_HISTORY, type Seeded, seedHistory } from './lib/history.js';
import { isCardAnswer, runRound } from './lib/load.js';
import { loadAverage, machineDescription, rssMb, treeRssMb } from './lib/proc.js';
import { type Window, formatSummary, readProfile, summarise } from './lib/profile.js';
import { type Column, type Figures, median, perVote, table, totals } from './lib/report.js';
import { type Server, removeLogs, startScript, startServer } from './lib/servers.js';
import { type SinkConnector, startSinkConnector } from './lib/sink-connector.js';
import { type StoreInstance, type StoreTarget, type TableStats, describeUrl, pgTarget, sqliteTarget } from './lib/stores.js';

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const config = {
  seconds: envNumber('BENCH_SECONDS', 5),
  rounds: envNumber('BENCH_ROUNDS', 4),
  connections: envNumber('BENCH_CONNECTIONS', 10),
  warmup: envNumber('BENCH_WARMUP', 1),
  starts: envNumber('BENCH_STARTS', 3),
  history: process.env.BENCH_HISTORY === '1',
  profile: process.env.BENCH_CPU_PROF === '1',
  floor: process.env.BENCH_FLOOR !== '0',
  stores: (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim().toLowerCase()),
  pgUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
};

/** Everything to undo if the run stops half way. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) await undo().catch(() => undefined);
}

async function started(launch: Parameters<typeof startServer>[0]): Promise<Server> {
  const server = await startServer(launch);
  cleanups.push(() => server.stop());
  return server;
}

async function freshStore(target: StoreTarget): Promise<StoreInstance> {
  const store = await target.fresh();
  cleanups.push(() => store.dispose());
  return store;
}

/** Starts each server `starts` times, alternately, each bot on a fresh store; the times in ms. */
async function startTimes(target: StoreTarget, withNpm: boolean): Promise<{ bot: number[]; restart: number[]; bare: number[]; npm: number[] }> {
  const times = { bot: [] as number[], restart: [] as number[], bare: [] as number[], npm: [] as number[] };
  for (let i = 0; i < config.starts; i++) {
    const store = await freshStore(target);
    const bot = await started({ launch: { kind: 'start-script' }, env: store.env });
    times.bot.push(bot.startMs);
    await bot.stop();
    // A restart (a deploy, a crash): the store exists and is migrated; the first start also made it.
    const again = await started({ launch: { kind: 'start-script' }, env: store.env });
    times.restart.push(again.startMs);
    await again.stop();
    const bare = await started({ launch: { kind: 'bare' } });
    times.bare.push(bare.startMs);
    await bare.stop();
    if (withNpm) {
      const again = await freshStore(target);
      const npm = await started({ launch: { kind: 'npm-start' }, env: again.env });
      times.npm.push(npm.startMs);
      await npm.stop();
    }
  }
  return times;
}

interface Contender {
  title: string;
  server: Server;
  figures: Figures;
  nextBody: () => string;
  /** The bot's load rounds, for the CPU profile. */
  windows: Window[];
  /** The bot's store, and its PostgreSQL counters before the load. */
  store?: StoreInstance;
  statsBefore?: Record<string, TableStats>;
  /** Requests sent during the warm-up and the rounds (each a vote, for the bots). */
  sent: number;
  /** The bare app with a PostgreSQL transaction per vote (printed apart, as the floor). */
  floor?: boolean;
}

async function settleAndMeasure(server: Server, figures: Figures): Promise<void> {
  await delay(2000);
  figures.rssIdleMb = rssMb(server.pid);
  figures.treeRssIdleMb = treeRssMb(server.rootPid);
}

/** A bot whose store holds history (bench/lib/history.ts); started after seeding. */
async function historyBot(
  target: StoreTarget,
  sink: SinkConnector,
): Promise<{ server: Server; store: StoreInstance; motion: OpenMotion; seeded: Seeded }> {
  const store = await freshStore(target);
  const maker = await started({ launch: { kind: 'start-script' }, env: store.env });
  await install(maker.url, sink);
  const template = await closedMotion(maker.url, sink, 10);
  await maker.stop();
  const db = await store.open();
  let seeded: Seeded;
  try {
    seeded = await seedHistory(db, template, DEFAULT_HISTORY);
    await db.settle();
  } finally {
    await db.close();
  }
  const server = await started({ launch: { kind: 'start-script' }, env: store.env });
  return { server, store, motion: await openMotion(server.url, sink, 'Benchmark'), seeded };
}

/** PRODUCT §5's targets, met or not on this run (printed, never asserted). */
function targets(bot: Figures, bare: Figures): string {
  const b = totals(bot.rounds);
  const base = totals(bare.rounds);
  const check = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const startRatio = median(bot.startMs) / median(bare.startMs);
  const rssRatio = (bot.rssIdleMb ?? Number.NaN) / (bare.rssIdleMb ?? Number.NaN);
  const afterLoadRatio = (bot.rssAfterMb ?? Number.NaN) / (bot.rssIdleMb ?? Number.NaN);
  return (
    `targets (PRODUCT §5, issue 12): throughput ≥ 0.5× bare: ${check(b.perSecond / base.perSecond >= 0.5)}; ` +
    `p99 < 35 ms: ${check(b.p99 < 35)}; start ≤ 1.5× bare: ${check(startRatio <= 1.5)}; ` +
    `idle RSS ≤ 1.15× bare: ${check(rssRatio <= 1.15)}; RSS after the load ≤ 1.3× idle: ${check(afterLoadRatio <= 1.3)} (${afterLoadRatio.toFixed(2)}×); ` +
    `all answers cards: ${check(b.non200 + b.notCard + b.errors === 0)}`
  );
}

/**
 * What the whole machine could serve at the bot's cost per vote: the machine's busy CPU time
 * per vote (the bot, the database server, autocannon, the kernel) against its cores, as a
 * rate and against the bare app's measured one. Where that is under the target, no change to
 * how the bot waits (more connections, a worker thread) reaches it on this machine: only
 * less CPU per vote does.
 */
function ceiling(bot: Figures, bare: Figures): string {
  const b = totals(bot.rounds);
  const base = totals(bare.rounds);
  const cores = cpus().length;
  const most = (1000 * cores) / b.machineCpuMsPerAnswer;
  return (
    `ceiling on this machine: ${b.machineCpuMsPerAnswer.toFixed(2)} ms of the machine's CPU per vote (every process), ` +
    `${cores} cores: at most ${most.toFixed(0)} votes/s with every core busy, ${(most / base.perSecond).toFixed(2)}× bare`
  );
}

async function benchStore(target: StoreTarget, sink: SinkConnector): Promise<void> {
  console.log(`\n## ${target.name}${target.name === 'PostgreSQL' ? ` (${describeUrl(config.pgUrl!)})` : ''}\n`);
  const withNpm = target.name === 'SQLite';
  const starts = await startTimes(target, withNpm);
  const restartRatio = median(starts.restart) / median(starts.bare);
  console.log(
    `restart to healthy on the store just made (ms, median): ${median(starts.restart).toFixed(0)} (${starts.restart.map((s) => s.toFixed(0)).join(' ')}); ` +
      `${restartRatio.toFixed(2)}× bare. The table's start is the first, on a new store (it migrates it).`,
  );

  const profileDir = config.profile ? mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-prof-')) : undefined;
  const store = await freshStore(target);
  const bot = await started({ launch: profileDir ? { kind: 'profile', dir: profileDir } : { kind: 'start-script' }, env: store.env });
  const botFigures: Figures = { rounds: [], startMs: starts.bot };
  await settleAndMeasure(bot, botFigures);
  await install(bot.url, sink);
  const motion = await openMotion(bot.url, sink, 'Benchmark');
  const votes = voteActivities(sink.url, motion);
  // The bot's answer to a vote, and the bare app answers with the same card.
  const first = await post(bot.url, votes());
  if (!isCardAnswer(first.status, JSON.stringify(first.body ?? ''), 'application/json')) {
    throw new Error(`the bot did not answer a vote with a card: ${first.status} ${JSON.stringify(first.body).slice(0, 500)}`);
  }
  botFigures.answerBytes = Buffer.byteLength(JSON.stringify(first.body));
  const cardDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-card-'));
  cleanups.push(async () => rmSync(cardDir, { recursive: true, force: true }));
  const cardFile = join(cardDir, 'card.json');
  writeFileSync(cardFile, JSON.stringify(first.body.value));

  const contenders: Contender[] = [
    { title: 'bot', server: bot, figures: botFigures, nextBody: () => JSON.stringify(votes()), windows: [], store, sent: 0 },
  ];
  if (config.history) {
    const { server, store: historyStore, motion: historyMotion, seeded } = await historyBot(target, sink);
    const figures: Figures = { rounds: [], startMs: [server.startMs] };
    await settleAndMeasure(server, figures);
    const historyVotes = voteActivities(sink.url, historyMotion);
    figures.answerBytes = Buffer.byteLength(JSON.stringify((await post(server.url, historyVotes())).body));
    contenders.push({
      title: 'bot+history',
      server,
      figures,
      nextBody: () => JSON.stringify(historyVotes()),
      windows: [],
      store: historyStore,
      sent: 0,
    });
    console.log(
      `history: ${Object.entries(seeded.written).map(([t, n]) => `${n} ${t}`).join(', ')} written in ${seeded.seconds.toFixed(1)} s; ` +
        `now ${seeded.counts.motions} motions, ${seeded.counts.audit_log} audit rows` +
        ` (its start to healthy, with the history: ${server.startMs.toFixed(0)} ms)`,
    );
  }
  sink.stopRecording();
  const bare = await started({ launch: { kind: 'bare' }, env: { BARE_CARD_FILE: cardFile } });
  const bareFigures: Figures = { rounds: [], startMs: starts.bare };
  await settleAndMeasure(bare, bareFigures);
  const bareAnswer = await post(bare.url, votes());
  bareFigures.answerBytes = Buffer.byteLength(JSON.stringify(bareAnswer.body));
  if (target.name === 'PostgreSQL' && config.floor) {
    for (const lock of [true, false]) {
      const db = await freshStore(target);
      const env = { BARE_CARD_FILE: cardFile, BARE_PG_URL: db.env.DATABASE_URL, BARE_PG_LOCK: lock ? '1' : '0' };
      const server = await started({ launch: { kind: 'bare' }, env });
      const figures: Figures = { rounds: [], startMs: [server.startMs] };
      await settleAndMeasure(server, figures);
      figures.answerBytes = Buffer.byteLength(JSON.stringify((await post(server.url, votes())).body));
      const title = lock ? 'bare+tx+lock' : 'bare+tx';
      contenders.push({ title, server, figures, nextBody: () => JSON.stringify(votes()), windows: [], sent: 0, floor: true });
    }
  }
  contenders.push({ title: 'bare', server: bare, figures: bareFigures, nextBody: () => JSON.stringify(votes()), windows: [], sent: 0 });

  const sentBefore = sink.counts()['PUT activity'] ?? 0;
  for (const c of contenders) c.statsBefore = await c.store?.tableStats?.();
  const round = async (c: Contender, seconds: number) => {
    const result = await runRound({ url: c.server.url, pid: c.server.pid, connections: config.connections, seconds, nextBody: c.nextBody });
    c.sent += result.sent;
    return result;
  };
  for (const c of contenders) await round(c, config.warmup);
  for (let r = 0; r < config.rounds; r++) {
    for (const c of contenders) {
      const startUs = Number(process.hrtime.bigint() / 1000n);
      c.figures.rounds.push(await round(c, config.seconds));
      c.windows.push({ startUs, endUs: Number(process.hrtime.bigint() / 1000n) });
    }
  }
  for (const c of contenders) {
    c.figures.rssAfterMb = rssMb(c.server.pid);
    c.figures.treeRssAfterMb = treeRssMb(c.server.rootPid);
  }
  const updates = (sink.counts()['PUT activity'] ?? 0) - sentBefore;

  const column = (c: Contender): Column => ({ title: c.title, figures: c.figures });
  const main = contenders.filter((c) => !c.floor);
  for (const line of table(main.map(column), { pair: config.history, database: target.name === 'PostgreSQL' })) console.log(line);
  console.log(targets(botFigures, bareFigures));
  console.log(ceiling(botFigures, bareFigures));
  const floors = contenders.filter((c) => c.floor);
  if (floors.length) {
    console.log(
      '\nThe floor on this machine, in the same rounds: the bare app with one durable PostgreSQL transaction per vote ' +
        '(bench/bare-app.mjs, BARE_PG_URL): the ballot upserted and committed, and with the lock the motion\'s row locked first',
    );
    for (const line of table([...floors, contenders.find((c) => c.title === 'bare')!].map(column), { database: true })) console.log(line);
  }
  if (withNpm) console.log(`bot started by \`npm start\` itself (npm included): ${median(starts.npm).toFixed(0)} ms median (${starts.npm.map((s) => s.toFixed(0)).join(' ')})`);
  console.log(`the bots' outboxes sent ${updates} card updates to the connector during the load (pending updates of a card are coalesced)`);
  if (target.name === 'PostgreSQL') console.log('CPU per vote is the bot process\'s only: the PostgreSQL server\'s own work is not in it');
  const ids = contenders.map((c) => `${c.title} ${c.server.pid}`).join(', ');
  console.log(`server processes: ${ids}; start command of the bot: \`${startScript()}\`; load average now: ${loadAverage()}`);

  // Stopped, the bots' database sessions have reported their counters (and the profile is written).
  for (const c of contenders) await c.server.stop();
  for (const c of contenders) {
    if (!c.statsBefore || !c.store?.tableStats) continue;
    for (const line of perVote(c.title, c.statsBefore, await c.store.tableStats(), c.sent)) console.log(line);
  }
  await cleanUp();
  if (profileDir) {
    // The main thread's profile (thread 0) of the server process; tsx's loader thread writes another.
    const file = readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(profileDir, f))
      .sort((a, b) => Number(b.includes(`.${bot.pid}.0.`)) - Number(a.includes(`.${bot.pid}.0.`)) || statSync(b).size - statSync(a).size)[0];
    if (file) {
      console.log('');
      for (const line of formatSummary(summarise(readProfile(file), contenders[0]!.windows, 20))) console.log(line);
      console.log(`(profile kept: ${file})`);
    } else {
      console.log(`no CPU profile was written in ${profileDir}`);
    }
  }
}

async function main(): Promise<void> {
  console.log('# npm run bench: the bot against a bare teams-ai app, in the same run\n');
  for (const line of machineDescription()) console.log(`- ${line}`);
  console.log(
    `- load: autocannon, ${config.connections} keep-alive connections, ${config.rounds} rounds of ${config.seconds} s per server ` +
      `(alternating), ${config.warmup} s warm-up each; starts: ${config.starts} per server`,
  );
  console.log('- the benchmark process (autocannon, and the Bot Connector the bot posts its card updates to) shares the machine with the servers');
  const targets: StoreTarget[] = [];
  if (config.stores.includes('sqlite')) targets.push(sqliteTarget());
  if (config.stores.includes('postgres')) {
    if (config.pgUrl) targets.push(pgTarget(config.pgUrl));
    else console.log('- PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  }
  const sink = await startSinkConnector();
  try {
    for (const target of targets) await benchStore(target, sink);
  } finally {
    await cleanUp();
    await sink.close();
    removeLogs();
  }
}

main().catch(async (err: unknown) => {
  console.error(err);
  await cleanUp();
  process.exit(1);
});
