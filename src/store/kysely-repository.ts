/**
 * The dialect-independent half of the Store: every query of the Repository port,
 * written with kysely so the SQLite and PostgreSQL adapters share it.
 *
 * Conventions: instants are ISO-8601 UTC text; JSON is text (undefined ⇄ NULL);
 * optional domain fields are absent, never null, when the column is NULL.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MajorityPolicy } from '../domain/board.js';
import type { Conclusion, ConclusionStatus, Dissent, Objection } from '../domain/conclusion.js';
import type { DateAnswer, DatePoll } from '../domain/date-planning.js';
import type {
  AgendaItem,
  AgendaItemKind,
  Attachment,
  Meeting,
  MeetingKind,
  MeetingStatus,
  Petition,
  PetitionSupport,
} from '../domain/meeting.js';
import type { StandingItemKey } from '../domain/meeting.js';
import type { Attendee, Minutes } from '../domain/minutes.js';
import type { Ballot, Choice, CloseReason, Motion } from '../domain/voting.js';
import { type Claimer, soleClaimer } from './claims.js';
import * as queues from './kysely-queues.js';
import type { QueueOptions } from './kysely-queues.js';
import type {
  AuditEntry,
  ChannelBinding,
  Job,
  JobInput,
  OutboxEntry,
  OutboxInput,
  ReadOptions,
  Repository,
  StoredAuditEntry,
  TeamsIdentity,
} from './port.js';
import type {
  AgendaItemsTable,
  AttendeesTable,
  ConclusionsTable,
  Database,
  DatePollsTable,
  DissentsTable,
  MeetingsTable,
  MinutesTable,
  PetitionsTable,
} from './schema.js';

/** Attempts of `addAttachment` to append against a concurrently changing list before it gives up. */
const ATTACHMENT_APPEND_ATTEMPTS = 5;

export interface KyselyRepositoryOptions {
  /**
   * PostgreSQL: lock rows where the port asks for it (`{ lock: true }`: `FOR UPDATE`)
   * and the rows selected for a claim (`FOR UPDATE SKIP LOCKED`, so concurrent claimers
   * skip each other's rows). SQLite serialises write transactions (`BEGIN IMMEDIATE`)
   * and has no such clause: leave it false there.
   */
  readonly lockRows?: boolean;
  /** Who this process claims jobs and posts as (claims.ts). Default: the sole process on the database. */
  readonly claimer?: Claimer;
}

const iso = (d: Date): string => d.toISOString();
const date = (s: string): Date => new Date(s);
const toJson = (value: unknown): string | null => (value === undefined ? null : (JSON.stringify(value) ?? null));
const fromJson = (text: string): unknown => JSON.parse(text);

export class KyselyRepository implements Repository {
  protected readonly options: KyselyRepositoryOptions & { readonly claimer: Claimer };
  private readonly queueOptions: QueueOptions;

  constructor(
    protected readonly db: Kysely<Database> | Transaction<Database>,
    options: KyselyRepositoryOptions = {},
  ) {
    // One claimer for the store and every transaction's repository made from it.
    this.options = { ...options, claimer: options.claimer ?? soleClaimer() };
    this.queueOptions = { lockRows: this.options.lockRows ?? false, claimer: this.options.claimer };
  }

  /** Reads `query`'s row locked until the transaction ends, when asked and where the store locks rows. */
  private locked<Q extends { forUpdate(): Q }>(query: Q, read?: ReadOptions): Q {
    return read?.lock && this.options.lockRows ? query.forUpdate() : query;
  }

  /** A repository of the same kind bound to `db` (e.g. a transaction). */
  protected withDb(db: Kysely<Database> | Transaction<Database>): KyselyRepository {
    return new KyselyRepository(db, this.options);
  }

  /** Runs `work` in a transaction, or in the current one when this repository is bound to one. */
  protected async atomically<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this.db);
    return this.db.transaction().execute((trx) => work(trx));
  }

  // — Idempotency —

  async markActivityProcessed(activityId: string, at: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('processed_activities')
      .values({ activity_id: activityId, processed_at: iso(at) })
      .onConflict((oc) => oc.column('activity_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  // — Channel binding —

  async getBinding(): Promise<ChannelBinding | undefined> {
    const row = await this.db.selectFrom('channel_binding').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) return undefined;
    return {
      conversationReference: fromJson(row.conversation_reference),
      ...(row.tenant_id !== null ? { tenantId: row.tenant_id } : {}),
      ...(row.team_id !== null ? { teamId: row.team_id } : {}),
      channelId: row.channel_id,
      serviceUrl: row.service_url,
      boundAt: date(row.bound_at),
      ...(row.bound_by !== null ? { boundBy: row.bound_by } : {}),
    };
  }

  async saveBinding(binding: ChannelBinding): Promise<void> {
    const values = {
      conversation_reference: JSON.stringify(binding.conversationReference ?? null),
      tenant_id: binding.tenantId ?? null,
      team_id: binding.teamId ?? null,
      channel_id: binding.channelId,
      service_url: binding.serviceUrl,
      bound_at: iso(binding.boundAt),
      bound_by: binding.boundBy ?? null,
    };
    await this.db
      .insertInto('channel_binding')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  // — Teams identities —

  async rememberTeamsIdentity(identity: TeamsIdentity): Promise<void> {
    const values = { teams_user_id: identity.teamsUserId, name: identity.name, seen_at: iso(identity.seenAt) };
    await this.db
      .insertInto('teams_identities')
      .values({ person_id: identity.personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  }

  async listTeamsIdentities(): Promise<TeamsIdentity[]> {
    const rows = await this.db.selectFrom('teams_identities').selectAll().orderBy('person_id').execute();
    return rows.map((r) => ({ personId: r.person_id, teamsUserId: r.teams_user_id, name: r.name, seenAt: date(r.seen_at) }));
  }

  // — Motions and ballots —

  async insertMotion(motion: Motion): Promise<void> {
    await this.db
      .insertInto('motions')
      .values({
        id: motion.id,
        text: motion.text,
        opened_by: motion.openedBy,
        opened_at: iso(motion.openedAt),
        deadline: iso(motion.deadline),
        majority: motion.majority,
        organisation_ids: JSON.stringify(motion.organisationIds),
        closed_at: motion.closedAt ? iso(motion.closedAt) : null,
        closed_by: motion.closedBy ?? null,
        close_reason: motion.closeReason ?? null,
        meeting_id: motion.agendaItem?.meetingId ?? null,
        item_id: motion.agendaItem?.itemId ?? null,
        standing_item: motion.agendaItem?.standing ?? null,
      })
      .execute();
  }

  async getMotion(id: string, read?: ReadOptions): Promise<Motion | undefined> {
    const row = await this.locked(this.db.selectFrom('motions').selectAll().where('id', '=', id), read).executeTakeFirst();
    return row ? toMotion(row) : undefined;
  }

  async listOpenMotions(): Promise<Motion[]> {
    const rows = await this.db
      .selectFrom('motions')
      .selectAll()
      .where('closed_at', 'is', null)
      .orderBy('opened_at')
      .orderBy('id')
      .execute();
    return rows.map(toMotion);
  }

  async closeMotion(id: string, closedAt: Date, reason: CloseReason, closedBy?: string): Promise<boolean> {
    const result = await this.db
      .updateTable('motions')
      .set({ closed_at: iso(closedAt), close_reason: reason, closed_by: closedBy ?? null })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listMotions(filter: { meetingId?: string; openedFrom?: Date; openedTo?: Date } = {}): Promise<Motion[]> {
    let query = this.db.selectFrom('motions').selectAll();
    if (filter.meetingId !== undefined) query = query.where('meeting_id', '=', filter.meetingId);
    if (filter.openedFrom !== undefined) query = query.where('opened_at', '>=', iso(filter.openedFrom));
    if (filter.openedTo !== undefined) query = query.where('opened_at', '<', iso(filter.openedTo));
    const rows = await query.orderBy('opened_at').orderBy('id').execute();
    return rows.map(toMotion);
  }

  async upsertBallot(ballot: Ballot): Promise<void> {
    await this.db
      .insertInto('ballots')
      .values({
        motion_id: ballot.motionId,
        organisation_id: ballot.organisationId,
        choice: ballot.choice,
        cast_by: ballot.castBy,
        cast_at: iso(ballot.castAt),
      })
      .onConflict((oc) =>
        oc.columns(['motion_id', 'organisation_id']).doUpdateSet((eb) => ({
          choice: eb.ref('excluded.choice'),
          cast_by: eb.ref('excluded.cast_by'),
          cast_at: eb.ref('excluded.cast_at'),
        })),
      )
      .execute();
  }

  async listBallots(motionId: string): Promise<Ballot[]> {
    const rows = await this.db
      .selectFrom('ballots')
      .selectAll()
      .where('motion_id', '=', motionId)
      .orderBy('cast_at')
      .orderBy('organisation_id')
      .execute();
    return rows.map((r) => ({
      motionId: r.motion_id,
      organisationId: r.organisation_id,
      choice: r.choice as Choice,
      castBy: r.cast_by,
      castAt: date(r.cast_at),
    }));
  }

  // — Meetings (R9–R11) —

  async insertMeeting(meeting: Meeting): Promise<void> {
    const sent = meeting.agendaSentAt !== undefined;
    await this.db
      .insertInto('meetings')
      .values({
        id: meeting.id,
        kind: meeting.kind,
        starts_at: iso(meeting.startsAt),
        subject: meeting.subject ?? null,
        place: meeting.place ?? null,
        status: meeting.status,
        created_by: meeting.createdBy,
        created_at: iso(meeting.createdAt),
        agenda_sent_at: sent ? iso(meeting.agendaSentAt) : null,
        // Lateness belongs to a send: recorded only with it.
        agenda_late: sent ? (meeting.agendaLate ? 1 : 0) : null,
      })
      .execute();
  }

  async getMeeting(id: string): Promise<Meeting | undefined> {
    const row = await this.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMeeting(row) : undefined;
  }

  async listMeetings(range: { from?: Date; to?: Date; status?: MeetingStatus } = {}): Promise<Meeting[]> {
    let query = this.db.selectFrom('meetings').selectAll();
    if (range.from !== undefined) query = query.where('starts_at', '>=', iso(range.from));
    if (range.to !== undefined) query = query.where('starts_at', '<', iso(range.to));
    if (range.status !== undefined) query = query.where('status', '=', range.status);
    const rows = await query.orderBy('starts_at').orderBy('id').execute();
    return rows.map(toMeeting);
  }

  /** A field absent or undefined in `changes` is left as it is. */
  async updateMeeting(
    id: string,
    changes: Partial<Pick<Meeting, 'status' | 'startsAt' | 'place' | 'subject'>>,
  ): Promise<void> {
    const set: Partial<Pick<MeetingsTable, 'status' | 'starts_at' | 'place' | 'subject'>> = {
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.startsAt !== undefined ? { starts_at: iso(changes.startsAt) } : {}),
      ...(changes.place !== undefined ? { place: changes.place } : {}),
      ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('meetings').set(set).where('id', '=', id).execute();
  }

  async markAgendaSent(meetingId: string, at: Date, late: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('meetings')
      .set({ agenda_sent_at: iso(at), agenda_late: late ? 1 : 0 })
      .where('id', '=', meetingId)
      .where('agenda_sent_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // — Agenda items (R12–R15) —

  async insertAgendaItem(item: AgendaItem): Promise<void> {
    await this.db
      .insertInto('agenda_items')
      .values({
        id: item.id,
        meeting_id: item.meetingId,
        title: item.title,
        kind: item.kind,
        position: item.position,
        attachments: JSON.stringify(item.attachments),
        added_by: item.addedBy,
        added_at: iso(item.addedAt),
      })
      .execute();
  }

  async listAgendaItems(meetingId: string): Promise<AgendaItem[]> {
    const rows = await this.db
      .selectFrom('agenda_items')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    return rows.map(toAgendaItem);
  }

  /**
   * Read, append, write back guarded by the list read (compare-and-set): an append
   * that raced in between is never overwritten; the append is then retried.
   * Throws for an unknown item: the attachment must not be lost silently.
   */
  async addAttachment(itemId: string, attachment: Attachment): Promise<void> {
    await this.atomically(async (db) => {
      for (let attempt = 0; attempt < ATTACHMENT_APPEND_ATTEMPTS; attempt++) {
        const row = await db.selectFrom('agenda_items').select('attachments').where('id', '=', itemId).executeTakeFirst();
        if (!row) throw new Error(`agenda item ${itemId} not found`);
        const attachments = [...(fromJson(row.attachments) as Attachment[]), attachment];
        const result = await db
          .updateTable('agenda_items')
          .set({ attachments: JSON.stringify(attachments) })
          .where('id', '=', itemId)
          .where('attachments', '=', row.attachments)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return;
      }
      throw new Error(`agenda item ${itemId}: attachments kept changing; attachment not added`);
    });
  }

  // — Petitions (R11) —

  async insertPetition(petition: Petition): Promise<void> {
    await this.db
      .insertInto('petitions')
      .values({
        id: petition.id,
        subject: petition.subject,
        created_by: petition.createdBy,
        created_at: iso(petition.createdAt),
        majority_at: petition.majorityAt ? iso(petition.majorityAt) : null,
      })
      .execute();
  }

  async getPetition(id: string, read?: ReadOptions): Promise<Petition | undefined> {
    const row = await this.locked(this.db.selectFrom('petitions').selectAll().where('id', '=', id), read).executeTakeFirst();
    return row ? toPetition(row) : undefined;
  }

  async addPetitionSupport(support: PetitionSupport): Promise<boolean> {
    const result = await this.db
      .insertInto('petition_supports')
      .values({ petition_id: support.petitionId, person_id: support.personId, supported_at: iso(support.supportedAt) })
      .onConflict((oc) => oc.columns(['petition_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async listPetitionSupports(petitionId: string): Promise<PetitionSupport[]> {
    const rows = await this.db
      .selectFrom('petition_supports')
      .selectAll()
      .where('petition_id', '=', petitionId)
      .orderBy('supported_at')
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({ petitionId: r.petition_id, personId: r.person_id, supportedAt: date(r.supported_at) }));
  }

  async markPetitionMajority(id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('petitions')
      .set({ majority_at: iso(at) })
      .where('id', '=', id)
      .where('majority_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // — Decisions by consent (R7) and dissents (R8) —

  async insertConclusion(conclusion: Conclusion): Promise<void> {
    await this.db
      .insertInto('conclusions')
      .values({
        id: conclusion.id,
        meeting_id: conclusion.agendaItem.meetingId,
        item_id: conclusion.agendaItem.itemId ?? null,
        standing_item: conclusion.agendaItem.standing ?? null,
        item_label: conclusion.itemLabel,
        text: conclusion.text,
        concluded_by: conclusion.concludedBy,
        concluded_at: iso(conclusion.concludedAt),
        objection_deadline: iso(conclusion.objectionDeadline),
        status: conclusion.status,
        decided_at: conclusion.decidedAt ? iso(conclusion.decidedAt) : null,
        decided_by: conclusion.decidedBy ?? null,
        motion_id: conclusion.motionId ?? null,
      })
      .execute();
  }

  async getConclusion(id: string, read?: ReadOptions): Promise<Conclusion | undefined> {
    const row = await this.locked(this.db.selectFrom('conclusions').selectAll().where('id', '=', id), read).executeTakeFirst();
    return row ? toConclusion(row) : undefined;
  }

  async listConclusions(filter: { meetingId?: string; from?: Date; to?: Date } = {}): Promise<Conclusion[]> {
    let query = this.db.selectFrom('conclusions').selectAll();
    if (filter.meetingId !== undefined) query = query.where('meeting_id', '=', filter.meetingId);
    if (filter.from !== undefined) query = query.where('concluded_at', '>=', iso(filter.from));
    if (filter.to !== undefined) query = query.where('concluded_at', '<', iso(filter.to));
    const rows = await query.orderBy('concluded_at').orderBy('id').execute();
    return rows.map(toConclusion);
  }

  /** Fields absent or undefined in `change` (other than status) are left as they are. */
  async updateConclusion(
    id: string,
    from: ConclusionStatus,
    change: Pick<Conclusion, 'status'> & Partial<Pick<Conclusion, 'decidedAt' | 'decidedBy' | 'motionId'>>,
  ): Promise<boolean> {
    const set: Partial<Pick<ConclusionsTable, 'status' | 'decided_at' | 'decided_by' | 'motion_id'>> = {
      status: change.status,
      ...(change.decidedAt !== undefined ? { decided_at: iso(change.decidedAt) } : {}),
      ...(change.decidedBy !== undefined ? { decided_by: change.decidedBy } : {}),
      ...(change.motionId !== undefined ? { motion_id: change.motionId } : {}),
    };
    const result = await this.db
      .updateTable('conclusions')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addObjection(objection: Objection): Promise<boolean> {
    const result = await this.db
      .insertInto('objections')
      .values({
        conclusion_id: objection.conclusionId,
        person_id: objection.personId,
        organisation_id: objection.organisationId,
        at: iso(objection.at),
      })
      .onConflict((oc) => oc.columns(['conclusion_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async listObjections(conclusionId: string): Promise<Objection[]> {
    const rows = await this.db
      .selectFrom('objections')
      .selectAll()
      .where('conclusion_id', '=', conclusionId)
      .orderBy('at')
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({
      conclusionId: r.conclusion_id,
      personId: r.person_id,
      organisationId: r.organisation_id,
      at: date(r.at),
    }));
  }

  /**
   * The conflict target is the subject's own unique key: a dissent with an id already
   * used still fails loudly, it is not taken for the person's earlier dissent.
   */
  async insertDissent(dissent: Dissent): Promise<boolean> {
    const { subject } = dissent;
    const onConclusion = 'conclusionId' in subject;
    const result = await this.db
      .insertInto('dissents')
      .values({
        id: dissent.id,
        conclusion_id: onConclusion ? subject.conclusionId : null,
        motion_id: 'motionId' in subject ? subject.motionId : null,
        person_id: dissent.personId,
        organisation_id: dissent.organisationId,
        text: dissent.text,
        at: iso(dissent.at),
      })
      .onConflict((oc) => oc.columns([onConclusion ? 'conclusion_id' : 'motion_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async listDissents(subject: { conclusionId: string } | { motionId: string }): Promise<Dissent[]> {
    let query = this.db.selectFrom('dissents').selectAll();
    query =
      'conclusionId' in subject
        ? query.where('conclusion_id', '=', subject.conclusionId)
        : query.where('motion_id', '=', subject.motionId);
    const rows = await query.orderBy('at').orderBy('id').execute();
    return rows.map(toDissent);
  }

  // — Next year's dates (R10) —

  async insertDatePoll(poll: DatePoll): Promise<void> {
    await this.db
      .insertInto('date_polls')
      .values({
        id: poll.id,
        year: poll.year,
        proposed_dates: JSON.stringify(poll.proposedDates),
        time: poll.time,
        created_by: poll.createdBy,
        created_at: iso(poll.createdAt),
        confirmed_at: poll.confirmedAt ? iso(poll.confirmedAt) : null,
        confirmed_by: poll.confirmedBy ?? null,
        confirmed_dates: toJson(poll.confirmedDates),
      })
      .execute();
  }

  async getDatePoll(id: string, read?: ReadOptions): Promise<DatePoll | undefined> {
    const row = await this.locked(this.db.selectFrom('date_polls').selectAll().where('id', '=', id), read).executeTakeFirst();
    return row ? toDatePoll(row) : undefined;
  }

  async listDatePolls(year: number): Promise<DatePoll[]> {
    const rows = await this.db
      .selectFrom('date_polls')
      .selectAll()
      .where('year', '=', year)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toDatePoll);
  }

  async confirmDatePoll(id: string, at: Date, by: string, dates: readonly string[]): Promise<boolean> {
    const result = await this.db
      .updateTable('date_polls')
      .set({ confirmed_at: iso(at), confirmed_by: by, confirmed_dates: JSON.stringify(dates) })
      .where('id', '=', id)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async upsertDateAnswer(answer: DateAnswer): Promise<void> {
    await this.db
      .insertInto('date_answers')
      .values({
        poll_id: answer.pollId,
        person_id: answer.personId,
        available: JSON.stringify(answer.available),
        answered_at: iso(answer.answeredAt),
      })
      .onConflict((oc) =>
        oc.columns(['poll_id', 'person_id']).doUpdateSet((eb) => ({
          available: eb.ref('excluded.available'),
          answered_at: eb.ref('excluded.answered_at'),
        })),
      )
      .execute();
  }

  /** Ordered by answer time. */
  async listDateAnswers(pollId: string): Promise<DateAnswer[]> {
    const rows = await this.db
      .selectFrom('date_answers')
      .selectAll()
      .where('poll_id', '=', pollId)
      .orderBy('answered_at')
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({
      pollId: r.poll_id,
      personId: r.person_id,
      available: fromJson(r.available) as string[],
      answeredAt: date(r.answered_at),
    }));
  }

  // — Minutes and attendance (R16) —

  async insertMinutes(minutes: Minutes): Promise<void> {
    await this.db
      .insertInto('minutes')
      .values({
        id: minutes.id,
        meeting_id: minutes.meetingId,
        version: minutes.version,
        corrects_id: minutes.correctsId ?? null,
        text: minutes.text,
        drafted_by: minutes.draftedBy,
        drafted_at: iso(minutes.draftedAt),
        updated_at: iso(minutes.updatedAt),
        approved_at: minutes.approvedAt ? iso(minutes.approvedAt) : null,
        approved_by: minutes.approvedBy ?? null,
      })
      .execute();
  }

  async getMinutes(id: string, read?: ReadOptions): Promise<Minutes | undefined> {
    const row = await this.locked(this.db.selectFrom('minutes').selectAll().where('id', '=', id), read).executeTakeFirst();
    return row ? toMinutes(row) : undefined;
  }

  async listMinutes(meetingId: string): Promise<Minutes[]> {
    const rows = await this.db
      .selectFrom('minutes')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('version')
      .execute();
    return rows.map(toMinutes);
  }

  async updateMinutesText(id: string, text: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('minutes')
      .set({ text, updated_at: iso(at) })
      .where('id', '=', id)
      .where('approved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async approveMinutes(id: string, at: Date, by: string): Promise<boolean> {
    const result = await this.db
      .updateTable('minutes')
      .set({ approved_at: iso(at), approved_by: by })
      .where('id', '=', id)
      .where('approved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addAttendee(attendee: Attendee): Promise<boolean> {
    const result = await this.db
      .insertInto('attendees')
      .values({
        meeting_id: attendee.meetingId,
        name: attendee.name,
        person_id: attendee.personId ?? null,
        added_by: attendee.addedBy,
        added_at: iso(attendee.addedAt),
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async listAttendees(meetingId: string): Promise<Attendee[]> {
    const rows = await this.db
      .selectFrom('attendees')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('added_at')
      .orderBy('name')
      .execute();
    return rows.map(toAttendee);
  }

  // — Personal conversations —

  async savePersonalConversation(personId: string, conversationReference: unknown, at: Date): Promise<void> {
    const values = { conversation_reference: JSON.stringify(conversationReference ?? null), saved_at: iso(at) };
    await this.db
      .insertInto('personal_conversations')
      .values({ person_id: personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  }

  async getPersonalConversation(personId: string): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom('personal_conversations')
      .select('conversation_reference')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? fromJson(row.conversation_reference) : undefined;
  }

  // — Audit log (append-only: no update, no delete) —

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: iso(entry.at),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        data: toJson(entry.data),
        activity_id: entry.activityId ?? null,
      })
      .execute();
  }

  async listAudit(filter: { subject?: string; action?: string } = {}): Promise<StoredAuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    const rows = await query.orderBy('seq').execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: date(r.at),
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      ...(r.data !== null ? { data: fromJson(r.data) } : {}),
      ...(r.activity_id !== null ? { activityId: r.activity_id } : {}),
    }));
  }

  // — Jobs and outbox (kysely-queues.ts) —

  scheduleJob(job: JobInput): Promise<void> {
    return queues.scheduleJob(this.db, job);
  }

  cancelJob(key: string): Promise<void> {
    return queues.cancelJob(this.db, key);
  }

  getJob(key: string): Promise<Job | undefined> {
    return queues.getJob(this.db, key);
  }

  claimDueJobs(now: Date, limit: number): Promise<Job[]> {
    return queues.claimDueJobs(this.db, this.queueOptions, now, limit);
  }

  completeJob(id: number, at: Date): Promise<void> {
    return queues.completeJob(this.db, id, at);
  }

  failJob(id: number, error: string, retryAt?: Date): Promise<void> {
    return queues.failJob(this.db, this.queueOptions, id, error, retryAt);
  }

  enqueueOutbox(entry: OutboxInput): Promise<void> {
    return queues.enqueueOutbox(this.db, entry);
  }

  getOutbox(key: string): Promise<OutboxEntry | undefined> {
    return queues.getOutbox(this.db, key);
  }

  claimOutbox(now: Date, limit: number): Promise<OutboxEntry[]> {
    return queues.claimOutbox(this.db, this.queueOptions, now, limit);
  }

  markOutboxSent(id: number, at: Date, sentActivityId?: string): Promise<void> {
    return queues.markOutboxSent(this.db, id, at, sentActivityId);
  }

  markOutboxFailed(id: number, error: string, retryAt?: Date): Promise<void> {
    return queues.markOutboxFailed(this.db, this.queueOptions, id, error, retryAt);
  }
}

function toMotion(r: Selectable<Database['motions']>): Motion {
  return {
    id: r.id,
    text: r.text,
    openedBy: r.opened_by,
    openedAt: date(r.opened_at),
    deadline: date(r.deadline),
    majority: r.majority as MajorityPolicy,
    organisationIds: fromJson(r.organisation_ids) as string[],
    ...(r.closed_at !== null ? { closedAt: date(r.closed_at) } : {}),
    ...(r.closed_by !== null ? { closedBy: r.closed_by } : {}),
    ...(r.close_reason !== null ? { closeReason: r.close_reason as CloseReason } : {}),
    ...(r.meeting_id !== null
      ? {
          agendaItem: {
            meetingId: r.meeting_id,
            ...(r.item_id !== null ? { itemId: r.item_id } : {}),
            ...(r.standing_item !== null ? { standing: r.standing_item as StandingItemKey } : {}),
          },
        }
      : {}),
  };
}

function toMeeting(r: Selectable<MeetingsTable>): Meeting {
  return {
    id: r.id,
    kind: r.kind as MeetingKind,
    startsAt: date(r.starts_at),
    ...(r.subject !== null ? { subject: r.subject } : {}),
    ...(r.place !== null ? { place: r.place } : {}),
    status: r.status as MeetingStatus,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.agenda_sent_at !== null
      ? { agendaSentAt: date(r.agenda_sent_at), agendaLate: Number(r.agenda_late ?? 0) === 1 }
      : {}),
  };
}

function toAgendaItem(r: Selectable<AgendaItemsTable>): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    title: r.title,
    kind: r.kind as AgendaItemKind,
    position: Number(r.position),
    attachments: fromJson(r.attachments) as Attachment[],
    addedBy: r.added_by,
    addedAt: date(r.added_at),
  };
}

function toPetition(r: Selectable<PetitionsTable>): Petition {
  return {
    id: r.id,
    subject: r.subject,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.majority_at !== null ? { majorityAt: date(r.majority_at) } : {}),
  };
}

function toConclusion(r: Selectable<ConclusionsTable>): Conclusion {
  return {
    id: r.id,
    agendaItem: {
      meetingId: r.meeting_id,
      ...(r.item_id !== null ? { itemId: r.item_id } : {}),
      ...(r.standing_item !== null ? { standing: r.standing_item as StandingItemKey } : {}),
    },
    itemLabel: r.item_label,
    text: r.text,
    concludedBy: r.concluded_by,
    concludedAt: date(r.concluded_at),
    objectionDeadline: date(r.objection_deadline),
    status: r.status as ConclusionStatus,
    ...(r.decided_at !== null ? { decidedAt: date(r.decided_at) } : {}),
    ...(r.decided_by !== null ? { decidedBy: r.decided_by as NonNullable<Conclusion['decidedBy']> } : {}),
    ...(r.motion_id !== null ? { motionId: r.motion_id } : {}),
  };
}

function toDissent(r: Selectable<DissentsTable>): Dissent {
  return {
    id: r.id,
    subject: r.conclusion_id !== null ? { conclusionId: r.conclusion_id } : { motionId: r.motion_id! },
    personId: r.person_id,
    organisationId: r.organisation_id,
    text: r.text,
    at: date(r.at),
  };
}

function toDatePoll(r: Selectable<DatePollsTable>): DatePoll {
  return {
    id: r.id,
    year: Number(r.year),
    proposedDates: fromJson(r.proposed_dates) as string[],
    time: r.time,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.confirmed_at !== null ? { confirmedAt: date(r.confirmed_at) } : {}),
    ...(r.confirmed_by !== null ? { confirmedBy: r.confirmed_by } : {}),
    ...(r.confirmed_dates !== null ? { confirmedDates: fromJson(r.confirmed_dates) as string[] } : {}),
  };
}

function toMinutes(r: Selectable<MinutesTable>): Minutes {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    version: Number(r.version),
    ...(r.corrects_id !== null ? { correctsId: r.corrects_id } : {}),
    text: r.text,
    draftedBy: r.drafted_by,
    draftedAt: date(r.drafted_at),
    updatedAt: date(r.updated_at),
    ...(r.approved_at !== null ? { approvedAt: date(r.approved_at) } : {}),
    ...(r.approved_by !== null ? { approvedBy: r.approved_by } : {}),
  };
}

function toAttendee(r: Selectable<AttendeesTable>): Attendee {
  return {
    meetingId: r.meeting_id,
    ...(r.person_id !== null ? { personId: r.person_id } : {}),
    name: r.name,
    addedBy: r.added_by,
    addedAt: date(r.added_at),
  };
}
