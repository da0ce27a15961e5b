import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
async function once(args) {
  const dir = mkdtempSync('/tmp/st-');
  const t = performance.now();
  const p = spawn(process.execPath, args, { env: { ...process.env, PORT: '39125', DATA_DIR: dir, LOG_LEVEL: 'error' }, stdio: 'ignore' });
  for (;;) { try { const r = await fetch('http://127.0.0.1:39125/healthz'); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 10)); }
  const ms = performance.now() - t; p.kill('SIGKILL'); await new Promise(r => p.once('exit', r)); return ms;
}
const kinds = { split: ['dist/bundle/main.mjs'], single: ['dist/single/main.mjs'], unbundled: ['dist/src/main.js'], bare: ['bench/bare-app.mjs'] };
const out = Object.fromEntries(Object.keys(kinds).map(k => [k, []]));
for (let i = 0; i < 5; i++) for (const [k, a] of Object.entries(kinds)) out[k].push(await once(a));
const med = a => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
for (const k of Object.keys(kinds)) console.log(k, med(out[k]), out[k].map(x => x.toFixed(0)).join(' '));
