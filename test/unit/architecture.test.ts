import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every module a file imports or re-exports, `import type` included. */
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);

/** The file a relative import names, or undefined for a package. */
function resolved(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
}

const SRC = files('src');
const within = (folder: string) => SRC.filter((f) => f.startsWith(`src/${folder}/`));
const importsInto = (file: string, folder: string) => importsOf(file).filter((spec) => resolved(file, spec)?.startsWith(`src/${folder}/`));

describe('layering (docs/architecture.md)', () => {
  it('src/domain imports nothing of Teams, HTTP, SQL or the other folders (only luxon and date-holidays)', () => {
    for (const file of within('domain')) {
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        if (target) expect(target, `${file} imports ${spec}`).toMatch(/^src\/domain\//);
        else expect(spec, `${file} imports ${spec}`).toMatch(/^(luxon|date-holidays)$/);
      }
    }
  });

  it('src/domain reads no wall clock: the time is always a parameter', () => {
    for (const file of within('domain')) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/new Date\(\s*\)|Date\.now\(|DateTime\.(now|local)\(|performance\.now/);
    }
  });

  it('no use case imports teams/ or scheduler/', () => {
    for (const file of within('usecases')) {
      expect([...importsInto(file, 'teams'), ...importsInto(file, 'scheduler')], file).toEqual([]);
    }
  });

  it('no use case imports a store adapter: only the ports (a feature\'s own port binds its adapter in its port file)', () => {
    for (const file of within('usecases')) {
      const adapters = importsOf(file).filter((spec) => /^src\/store\/(kysely\/|sqlite\.ts$|postgres\.ts$|open-store\.ts$)/.test(resolved(file, spec) ?? ''));
      expect(adapters, file).toEqual([]);
    }
  });

  it('no Teams handler imports the store: only the outbox (posts, sender) takes its types', () => {
    for (const file of within('teams').filter((f) => !f.startsWith('src/teams/outbox/'))) {
      expect(importsInto(file, 'store'), file).toEqual([]);
      expect(readFileSync(file, 'utf8'), `${file} reaches into the store`).not.toMatch(/\.store\.|\brepo\./);
    }
  });

  it('has no import cycles', () => {
    const graph = new Map(SRC.map((f) => [f, importsOf(f).map((s) => resolved(f, s)).filter((t): t is string => t !== undefined)]));
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      const at = path.indexOf(file);
      if (at >= 0) return void cycles.push([...path.slice(at), file].join(' → '));
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      done.add(file);
    };
    for (const file of SRC) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('no source file is over 400 lines', () => {
    const long = SRC.map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('only src/teams and src/server.ts import botbuilder or teams-ai', () => {
    for (const file of SRC) {
      if (file.startsWith('src/teams/') || file === 'src/server.ts') continue;
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/botbuilder|teams-ai|botframework/);
    }
  });

  it('only src/store imports SQL libraries', () => {
    for (const file of SRC) {
      if (file.startsWith('src/store/')) continue;
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/kysely|better-sqlite3|^pg$/);
    }
  });

  it('user-facing Danish lives in src/i18n only', () => {
    for (const file of SRC) {
      if (file.startsWith('src/i18n/')) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/[æøåÆØÅ]/);
    }
  });
});
