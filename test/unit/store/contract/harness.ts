/** What the contract's feature files get: the store of the running test, and a way to restart it. */
import type { Store } from '../../../../src/store/port.js';

export interface ContractHarness {
  /** The running test's store: fresh and migrated before each test, closed after it. */
  readonly store: Store;
  /**
   * Opens another store on the database the running test's store is on: the next process
   * (after a kill) or another instance. It becomes the store closed after the test.
   * Undefined where a database has no second opener (':memory:'): tests that need it skip.
   */
  readonly reopen?: () => Promise<Store>;
}
