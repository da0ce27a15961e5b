/**
 * The Store port: everything the bot keeps. Adapters (SQLite now, PostgreSQL later)
 * implement it with the same migrations; one contract test suite runs against each.
 * No Teams types here: conversation references are opaque JSON.
 */
import type { Conclusion, Dissent, Objection } from '../domain/conclusion.js';
import type { DateAnswer, DatePoll } from '../domain/date-planning.js';
import type { AgendaItem, Attachment, Meeting, Petition, PetitionSupport } from '../domain/meeting.js';
import type { Attendee, Minutes } from '../domain/minutes.js';
import type { Ballot, Motion } from '../domain/voting.js';

/** The bound channel (PRODUCT §1.1). */
export interface ChannelBinding {
  readonly conversationReference: unknown;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly boundAt: Date;
  /** Person id, or undefined when bound by installation. */
  readonly boundBy?: string;
}

/** A person of the board as Teams knows them: needed for mentions and card refresh. */
export interface TeamsIdentity {
  readonly personId: string;
  /** The `29:…` id. */
  readonly teamsUserId: string;
  readonly name: string;
  readonly seenAt: Date;
}

export interface AuditEntry {
  readonly at: Date;
  /** Person id, or 'system' for the scheduler. */
  readonly actor: string;
  readonly action: string;
  /** What it is about, e.g. 'motion:…'. */
  readonly subject: string;
  readonly data?: unknown;
  /** The Teams activity that caused it, if any. */
  readonly activityId?: string;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly seq: number;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobInput {
  /** Unique: one job per key (e.g. 'vote.deadline:<motionId>'). */
  readonly key: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload?: unknown;
}

export interface Job extends JobInput {
  readonly id: number;
  readonly status: JobStatus;
  readonly attempts: number;
  readonly lastError?: string;
  readonly doneAt?: Date;
}

export type OutboxKind = 'send' | 'update';

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
  readonly dueAt: Date;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry extends OutboxInput {
  readonly id: number;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError?: string;
  /** The Teams message id the connector gave it. */
  readonly sentActivityId?: string;
  readonly sentAt?: Date;
}

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

/** Everything that reads or writes, bound to a connection or a transaction. */
export interface Repository {
  // Idempotency: the same activity delivered twice has one effect.
  /** Records an activity id; false when it was already recorded. */
  markActivityProcessed(activityId: string, at: Date): Promise<boolean>;

  getBinding(): Promise<ChannelBinding | undefined>;
  saveBinding(binding: ChannelBinding): Promise<void>;

  rememberTeamsIdentity(identity: TeamsIdentity): Promise<void>;
  listTeamsIdentities(): Promise<TeamsIdentity[]>;

  insertMotion(motion: Motion): Promise<void>;
  getMotion(id: string, read?: ReadOptions): Promise<Motion | undefined>;
  listOpenMotions(): Promise<Motion[]>;
  /** Closes the motion if it is still open; false when it was already closed (one close wins). */
  closeMotion(id: string, closedAt: Date, reason: NonNullable<Motion['closeReason']>, closedBy?: string): Promise<boolean>;

  /** Motions by agenda meeting and/or opening time in [openedFrom, openedTo), ordered by openedAt. */
  listMotions(filter?: { meetingId?: string; openedFrom?: Date; openedTo?: Date }): Promise<Motion[]>;

  /** Inserts or replaces the organisation's ballot: one per (motion, organisation), by unique key. */
  upsertBallot(ballot: Ballot): Promise<void>;
  listBallots(motionId: string): Promise<Ballot[]>;

  // Meetings (R9-R11) and agendas (R12-R15)
  insertMeeting(meeting: Meeting): Promise<void>;
  getMeeting(id: string): Promise<Meeting | undefined>;
  /** Meetings starting in [from, to), ordered by start; all statuses unless `status` is given. */
  listMeetings(range?: { from?: Date; to?: Date; status?: Meeting['status'] }): Promise<Meeting[]>;
  /** Sets status, start, place or subject of a meeting. */
  updateMeeting(id: string, changes: Partial<Pick<Meeting, 'status' | 'startsAt' | 'place' | 'subject'>>): Promise<void>;
  /** Records that the agenda went out; false when it had already (the first send wins). */
  markAgendaSent(meetingId: string, at: Date, late: boolean): Promise<boolean>;

  insertAgendaItem(item: AgendaItem): Promise<void>;
  /** Ordered by position. */
  listAgendaItems(meetingId: string): Promise<AgendaItem[]>;
  /** Appends an attachment (link) to an item. */
  addAttachment(itemId: string, attachment: Attachment): Promise<void>;

  // Members' petitions for an extraordinary meeting (R11)
  insertPetition(petition: Petition): Promise<void>;
  getPetition(id: string, read?: ReadOptions): Promise<Petition | undefined>;
  /** One support per (petition, person), by unique key; false when the person had already supported it. */
  addPetitionSupport(support: PetitionSupport): Promise<boolean>;
  /** Ordered by supportedAt. */
  listPetitionSupports(petitionId: string): Promise<PetitionSupport[]>;
  /** Records the majority once; false when it was already recorded. */
  markPetitionMajority(id: string, at: Date): Promise<boolean>;

  // Decisions by consent (R7) and dissents (R8)
  insertConclusion(conclusion: Conclusion): Promise<void>;
  getConclusion(id: string, read?: ReadOptions): Promise<Conclusion | undefined>;
  /** By meeting and/or concluded time in [from, to), ordered by concludedAt. */
  listConclusions(filter?: { meetingId?: string; from?: Date; to?: Date }): Promise<Conclusion[]>;
  /**
   * Moves a conclusion on from `from` (only if it is still in that status): to 'decided'
   * (with decidedAt, decidedBy), 'objected', or 'voted' (with motionId). False when another
   * change came first.
   */
  updateConclusion(
    id: string,
    from: Conclusion['status'],
    change: Pick<Conclusion, 'status'> & Partial<Pick<Conclusion, 'decidedAt' | 'decidedBy' | 'motionId'>>,
  ): Promise<boolean>;
  /** One objection per (conclusion, person); false when the person had objected already. */
  addObjection(objection: Objection): Promise<boolean>;
  /** Ordered by time. */
  listObjections(conclusionId: string): Promise<Objection[]>;
  /** One dissent per (subject, person); false when the person had one already. */
  insertDissent(dissent: Dissent): Promise<boolean>;
  /** Ordered by time. */
  listDissents(subject: { conclusionId: string } | { motionId: string }): Promise<Dissent[]>;

  // Next year's dates (R10)
  insertDatePoll(poll: DatePoll): Promise<void>;
  getDatePoll(id: string, read?: ReadOptions): Promise<DatePoll | undefined>;
  /** The polls for a year, newest first. */
  listDatePolls(year: number): Promise<DatePoll[]>;
  /** Records the confirmation once; false when the poll was confirmed already. */
  confirmDatePoll(id: string, at: Date, by: string, dates: readonly string[]): Promise<boolean>;
  /** A person's answer replaces their earlier one (unique per poll and person). */
  upsertDateAnswer(answer: DateAnswer): Promise<void>;
  listDateAnswers(pollId: string): Promise<DateAnswer[]>;

  // Minutes (R16)
  insertMinutes(minutes: Minutes): Promise<void>;
  getMinutes(id: string, read?: ReadOptions): Promise<Minutes | undefined>;
  /** A meeting's minutes, by version ascending. */
  listMinutes(meetingId: string): Promise<Minutes[]>;
  /** Replaces the text of unapproved minutes; false when they are approved (they never change). */
  updateMinutesText(id: string, text: string, at: Date): Promise<boolean>;
  /** Approves once; false when already approved. */
  approveMinutes(id: string, at: Date, by: string): Promise<boolean>;
  /** Attendance the secretary adds (R16); one row per (meeting, name). False when already there. */
  addAttendee(attendee: Attendee): Promise<boolean>;
  listAttendees(meetingId: string): Promise<Attendee[]>;

  /** A person's 1:1 chat with the bot, for personal reminders (opaque conversation reference). */
  savePersonalConversation(personId: string, conversationReference: unknown, at: Date): Promise<void>;
  getPersonalConversation(personId: string): Promise<unknown | undefined>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter?: { subject?: string; action?: string }): Promise<StoredAuditEntry[]>;

  /** Plans a job; a job with the same key is re-planned (due time, payload) unless it is done. */
  scheduleJob(job: JobInput): Promise<void>;
  cancelJob(key: string): Promise<void>;
  getJob(key: string): Promise<Job | undefined>;
  /**
   * Atomically claims up to `limit` jobs for this process: pending ones due at `now`, and
   * running ones whose claimer is gone (a killed process) or whose lease ran out
   * (claims.ts). Each is claimed by one caller only. Claim one at a time: what a crash
   * interrupts is run again, so it should be no more than the one job in hand.
   */
  claimDueJobs(now: Date, limit: number): Promise<Job[]>;
  completeJob(id: number, at: Date): Promise<void>;
  /**
   * Puts this process's claimed job back as pending at `retryAt`, or marks it failed when
   * `retryAt` is undefined. No effect on a job another process has taken over.
   */
  failJob(id: number, error: string, retryAt?: Date): Promise<void>;

  /**
   * Queues a post. A 'send' with a key already queued is ignored: one post per key, sent
   * at least once; only a crash while it is being sent may make it arrive twice.
   * An 'update' with a key already queued replaces its activity and is sent again:
   * an update carries the latest state, so sending it twice is harmless.
   */
  enqueueOutbox(entry: OutboxInput): Promise<void>;
  getOutbox(key: string): Promise<OutboxEntry | undefined>;
  /**
   * Atomically claims up to `limit` entries for this process: pending ones due at `now`,
   * and ones being sent by a claimer that is gone (a killed process) or whose lease ran
   * out (claims.ts): those may or may not have reached Teams and are sent again. Claim
   * one at a time, so a crash leaves only the post in flight uncertain.
   */
  claimOutbox(now: Date, limit: number): Promise<OutboxEntry[]>;
  markOutboxSent(id: number, at: Date, sentActivityId?: string): Promise<void>;
  /**
   * This process's claim back to pending at `retryAt`, or failed for good when `retryAt`
   * is undefined. No effect on an entry another process has taken over.
   */
  markOutboxFailed(id: number, error: string, retryAt?: Date): Promise<void>;
}

export interface Store extends Repository {
  /** Runs `work` in one transaction: all its writes are committed together before it resolves. */
  transaction<T>(work: (repo: Repository) => Promise<T>): Promise<T>;
  /** Brings the schema up to date (idempotent). */
  migrate(): Promise<void>;
  /**
   * A secret of the bot's own (e.g. the key that signs file links): the stored one, or, the
   * first time, `generate()`'s value, stored. All instances on one database get the same.
   */
  secret(name: string, generate: () => string): Promise<string>;
  /** For /healthz (the detail is for the log only). */
  health(): Promise<{ ok: boolean; kind: string; detail?: string }>;
  close(): Promise<void>;
}
