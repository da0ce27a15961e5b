/**
 * PostgreSQL, two instances on one database: the copies of a card that 1:1 reminders carry are
 * kept between requests (a vote on a card without copies reads nothing more), and a copy
 * another instance records is heard, so that its next update of the card reaches the copy.
 * Runs when TEST_DATABASE_URL or DATABASE_URL is set.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../../src/store/postgres.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterAll(async () => {
  await schemas?.drop();
});

/** Until `check` holds, asking again each turn of the event loop; fails after many tries. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('it never held');
}

describe.skipIf(!schemas)('the copies of a card, kept between requests on PostgreSQL', () => {
  it('are kept once read, and what another instance records is heard', async () => {
    const schema = schemas!.fresh();
    const store = await openPgStore({ url: pgTestUrl!, schema });
    await store.migrate();
    const other = await openPgStore({ url: pgTestUrl!, schema });
    const raw = new pg.Client({ connectionString: pgTestUrl });
    await raw.connect();
    const behind = (copyKey: string) => `insert into "${schema}".card_copies (board_id, copy_key, card_key, person_id) values ('${store.boardId}', '${copyKey}', 'motion:m1:card', 'p-b')`;
    try {
      // Kept: once the store hears changes, a copy written behind its back (no notice) is not read.
      let written = 0;
      await until(async () => {
        const before = (await store.listCardCopies('motion:m1:card')).length;
        await raw.query(behind(`unheard-${++written}`));
        return (await store.listCardCopies('motion:m1:card')).length === before;
      });
      // Heard: another instance's copy, recorded with its notice, makes the store read them again.
      await other.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' });
      await until(async () => (await store.listCardCopies('motion:m1:card')).length === written + 1);
      expect((await store.listCardCopies('motion:m1:card')).map((c) => c.personId).sort()).toEqual([...Array(written).fill('p-b'), 'p-a'].sort());
    } finally {
      await raw.end();
      await other.close();
      await store.close();
    }
  });
});
