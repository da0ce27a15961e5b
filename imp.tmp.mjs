const t0 = performance.now();
await import('./dist/src/app.js');
const t1 = performance.now();
await import('./dist/src/store/open-store.js'); await import('./dist/src/server.js');
console.log('app', (t1 - t0).toFixed(0), 'rest', (performance.now() - t1).toFixed(0));
