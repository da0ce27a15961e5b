/**
 * The Store on kysely, shared by the SQLite and PostgreSQL adapters: every feature's
 * queries (kysely/<feature>.ts, each implementing its port on a StoreContext) composed
 * into one Repository, and the Store around it. Each feature's methods are its own: the
 * parts share no method name (test/unit/store/composition.test.ts).
 */
import type { Kysely } from 'kysely';
import type { MigrateOptions, Repository, Store } from '../port.js';
import type { Database } from '../schema.js';
import { agendaQueries } from './agenda.js';
import { auditQueries } from './audit.js';
import { conclusionsQueries } from './conclusions.js';
import { type StoreContext, type StoreOptions, forBoard, inTransaction, partContext, storeContext } from './context.js';
import { datePollsQueries } from './date-polls.js';
import { idempotencyQueries } from './idempotency.js';
import { identitiesQueries } from './identities.js';
import { jobsQueries } from './jobs.js';
import { meetingsQueries } from './meetings.js';
import { minutesQueries } from './minutes.js';
import { outboxQueries } from './outbox.js';
import { petitionsQueries } from './petitions.js';
import { secretsQueries } from './secrets.js';
import { votingQueries } from './voting.js';

/** The parts of the Repository, one per feature, in one list. */
export const repositoryParts = [
  idempotencyQueries,
  identitiesQueries,
  votingQueries,
  meetingsQueries,
  agendaQueries,
  petitionsQueries,
  conclusionsQueries,
  datePollsQueries,
  minutesQueries,
  auditQueries,
  jobsQueries,
  outboxQueries,
] as const;

/** The intersection of a union's members: what the parts make together. */
type Together<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every feature's queries on `ctx`'s connection or transaction. */
export function kyselyRepository(ctx: StoreContext): Repository {
  // Typed as what the parts make together: a port method no part implements fails to compile.
  const repository: Together<ReturnType<(typeof repositoryParts)[number]>> = Object.assign({}, ...repositoryParts.map((part) => part(ctx)));
  // The features' own ports (port.ts StorePart), each opened on this context when asked for.
  return { ...repository, part: (part) => part.open(partContext(ctx)) };
}

/** What an adapter adds to the shared queries: its schema, its health, its shutdown. */
export interface StoreLifecycle {
  migrate(options?: MigrateOptions): Promise<void>;
  health(): Promise<{ ok: boolean; kind: string; detail?: string }>;
  close(): Promise<void>;
}

/**
 * The Store on `db`. Don't use the Store itself inside `transaction(work)` (on SQLite it
 * would wait for the transaction): use the repository `work` is given.
 */
export function kyselyStore(db: Kysely<Database>, options: StoreOptions, lifecycle: StoreLifecycle): Store {
  return boardStore(storeContext(db, options), lifecycle, new Map());
}

/** The store for `ctx.board`; `forBoard` gives the same connection's store for another (made once each). */
function boardStore(ctx: StoreContext, lifecycle: StoreLifecycle, made: Map<string, Store>): Store {
  const store: Store = {
    ...kyselyRepository(ctx),
    ...secretsQueries(ctx),
    boardId: ctx.board,
    forBoard(board: string): Store {
      if (board === ctx.board) return store;
      let other = made.get(board);
      if (!other) made.set(board, (other = boardStore(forBoard(ctx, board), lifecycle, made)));
      return other;
    },
    transaction: <T>(work: (repo: Repository) => Promise<T>): Promise<T> =>
      ctx.db.transaction().execute((trx) => work(kyselyRepository(inTransaction(ctx, trx)))),
    migrate: (migrateOptions) => lifecycle.migrate(migrateOptions),
    health: () => lifecycle.health(),
    close: () => lifecycle.close(),
  };
  made.set(ctx.board, store);
  return store;
}
