/**
 * `{ lock: true }` reads an aggregate's row for a change that depends on what else is
 * stored about it (a count of ballots, supports, objections): the row stays locked
 * until the transaction ends, so two such changes of one aggregate run one after the
 * other, the second reading what the first wrote (PRODUCT §4: a count-based transition
 * happens exactly once). Read it first in the transaction. PostgreSQL: `FOR UPDATE`;
 * SQLite serialises write transactions anyway. Outside a transaction it locks nothing.
 */
export interface ReadOptions {
  readonly lock?: boolean;
}
