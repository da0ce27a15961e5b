/** The store's secrets (migration 0005): made once, on first use, by whichever instance comes first. */
import type { SecretsPort } from '../ports/secrets.js';
import type { StoreContext } from './context.js';
import { iso } from './values.js';

export function secretsQueries(ctx: StoreContext): SecretsPort {
  const { db } = ctx;
  return {
    /** The secret named `name`; when there is none yet, `generate()`'s value is stored and returned (one winner across instances). */
    async secret(name: string, generate: () => string): Promise<string> {
      const existing = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirst();
      if (existing) return existing.value;
      await db
        .insertInto('secrets')
        .values({ name, value: generate(), created_at: iso(new Date()) })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
