import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('layering (ARCHITECTURE.md)', () => {
  it('src/domain imports nothing of Teams, HTTP, SQL or the other folders (only luxon and date-holidays)', () => {
    for (const file of files('src/domain')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/(kernel\/)?[\w-]+\.js|\.\.\/[\w-]+\.js|luxon|date-holidays)$/);
      }
    }
  });

  it('only src/teams and src/server.ts import botbuilder or teams-ai', () => {
    for (const file of files('src')) {
      if (file.startsWith('src/teams/') || file === 'src/server.ts') continue;
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/botbuilder|teams-ai|botframework/);
    }
  });

  it('only src/store imports SQL libraries', () => {
    for (const file of files('src')) {
      if (file.startsWith('src/store/')) continue;
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/kysely|better-sqlite3|^pg$/);
    }
  });

  it('user-facing Danish lives in src/i18n only', () => {
    for (const file of files('src')) {
      if (file.startsWith('src/i18n/')) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/[æøåÆØÅ]/);
    }
  });
});
