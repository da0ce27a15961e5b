/**
 * A summary of a V8 CPU profile (`node --cpu-prof`): self time by module (an npm package,
 * a file of src/, node's internals) and by function, optionally only within time windows
 * (the bot's load rounds). V8 stamps samples with the monotonic clock, as
 * `process.hrtime` does, so the benchmark's own clock marks the windows.
 *
 *   npx tsx bench/lib/profile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A time window in microseconds of the monotonic clock (`process.hrtime.bigint() / 1000n`). */
export interface Window {
  startUs: number;
  endUs: number;
}

export interface ProfileSummary {
  /** CPU time in the windows that was not idle, in ms. */
  busyMs: number;
  /** Idle, GC and "program" (native, unattributed), in ms. */
  special: Record<string, number>;
  byModule: { name: string; ms: number }[];
  /** Time with the module anywhere on the stack (what it did and what it called). */
  inclusiveByModule: { name: string; ms: number }[];
  byFunction: { name: string; module: string; ms: number }[];
  windowed: boolean;
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/** The module a function belongs to: the npm package, the file of the repository, or node itself. */
export function moduleOf(url: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = path.lastIndexOf('/src/');
  if (src >= 0) return path.slice(src + 1);
  return path;
}

export function summarise(profile: CpuProfile, windows: readonly Window[] = [], top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let t = profile.startTime;
  let used = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (windows.length > 0 && !windows.some((w) => t >= w.startUs && t <= w.endUs)) continue;
    used++;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const windowed = windows.length > 0 && used > 0;
  if (windows.length > 0 && used === 0) return summarise(profile, [], top);

  const special: Record<string, number> = {};
  const modules = new Map<string, number>();
  const functions = new Map<string, { name: string; module: string; ms: number }>();
  let busyMs = 0;
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    if (SPECIAL.has(byId.get(id)!.callFrame.functionName)) continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!SPECIAL.has(frame.functionName)) seen.add(moduleOf(frame.url));
    }
    for (const m of seen) inclusive.set(m, (inclusive.get(m) ?? 0) + us / 1000);
  }
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const ms = us / 1000;
    if (SPECIAL.has(frame.functionName)) {
      special[frame.functionName] = (special[frame.functionName] ?? 0) + ms;
      if (frame.functionName !== '(idle)') busyMs += ms;
      continue;
    }
    busyMs += ms;
    const module = moduleOf(frame.url);
    modules.set(module, (modules.get(module) ?? 0) + ms);
    const key = `${frame.functionName || '(anonymous)'} ${module}:${frame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { name: `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`, module, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  return {
    busyMs,
    special,
    byModule: [...modules].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, top),
    inclusiveByModule: [...inclusive]
      .filter(([name]) => name.startsWith('src/'))
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    byFunction: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
    windowed,
  };
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;

export function formatSummary(s: ProfileSummary): string[] {
  const lines = [
    `CPU profile${s.windowed ? ' (the bot\'s load rounds only)' : ''}: ${s.busyMs.toFixed(0)} ms busy; ` +
      Object.entries(s.special).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', '),
    'self time by module:',
    ...s.byModule.map((m) => `  ${pct(m.ms, s.busyMs)}  ${m.ms.toFixed(0).padStart(7)} ms  ${m.name}`),
    'time with a file of src/ on the stack (inclusive):',
    ...s.inclusiveByModule.map((m) => `  ${pct(m.ms, s.busyMs)}  ${m.ms.toFixed(0).padStart(7)} ms  ${m.name}`),
    'self time by function:',
    ...s.byFunction.map((f) => `  ${pct(f.ms, s.busyMs)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  (${f.module})`),
  ];
  return lines;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: tsx bench/lib/profile.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  for (const line of formatSummary(summarise(readProfile(file), [], Number(top ?? 25)))) console.log(line);
}
