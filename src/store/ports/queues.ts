/**
 * The store's two work queues: jobs (scheduled work) and the outbox (posts to Teams).
 * Both are claimed one entry at a time by a claimer (../claims.ts) and done at least once.
 */

/**
 * 'replanned': running, and planned again meanwhile; it is pending again when the run ends.
 * 'failed': failed for good, its retries spent (planned again at the next start: planFailedJobsAgain).
 * 'rejected': failed for good by a failure no retry cures (its payload does not fit its kind, its board
 * is in no board file: PermanentJobError); never planned again but by its use case (scheduleJob).
 */
export type JobStatus = 'pending' | 'running' | 'replanned' | 'done' | 'failed' | 'rejected' | 'cancelled';

export interface JobInput {
  /** Unique: one job per key (e.g. 'vote.deadline:<motionId>'). */
  readonly key: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload?: unknown;
}

export interface Job extends JobInput {
  readonly id: number;
  /** The board the job is for (a claim takes every board's due jobs). */
  readonly boardId: string;
  readonly status: JobStatus;
  readonly attempts: number;
  readonly lastError?: string;
  readonly doneAt?: Date;
}

export type OutboxKind = 'send' | 'update';

/**
 * A card's 'update' entry is claimed at most once per UPDATE_INTERVAL_MS (counted from its
 * last claim, which is when its send began); the updates committed in between coalesce in
 * its row (enqueueOutbox) and the newest goes out when the interval has passed. Why: each
 * update is a proactive turn to the Bot Connector (a new connector client, its pipeline)
 * and a claim and a mark in the store. Where every vote commits on its own (PostgreSQL:
 * no group commit) a card took one update per vote; once a second keeps a card current to
 * the eye at a fraction of that. 'send' entries (new posts) are never held back.
 */
export const UPDATE_INTERVAL_MS = 1000;

export interface OutboxInput {
  /** Unique: a post is sent at most once per key. */
  readonly key: string;
  readonly kind: OutboxKind;
  /** Opaque conversation reference to post into. */
  readonly conversation: unknown;
  /** The activity (message) to send, as JSON. */
  readonly activity: unknown;
  /** For 'update': the key of the 'send' entry whose posted message is to be replaced. */
  readonly updatesKey?: string;
  /**
   * For a 'send' under a thread: the key of the 'send' entry whose posted message it replies
   * to. It waits until that message is posted and goes into its thread (`conversation` is the
   * channel); if that message is never posted, it is sent as its fallback, or given up.
   */
  readonly repliesToKey?: string;
  readonly dueAt: Date;
  /**
   * For a 'send' that reminds of a moment (domain/kernel/reminders.ts: a meeting's start, a vote's
   * deadline): at or past it the post is not sent (it waited through an outage of Teams, or across a
   * stop of the bot), but marked failed and logged: its moment has passed. None for anything else
   * (agendas, outcomes, minutes): those are always sent.
   */
  readonly staleAt?: Date;
  /**
   * For a reply under a thread: the new post to send instead when the reply fails for good
   * (the thread is gone, "Conversation not found"): PRODUCT §1.3.
   */
  readonly fallback?: { readonly conversation: unknown; readonly activity: unknown };
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry extends OutboxInput {
  readonly id: number;
  /** The board the post is for (a claim takes every board's entries). */
  readonly boardId: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError?: string;
  /** The Teams message id the connector gave it. */
  readonly sentActivityId?: string;
  readonly sentAt?: Date;
}

export interface JobsPort {
  /**
   * Plans a job; a job with the same key is re-planned (due time, payload) unless it is done, or
   * `again`: then a done one is planned anew too (a meeting moved after its reminder went out).
   */
  scheduleJob(job: JobInput, options?: { readonly again?: boolean }): Promise<void>;
  cancelJob(key: string): Promise<void>;
  getJob(key: string): Promise<Job | undefined>;
  /**
   * Atomically claims up to `limit` jobs of every board for this process (one tick serves
   * all boards; each job names its board): pending ones due at `now`, and
   * running ones whose claimer is gone (a killed process) or whose lease ran out
   * (../claims.ts). Each is claimed by one caller only. Claim one at a time: what a crash
   * interrupts is run again, so it should be no more than the one job in hand.
   */
  claimDueJobs(now: Date, limit: number): Promise<Job[]>;
  completeJob(id: number, at: Date): Promise<void>;
  /**
   * Puts this process's claimed job back as pending at `retryAt`, or marks it failed when
   * `retryAt` is undefined (its retries spent), or rejected when it is 'rejected' (no retry
   * would cure it). No effect on a job another process has taken over.
   */
  failJob(id: number, error: string, retryAt?: Date | 'rejected'): Promise<void>;
  /**
   * At start: every job of the boards this process serves that failed for good (status 'failed',
   * not 'rejected') and is of one of `kinds` (those this process has a handler for) is pending
   * again, its attempts counted anew, its due time kept (past: due at once); each is returned.
   * Another process's start may do the same at once: each job is returned by one of them.
   */
  planFailedJobsAgain(kinds: readonly string[]): Promise<Job[]>;
}

export interface OutboxPort {
  /**
   * Queues a post. A 'send' with a key already queued is ignored: one post per key, sent
   * at least once; only a crash while it is being sent may make it arrive twice.
   * An 'update' with a key already queued replaces its activity and is sent again
   * (UPDATE_INTERVAL_MS after its last claim at the soonest): an update carries the
   * latest state, so sending it twice is harmless.
   */
  enqueueOutbox(entry: OutboxInput): Promise<void>;
  /**
   * Queues several updates (kind 'update'), each as enqueueOutbox would, in one statement: the
   * copies of a card that 1:1 reminders carry follow it on every vote (issue 12: a vote's statements).
   */
  enqueueOutboxUpdates(entries: readonly OutboxInput[]): Promise<void>;
  getOutbox(key: string): Promise<OutboxEntry | undefined>;
  /**
   * The posts of the reminder queued under `key` (a reminder's posts are keyed `key` and `key:…`:
   * its channel post, each person's), not sent yet, remind of a moment that came at `at` (the vote
   * they ask for closed early, the meeting they name was cancelled or moved: domain/kernel/reminders.ts):
   * their staleAt is brought forward to `at`, so that one claimed at or past it is not sent. Only posts
   * that have a staleAt (reminders: never an agenda, an outcome or minutes), and only forward.
   */
  endReminders(key: string, at: Date): Promise<void>;
  /** The posts queued or sent under `keys`, in one read (those there are, in no set order). */
  getOutboxes(keys: readonly string[]): Promise<OutboxEntry[]>;
  /**
   * The post queued or sent under `key` (a 'send') is to be posted anew, as `activity`, into
   * `conversation` (the board moved to another channel): queued again at `now`, behind what is
   * queued before it, and the updates and thread replies that name `key` go to the new post from
   * then on. The old post, if it was sent (or is being sent), stays as it is under a key of its
   * own (`left`), so that an update can still reach it; one never sent is given up. False when
   * no post was queued under `key` (and nothing is queued).
   */
  repostOutbox(key: string, conversation: unknown, activity: unknown, now: Date): Promise<false | { readonly left?: string }>;
  /**
   * Atomically claims up to `limit` entries of every board for this process (each names
   * its board): pending ones due at `now` (an 'update' not sooner than UPDATE_INTERVAL_MS
   * after its last claim),
   * and ones being sent by a claimer that is gone (a killed process) or whose lease ran
   * out (../claims.ts): those may or may not have reached Teams and are sent again. Claim
   * one at a time, so a crash leaves only the post in flight uncertain.
   */
  claimOutbox(now: Date, limit: number): Promise<OutboxEntry[]>;
  /**
   * When the first 'update' that is due but held back (claimed less than UPDATE_INTERVAL_MS
   * before `now`) may be claimed, of every board; undefined when none is held. Read from the
   * rows, so any process may wake for an update another process sent last.
   */
  heldOutboxUntil(now: Date): Promise<Date | undefined>;
  /**
   * Records the post: a 'send' whoever sent it, an 'update' only by the process holding its
   * claim (a late send of older state never marks newer state sent). Ignored once the entry is
   * pending again (re-armed with newer state while it was being sent).
   */
  markOutboxSent(id: number, at: Date, sentActivityId?: string): Promise<void>;
  /**
   * This process's claim back to pending at `retryAt`, or failed for good when `retryAt`
   * is undefined. No effect on an entry another process has taken over.
   */
  markOutboxFailed(id: number, error: string, retryAt?: Date): Promise<void>;
  /**
   * This process's claim of an entry with a fallback becomes its fallback: pending again,
   * due at `now`, with the fallback's conversation and activity, no fallback left and no
   * longer a reply (no repliesToKey).
   * False (no effect) when the entry has no fallback or is not this process's claim.
   */
  rerouteOutbox(id: number, error: string, now: Date): Promise<boolean>;
}

/**
 * A copy of a card carried by a post of its own (a 1:1 reminder carries the vote card, a task's
 * card): whenever the card is updated, so is the copy, rendered for its person.
 */
export interface CardCopy {
  /** The outbox key of the card copied (the channel's post). */
  readonly cardKey: string;
  /** The outbox key the copy was posted under ('send'). */
  readonly copyKey: string;
  /** Whom the copy was posted to. */
  readonly personId: string;
}

export interface CardCopiesPort {
  /** Records a copy (in the transaction that queues it); a copy recorded before under its key is kept. */
  recordCardCopy(copy: CardCopy): Promise<void>;
  /** The copies of the card posted under `cardKey`, in the order of their keys. */
  listCardCopies(cardKey: string): Promise<CardCopy[]>;
}

export interface QueuesPort extends JobsPort, OutboxPort, CardCopiesPort {}
