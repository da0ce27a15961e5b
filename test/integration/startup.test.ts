import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { botInstalled, channelMessage, people, personalMessage } from '../support/activities.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { startHarness } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openPgStore } from '../../src/store/postgres.js';
import { pgSnapshot } from '../support/database-snapshot.js';
import { TestSchemas } from '../support/pg-schemas.js';
import { NO_TICK_CRON, REPO_ROOT, botCommand, childEnv, cleanupBots, freePort, makeDataDir, runBotExpectingExit, startBot } from '../support/bot-process.js';

afterAll(async () => {
  await cleanupBots();
});

/**
 * A bound for a start of src/main.ts: seconds idle, 30 s and more on a busy 2-core machine. A refused
 * start is quick: the environment and the board file are checked before the bot is loaded.
 */
const START_MS = 120_000;

describe('starting the bot', { timeout: START_MS }, () => {
  it('starts on an empty (missing) data directory and answers /healthz with nothing but its state', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bb-empty-')), 'not', 'yet', 'there');
    const bot = await startBot({ dataDir });
    const health = await bot.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(existsSync(join(dataDir, 'bestyrelsesbot.db'))).toBe(true);
    await bot.stop();
  });

  it('a bad board file stops the start with one message naming the file, the field and what is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-config-'));
    const file = join(dir, 'board.yaml');
    writeFileSync(file, readFileSync('config/demo.yaml', 'utf8').replace('voteDeadlineHours: 72', 'voteDeadlineHours: soon'));
    const result = await runBotExpectingExit({ BOARD_CONFIG: file });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${file} is not valid:`);
    expect(result.stderr).toMatch(/policies\.voteDeadlineHours: Expected number, received string/);
  });

  it('a bad environment variable stops the start naming the variable', async () => {
    const result = await runBotExpectingExit({ SCHEDULER_CRON: 'hver time' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/The environment is not valid:\n\s+SCHEDULER_CRON: is not a valid cron expression/);
  });

  it('refuses anonymous mode in production', async () => {
    const result = await runBotExpectingExit({ NODE_ENV: 'production' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/BOT_ID: is required unless NODE_ENV is unset, development or test/);
  });

  it('refuses anonymous mode unless NODE_ENV is unset, development or test (NODE_ENV=Production, prod), naming NODE_ENV and BOT_ID', async () => {
    for (const NODE_ENV of ['Production', 'prod']) {
      const result = await runBotExpectingExit({ NODE_ENV });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`BOT_ID: is required unless NODE_ENV is unset, development or test (NODE_ENV is "${NODE_ENV}"`);
    }
  });

  it('a DATA_DIR that cannot hold the database (a file in its place) stops the start naming DATA_DIR, without a stack trace', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bb-file-')), 'not-a-directory');
    writeFileSync(file, 'x');
    const result = await runBotExpectingExit({ DATA_DIR: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^bestyrelsesbot: DATA_DIR ${file}: cannot hold the database`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a DATA_DIR that is not a real directory the bot can write (a path under /proc, /proc/self, a dangling link, a read-only directory) stops the start in one line naming DATA_DIR, at once, without a stack trace', async () => {
    const base = mkdtempSync(join(tmpdir(), 'bb-unusable-'));
    symlinkSync(join(base, 'nowhere'), join(base, 'dangling'));
    const readOnly = join(base, 'read-only');
    mkdirSync(readOnly, { mode: 0o500 });
    const dirs = [
      join(base, 'dangling'),
      join(base, 'dangling', 'data'),
      // Root writes a directory whatever its mode: the case holds for an ordinary user only.
      ...(process.getuid?.() === 0 ? [] : [readOnly, join(readOnly, 'data')]),
      // Node's recursive mkdir went round in circles here (mkdir /proc/x: ENOENT, mkdir /proc: EEXIST, …), and the start hung.
      ...(existsSync('/proc/self') ? ['/proc/x', '/proc/x/data', '/proc/self'] : []),
    ];
    for (const dir of dirs) {
      const result = await runBotExpectingExit({ DATA_DIR: dir }, { timeoutMs: 20_000 });
      expect(result.code, dir).toBe(1);
      expect(result.stderr, dir).toMatch(new RegExp(`^bestyrelsesbot: DATA_DIR ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot hold the database [^\n]*\n$`));
    }
  });

  it('a PostgreSQL server that is not there, or a database that does not exist, stops the start in one line naming DATABASE_URL, without a password or a stack trace', async () => {
    const port = await freePort();
    const nobody = await runBotExpectingExit({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/test` });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(new RegExp(`^bestyrelsesbot: DATABASE_URL \\(127\\.0\\.0\\.1:${port}/test\\): cannot use the PostgreSQL database: connect ECONNREFUSED`));
    expect(nobody.stderr).not.toMatch(/\n\s+at /);
    expect(nobody.stderr).not.toContain('secret');
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const missing = new URL(url);
    missing.pathname = '/bestyrelsesbot_no_such_database';
    const noDatabase = await runBotExpectingExit({ DATABASE_URL: missing.toString() });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toMatch(/^bestyrelsesbot: DATABASE_URL \(.*\/bestyrelsesbot_no_such_database\): cannot use the PostgreSQL database: the database does not exist/);
    expect(noDatabase.stderr).not.toMatch(/\n\s+at /);
  });

  it('a DATABASE_URL the bot cannot use as written (a port out of range, libpq\'s sslrootcert=system, TLS asked of a server without it) stops the start in one line naming DATABASE_URL, without a stack trace', async () => {
    const outOfRange = await runBotExpectingExit({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:99999/test' });
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toMatch(/^bestyrelsesbot: The environment is not valid:\n\s+DATABASE_URL: is not a URL that can be read/);
    const libpq = await runBotExpectingExit({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5432/test?sslmode=verify-full&sslrootcert=system' });
    expect(libpq.code).toBe(1);
    expect(libpq.stderr).toMatch(/^bestyrelsesbot: The environment is not valid:\n\s+DATABASE_URL: sslrootcert=system is for psql and pg_dump/);
    // A server that answers PostgreSQL's TLS request with "N" (no TLS), as one without ssl = on does.
    const noTls = createServer((socket) => socket.once('data', () => socket.end('N')));
    await new Promise<void>((resolve) => noTls.listen(0, '127.0.0.1', resolve));
    try {
      const port = (noTls.address() as AddressInfo).port;
      const result = await runBotExpectingExit({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/test?sslmode=verify-full` });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^bestyrelsesbot: DATABASE_URL \\(127\\.0\\.0\\.1:${port}/test\\): cannot use the PostgreSQL database: the server does not take TLS connections`));
      expect(result.stderr).not.toContain('secret');
    } finally {
      noTls.close();
    }
    const noFile = await runBotExpectingExit({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5432/test?sslmode=verify-full&sslrootcert=/nonexistent/root.pem' });
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/^bestyrelsesbot: DATABASE_URL \(127\.0\.0\.1:5432\/test\): cannot use the PostgreSQL database: cannot read the file \/nonexistent\/root\.pem that it names/);
    for (const result of [outOfRange, libpq, noFile]) {
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain('secret');
    }
  });

  it('R19: with several boards, one whose id is also a command\'s word (status.yaml) stops the start, naming it, without a stack trace, before the store is opened or migrated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-ids-'));
    writeFileSync(join(dir, 'status.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    writeFileSync(join(dir, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bb-ids-data-')), 'data');
    const result = await runBotExpectingExit({ BOARD_CONFIG: dir, DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bestyrelsesbot: board "status": its id is also a command's word/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // "nothing was started": no database made, no migration run (on PostgreSQL that would be a shared database).
    expect(existsSync(dataDir)).toBe(false);
    expect(result.stdout).not.toContain('migrationsRun');
  });

  it('a second process on a SQLite DATA_DIR in use stops at start, saying so, without a stack trace (it would post everything twice)', async () => {
    const first = await startBot();
    try {
      const second = await runBotExpectingExit({ DATA_DIR: first.dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`^bestyrelsesbot: DATA_DIR ${first.dataDir} is in use by another bestyrelsesbot process`));
      expect(second.stderr).not.toMatch(/\n\s+at /);
      expect((await first.get('/healthz')).status).toBe(200);
    } finally {
      await first.stop();
    }
    // Stopped, it leaves the directory free: a start there works.
    const again = await startBot({ dataDir: first.dataDir });
    await again.stop();
  });

  it('a board file naming another tenant than the single-tenant bot\'s (BOT_TENANT_ID) stops the start naming both, before the store is opened', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bb-tenant-')), 'data');
    const result = await runBotExpectingExit({ DATA_DIR: dataDir, BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'not-a-secret', BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bestyrelsesbot: board "demo": board\.tenantId 00000000-0000-4000-8000-0000000000d0 is not the bot's tenant \(BOT_TENANT_ID 22222222-2222-4222-8222-222222222222\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('not-a-secret');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('R19: a multi-tenant bot (BOT_TYPE MultiTenant) with a board file without tenantId stops the start in one line naming the board and board.tenantId, before the store is opened', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bb-tenant-')), 'data');
    const result = await runBotExpectingExit({ DATA_DIR: dataDir, BOARD_CONFIG: 'config/slagelse.yaml', BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'not-a-secret', BOT_TYPE: 'MultiTenant' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bestyrelsesbot: board "slagelse": board\.tenantId is not set; a multi-tenant bot \(BOT_TYPE MultiTenant\) is reached from any tenant[^\n]*\n$/);
    expect(result.stderr).not.toContain('not-a-secret');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a SQLite database held by another program at start (a backup tool, the sqlite3 shell) stops the start naming DATA_DIR, without a stack trace', async () => {
    const first = await startBot();
    await first.stop();
    const holder = new BetterSqlite3(join(first.dataDir, 'bestyrelsesbot.db'));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const result = await runBotExpectingExit({ DATA_DIR: first.dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^bestyrelsesbot: DATA_DIR ${first.dataDir}: the database ${first.dataDir}/bestyrelsesbot\\.db is locked by another program`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  });

  it('refuses CLOCK_START in production', async () => {
    const result = await runBotExpectingExit({ NODE_ENV: 'production', CLOCK_START: '2026-12-01T09:00:00Z', BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'y', BOT_TENANT_ID: 'z' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/CLOCK_START: is for demos and tests; it is refused when NODE_ENV=production/);
  });
});

describe('the port and the process (an operator starting and stopping it)', { timeout: START_MS }, () => {
  it('a PORT already in use stops the start, naming the port, instead of logging "listening" with no server', async () => {
    const taken = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const result = await runBotExpectingExit({ PORT: String(port), LOG_LEVEL: 'info' }, { timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`bestyrelsesbot: PORT ${port} is in use (is the bot already running?); nothing was started`);
      expect(result.stdout).not.toContain('bestyrelsesbot listening');
    } finally {
      taken.close();
    }
  });

  it('a start that fails after the store was opened (PORT in use) closes the store: no SQLite -wal or -shm file is left, and one line names the cause', async () => {
    const taken = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = makeDataDir();
    try {
      const result = await runBotExpectingExit({ PORT: String(port), DATA_DIR: dataDir }, { timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`bestyrelsesbot: PORT ${port} is in use (is the bot already running?); nothing was started\n`);
      expect(existsSync(join(dataDir, 'bestyrelsesbot.db'))).toBe(true);
      expect(readdirSync(dataDir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('a start that fails while the bot is put together (a table gone from the database) closes the store and says why in one line, without a stack trace', async () => {
    const first = await startBot();
    await first.stop();
    const db = new BetterSqlite3(join(first.dataDir, 'bestyrelsesbot.db'));
    db.exec('DROP TABLE secrets');
    db.close();
    const result = await runBotExpectingExit({ DATA_DIR: first.dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bestyrelsesbot: could not start: .*no such table: secrets.*\n$/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    // The stack, for whoever looks into it, is in the log.
    expect(result.stdout).toMatch(/"level":60,.*no such table: secrets.*"msg":"could not start"/);
    expect(readdirSync(first.dataDir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
  });

  it('a start on a database a newer version of the bot migrated stops at once in one line naming the migrations it does not know and what to do, without a stack trace, and changes nothing in it', async () => {
    const first = await startBot();
    await first.stop();
    const file = join(first.dataDir, 'bestyrelsesbot.db');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)');
    db.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_the_future', new Date().toISOString());
    db.close();
    const before = readFileSync(file);
    const result = await runBotExpectingExit({ DATA_DIR: first.dataDir, LOG_LEVEL: 'info' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `bestyrelsesbot: DATA_DIR ${first.dataDir}: the database was migrated by a newer version of the bot (it records a migration this version does not know: 9999_from_the_future) and was left as it is: run the newer version, or restore the backup taken before the upgrade\n`,
    );
    // A setting's failure, not the bot's: no stack in the log, and no migration run.
    expect(result.stdout).not.toContain('"level":60');
    expect(result.stdout).not.toContain('migrationsRun');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(first.dataDir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL: a start on a database a newer version of the bot migrated stops at once in one line naming DATABASE_URL, the migrations it does not know and what to do, and changes nothing in it', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const schemas = new TestSchemas(url);
    const schema = schemas.fresh();
    try {
      const store = await openPgStore({ url, schema });
      await store.migrate();
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`set search_path to "${schema}"`);
        await admin.query('create table from_the_future (id integer primary key)');
        await admin.query("insert into kysely_migration (name, timestamp) values ('9998_from_the_future', now()::text), ('9999_also_from_it', now()::text)");
      } finally {
        await admin.end();
      }
      const before = await pgSnapshot(url, schema);
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      const result = await runBotExpectingExit({ DATABASE_URL: withSchema.toString(), LOG_LEVEL: 'info' });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `bestyrelsesbot: DATABASE_URL (${withSchema.host}${withSchema.pathname}): the database was migrated by a newer version of the bot (it records migrations this version does not know: 9998_from_the_future, 9999_also_from_it) and was left as it is: run the newer version, or restore the backup taken before the upgrade\n`,
      );
      expect(result.stdout).not.toContain('"level":60');
      expect(result.stdout).not.toContain('migrationsRun');
      expect(await pgSnapshot(url, schema)).toEqual(before);
    } finally {
      await schemas.drop();
    }
  });

  it('a board file renamed before the board was ever bound to a channel is named at start too (a meeting planned in a 1:1 chat is a record)', async () => {
    const bot = await startBot({ env: { LOG_LEVEL: 'info' } });
    expect((await bot.send(personalMessage('http://127.0.0.1:9/', people.anne, 'møde 10-12-2030 14:00 Rådhuset'))).status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'bb-renamed-unbound-'));
    const renamed = join(dir, 'bestyrelse.yaml');
    writeFileSync(renamed, readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    const again = await bot.restart({ boardConfig: renamed });
    const warning = again.logs().find((l) => l.msg?.toString().startsWith('the store holds boards that no board file names'));
    expect(warning).toMatchObject({ unknownBoards: ['demo'], boards: ['bestyrelse'] });
    await again.stop();
  });

  it('a board file renamed (so its id changed) is named at start: its records are kept, but no file serves them', async () => {
    const bot = await startBot({ env: { LOG_LEVEL: 'info' } });
    expect((await bot.send(botInstalled('http://127.0.0.1:9/', people.anne))).status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'bb-renamed-'));
    const renamed = join(dir, 'bestyrelse.yaml');
    writeFileSync(renamed, readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    const again = await bot.restart({ boardConfig: renamed });
    const warning = again.logs().find((l) => l.msg?.toString().startsWith('the store holds boards that no board file names'));
    expect(warning).toMatchObject({ unknownBoards: ['demo'], boards: ['bestyrelse'] });
    expect(warning?.msg).toContain('set board.id to the old id');
    await again.stop();
  });

  it('the start logs one line naming the migrations it ran: all of them on a new data directory, none on a restart', async () => {
    const bot = await startBot({ env: { LOG_LEVEL: 'info' } });
    const ran = (logs: Record<string, unknown>[]) => logs.filter((l) => Array.isArray(l.migrationsRun));
    expect(ran(bot.logs())).toHaveLength(1);
    expect(ran(bot.logs())[0]).toMatchObject({ migrationsRun: Object.keys(migrations('sqlite')) });
    expect(ran(bot.logs())[0]!.msg).toContain('0001_initial');
    const again = await bot.restart();
    expect(ran(again.logs())).toEqual([expect.objectContaining({ migrationsRun: [], msg: 'the store was up to date: no migrations run' })]);
    await again.stop();
  });

  it('R19: a board directory\'s entries that are not board files (board.json, board.yaml.bak) are each named in a warning at start, not left out unseen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-skipped-'));
    writeFileSync(join(dir, 'demo.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    writeFileSync(join(dir, 'board.json'), '{}');
    writeFileSync(join(dir, 'demo.yaml.bak'), readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    writeFileSync(join(dir, '.DS_Store'), 'x');
    const bot = await startBot({ boardConfig: dir });
    try {
      const skipped = bot.logs().filter((l) => l.msg?.toString().startsWith('not a board file'));
      expect(skipped.map((l) => l.file)).toEqual([join(dir, 'board.json'), join(dir, 'demo.yaml.bak')]);
      expect(skipped.every((l) => l.level === 40)).toBe(true);
    } finally {
      await bot.stop();
    }
  });

  it('a board file whose people are still placeholders (config/slagelse.yaml as shipped) starts with a warning naming them', async () => {
    const bot = await startBot({ boardConfig: 'config/slagelse.yaml', env: { LOG_LEVEL: 'info' } });
    const warning = bot.logs().find((l) => l.msg?.toString().startsWith('the board file names people the bot can never recognise'));
    expect(warning).toMatchObject({ board: 'slagelse' });
    expect(warning?.people).toHaveLength(7);
    await bot.stop();
  });

  it('a stop (SIGTERM) lets the requests being answered finish before the store closes: the answer comes, and the process ends cleanly', async () => {
    const connector = await startFakeConnector();
    const bot = await startBot();
    try {
      expect((await bot.send(botInstalled(connector.url, people.anne))).status).toBe(200);
      await connector.waitForPost((p) => connector.textOf(p).startsWith('Goddag'));
      // Teams is slow: the reply to the command takes 2 s, and the stop comes meanwhile.
      connector.setResponseDelay(2_000);
      const since = connector.mark();
      const answered = bot.send(channelMessage(connector.url, people.henrik, 'bestyrelse'));
      await connector.waitFor((r) => r.seq >= since && r.method === 'POST');
      const exited = bot.stop();
      expect((await answered).status).toBe(200);
      expect((await exited).code).toBe(0);
    } finally {
      await connector.close();
    }
  });

  it('with PORT=0 (any free port) the "listening" line names the port it listens on, not 0', async () => {
    const [node, ...args] = botCommand();
    const child = spawn(node!, args, { cwd: REPO_ROOT, env: childEnv({ PORT: '0', DATA_DIR: makeDataDir(), LOG_LEVEL: 'info', SCHEDULER_CRON: NO_TICK_CRON }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    try {
      let listening: { port?: number } | undefined;
      for (let i = 0; i < 500 && !listening; i++) {
        listening = out.split('\n').filter((l) => l.includes('"msg":"bestyrelsesbot listening"')).map((l) => JSON.parse(l) as { port?: number })[0];
        if (!listening) await delay(100);
      }
      expect(listening, out).toBeDefined();
      expect(listening!.port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${listening!.port}/healthz`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('run by npm start, it stops (cleanly) when npm is stopped alone, whose shell does not pass SIGTERM on', async () => {
    const port = await freePort();
    // A stand-in for npm and its shell: it starts the bot and, on SIGTERM, ends without passing it on.
    const parent = `const c = require('node:child_process').spawn(${JSON.stringify(botCommand()[0])}, ${JSON.stringify(botCommand().slice(1))}, { stdio: 'inherit' });
      console.log('bot pid ' + c.pid);
      process.on('SIGTERM', () => process.exit(143));`;
    const npm = spawn(process.execPath, ['-e', parent], {
      cwd: REPO_ROOT,
      env: childEnv({ PORT: String(port), DATA_DIR: makeDataDir(), LOG_LEVEL: 'info', SCHEDULER_CRON: NO_TICK_CRON, npm_lifecycle_event: 'start' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    const waitFor = async (ok: () => boolean | Promise<boolean>, what: string) => {
      for (let i = 0; i < 500; i++) {
        if (await ok()) return;
        await delay(100);
      }
      throw new Error(`${what}:\n${out}`);
    };
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200, 'the bot did not come up');
    const pid = Number(/bot pid (\d+)/.exec(out)?.[1]);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      npm.kill('SIGTERM');
      await waitFor(() => !alive(), 'the bot went on running without npm');
      expect(out).toContain('"signal":"npm stopped","msg":"shutting down"');
    } finally {
      if (alive()) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('the bot with credentials (in process)', () => {
  it('with credentials, an activity without a valid Bot Framework token gets 401', async () => {
    const bot = await startHarness({
      clockStart: '2026-12-01T09:00:00+01:00',
      auth: { BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'not-a-secret', BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222' },
    });
    const activity = { type: 'message', id: 'a1', text: 'hjælp', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'x' }, from: { id: '29:a' }, recipient: { id: '28:b' } };
    expect((await bot.send(activity)).status).toBe(401);
    const forged = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
      body: JSON.stringify(activity),
    });
    expect(forged.status).toBe(401);
    await bot.close();
  });
});
