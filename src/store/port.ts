/**
 * The Store port: everything the bot keeps. One small port per feature (ports/), composed
 * here; the kysely adapters (kysely/) implement each on SQLite and PostgreSQL with the
 * same migrations, and one contract suite runs against both.
 * No Teams types here: conversation references are opaque JSON.
 */
import type { AgendaPort } from './ports/agenda.js';
import type { AuditPort } from './ports/audit.js';
import type { ConclusionsPort } from './ports/conclusions.js';
import type { DatePollsPort } from './ports/date-polls.js';
import type { IdempotencyPort } from './ports/idempotency.js';
import type { IdentitiesPort } from './ports/identities.js';
import type { MeetingsPort } from './ports/meetings.js';
import type { MinutesPort } from './ports/minutes.js';
import type { PetitionsPort } from './ports/petitions.js';
import type { QueuesPort } from './ports/queues.js';
import type { SecretsPort } from './ports/secrets.js';
import type { VotingPort } from './ports/voting.js';

export type { AgendaPort } from './ports/agenda.js';
export type { AuditEntry, AuditPort, StoredAuditEntry } from './ports/audit.js';
export type { ConclusionsPort } from './ports/conclusions.js';
export type { DatePollsPort } from './ports/date-polls.js';
export type { ActivityKey, IdempotencyPort } from './ports/idempotency.js';
export type { ChannelBinding, IdentitiesPort, TeamsIdentity } from './ports/identities.js';
export type { MeetingsPort } from './ports/meetings.js';
export type { MinutesPort } from './ports/minutes.js';
export type { PetitionsPort } from './ports/petitions.js';
export type {
  CardCopiesPort,
  CardCopy,
  Job,
  JobInput,
  JobStatus,
  JobsPort,
  OutboxEntry,
  OutboxInput,
  OutboxKind,
  OutboxPort,
  OutboxStatus,
  QueuesPort,
} from './ports/queues.js';
export type { ReadOptions } from './ports/read.js';
export type { SecretsPort } from './ports/secrets.js';
export type { VotingPort } from './ports/voting.js';

declare const partContext: unique symbol;
/** What a store part's queries run on: the adapter's connection or transaction (opaque outside the adapter). */
export interface StorePartContext {
  readonly [partContext]: true;
}

/**
 * A feature's own port, brought by the feature with its adapter (kysely/<feature>.ts,
 * made with `storePart`): reached as `repo.part(part)` on the store or on a transaction's
 * repository, so that nothing else in the store names the feature.
 */
export interface StorePart<P> {
  readonly name: string;
  open(context: StorePartContext): P;
}

/** Everything that reads or writes, bound to a connection or a transaction: the features' ports. */
export interface Repository
  extends IdempotencyPort,
    IdentitiesPort,
    VotingPort,
    MeetingsPort,
    AgendaPort,
    PetitionsPort,
    ConclusionsPort,
    DatePollsPort,
    MinutesPort,
    AuditPort,
    QueuesPort {
  /** A feature's own port (StorePart) on this repository's connection or transaction. */
  part<P>(part: StorePart<P>): P;
}

export interface MigrateOptions {
  /**
   * The board whose records a database made before boards had ids holds (R19): they get
   * its id. Without it such a database with records is not migrated (the error says why).
   */
  readonly existingBoard?: string;
  /**
   * Each board's time zone, by board id (its file's `board.timezone`): a migration that works out
   * a local day for rows made before it (0019: the meeting a vote on no item or a task was made
   * at) reads it there; a board not named, the board file's default zone.
   */
  readonly timezones?: Readonly<Record<string, string>>;
}

/**
 * One board's store (R19: every row belongs to a board; every read and write of the
 * Repository is that board's). The queues' claims alone take every board's entries,
 * each entry naming its board. `forBoard` gives another board's store on the same
 * connection: the lifecycle (migrate, health, close) is the connection's, shared.
 */
export interface Store extends Repository, SecretsPort {
  /** The board this store reads and writes. */
  readonly boardId: string;
  forBoard(boardId: string): Store;
  /** Runs `work` in one transaction: all its writes are committed together before it resolves. */
  transaction<T>(work: (repo: Repository) => Promise<T>): Promise<T>;
  /**
   * Whether transactions run side by side (PostgreSQL: several connections, several
   * instances), so that two of them may each miss what the other writes until both have
   * committed. False where they run one after another, each reading all that the ones before
   * it wrote (SQLite).
   */
  readonly concurrentChanges: boolean;
  /** Brings the schema up to date (idempotent); the names of the migrations it ran, in order (none: it was up to date). */
  migrate(options?: MigrateOptions): Promise<readonly string[]>;
  /** For /healthz (the detail is for the log only). */
  health(): Promise<{ ok: boolean; kind: string; detail?: string }>;
  close(): Promise<void>;
}
