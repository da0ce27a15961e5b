/**
 * `npm run bench:boards` (issue 11, R19): one deployment serving 1,000 generated boards of
 * 6–12 people, against the same bot serving one board, measured in the same run.
 *
 * - start to healthy and resident memory: the bot as `npm start` runs it (a child process),
 *   BOARD_CONFIG a directory of generated board files, a fresh SQLite store; the median of
 *   BENCH_STARTS starts, alternating between the one-board and the many-board directory;
 *   RSS read 2 s after healthy;
 * - a scheduler tick with nothing due: createBotApp in this process on the same kind of
 *   store, after its start-up catch-up; the median of BENCH_TICKS ticks;
 * - a vote: a `vote.cast` card action over HTTP (127.0.0.1), each a change of an
 *   organisation's vote stored before it is answered, in board 1 and in the last board
 *   (each bound to its own channel by its chair); median and p95 of BENCH_VOTES votes.
 *
 * A script, not a test: it prints the figures and the ratios, and never fails on time.
 * Targets (issue 11): start ≤ 2× one board's, a tick ≤ 20 ms, vote latency independent of
 * the number of boards.
 *
 *   BENCH_BOARDS=1000  BENCH_STARTS=3  BENCH_TICKS=50  BENCH_VOTES=200
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server as HttpServer, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import pino from 'pino';
import { createBotApp } from '../src/app.js';
import { loadBoards } from '../src/config/board.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { type ChannelAccount, cardAction, channelMessage } from '../test/support/activities.js';
import { post } from './lib/board.js';
import { loadAverage, machineDescription, rssMb } from './lib/proc.js';
import { median } from './lib/report.js';
import { removeLogs, startServer } from './lib/servers.js';
import { startSinkConnector } from './lib/sink-connector.js';

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const config = {
  boards: envNumber('BENCH_BOARDS', 1000),
  starts: envNumber('BENCH_STARTS', 3),
  ticks: envNumber('BENCH_TICKS', 50),
  votes: envNumber('BENCH_VOTES', 200),
};

const root = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-boards-'));

/** A generated person's aadObjectId: board `b`, person `p`. */
const aad = (b: number, p: number) => `00000000-0000-4000-8000-${(b * 100 + p).toString(16).padStart(12, '0')}`;
const boardId = (b: number) => `board-${String(b).padStart(4, '0')}`;
const channelOf = (b: number) => `19:bench-${b}@thread.tacv2`;

/** Board `b`: 3–6 organisations, 6–12 people, the first person the chair. */
function boardYaml(b: number): string {
  const people = 6 + (b % 7);
  const orgs = Math.min(3 + (b % 4), people - 1);
  const lines = [`board:`, `  id: ${boardId(b)}`, `  name: Bench-bestyrelse ${b}`, `organisations:`];
  for (let o = 0; o < orgs; o++) lines.push(`  - { id: O${o}, name: Organisation ${o} }`);
  lines.push('people:');
  for (let p = 0; p < people; p++) {
    const roles = p === 0 ? '[member, chair]' : p === people - 1 ? '[secretary]' : '[member]';
    const org = p === people - 1 ? '' : `, organisation: O${p % orgs}`;
    lines.push(`  - { name: Person ${b}-${p}, aadObjectId: ${aad(b, p)}${org}, roles: ${roles} }`);
  }
  return `${lines.join('\n')}\n`;
}

function boardDirectory(count: number): string {
  const dir = join(root, `boards-${count}`);
  mkdirSync(dir);
  for (let b = 1; b <= count; b++) writeFileSync(join(dir, `${boardId(b)}.yaml`), boardYaml(b));
  return dir;
}

const person = (b: number, p: number): ChannelAccount => ({ id: `29:bench-${b}-${p}`, name: `Person ${b}-${p}`, aadObjectId: aad(b, p) });

interface StartFigures {
  startMs: number;
  rssMb: number;
}

async function startOnce(dir: string): Promise<StartFigures> {
  const data = mkdtempSync(join(root, 'data-'));
  const server = await startServer({ launch: { kind: 'start-script' }, env: { BOARD_CONFIG: dir, DATA_DIR: data, LOG_LEVEL: 'warn' }, readyTimeoutMs: 120_000 });
  try {
    await delay(2000);
    return { startMs: server.startMs, rssMb: rssMb(server.pid) ?? Number.NaN };
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

interface InProcessFigures {
  tickMs: number;
  voteFirst: { median: number; p95: number };
  voteLast: { median: number; p95: number };
}

const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

/** The tick and the votes, with createBotApp in this process. */
async function inProcess(dir: string, count: number): Promise<InProcessFigures> {
  const boards = loadBoards(dir);
  const data = mkdtempSync(join(root, 'store-'));
  const store = await openSqliteStore({ file: join(data, 'bestyrelsesbot.db'), board: boards[0]!.id });
  await store.migrate();
  const sink = await startSinkConnector();
  const bot = await createBotApp({ store, clock: () => new Date(), boards, log: pino({ level: 'silent' }), publicUrl: 'http://127.0.0.1' });
  await bot.start();
  const server: HttpServer = createServer((req, res) => bot.app(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ticks: number[] = [];
    for (let i = 0; i < config.ticks; i++) {
      const began = performance.now();
      await bot.tick();
      ticks.push(performance.now() - began);
    }

    const voteIn = async (b: number) => {
      const chair = person(b, 0);
      const channel = channelOf(b);
      await post(url, channelMessage(sink.url, chair, `brug denne kanal ${boardId(b)}`, { conversationId: channel }));
      sink.record();
      await post(url, channelMessage(sink.url, chair, `afstemning Forslag i ${boardId(b)}`, { conversationId: channel }));
      const card = await sink.waitFor((a) => a.method === 'POST' && JSON.stringify(a.body).includes(`Forslag i ${boardId(b)}`) && JSON.stringify(a.body).includes('vote.cast'));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const motionId = ((card.body.attachments[0].content.actions ?? []) as any[]).find((a) => a.verb === 'vote.cast').data.motionId as string;
      sink.stopRecording();
      await bot.settled();
      const voters = [person(b, 1), person(b, 2)]; // members of O1 and O2: the chair's O0 never votes, so the vote stays open
      const choices = ['for', 'against', 'abstain'];
      const latencies: number[] = [];
      for (let i = 0; i < config.votes; i++) {
        const activity = cardAction(sink.url, voters[i % 2]!, 'vote.cast', { motionId, choice: choices[Math.floor(i / 2) % 3]! }, { conversationId: channel, replyToId: card.activityId, id: `f:${randomUUID()}` });
        const began = performance.now();
        const answer = await post(url, activity);
        latencies.push(performance.now() - began);
        if (answer.status !== 200 || answer.body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`vote in ${boardId(b)}: ${answer.status} ${JSON.stringify(answer.body)}`);
        await bot.settled();
      }
      return { median: median(latencies), p95: p95(latencies) };
    };
    const voteFirst = await voteIn(1);
    const voteLast = await voteIn(count);
    return { tickMs: median(ticks), voteFirst, voteLast };
  } finally {
    await bot.close();
    await new Promise<void>((done) => server.close(() => done()));
    await store.close();
    await sink.close();
    rmSync(data, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  console.log(`bench:boards — 1 board against ${config.boards} boards of 6–12 people (SQLite)`);
  for (const line of machineDescription()) console.log(line);
  const one = boardDirectory(1);
  const many = boardDirectory(config.boards);

  const starts: Record<'one' | 'many', StartFigures[]> = { one: [], many: [] };
  for (let i = 0; i < config.starts; i++) {
    starts.one.push(await startOnce(one));
    starts.many.push(await startOnce(many));
  }
  const startOf = (k: 'one' | 'many') => median(starts[k].map((s) => s.startMs));
  const rssOf = (k: 'one' | 'many') => median(starts[k].map((s) => s.rssMb));

  const oneIn = await inProcess(one, 1);
  const manyIn = await inProcess(many, config.boards);

  const rows: [string, string, string, string][] = [
    ['start to healthy (ms)', fmt(startOf('one'), 0), fmt(startOf('many'), 0), ratio(startOf('many'), startOf('one'))],
    ['RSS 2 s after start (MB)', fmt(rssOf('one')), fmt(rssOf('many')), ratio(rssOf('many'), rssOf('one'))],
    ['tick, nothing due (ms, median)', fmt(oneIn.tickMs, 2), fmt(manyIn.tickMs, 2), ratio(manyIn.tickMs, oneIn.tickMs)],
    ['vote in board 1 (ms, median / p95)', `${fmt(oneIn.voteFirst.median, 2)} / ${fmt(oneIn.voteFirst.p95, 2)}`, `${fmt(manyIn.voteFirst.median, 2)} / ${fmt(manyIn.voteFirst.p95, 2)}`, ratio(manyIn.voteFirst.median, oneIn.voteFirst.median)],
    [`vote in board ${config.boards} (ms, median / p95)`, '–', `${fmt(manyIn.voteLast.median, 2)} / ${fmt(manyIn.voteLast.p95, 2)}`, ratio(manyIn.voteLast.median, oneIn.voteFirst.median)],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['', '1 board', `${config.boards} boards`, 'ratio'], ...rows].map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log('');
  console.log(line(['', '1 board', `${config.boards} boards`, 'ratio']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(`starts: ${config.starts} each (median); ticks: ${config.ticks}; votes: ${config.votes} per board; load average ${loadAverage()}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    rmSync(root, { recursive: true, force: true });
    removeLogs();
  });
