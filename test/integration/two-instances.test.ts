/**
 * Two bot processes on one PostgreSQL database and one fake connector (PRODUCT §4):
 * votes sent alternately to both keep one vote per organisation and one outcome; an
 * agenda falling due is posted once. Runs when TEST_DATABASE_URL (or DATABASE_URL) is set;
 * .ci/run sets it to the PostgreSQL server on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type BotProcess, cleanupBots, startBot } from '../support/bot-process.js';
import { votesOn } from '../support/cards.js';
import { ask } from '../support/conversation.js';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.js';

/** A bound, not a budget: a start of src/main.ts takes a few seconds on an idle 2-core machine, 20 s and more on a busy one. */
const TIMEOUT_MS = 300_000;
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const schema = `t_${randomBytes(6).toString('hex')}`;

function urlWithSchema(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

describe.skipIf(!baseUrl)('two instances on one PostgreSQL database', () => {
  let connector: FakeConnector;
  let a: BotProcess;
  let b: BotProcess;
  let admin: pg.Client;

  const start = (clockStart: string) =>
    Promise.all([
      startBot({ clockStart, env: { DATABASE_URL: urlWithSchema(baseUrl!) } }),
      startBot({ clockStart, env: { DATABASE_URL: urlWithSchema(baseUrl!) } }),
    ]);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    connector = await startFakeConnector();
    [a, b] = await start('2026-12-01T10:00:00+01:00');
    await a.send(botInstalled(connector.url, people.anne));
    await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'), { timeoutMs: 30_000 });
  }, TIMEOUT_MS);

  afterAll(async () => {
    await cleanupBots();
    await connector?.close();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  it('both instances are healthy on PostgreSQL', async () => {
    for (const bot of [a, b]) expect((await bot.get('/healthz')).body).toEqual({ status: 'ok' });
    // Both keep their state in the schema (the install through a is there).
    expect((await admin.query(`select count(*)::int as n from ${schema}.channel_binding`)).rows[0].n).toBe(1);
  });

  it('R5: votes sent alternately and at once to both keep exactly one vote per organisation and one announcement', async () => {
    const since = connector.mark();
    await a.send(channelMessage(connector.url, people.anne, 'afstemning To instanser, én stemme pr. organisation'));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'), { since });
    const motionId = (card.attachments as any[])[0].content.actions[0].data.motionId as string;

    const voters: [Person, string][] = [
      [people.anne, 'for'],
      [people.birgitte, 'for'],
      [people.soeren, 'against'], // SB again, at the same moment as Birgitte
      [people.henrik, 'for'],
      [people.mette, 'abstain'],
      [people.lars, 'against'],
    ];
    // Everything at once, alternating between the two instances, each press delivered twice (Teams retries).
    const sends = voters.flatMap(([who, choice], i) => {
      const activity = cardAction(connector.url, who, 'vote.cast', { motionId, choice }, { replyToId: card.id });
      return [(i % 2 ? a : b).send(activity), (i % 2 ? b : a).send(activity)];
    });
    const answers = await Promise.all(sends);
    for (const answer of answers) expect(answer.status).toBe(200);

    // Slagelse Kommune votes last, on the other instance: every organisation has voted, so it closes by itself.
    await b.send(cardAction(connector.url, people.karsten, 'vote.cast', { motionId, choice: 'for' }));
    const outcome = await connector.waitForPost((p) => /^(Ikke vedtaget|Vedtaget):/.test(String(p.text)), { since });
    const refreshed = await a.send(cardAction(connector.url, people.anne, 'vote.refresh', { motionId }));
    const votes = Object.values(votesOn(refreshed.body.value));
    expect(votes).toHaveLength(6);
    expect(votes.every((v) => /^(For|Imod|Undlader) – afgivet af /.test(v))).toBe(true);
    const counts = String(outcome.text).split('\n')[0]!;
    expect(counts).toMatch(/^(Vedtaget|Ikke vedtaget): \d for, \d imod, \d undlader$/);
    const [, f, ag, ab] = /(\d) for, (\d) imod, (\d) undlader/.exec(counts)!.map(Number) as number[];
    expect(f! + ag! + ab!).toBe(6);

    // Give both instances' outboxes a moment's work to do, then count: one announcement, ever.
    await ask(a, connector, people.anne, 'hjælp');
    await ask(b, connector, people.anne, 'hjælp');
    expect(connector.posts().filter((p) => /^(Ikke vedtaget|Vedtaget):/.test(String(p.text)))).toHaveLength(1);
    expect(connector.posts().filter((p) => connector.textOf(p).startsWith('Afstemning'))).toHaveLength(1);
  });

  it('R5: a vote press delivered again (Teams retries), to the same instance or the other, is answered with the vote card, not an error', async () => {
    const since = connector.mark();
    await a.send(channelMessage(connector.url, people.anne, 'afstemning Et tryk, der leveres igen'));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'), { since });
    const motionId = (card.attachments as any[])[0].content.actions[0].data.motionId as string;
    const press = cardAction(connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'for' }, { replyToId: card.id });
    const answers = [await a.send(press), await a.send(press), await b.send(press)];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(Object.values(votesOn(answer.body.value)).filter((v) => v.startsWith('For – afgivet af Birgitte Bach'))).toHaveLength(1);
    }
  });

  it('R13: an agenda falling due is posted once, with both instances catching up at once', async () => {
    expect(connector.textOf(await ask(a, connector, people.pia, 'møde 17-12-2026 14:00'))).toMatch(/^Ordinært møde er planlagt/);
    await Promise.all([a.kill(), b.kill()]);
    [a, b] = await start('2026-12-12T09:00:30+01:00');
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Dagsorden') && p.conversationId === CHANNEL_ID);
    await ask(a, connector, people.anne, 'hjælp');
    await ask(b, connector, people.anne, 'hjælp');
    expect(connector.posts().filter((p) => connector.textOf(p).startsWith('Dagsorden') && p.conversationId === CHANNEL_ID)).toHaveLength(1);
  }, TIMEOUT_MS);
});
