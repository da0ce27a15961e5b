/**
 * Table types for kysely, shared by every adapter (SQLite now, PostgreSQL later).
 * Portable column types only: timestamps are ISO-8601 UTC text (`Date#toISOString()`,
 * which sorts and compares correctly as text), JSON is text.
 */
import type { Generated } from 'kysely';

/** ISO-8601 UTC instant, as written by `Date#toISOString()`. */
export type IsoTimestamp = string;
/** `JSON.stringify` output. */
export type JsonText = string;

export interface ProcessedActivitiesTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  /** The activity's conversation, as received; '' for the rows recorded before (migration 0012). */
  conversation_id: string;
  activity_id: string;
  processed_at: IsoTimestamp;
}

export interface ChannelBindingTable {
  /** One bound channel per board; a channel is bound to at most one board. */
  board_id: string;
  conversation_reference: JsonText;
  tenant_id: string | null;
  team_id: string | null;
  channel_id: string;
  service_url: string;
  bound_at: IsoTimestamp;
  bound_by: string | null;
}

export interface TeamsIdentitiesTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  person_id: string;
  teams_user_id: string;
  name: string;
  seen_at: IsoTimestamp;
}

export interface MotionsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  text: string;
  opened_by: string;
  opened_at: IsoTimestamp;
  deadline: IsoTimestamp;
  majority: string;
  organisation_ids: JsonText;
  closed_at: IsoTimestamp | null;
  closed_by: string | null;
  close_reason: string | null;
  meeting_id: string | null;
  item_id: string | null;
  standing_item: string | null;
  item_heading: string | null;
  reopened_at: IsoTimestamp | null;
  /** R16, a vote on no item: the meeting it was opened at (0019); null: between meetings, or on an item. */
  placed_meeting_id: string | null;
}

export interface BallotsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  motion_id: string;
  organisation_id: string;
  choice: string;
  cast_by: string;
  cast_at: IsoTimestamp;
}

export interface AuditLogTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  seq: Generated<number>;
  at: IsoTimestamp;
  actor: string;
  action: string;
  subject: string;
  data: JsonText | null;
  activity_id: string | null;
}

export interface JobsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: Generated<number>;
  key: string;
  kind: string;
  due_at: IsoTimestamp;
  payload: JsonText | null;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: IsoTimestamp | null;
  /** The claimer (process) holding a running job: see store/claims.ts. */
  claimed_by: number | null;
  done_at: IsoTimestamp | null;
}

export interface OutboxTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: Generated<number>;
  key: string;
  kind: string;
  conversation: JsonText;
  activity: JsonText;
  /** An 'update': the key of the post it replaces (updatesKey); a 'send': the key of the post it replies to, if any (repliesToKey). */
  updates_key: string | null;
  due_at: IsoTimestamp;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  /** When the entry was last claimed; an 'update' re-armed since keeps it (its interval counts from it: UPDATE_INTERVAL_MS). */
  claimed_at: IsoTimestamp | null;
  /** The claimer (process) holding an entry being sent: see store/claims.ts. */
  claimed_by: number | null;
  sent_activity_id: string | null;
  sent_at: IsoTimestamp | null;
  /** JSON {conversation, activity}: a new post to send instead when a reply under a thread fails for good. */
  fallback: JsonText | null;
  /** A reminder's moment (staleAt): at or past it, the post is not sent. Null for anything else. */
  stale_at: IsoTimestamp | null;
}

/** The copies of a card that 1:1 reminders carry (migration 0018): kept up to date with the card. */
export interface CardCopiesTable {
  board_id: string;
  /** The outbox key the copy was posted under (its 'send'). */
  copy_key: string;
  /** The outbox key of the card it copies (the channel's). */
  card_key: string;
  /** Whom it was posted to: the copy is rendered for them. */
  person_id: string;
}

export interface MeetingsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  kind: string;
  starts_at: IsoTimestamp;
  subject: string | null;
  place: string | null;
  status: string;
  created_by: string;
  created_at: IsoTimestamp;
  agenda_sent_at: IsoTimestamp | null;
  /** 1 when the agenda went out late, 0 when on time; NULL until it went out. */
  agenda_late: number | null;
  /** How many times it was moved (its calendar SEQUENCE); NULL: never. */
  revision: number | null;
}

export interface AgendaItemsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  meeting_id: string;
  title: string;
  kind: string;
  position: number;
  /** 'opening' | 'subject' | 'added' | 'closing'; defaults to 'added'. */
  section: Generated<string>;
  standing_item: string | null;
  /** Fixed when the agenda is sent. */
  number: number | null;
  added_after_sending: Generated<number>;
  /** JSON array of attachments; defaults to '[]'. */
  attachments: Generated<JsonText>;
  added_by: string;
  added_at: IsoTimestamp;
}

export interface PetitionsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  subject: string;
  created_by: string;
  created_at: IsoTimestamp;
  majority_at: IsoTimestamp | null;
  /** R11: the extraordinary meeting called on its subject (migration 0016). */
  meeting_id: string | null;
  /** R11: when it lapsed without a majority, half a year after it was asked (migration 0017). */
  lapsed_at: IsoTimestamp | null;
}

export interface PetitionSupportsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  petition_id: string;
  person_id: string;
  supported_at: IsoTimestamp;
}

export interface PersonalConversationsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  person_id: string;
  conversation_reference: JsonText;
  saved_at: IsoTimestamp;
}

export interface ConclusionsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  meeting_id: string;
  item_id: string | null;
  standing_item: string | null;
  item_heading: string | null;
  reopened_at: IsoTimestamp | null;
  until_closed: Generated<number>;
  item_label: string;
  text: string;
  concluded_by: string;
  concluded_at: IsoTimestamp;
  objection_deadline: IsoTimestamp;
  status: string;
  decided_at: IsoTimestamp | null;
  decided_by: string | null;
  motion_id: string | null;
}

export interface ObjectionsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  conclusion_id: string;
  person_id: string;
  organisation_id: string;
  at: IsoTimestamp;
  /** The objector's reason, optional (PRODUCT §1.5). */
  reason: string | null;
}

/** A dissent is on a conclusion or on a motion (vote): exactly one of the two is set. */
export interface DissentsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  conclusion_id: string | null;
  motion_id: string | null;
  person_id: string;
  organisation_id: string;
  text: string;
  at: IsoTimestamp;
}

export interface DatePollsTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  year: number;
  /** JSON array of ISO local dates. */
  proposed_dates: JsonText;
  /** Local time, "HH:mm". */
  time: string;
  created_by: string;
  created_at: IsoTimestamp;
  confirmed_at: IsoTimestamp | null;
  confirmed_by: string | null;
  /** JSON array of ISO local dates; NULL until confirmed. */
  confirmed_dates: JsonText | null;
}

export interface DateAnswersTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  poll_id: string;
  person_id: string;
  /** JSON array of ISO local dates. */
  available: JsonText;
  answered_at: IsoTimestamp;
}

export interface MinutesTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  id: string;
  meeting_id: string;
  version: number;
  corrects_id: string | null;
  text: string;
  drafted_by: string;
  drafted_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  approved_at: IsoTimestamp | null;
  approved_by: string | null;
  /** The record changed after a correction (migration 0013): it counts while later than updated_at. */
  record_changed_at: IsoTimestamp | null;
}

export interface AttendeesTable {
  /** The board the row belongs to (every query is scoped by it: `scoped` in kysely/context.ts). */
  board_id: string;
  meeting_id: string;
  name: string;
  person_id: string | null;
  /** The organisation the person represented when recorded (0011); null for others and older rows. */
  organisation_id: string | null;
  added_by: string;
  added_at: IsoTimestamp;
}

/** Apologies (R16, migration 0015): one per person and meeting. */
export interface ApologiesTable {
  board_id: string;
  meeting_id: string;
  person_id: string;
  /** The organisation the person represented when they sent it; null for others. */
  organisation_id: string | null;
  message: string | null;
  sent_at: IsoTimestamp;
}

export interface SecretsTable {
  name: string;
  value: string;
  created_at: IsoTimestamp;
}

export interface Database {
  processed_activities: ProcessedActivitiesTable;
  channel_binding: ChannelBindingTable;
  teams_identities: TeamsIdentitiesTable;
  motions: MotionsTable;
  ballots: BallotsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  outbox: OutboxTable;
  card_copies: CardCopiesTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  petitions: PetitionsTable;
  petition_supports: PetitionSupportsTable;
  personal_conversations: PersonalConversationsTable;
  conclusions: ConclusionsTable;
  objections: ObjectionsTable;
  dissents: DissentsTable;
  date_polls: DatePollsTable;
  date_answers: DateAnswersTable;
  minutes: MinutesTable;
  attendees: AttendeesTable;
  apologies: ApologiesTable;
  secrets: SecretsTable;
}
