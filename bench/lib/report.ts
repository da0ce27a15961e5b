/** The benchmark's figures and how they are printed: a table per store, with ratios. */
import { percentile, type RoundResult } from './load.js';
import type { TableStats } from './stores.js';

export interface Figures {
  rounds: RoundResult[];
  startMs: number[];
  rssIdleMb?: number;
  treeRssIdleMb?: number;
  rssAfterMb?: number;
  treeRssAfterMb?: number;
  /** Bytes of one answer to vote.cast. */
  answerBytes?: number;
}

export interface Totals {
  answers: number;
  perSecond: number;
  roundRates: number[];
  p50: number;
  p99: number;
  cpuMsPerAnswer: number;
  /** The PostgreSQL server's CPU per request sent (0 on SQLite: no such server runs for it). */
  databaseCpuMsPerAnswer: number;
  /** Share of the machine's cores busy over the rounds (every process: server, database, load generator). */
  machineBusy: number;
  /** The machine's busy CPU time (every process and the kernel) per request sent, in ms. */
  machineCpuMsPerAnswer: number;
  non200: number;
  notCard: number;
  errors: number;
  badSamples: string[];
}

export function totals(rounds: readonly RoundResult[]): Totals {
  const answers = rounds.reduce((s, r) => s + r.answers, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const cpu = rounds.reduce((s, r) => s + r.cpuSeconds, 0);
  const sent = rounds.reduce((s, r) => s + r.sent, 0);
  return {
    answers,
    perSecond: seconds > 0 ? answers / seconds : Number.NaN,
    roundRates: rounds.map((r) => (r.seconds > 0 ? r.answers / r.seconds : Number.NaN)),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    // Per request sent: those in flight at the end of a round were served after it, at its cost.
    cpuMsPerAnswer: sent > 0 ? (1000 * cpu) / sent : Number.NaN,
    databaseCpuMsPerAnswer: sent > 0 ? (1000 * rounds.reduce((s, r) => s + r.databaseCpuSeconds, 0)) / sent : Number.NaN,
    machineBusy: rounds.reduce((s, r) => s + r.machine.busy, 0) / rounds.reduce((s, r) => s + r.machine.total, 0),
    machineCpuMsPerAnswer: sent > 0 ? (1000 * rounds.reduce((s, r) => s + r.machine.busy, 0)) / sent : Number.NaN,
    non200: rounds.reduce((s, r) => s + r.non200, 0),
    notCard: rounds.reduce((s, r) => s + r.notCard, 0),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    badSamples: rounds.flatMap((r) => r.badSamples).slice(0, 3),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const num = (v: number | undefined, digits: number): string => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;

export interface Column {
  title: string;
  figures: Figures;
}

/**
 * A Markdown table: one column per server, then the ratio of each to the last column
 * (the bare app), and, with `pair` (three columns), the second's to the first (history/bot).
 */
export function table(columns: readonly Column[], options: { readonly pair?: boolean; readonly database?: boolean } = {}): string[] {
  const t = columns.map((c) => totals(c.figures.rounds));
  const base = columns.length - 1;
  /** A label, each column's value, its digits, and whether a ratio to the bare app means something. */
  type Row = [string, (i: number) => number | undefined, number, boolean?];
  const rows: Row[] = [
    ['vote invokes/s', (i) => t[i]!.perSecond, 0],
    ['p50 latency (ms)', (i) => t[i]!.p50, 1],
    ['p99 latency (ms)', (i) => t[i]!.p99, 1],
    ['CPU per vote (ms)', (i) => t[i]!.cpuMsPerAnswer, 2],
    // The bare app has no database: no ratio.
    ...(options.database ? ([['PostgreSQL server CPU per vote (ms)', (i) => t[i]!.databaseCpuMsPerAnswer, 2, false]] as Row[]) : []),
    ['machine CPU per vote (ms, every process)', (i) => t[i]!.machineCpuMsPerAnswer, 2],
    ['machine busy during the rounds (%)', (i) => 100 * t[i]!.machineBusy, 0],
    ['start to healthy (ms, median)', (i) => median(columns[i]!.figures.startMs), 0],
    ['RSS idle, server (MB)', (i) => columns[i]!.figures.rssIdleMb, 0],
    ['RSS idle, process tree (MB)', (i) => columns[i]!.figures.treeRssIdleMb, 0],
    ['RSS after the load, server (MB)', (i) => columns[i]!.figures.rssAfterMb, 0],
    ['answer size (bytes)', (i) => columns[i]!.figures.answerBytes, 0],
  ];
  const ratioTitles = columns.slice(0, base).map((c) => `${c.title}/${columns[base]!.title}`);
  const historyRatio = options.pair === true && columns.length === 3;
  const header = ['', ...columns.map((c) => c.title), ...ratioTitles, ...(historyRatio ? [`${columns[1]!.title}/${columns[0]!.title}`] : [])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [label, get, digits, ratios = true] of rows) {
    const values = columns.map((_, i) => get(i));
    const cells = [
      label,
      ...values.map((v) => num(v, digits)),
      ...values.slice(0, base).map((v) => (ratios ? ratio(v, values[base]) : '–')),
      ...(historyRatio ? [ratios ? ratio(values[1], values[0]) : '–'] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (let i = 0; i < columns.length; i++) {
    const c = t[i]!;
    lines.push(
      `${columns[i]!.title}: ${c.answers} answers; non-200 ${c.non200}, 200 but not a card ${c.notCard}, connection errors/timeouts ${c.errors}; ` +
        `per round (req/s): ${c.roundRates.map((r) => r.toFixed(0)).join(' ')}; starts (ms): ${columns[i]!.figures.startMs.map((s) => s.toFixed(0)).join(' ')}`,
    );
    for (const sample of c.badSamples) lines.push(`  bad answer: ${sample}`);
  }
  return lines;
}

/**
 * What each vote cost PostgreSQL, table by table (pg_stat_user_tables, before and after the
 * load, divided by the answers): sequential and index scans, rows inserted, updated, deleted.
 * A sequential scan per vote on a table that grows with history is a cost that grows with it.
 */
export function perVote(title: string, before: Record<string, TableStats>, after: Record<string, TableStats>, votes: number): string[] {
  const answers = votes;
  const cells: string[] = [];
  const f = (n: number): string => (n / answers).toFixed(2).replace(/\.?0+$/, '');
  for (const [table, a] of Object.entries(after).sort(([x], [y]) => x.localeCompare(y))) {
    const b = before[table] ?? { seqScans: 0, indexScans: 0, inserted: 0, updated: 0, deleted: 0 };
    const d = { seq: a.seqScans - b.seqScans, idx: a.indexScans - b.indexScans, ins: a.inserted - b.inserted, upd: a.updated - b.updated, del: a.deleted - b.deleted };
    const parts = Object.entries(d).filter(([, n]) => n / answers >= 0.005).map(([k, n]) => `${k} ${f(n)}`);
    if (parts.length > 0) cells.push(`${table}: ${parts.join(', ')}`);
  }
  return [`${title}, PostgreSQL per vote (${votes} votes): ${cells.join('; ') || 'nothing counted'}`];
}
