/**
 * R19: every query of a feature is scoped to the store's board, mechanically: each
 * kysely feature file makes its queries through the one helper (context.ts `scoped`),
 * and reads across boards only through `acrossBoards` (the queues' claims, which board
 * a channel is bound to). A new table or query that skips the helper fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { activityKey } from '../../support/activity-keys.js';

const KYSELY = join(import.meta.dirname, '../../../src/store/kysely');
/** The files that are not a feature's queries: the plumbing (prepared.ts builds the queries a feature gives it with `scoped`), and the deployment's secrets (no board). */
const PLUMBING = new Set(['context.ts', 'prepared.ts', 'repository.ts', 'migrate.ts', 'values.ts', 'secrets.ts']);
/** Where a feature reads across boards, and why. */
const ACROSS_BOARDS: Record<string, number> = {
  'jobs.ts': 2, // one tick claims every board's due jobs; one start plans every board's failed jobs again
  'outbox.ts': 3, // one sender claims every board's posts (which, built once, and the claim), and wakes for every board's held card updates
  'identities.ts': 5, // which board a channel is bound to; which boards are bound, and which have records (at start); the notice that the binding or the Teams ids changed (PostgreSQL: no table); a channel let go by a board no longer served
};

const features = readdirSync(KYSELY).filter((f) => f.endsWith('.ts') && !PLUMBING.has(f));

describe('board scoping of the store (R19)', () => {
  it.each(features)('%s builds its queries only through the board helper', (file) => {
    const text = readFileSync(join(KYSELY, file), 'utf8');
    expect(text, 'reads the connection itself').not.toMatch(/\bctx\.db\b|\{\s*db\s*\}\s*=\s*ctx/);
    const direct = text.match(/(?<!trx\s*)\.(selectFrom|insertInto|updateTable|deleteFrom)\(/g) ?? [];
    const across = (text.match(/acrossBoards\(/g) ?? []).length;
    expect(across, 'reads across boards where it should not').toBe(ACROSS_BOARDS[file] ?? 0);
    // Direct builders only on what acrossBoards gave (trx = acrossBoards(...), or acrossBoards(ctx).selectFrom).
    const allowed = (text.match(/acrossBoards\(ctx\)\.selectFrom\(/g) ?? []).length;
    expect(direct.length, `queries not made through scoped.*: ${direct.join(', ')}`).toBe(allowed);
  });

  it('keeps each board\'s rows apart: the same keys on two boards, one store', async () => {
    const store = await openSqliteStore({ file: ':memory:', board: 'a' });
    await store.migrate();
    try {
      const a = store;
      const b = store.forBoard('b');
      const at = new Date('2026-12-01T08:00:00Z');
      for (const board of [a, b]) {
        await board.scheduleJob({ key: 'date-planning:2026-09-01', kind: 'tick', dueAt: at });
        await board.enqueueOutbox({ key: 'welcome', kind: 'send', conversation: {}, activity: { text: board.boardId }, dueAt: at });
        await board.rememberTeamsIdentity({ personId: 'p1', teamsUserId: `29:${board.boardId}`, name: 'P', seenAt: at });
        await board.savePersonalConversation('p1', { chat: board.boardId }, at);
        expect(await board.markActivityProcessed(activityKey('act-1'), at)).toBe(true);
      }
      expect((await a.getOutbox('welcome'))?.activity).toEqual({ text: 'a' });
      expect((await b.getOutbox('welcome'))?.activity).toEqual({ text: 'b' });
      expect((await a.listTeamsIdentities()).map((i) => i.teamsUserId)).toEqual(['29:a']);
      expect(await b.getPersonalConversation('p1')).toEqual({ chat: 'b' });
      // One tick, every board: each claimed job names its board.
      const claimed = await a.claimDueJobs(at, 10);
      expect(claimed.map((j) => j.boardId).sort()).toEqual(['a', 'b']);
      await b.completeJob(claimed.find((j) => j.boardId === 'a')!.id, at);
      expect((await a.getJob('date-planning:2026-09-01'))?.status).toBe('running');
      const posts = await b.claimOutbox(at, 10);
      expect(posts.map((p) => p.boardId).sort()).toEqual(['a', 'b']);
      // A channel is bound to one board at most.
      const binding = { conversationReference: {}, channelId: '19:c@thread.tacv2', serviceUrl: 'https://s/', boundAt: at };
      await a.saveBinding(binding);
      expect(await b.boardOfChannel('19:c@thread.tacv2')).toBe('a');
      expect(await b.listBoundBoards()).toEqual(['a']);
      // Every board with a record: an audit entry (every change makes one), or a binding.
      await b.appendAudit({ actor: 'system', action: 'meeting.planned', subject: 'meeting:m1', at, data: {} });
      expect(await a.listBoardsWithRecords()).toEqual(['a', 'b']);
      await expect(b.saveBinding(binding)).rejects.toThrow(/UNIQUE/);
      expect(await b.getBinding()).toBeUndefined();
      // Released by a board no longer served (binding.ts), the channel may be bound to another.
      await b.releaseChannel('19:c@thread.tacv2', 'b');
      expect(await a.boardOfChannel('19:c@thread.tacv2')).toBe('a'); // only the board named lets go
      await b.releaseChannel('19:c@thread.tacv2', 'a');
      expect(await a.getBinding()).toBeUndefined();
      expect(await b.boardOfChannel('19:c@thread.tacv2')).toBeUndefined();
      await b.saveBinding(binding);
      expect(await a.boardOfChannel('19:c@thread.tacv2')).toBe('b');
      // Several updates in one statement (scoped.insertMany) and read together: each board's own, the same keys on both.
      const update = (n: string) => ({ key: 'card-update', kind: 'update' as const, updatesKey: 'card', conversation: {}, activity: { n }, dueAt: at });
      await a.enqueueOutboxUpdates([update('a1')]);
      await b.enqueueOutboxUpdates([update('b1')]);
      await a.enqueueOutboxUpdates([update('a2')]);
      const ofA = await a.getOutboxes(['card-update', 'welcome']);
      expect(ofA.map((e) => [e.boardId, e.key, e.activity]).sort()).toEqual([['a', 'card-update', { n: 'a2' }], ['a', 'welcome', { text: 'a' }]]);
      expect((await b.getOutboxes(['card-update'])).map((e) => [e.boardId, e.activity])).toEqual([['b', { n: 'b1' }]]);
      await a.recordCardCopy({ cardKey: 'card', copyKey: 'copy', personId: 'p1' });
      expect(await b.listCardCopies('card')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
