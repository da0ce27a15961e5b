#!/usr/bin/env node
// `npm test`: bundle the bot (child processes in the tests run dist/bundle/main.mjs), then the
// type check and vitest side by side. Arguments go to vitest (CI passes its reporters).
//
// Why side by side (issue 9): vitest leaves part of the two cores idle while the bots its
// tests start wait on kills, restarts and the connector's delays, and the type check fills
// some of it. One after the other, the run took the sum of both.
//
// The type check is scripts/typecheck.mjs: the project as `tsc -p tsconfig.json --noEmit`
// checks it, then src/ without each removable feature (the files of
// scripts/removable-features.json and its line in src/features.ts), checked from the
// project's result in the same process.
//
// The type check's output is held back and printed after vitest's, so the two do not mix;
// the run fails if either fails.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const bundled = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);

/** Runs a node script to its end; `capture` keeps its output instead of passing it through. */
function run(script, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run(join(ROOT, 'scripts', 'typecheck.mjs'), [], true);
const vitest = run(join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), ['run', ...process.argv.slice(2)], false);

const [types, tests] = await Promise.all([typecheck, vitest]);
if (types.code !== 0) {
  process.stderr.write(`\nType check (scripts/typecheck.mjs) failed:\n${types.output}\n`);
} else {
  process.stdout.write(`Type check (scripts/typecheck.mjs):\n${types.output}`);
}
process.exit(types.code !== 0 ? types.code : tests.code);
