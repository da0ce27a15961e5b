#!/usr/bin/env node
// The bot as `npm start` runs it: dist/bundle/main.mjs, bundled by esbuild from src/ (esbuild
// strips the types; `tsc` checks them: `npm run build` does both). main.mjs itself is small: it
// checks the environment and the board files, then imports the bot (a chunk beside it), so a
// refused start stays quick.
//
// Why (issue 12): Node 20 loads the unbundled bot from some two thousand files of
// node_modules (botbuilder alone is hundreds), and resolving and reading them was most of
// a start. A few files start in about half the time.
//
// What stays outside the bundle, loaded from node_modules when first used, as before:
// - better-sqlite3 (a native addon) and pg-native (pg's optional native binding);
// - the Word, calendar and Markdown libraries, imported dynamically by src/files/ only when
//   a file is asked for (date-holidays is required by name at its first use, likewise).
// pg and the PostgreSQL store are in the bundle, but run only when DATABASE_URL asks for them
// (esbuild evaluates a dynamically imported module of the bundle when it is imported).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyPackages } from './lib/lazy-packages.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

rmSync(join(ROOT, 'dist', 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: [join(ROOT, 'src', 'main.ts')],
  outdir: join(ROOT, 'dist', 'bundle'),
  outExtension: { '.js': '.mjs' },
  entryNames: '[name]',
  chunkNames: 'bot-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg-native', 'docx', 'ical-generator', '@touch4it/ical-timezones', 'markdown-it', 'date-holidays'],
  // CommonJS packages in an ES module still call require(): give them one.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [lazyPackages(ROOT)],
  legalComments: 'none',
  logLevel: 'warning',
});
