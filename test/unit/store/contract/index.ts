/**
 * The Store contract: every adapter (SQLite and PostgreSQL) runs this suite, one file per
 * feature. Each test opens a fresh store, migrates it, and closes it afterwards.
 * Time is passed in explicitly (`now`); nothing sleeps.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { agendaContract } from './agenda.js';
import { auditContract } from './audit.js';
import { cardCopiesContract } from './card-copies.js';
import { conclusionsContract } from './conclusions.js';
import { datePollsContract } from './date-polls.js';
import type { ContractHarness } from './harness.js';
import { identitiesContract } from './identities.js';
import { jobsContract } from './jobs.js';
import { lifecycleContract } from './lifecycle.js';
import { meetingsContract } from './meetings.js';
import { minutesContract } from './minutes.js';
import { outboxContract } from './outbox.js';
import { petitionsContract } from './petitions.js';
import { recordsContract } from './records.js';
import { transactionsContract } from './transactions.js';
import { votingContract } from './voting.js';

export interface ContractOptions {
  /**
   * Opens another store on the database `open` opened last: the next process (after a
   * kill) or another instance. Without it (':memory:') the tests that need it are skipped.
   */
  readonly reopen?: () => Promise<Store>;
}

/** Every feature's part of the contract, in the order they run. */
const features = [
  lifecycleContract,
  identitiesContract,
  votingContract,
  meetingsContract,
  agendaContract,
  petitionsContract,
  conclusionsContract,
  datePollsContract,
  minutesContract,
  recordsContract,
  auditContract,
  jobsContract,
  outboxContract,
  cardCopiesContract,
  transactionsContract,
];

export function describeStoreContract(name: string, open: () => Promise<Store>, options: ContractOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    const { reopen } = options;
    const harness: ContractHarness = {
      get store(): Store {
        if (!store) throw new Error('no store: the contract reads it in a test only');
        return store;
      },
      ...(reopen
        ? {
            reopen: async () => {
              store = await reopen();
              return store;
            },
          }
        : {}),
    };

    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });

    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    for (const feature of features) feature(harness);
  });
}
