/**
 * The Store is composed of one part per feature (src/store/kysely/<feature>.ts): each
 * method comes from exactly one part, so no part silently replaces another's.
 */
import { describe, expect, it } from 'vitest';
import { soleClaimer } from '../../../src/store/claims.js';
import type { Db, StoreContext } from '../../../src/store/kysely/context.js';
import { kyselyRepository, repositoryParts } from '../../../src/store/kysely/repository.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';

/** A context whose connection is never used: the parts only build their methods. */
const ctx: StoreContext = { db: {} as Db, lockRows: false, claimer: soleClaimer(), board: 'b' };

describe('the Store composition', () => {
  it('takes each repository method from exactly one feature part', () => {
    const owners = new Map<string, string[]>();
    for (const part of repositoryParts) {
      for (const method of Object.keys(part(ctx))) owners.set(method, [...(owners.get(method) ?? []), part.name]);
    }
    const shared = [...owners].filter(([, parts]) => parts.length > 1);
    expect(shared).toEqual([]);
    // Besides the parts: `part`, which opens a feature's own port (StorePart) on the same context.
    expect(new Set(Object.keys(kyselyRepository(ctx)))).toEqual(new Set([...owners.keys(), 'part']));
  });

  it('gives the Store the repository methods plus its own: transaction, secret, migrate, health, close, its board, forBoard and whether changes run side by side', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    try {
      const own = ['transaction', 'secret', 'migrate', 'health', 'close', 'forBoard'];
      const values = ['boardId', 'concurrentChanges'];
      expect(new Set(Object.keys(store))).toEqual(new Set([...Object.keys(kyselyRepository(ctx)), ...own, ...values]));
      for (const [name, value] of Object.entries(store)) if (!values.includes(name)) expect(typeof value, name).toBe('function');
      expect(store.concurrentChanges).toBe(false); // one batch at a time (group commit)
    } finally {
      await store.close();
    }
  });
});
