/**
 * PRODUCT §4 (a message may hold a megabyte): odd or hostile activities at the HTTP edge are
 * answered as usual, in time that grows with their size, not with its square. No timing is
 * asserted: a quadratic reading would run past the test's timeout.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T10:00:00+01:00');
  // Anne has written to the bot: her Teams id is known, so a mention of her is of a board person.
  await h.send(channelMessage(h.connector.url, people.anne, 'hjælp'));
});

afterAll(async () => {
  await h?.close();
});

const ANNE = `<at>${people.anne.name}</at>`;

/** A message from Anne with `count` mention entities of herself, as Teams writes one. */
function withMentions(text: string, count: number) {
  const message = channelMessage(h.connector.url, people.anne, text);
  const mention = { type: 'mention', text: ANNE, mentioned: { id: people.anne.id } };
  message.entities = [...(message.entities ?? []), ...Array.from({ length: count }, () => mention)];
  return message;
}

async function answerTo(message: ReturnType<typeof withMentions>): Promise<string> {
  const since = h.connector.mark();
  const res = await h.send(message);
  expect(res.status).toBe(200);
  return h.connector.textOf(await h.connector.waitForPost((p) => p.replyToId === message.id, { since }));
}

describe('PRODUCT §4: mention entities by the thousand', () => {
  // Some 500,000 characters holding 22,000 mentions: with 6,500 entities the body is just under the 1 MB a body may be.
  const text = `ukendt${` ${ANNE}`.repeat(22_000)}`;

  it('6,500 mention entities on a text of half a megabyte are answered as one entity is', async () => {
    expect(text.length).toBeGreaterThan(500_000);
    const body = withMentions(text, 6_500);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(1024 * 1024);
    const one = await answerTo(withMentions(text, 1));
    expect(one).toMatch(/^Jeg forstod ikke »ukendt Anne Andersen Anne Andersen /);
    expect(await answerTo(body)).toBe(one);
  });

  it('10,000 mention entities on a text of 500,000 characters are over the 1 MB a body may be: 413, nothing answered', async () => {
    const body = withMentions(`ukendt ${'x'.repeat(500_000 - 7)}`, 10_000);
    const since = h.connector.mark();
    const res = await h.send(body);
    expect(res.status).toBe(413);
    expect(h.connector.requests.length).toBe(since);
  });
});

describe('PRODUCT §4: what else a body may hold by the thousand', () => {
  it('entities of other kinds, attachments and channelData fields by the thousand beside a long text: answered as without them', async () => {
    const text = `ukendt ${'ord '.repeat(100_000)}`;
    const plain = await answerTo(withMentions(text, 0));
    const crowded = withMentions(text, 0);
    crowded.entities = [
      ...(crowded.entities ?? []),
      ...Array.from({ length: 4_000 }, (_, i) => ({ type: i % 2 ? 'clientInfo' : 'Mention', text: 'ord', mentioned: { id: people.anne.id } })),
    ];
    crowded.attachments = Array.from({ length: 3_000 }, () => ({ contentType: 'text/html', content: 'ord ord' }));
    crowded.channelData = { ...crowded.channelData, ...Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`x${i}`, 'ord'])) };
    expect(Buffer.byteLength(JSON.stringify(crowded))).toBeLessThan(1024 * 1024);
    expect(await answerTo(crowded)).toBe(plain);
  });

  it('a compressed body is held to the 1 MB once inflated: 40 KB of gzip that inflates past it is 413, nothing answered', async () => {
    const body = gzipSync(JSON.stringify(withMentions(`ukendt ${'x'.repeat(2_000_000)}`, 0)));
    expect(body.length).toBeLessThan(40_000);
    const since = h.connector.mark();
    const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'too large' });
    expect(h.connector.requests.length).toBe(since);
  });
});
