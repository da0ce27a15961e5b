/**
 * Group commit on SQLite (issue 12, point 3): actions that arrive together share one
 * transaction and one COMMIT (synchronous = FULL), each in its own savepoint, and each
 * is answered only once that COMMIT is done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-group-commit-'));
let counter = 0;
let store: Store;
let file: string;

/** Every statement the store runs (prepared once, run many times): their SQL, in order. */
function recordStatements(): { ran: string[]; stop(): void } {
  const probe = new BetterSqlite3(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'all' | 'run' | 'get', (...args: unknown[]) => unknown>;
  probe.close();
  const ran: string[] = [];
  const originals = (['all', 'run', 'get'] as const).map((name) => [name, statement[name]] as const);
  for (const [name, original] of originals) {
    statement[name] = function (this: { source: string }, ...args: unknown[]) {
      ran.push(this.source);
      return original.apply(this, args);
    };
  }
  return { ran, stop: () => originals.forEach(([name, original]) => (statement[name] = original)) };
}

const entry = (n: number) => ({ at: new Date('2026-12-01T09:00:00Z'), actor: 'p1', action: 'test.action', subject: `s${n}` });

/** What another connection to the file sees: the subjects committed. */
function committedSubjects(): string[] {
  const other = new BetterSqlite3(file, { readonly: true });
  try {
    return (other.prepare("select subject from audit_log where action = 'test.action' order by subject").all() as { subject: string }[]).map((r) => r.subject);
  } finally {
    other.close();
  }
}

beforeEach(async () => {
  file = join(dir, `run-${++counter}.sqlite`);
  store = await openSqliteStore({ file });
  await store.migrate();
});

afterEach(async () => {
  await store.close();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite group commit (issue 12)', () => {
  it('commits ten actions that arrive together in one transaction, each in its own savepoint', async () => {
    const statements = recordStatements();
    try {
      await Promise.all(Array.from({ length: 10 }, (_, n) => store.transaction((repo) => repo.appendAudit(entry(n)))));
    } finally {
      statements.stop();
    }
    const { ran } = statements;
    expect(ran.filter((s) => /^begin/i.test(s)), ran.join('\n')).toHaveLength(1);
    expect(ran.filter((s) => /^commit/i.test(s)), ran.join('\n')).toHaveLength(1);
    expect(ran.filter((s) => /^savepoint/i.test(s))).toHaveLength(10);
    expect(committedSubjects()).toHaveLength(10);
  });

  it('rolls back a failing action alone: the others of its batch are committed, it gets its own error', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) =>
        store.transaction(async (repo) => {
          await repo.appendAudit(entry(n));
          if (n === 2) throw new Error('refused');
          return n;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(committedSubjects()).toEqual(['s0', 's1', 's3', 's4', 's5']);
  });

  it('answers each action only after the commit that holds its write (another connection sees it by then)', async () => {
    const seenAtAnswer = await Promise.all(
      Array.from({ length: 5 }, async (_, n) => {
        await store.transaction((repo) => repo.appendAudit(entry(n)));
        return committedSubjects().includes(`s${n}`);
      }),
    );
    expect(seenAtAnswer).toEqual([true, true, true, true, true]);
  });

  it('a single call of a Store method outside a transaction joins the batch too, and is answered after its commit', async () => {
    const statements = recordStatements();
    try {
      await Promise.all([store.appendAudit(entry(1)), store.transaction((repo) => repo.appendAudit(entry(2))), store.appendAudit(entry(3))]);
    } finally {
      statements.stop();
    }
    expect(statements.ran.filter((s) => /^commit/i.test(s))).toHaveLength(1);
    expect(committedSubjects()).toEqual(['s1', 's2', 's3']);
  });

  it('where the board is bound: read by a change once, then known; never from a batch that saved one before the read (it may be rolled back)', async () => {
    const binding = { conversationReference: {}, channelId: '19:c@thread.tacv2', serviceUrl: 'https://s/', boundAt: new Date('2026-12-01T09:00:00Z') };
    // Saved, read back and then undone: the store must not remember what was never committed.
    await expect(
      store.transaction(async (repo) => {
        await repo.saveBinding(binding);
        expect(await repo.getBinding()).toMatchObject({ channelId: binding.channelId });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    // The next change may share the undone batch (it reads again); the one after knows.
    expect(await store.transaction((repo) => repo.getBinding())).toBeUndefined();
    expect(await store.transaction((repo) => repo.getBinding())).toBeUndefined();
    const recorded = recordStatements();
    const reads = () => recorded.ran.filter((s) => /from "channel_binding"/.test(s));
    try {
      expect(await store.transaction((repo) => repo.getBinding())).toBeUndefined();
      expect(await store.getBinding()).toBeUndefined();
      expect(reads(), recorded.ran.join('\n')).toHaveLength(0);
      await store.saveBinding(binding);
      expect(await store.transaction((repo) => repo.getBinding())).toMatchObject({ channelId: binding.channelId });
      expect(await store.transaction((repo) => repo.getBinding())).toMatchObject({ channelId: binding.channelId });
      expect(await store.getBinding()).toMatchObject({ channelId: binding.channelId });
      expect(reads(), recorded.ran.join('\n')).toHaveLength(1);
    } finally {
      recorded.stop();
    }
  });

  it('the Teams ids of the board\'s people: read once, then known until one is remembered; never from a batch that remembered one before the read', async () => {
    const anne = { personId: 'p-anne', teamsUserId: '29:anne', name: 'Anne', seenAt: new Date('2026-12-01T09:00:00Z') };
    const bent = { ...anne, personId: 'p-bent', teamsUserId: '29:bent', name: 'Bent' };
    await expect(
      store.transaction(async (repo) => {
        await repo.rememberTeamsIdentity(anne);
        expect(await repo.listTeamsIdentities()).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    // The next change may share the undone batch (it reads again); the one after knows.
    expect(await store.transaction((repo) => repo.listTeamsIdentities())).toEqual([]);
    expect(await store.transaction((repo) => repo.listTeamsIdentities())).toEqual([]);
    const recorded = recordStatements();
    const reads = () => recorded.ran.filter((s) => /from "teams_identities"/.test(s));
    try {
      expect(await store.listTeamsIdentities()).toEqual([]);
      expect(reads(), recorded.ran.join('\n')).toHaveLength(0);
      await store.rememberTeamsIdentity(anne);
      expect(await store.transaction((repo) => repo.listTeamsIdentities())).toEqual([anne]);
      await store.rememberTeamsIdentity(bent);
      expect(await store.listTeamsIdentities()).toEqual([anne, bent]);
      expect(await store.transaction((repo) => repo.listTeamsIdentities())).toEqual([anne, bent]);
      expect(reads(), recorded.ran.join('\n')).toHaveLength(2);
      // Shared by every reader: nobody changes what the others read.
      const list = await store.listTeamsIdentities();
      expect(() => (list as unknown as unknown[]).push(anne)).toThrow();
    } finally {
      recorded.stop();
    }
  });

  it('an action on a closed store fails at once, and the next one too (no loop that never yields)', async () => {
    const closed = await openSqliteStore({ file: join(dir, `closed-${++counter}.sqlite`) });
    await closed.migrate();
    await closed.close();
    await expect(closed.appendAudit(entry(1))).rejects.toThrow();
    await expect(closed.transaction((repo) => repo.appendAudit(entry(2)))).rejects.toThrow();
  });
});
