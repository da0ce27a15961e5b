/**
 * `{ lock: true }` reads an aggregate's row for a change that depends on what else is
 * stored about it (a count of ballots, supports, objections): the row stays locked
 * until the transaction ends, so two such changes of one aggregate run one after the
 * other, the second reading what the first wrote (PRODUCT §4: a count-based transition
 * happens exactly once). Read it first in the transaction. PostgreSQL: `FOR UPDATE`;
 * SQLite serialises write transactions anyway. Outside a transaction it locks nothing.
 *
 * `{ lock: 'shared' }` reads it for a change that adds to it without deciding anything by
 * the count (a ballot): such changes of one aggregate do not wait for each other, but a
 * change that locks it (`lock: true`, a close) waits for them, and they for it, reading
 * what it wrote. PostgreSQL: `FOR SHARE`.
 */
export interface ReadOptions {
  readonly lock?: boolean | 'shared';
}
