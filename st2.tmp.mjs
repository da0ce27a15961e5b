import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/st-');
const p = spawn(process.execPath, ['--cpu-prof','--cpu-prof-dir=/tmp/prof','--cpu-prof-interval=200','dist/src/main.js'], { env: { ...process.env, PORT: '39124', DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
const t = performance.now();
for (;;) { try { const r = await fetch('http://127.0.0.1:39124/healthz'); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 10)); }
console.log('healthy', performance.now() - t);
p.kill('SIGTERM'); await new Promise(r => p.once('exit', r));
