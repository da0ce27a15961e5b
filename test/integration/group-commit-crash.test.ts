/**
 * Issue 12, point 3: votes answered inside a group commit are durable. The real bot runs
 * in a child process on SQLite (synchronous = FULL, group commit); ten connections cast
 * votes at once, so that several share each commit; the bot is killed (-9) right after
 * an answer. After a restart every vote that was answered is in the store: its ballot's
 * audit entry and its activity, processed.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type BotProcess, cleanupBots, startBot } from '../support/bot-process.js';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.js';

const CONNECTIONS = 10;
/** Kill once this many votes were answered. */
const ANSWERED_BEFORE_KILL = 60;
/** Members of three organisations (of six): the vote never closes by itself. */
const VOTERS = [people.birgitte, people.henrik, people.mette];

let connector: FakeConnector | undefined;

afterAll(async () => {
  await cleanupBots();
  await connector?.close();
});

async function openedMotion(bot: BotProcess, connector: FakeConnector): Promise<string> {
  expect((await bot.send(botInstalled(connector.url, people.anne))).status).toBeLessThan(300);
  await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, people.anne, 'afstemning Budgettet for 2027 godkendes'));
  const post = await connector.waitForPost((p) => connector.textOf(p).includes('Budgettet for 2027'), { since });
  const card = (post as { attachments?: { content: { actions?: { verb?: string; data?: { motionId: string } }[] } }[] }).attachments?.[0]?.content;
  const motionId = card?.actions?.find((a) => a.verb === 'vote.cast')?.data?.motionId;
  if (!motionId) throw new Error('no vote card with a motion id was posted');
  return motionId;
}

describe('group commit and kill -9 (issue 12)', () => {
  it('SQLite: every vote answered before the kill is in the store after the restart', async () => {
    connector = await startFakeConnector();
    let bot = await startBot({ clockStart: '2026-12-01T09:00:00+01:00', readyTimeoutMs: 60_000 });
    const motionId = await openedMotion(bot, connector);

    const answered: string[] = [];
    let killing: Promise<unknown> | undefined;
    let n = 0;
    const cast = async (): Promise<void> => {
      while (!killing) {
        const i = n++;
        const activity = cardAction(connector!.url, VOTERS[i % VOTERS.length]!, 'vote.cast', { motionId, choice: i % 2 ? 'for' : 'against' });
        const res = await bot.send(activity).catch(() => undefined);
        if (killing || !res) return;
        expect(res.status).toBe(200);
        expect(res.body?.type).toBe('application/vnd.microsoft.card.adaptive');
        answered.push(activity.id);
        if (answered.length >= ANSWERED_BEFORE_KILL) killing = bot.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, cast));
    await killing;
    // Votes were in flight when it died: some were sent and never answered.
    expect(n).toBeGreaterThan(answered.length);

    bot = await startBot({ clockStart: '2026-12-01T09:30:00+01:00', dataDir: bot.dataDir, readyTimeoutMs: 60_000 });
    await bot.stop();
    const db = new BetterSqlite3(join(bot.dataDir, 'bestyrelsesbot.db'), { readonly: true, fileMustExist: true });
    try {
      const audited = new Set((db.prepare("select activity_id from audit_log where action = 'ballot.cast'").all() as { activity_id: string }[]).map((r) => r.activity_id));
      const processed = new Set((db.prepare('select activity_id from processed_activities').all() as { activity_id: string }[]).map((r) => r.activity_id));
      expect(answered.filter((id) => !audited.has(id)), 'answered votes without their audit entry').toEqual([]);
      expect(answered.filter((id) => !processed.has(id)), 'answered votes not processed').toEqual([]);
    } finally {
      db.close();
    }
  }, 180_000);
});
