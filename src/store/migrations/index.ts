/**
 * Schema migrations, in code, shared by every adapter: one file per migration, listed
 * here under the name kysely_migration records for it. Column types are portable (text,
 * integer); the dialect differences are the auto-increment id column, picked by
 * `idColumn`, and the collation of text, picked by `textType` (columns.ts). Never edit
 * a released migration, nor its name: add a new one (a database made by an earlier
 * release must migrate; test/unit/store/released-databases.test.ts proves it).
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { meetings } from './0002-meetings.js';
import { motionItems } from './0003-motion-items.js';
import { decisions } from './0004-decisions.js';
import { secrets } from './0005-secrets.js';
import { claimers } from './0006-claimers.js';
import { tasks } from './0007-tasks.js';
import { storedAgendas } from './0008-stored-agendas.js';
import { reach } from './0009-reach.js';
import { type BoardsMigrationOptions, boards } from './0010-boards.js';
import { attendeeOrganisation } from './0011-attendee-organisation.js';
import { activityConversations } from './0012-activity-conversations.js';
import { minutesRecordChanged } from './0013-minutes-record-changed.js';
import { meetingRevision } from './0014-meeting-revision.js';
import { apologies } from './0015-apologies.js';
import { petitionMeeting } from './0016-petition-meeting.js';
import { petitionLapse } from './0017-petition-lapse.js';
import { cardCopies } from './0018-card-copies.js';
import { type PlacedMeetingMigrationOptions, placedMeeting } from './0019-placed-meeting.js';
import { outboxStaleAt } from './0020-outbox-stale-at.js';
import type { SqlDialectKind } from './columns.js';

export { type SqlDialectKind, idColumn, textType } from './columns.js';
export type { BoardsMigrationOptions } from './0010-boards.js';
export type { PlacedMeetingMigrationOptions } from './0019-placed-meeting.js';

/** What the migrations are told of the deployment (its board files). */
export type MigrationOptions = BoardsMigrationOptions & PlacedMeetingMigrationOptions;

/** All migrations, by name; names sort in the order they run. */
export function migrations(dialect: SqlDialectKind, options: MigrationOptions = {}): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_meetings': meetings(dialect),
    '0003_motion_items': motionItems(dialect),
    '0004_decisions': decisions(dialect),
    '0005_secrets': secrets(dialect),
    '0006_claimers': claimers(),
    '0007_tasks': tasks(dialect),
    '0008_stored_agendas': storedAgendas(dialect),
    '0009_reach': reach(dialect),
    '0010_boards': boards(dialect, options),
    '0011_attendee_organisation': attendeeOrganisation(dialect),
    '0012_activity_conversations': activityConversations(dialect),
    '0013_minutes_record_changed': minutesRecordChanged(dialect),
    '0014_meeting_revision': meetingRevision(),
    '0015_apologies': apologies(dialect),
    '0016_petition_meeting': petitionMeeting(dialect),
    '0017_petition_lapse': petitionLapse(dialect),
    '0018_card_copies': cardCopies(dialect),
    '0019_placed_meeting': placedMeeting(dialect, options),
    '0020_outbox_stale_at': outboxStaleAt(dialect),
  };
}

/** For kysely's `Migrator`. */
export function migrationProvider(dialect: SqlDialectKind, options: MigrationOptions = {}): MigrationProvider {
  return { getMigrations: async () => migrations(dialect, options) };
}
