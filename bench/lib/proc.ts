/**
 * What the benchmark reads about processes and the machine, from Linux's /proc: the
 * descendants of a spawned command (to find the server process under `sh`/`npm`/`tsx`),
 * a process's CPU time and resident memory.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** user + system CPU time, in clock ticks. */
  ticks: number;
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return { pid, comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** The process and all its descendants (a scan of /proc). */
export function processTree(root: number): ProcStat[] {
  const all: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) all.push(stat);
  }
  const tree: ProcStat[] = [];
  const rootStat = all.find((p) => p.pid === root);
  if (!rootStat) return tree;
  const queue = [rootStat];
  while (queue.length > 0) {
    const p = queue.shift()!;
    tree.push(p);
    queue.push(...all.filter((c) => c.ppid === p.pid));
  }
  return tree;
}

/**
 * The server process under a spawned command: the node process of the tree that has no
 * node child (under `npm start` → sh → tsx's CLI → node, the last one). Undefined while none runs.
 */
export function serverProcess(root: number): number | undefined {
  const nodes = processTree(root).filter((p) => p.comm === 'node' || p.comm.startsWith('node'));
  const leaves = nodes.filter((p) => !nodes.some((c) => c.ppid === p.pid));
  return leaves.at(-1)?.pid;
}

/** User + system CPU time of the process so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return stat.ticks / ticksPerSecond();
}

/** The machine's CPU time so far, in s: all cores together, busy and in all. */
export function machineCpuSeconds(): { busy: number; total: number } {
  // "cpu  user nice system idle iowait irq softirq steal …" (clock ticks); idle and iowait are not busy.
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((s, v) => s + v, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / ticksPerSecond(), total: total / ticksPerSecond() };
}

/** The CPU time so far, in clock ticks, of each process whose command is `comm` (the database server's: postgres). */
export function commTicks(comm: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.comm === comm) ticks.set(stat.pid, stat.ticks);
  }
  return ticks;
}

/**
 * The CPU time, in s, that the processes of `after` spent since `before` (commTicks): a
 * process that ended in between is left out (its time is lost with it), one that started
 * counts from zero.
 */
export function cpuSecondsBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
  return ticks / ticksPerSecond();
}

/** Resident set size in MB (VmRSS), or undefined when the process is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The resident memory of the whole tree (npm, sh, tsx's CLI and the server), in MB. */
export function treeRssMb(root: number): number {
  return processTree(root).reduce((sum, p) => sum + (rssMb(p.pid) ?? 0), 0);
}

export function machineDescription(): string[] {
  const list = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `CPU: ${list[0]?.model ?? 'unknown'} × ${list.length} (logical cores)`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GB`,
    `node: ${process.version} (${process.platform}/${process.arch})`,
    `load average (1/5/15 min) at start: ${load}`,
  ];
}

export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}
