/**
 * Benchmark (PRODUCT §2: "the invoke is answered well inside Teams' limit, target
 * under 100 ms on a laptop"). Starts the real bot on SQLite with a fake connector,
 * opens a vote, then times `vote.cast` invokes (each one committed to the store before
 * it is answered) against a baseline measured in the same run: `GET /healthz`, which
 * does one store round trip and no Teams work. Prints the latencies and the ratio.
 * Not a test: it asserts nothing and never fails on time.
 *
 *   npm run bench
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { botInstalled, cardAction, channelMessage, people } from '../test/support/activities.js';
import { cleanupBots, startBot } from '../test/support/bot-process.js';
import { startFakeConnector } from '../test/support/fake-connector.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** The process's resident set size from /proc (Linux), in MB. */
function rssMegabytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  const bot = await startBot({ env: { LOG_LEVEL: 'error' } });
  try {
    await bot.send(botInstalled(connector.url, people.anne));
    await bot.send(channelMessage(connector.url, people.anne, 'afstemning Benchmark'));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'));
    const motionId = (card.attachments as any[])[0].content.actions[0].data.motionId as string;

    const voters = [people.birgitte, people.soeren, people.henrik, people.mette, people.lars];
    const choices = ['for', 'against', 'abstain'];
    const baseline: number[] = [];
    const invokes: number[] = [];
    // Warm up both paths, then interleave them so both see the same machine load.
    for (let i = 0; i < 20; i++) {
      await bot.get('/healthz');
      await bot.send(cardAction(connector.url, voters[i % voters.length]!, 'vote.cast', { motionId, choice: choices[i % 3] }));
    }
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      await bot.get('/healthz');
      baseline.push(performance.now() - t);
      // Never all six organisations: the vote must stay open (KOM does not vote).
      const activity = cardAction(connector.url, voters[i % voters.length]!, 'vote.cast', { motionId, choice: choices[i % 3] });
      t = performance.now();
      const res = await bot.send(activity);
      invokes.push(performance.now() - t);
      if (res.body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`unexpected answer: ${JSON.stringify(res.body)}`);
    }
    const b = stats(baseline);
    const v = stats(invokes);
    console.log(`rounds: ${ROUNDS}`);
    console.log(`baseline GET /healthz   p50 ${fmt(b.p50)}  p95 ${fmt(b.p95)}  max ${fmt(b.max)}`);
    console.log(`invoke vote.cast        p50 ${fmt(v.p50)}  p95 ${fmt(v.p95)}  max ${fmt(v.max)}`);
    console.log(`ratio vote.cast/healthz p50 ${(v.p50 / b.p50).toFixed(2)}  p95 ${(v.p95 / b.p95).toFixed(2)}`);
    console.log(`target: vote.cast p95 under 100 ms: ${v.p95 < 100 ? 'met' : 'NOT met'}`);
    const rss = rssMegabytes(bot.pid);
    if (rss !== undefined) console.log(`bot resident memory after the run: ${rss.toFixed(0)} MB`);
  } finally {
    await cleanupBots();
    await connector.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
