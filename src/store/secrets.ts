/** The store's secrets (migration 0005): made once, on first use, by whichever instance comes first. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The secret named `name`; when there is none yet, `generate()`'s value is stored and returned (one winner across instances). */
export async function getOrCreateSecret(db: Kysely<Database>, name: string, generate: () => string): Promise<string> {
  await db
    .insertInto('secrets')
    .values({ name, value: generate(), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
