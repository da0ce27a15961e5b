import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
async function once(args, env) {
  const dir = mkdtempSync('/tmp/st-');
  const t = performance.now();
  const p = spawn(process.execPath, args, { env: { ...process.env, PORT: '39123', DATA_DIR: dir, LOG_LEVEL: 'warn', ...env }, stdio: 'inherit' });
  for (;;) { try { const r = await fetch('http://127.0.0.1:39123/healthz'); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 10)); }
  const ms = performance.now() - t; p.kill('SIGKILL'); await new Promise(r => p.once('exit', r)); return ms;
}
const out = { bot: [], bare: [] };
for (let i = 0; i < 4; i++) {
  out.bot.push(await once(['--max-semi-space-size=2', '--max-old-space-size=256', 'dist/bundle/main.mjs'], {}));
  out.bare.push(await once(['bench/bare-app.mjs'], {}));
}
const med = a => a.sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
console.log('bot', out.bot.map(x=>x.toFixed(0)).join(' '), 'bare', out.bare.map(x=>x.toFixed(0)).join(' '), 'median', med(out.bot), med(out.bare));
