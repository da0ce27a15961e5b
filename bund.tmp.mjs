import { build } from 'esbuild';
const t = performance.now();
await build({
  entryPoints: ['dist/src/main.js'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: 'dist/bundle/main.mjs', external: ['better-sqlite3', 'pg-native', 'date-holidays', 'docx', 'ical-generator', '@touch4it/ical-timezones'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning', metafile: false,
});
console.log('built', (performance.now() - t).toFixed(0));
