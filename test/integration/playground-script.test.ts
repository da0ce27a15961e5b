/**
 * `npm run playground` on a machine without a desktop (issue 13): no browser is opened
 * (no `spawn xdg-open ENOENT`), the URL is printed, PORT and PLAYGROUND_PORT move it, and the
 * playground behind the printed URL answers. Runs the real script, the real bot and the real
 * Agents Playground on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((ok) => child!.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run playground without a desktop', () => {
  it('opens no browser, prints the URL on PLAYGROUND_PORT, runs the bot on PORT, and the playground answers', async () => {
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    dataDir = mkdtempSync(join(tmpdir(), 'playground-script-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(botPort),
      PLAYGROUND_PORT: String(playgroundPort),
      DATA_DIR: dataDir,
      // No desktop: no DISPLAY, no opener on the PATH beyond the system's own directories.
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      TEAMSAPPTESTER_BROWSER: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dataDir, 'playground.log'),
    };
    for (const key of ['BOT_ID', 'BOT_PASSWORD', 'MicrosoftAppId', 'MicrosoftAppPassword', 'DATABASE_URL', 'BOARD_CONFIG']) delete env[key];
    child = spawn(process.execPath, ['scripts/playground.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));

    const url = `http://localhost:${playgroundPort}`;
    await new Promise<void>((ok, fail) => {
      const check = () => {
        if (out.includes(`åbn ${url}`)) ok();
      };
      child!.stdout!.on('data', check);
      child!.once('exit', (code) => fail(new Error(`playground.mjs exited (${code}):\n${out}`)));
      setTimeout(() => fail(new Error(`no URL printed within 60 s:\n${out}`)), 60_000).unref();
    });

    expect(out).toContain(`Agents Playground is running: open ${url}`);
    expect(out).not.toMatch(/xdg-open|ENOENT/);
    const health = await fetch(`http://127.0.0.1:${botPort}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect(child.exitCode).toBeNull();
  }, 90_000);

  it('refuses a PORT that is not a port, naming it', async () => {
    child = spawn(process.execPath, ['scripts/playground.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise((ok) => child!.once('exit', ok));
    expect(code).toBe(2);
    expect(err).toContain('PORT=abc is not a port');
  });
});
