import { build } from 'esbuild';
const r = await build({ entryPoints: ['dist/src/main.js'], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, outfile: 'x.mjs',
  external: ['better-sqlite3', 'pg-native', 'date-holidays', 'docx', 'ical-generator', '@touch4it/ical-timezones'], metafile: true, logLevel: 'silent' });
const by = {};
for (const [f, i] of Object.entries(r.metafile.inputs)) { const m = f.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const k = m ? m[1] : f.split('/').slice(0, 3).join('/'); by[k] = (by[k] || 0) + i.bytes; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => k + ' ' + ((v / 1024) | 0) + 'K').join('\n'));
