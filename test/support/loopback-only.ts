/**
 * Tests reach nothing beyond loopback (the project's rule for tests): a name lookup of any
 * other host fails at once, and the test file that asked for it fails at its end, naming
 * the host. Without this, a test that let the bot reach for Teams' real service URL (the
 * roster job at start, say) waited five seconds for a failing DNS lookup and passed.
 *
 * It covers what runs in the test process (node's http, undici's fetch, the Bot Framework
 * clients: all resolve names through `dns.lookup`); a child process is its own.
 */
import dns from 'node:dns';
import { afterAll, expect } from 'vitest';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', 'ip6-localhost']);
const PATCHED = Symbol.for('bestyrelsesbot.loopbackOnly');
const state = globalThis as { [PATCHED]?: Set<string> };

/** Hosts looked up since the current test file began (the patch is installed once per worker). */
const reached = (state[PATCHED] ??= (() => {
  const hosts = new Set<string>();
  const lookup = dns.lookup;
  const guarded = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (LOOPBACK.has(String(hostname).toLowerCase())) return (lookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
    hosts.add(String(hostname));
    const callback = rest.find((a) => typeof a === 'function') as ((err: Error) => void) | undefined;
    const error = Object.assign(new Error(`tests reach nothing beyond loopback (looked up ${hostname})`), { code: 'ENOTFOUND', hostname });
    if (callback) process.nextTick(callback, error);
  };
  dns.lookup = guarded as typeof dns.lookup;
  return hosts;
})());
reached.clear();

afterAll(() => {
  const hosts = [...reached];
  reached.clear();
  expect(hosts, 'hosts beyond loopback this file tried to reach').toEqual([]);
});
