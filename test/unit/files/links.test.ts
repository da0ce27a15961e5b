import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileLinks } from '../../../src/files/links.js';

const key = randomBytes(32).toString('base64');
const T0 = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

function setup(now = { t: T0.getTime() }, k = key) {
  return { now, links: fileLinks({ publicUrl: 'https://bot.example/', key: k, clock: () => new Date(now.t) }) };
}

const parts = (url: string) => {
  const u = new URL(url);
  return { path: u.pathname, query: Object.fromEntries(u.searchParams) };
};

describe('signed file links', () => {
  it('are the public URL, the path and a signature with its expiry', () => {
    const { links } = setup();
    const url = links.url('/minutes/abc.md', 30);
    expect(url).toMatch(/^https:\/\/bot\.example\/minutes\/abc\.md\?exp=\d+&sig=[\w-]{43}$/);
    const { path, query } = parts(url);
    expect(links.verify(path, query)).toBe(true);
    expect(Number(query.exp) * 1000).toBe(T0.getTime() + 30 * DAY);
  });

  it('expire after linkTtlDays by the bot\'s clock', () => {
    const { links, now } = setup();
    const { path, query } = parts(links.url('/minutes/abc.md', 30));
    now.t += 30 * DAY - 1000;
    expect(links.verify(path, query)).toBe(true);
    now.t += 1000;
    expect(links.verify(path, query)).toBe(false);
  });

  it('live linkTtlDays from a later moment the caller names (the agenda link in an invitation: its meeting), never less than from now', () => {
    const { links } = setup();
    const later = new Date(T0.getTime() + 200 * DAY);
    expect(Number(parts(links.url('/agenda/abc.md', 30, later)).query.exp) * 1000).toBe(later.getTime() + 30 * DAY);
    expect(Number(parts(links.url('/agenda/abc.md', 30, new Date(T0.getTime() - 100 * DAY))).query.exp) * 1000).toBe(T0.getTime() + 30 * DAY);
  });

  it('are refused for another path, a changed expiry, a changed or missing signature, or another key', () => {
    const { links } = setup();
    const { path, query } = parts(links.url('/minutes/abc.md', 30));
    expect(links.verify('/minutes/abd.md', query)).toBe(false);
    expect(links.verify(path, { ...query, exp: String(Number(query.exp) + 86_400) })).toBe(false);
    expect(links.verify(path, { ...query, sig: `${query.sig!.startsWith('A') ? 'B' : 'A'}${query.sig!.slice(1)}` })).toBe(false);
    expect(links.verify(path, { exp: query.exp })).toBe(false);
    expect(links.verify(path, { exp: [query.exp], sig: query.sig })).toBe(false);
    expect(setup(undefined, randomBytes(32).toString('base64')).links.verify(path, query)).toBe(false);
  });
});
