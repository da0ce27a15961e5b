const mods = ['@microsoft/teams-ai/lib/Application.js','@microsoft/teams-ai/lib/TeamsAdapter.js','botbuilder','express','kysely','better-sqlite3','pino','zod','luxon','markdown-it','yaml','croner','botframework-connector'];
for (const m of mods) { const t = performance.now(); try { await import(m); console.log(m, (performance.now()-t).toFixed(0)); } catch (e) { console.log(m, 'ERR', e.code); } }
