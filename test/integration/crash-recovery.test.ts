/**
 * PRODUCT §4, "a committed post is never lost": fifteen agendas fall due at once,
 * Teams answers slowly (150 ms a post; 400 ms with two instances), and the bot is killed (-9) in the middle
 * of posting them. After a restart every agenda is in the channel, and at most
 * one twice: the one in flight at the kill. On SQLite, and on PostgreSQL with two
 * instances (the PostgreSQL part runs when TEST_DATABASE_URL is set).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENDAS, DUE_AT, MEETING_TIMES, PLAN_AT, agendaCounts, installAndPlanMeetings, isAgenda, until } from '../support/agendas.js';
import { startHarness } from '../support/app-harness.js';
import { type BotEnv, type BotProcess, cleanupBots, makeDataDir, startBot } from '../support/bot-process.js';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.js';
import { type StoreProbe, probeStore } from '../support/store-probe.js';

/** A bound, not a budget: a start of src/main.ts takes a few seconds on an idle 2-core machine, 20 s and more on a busy one. */
const TIMEOUT_MS = 300_000;
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** A little after DUE_AT: the clock of an instance started (or restarted) after the catch-up began. */
const LATER = '2026-12-12T09:01:00+01:00';

/** Every agenda posted and nothing left in the outbox. */
function settled(connector: FakeConnector, probe: StoreProbe): Promise<void> {
  return until(
    async () => agendaCounts(connector).size === AGENDAS && (await probe.unsent()) === 0,
    async () => `${agendaCounts(connector).size} of ${AGENDAS} agendas posted; unsent outbox entries:\n${await probe.describeUnsent()}`,
  );
}

function expectEveryAgendaPostedAtMostOneTwice(connector: FakeConnector): void {
  const counts = agendaCounts(connector);
  expect([...counts.keys()].sort()).toEqual(MEETING_TIMES.map((t) => t.replace(':', '.')));
  const twice = [...counts.values()].filter((n) => n > 1);
  expect(twice.every((n) => n === 2), `agendas posted more than twice: ${JSON.stringify([...counts])}`).toBe(true);
  expect(twice.length, `agendas posted twice: ${JSON.stringify([...counts])}`).toBeLessThanOrEqual(1);
}

afterAll(async () => {
  await cleanupBots();
});

describe('a kill -9 in the middle of fifteen agendas due at once (PRODUCT §4)', () => {
  it('SQLite: after the restart all fifteen are posted, at most one twice', async () => {
    const connector = await startFakeConnector();
    try {
      // Planned in this process, on the store the bot then goes on with.
      const dataDir = makeDataDir();
      const setup = await startHarness({ clockStart: PLAN_AT, connector, dataDir });
      await installAndPlanMeetings(setup, connector);
      await setup.close();

      connector.setResponseDelay(150);
      const since = connector.mark();
      let bot = await startBot({ clockStart: DUE_AT, dataDir });
      await connector.waitForPost((p) => isAgenda(connector)(p) && connector.posts().filter(isAgenda(connector)).length >= 2, { since, timeoutMs: 60_000 });
      await bot.kill('SIGKILL');
      const beforeRestart = agendaCounts(connector).size;
      expect(beforeRestart).toBeLessThan(AGENDAS);

      bot = await startBot({ clockStart: LATER, dataDir: bot.dataDir });
      const probe = probeStore({ dataDir: bot.dataDir });
      try {
        await settled(connector, probe);
      } finally {
        await probe.close();
      }
      expectEveryAgendaPostedAtMostOneTwice(connector);
    } finally {
      await connector.close();
    }
  }, TIMEOUT_MS);

  describe.skipIf(!baseUrl)('PostgreSQL, two instances', () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const env: BotEnv = {};
    let admin: pg.Client;

    afterAll(async () => {
      await admin?.query(`drop schema if exists ${schema} cascade`);
      await admin?.end();
    });

    it('after the killed instance restarts all fifteen are posted, at most one twice', async () => {
      admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const url = new URL(baseUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();

      const connector = await startFakeConnector();
      const probe = probeStore({ url: baseUrl!, schema });
      try {
        // Planned in this process, on the schema the instances then go on with.
        const setup = await startHarness({ clockStart: PLAN_AT, connector, postgres: { url: baseUrl!, schema } });
        await installAndPlanMeetings(setup, connector);
        await setup.close();

        // Slower here: A must still be posting when B has started (a start takes seconds).
        connector.setResponseDelay(400);
        const since = connector.mark();
        // A catches up alone and starts posting; B joins while A is at it; A is killed mid-batch.
        let a: BotProcess = await startBot({ clockStart: DUE_AT, env });
        await connector.waitForPost(isAgenda(connector), { since, timeoutMs: 60_000 });
        const b = await startBot({ clockStart: LATER, env });
        const mark = connector.mark();
        await connector.waitForPost(isAgenda(connector), { since: mark, timeoutMs: 60_000 });
        await a.kill('SIGKILL');
        expect(agendaCounts(connector).size).toBeLessThan(AGENDAS);

        a = await startBot({ clockStart: LATER, env });
        await settled(connector, probe);
        expectEveryAgendaPostedAtMostOneTwice(connector);
        await Promise.all([a.stop(), b.stop()]);
      } finally {
        await probe.close();
        await connector.close();
      }
    }, TIMEOUT_MS);
  });
});
