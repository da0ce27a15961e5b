/**
 * One round of load: autocannon posts activities to `POST /api/messages` over keep-alive
 * connections for a fixed time, and every answer is checked (HTTP 200, JSON, an Adaptive
 * Card invoke response). Latencies are kept exactly (autocannon's own histogram rounds to
 * the millisecond); the server's CPU time, the machine's and the PostgreSQL server's are read from /proc before and after.
 */
import autocannon from 'autocannon';
import { setTimeout as delay } from 'node:timers/promises';
import { commTicks, cpuSeconds, cpuSecondsBetween, machineCpuSeconds } from './proc.js';

export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_MARK = `"type":"${CARD_TYPE}"`;

export interface RoundOptions {
  /** The server's base URL. */
  url: string;
  /** The server process, whose CPU time is read. */
  pid: number;
  connections: number;
  seconds: number;
  /** The JSON body of the next request (a new activity each time). */
  nextBody: () => string;
}

export interface RoundResult {
  /** Answers received (good or bad). */
  answers: number;
  /**
   * Requests sent: the answers and those still in flight when the round ended, which the
   * server finishes all the same (a vote is stored even if nobody waits for its answer).
   */
  sent: number;
  /** Answers other than HTTP 200. */
  non200: number;
  /** Answers that were HTTP 200 but not an Adaptive Card in JSON. */
  notCard: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  /** Latency of each good answer, in ms. */
  latencies: number[];
  /** The server's CPU time during the round and until it is idle again, in s. */
  cpuSeconds: number;
  /** A few bad answers, for the report. */
  badSamples: string[];
  /** The machine's CPU time, all cores together, over the same span: busy, and in all (busy + idle). */
  machine: { busy: number; total: number };
  /** The PostgreSQL server's CPU time (its processes, `postgres`, those that ran to the end) over the same span, in s. */
  databaseCpuSeconds: number;
}

/** Whether an answer is what Teams needs for a card action: 200, JSON, an Adaptive Card. */
export function isCardAnswer(status: number, body: string, contentType: string | undefined): boolean {
  return status === 200 && (contentType ?? '').startsWith('application/json') && body.includes(CARD_MARK);
}

export async function runRound(opts: RoundOptions): Promise<RoundResult> {
  const latencies: number[] = [];
  const badSamples: string[] = [];
  let non200 = 0;
  let notCard = 0;
  let sent = 0;
  const cpuBefore = cpuSeconds(opts.pid);
  const machineBefore = machineCpuSeconds();
  const databaseBefore = commTicks('postgres');
  const instance = autocannon({
    url: `${opts.url}/api/messages`,
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          sent++;
          return { ...request, body: opts.nextBody() };
        },
        onResponse: (status, body, _context, headers) => {
          // Raw header names, as the server wrote them (express: Content-Type).
          const type = headers['content-type'] ?? headers['Content-Type'];
          if (isCardAnswer(status, body, Array.isArray(type) ? type[0] : type)) return;
          if (status === 200) notCard++;
          else non200++;
          if (badSamples.length < 3) badSamples.push(`${status} ${String(type)} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
  });
  const result = await instance;
  // What the round started (requests in flight, the outbox's card updates) is its own cost:
  // wait until the server has been idle for 100 ms (at most 3 s).
  let last = cpuSeconds(opts.pid);
  for (let waited = 0; waited < 3000; waited += 100) {
    await delay(100);
    const now = cpuSeconds(opts.pid);
    if (now === last) break;
    last = now;
  }
  const cpu = last - cpuBefore;
  const machineAfter = machineCpuSeconds();
  return {
    answers: result.requests.total,
    sent: Math.max(sent, result.requests.total),
    non200,
    notCard,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
    latencies,
    cpuSeconds: cpu,
    badSamples,
    machine: { busy: machineAfter.busy - machineBefore.busy, total: machineAfter.total - machineBefore.total },
    databaseCpuSeconds: cpuSecondsBetween(databaseBefore, commTicks('postgres')),
  };
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
