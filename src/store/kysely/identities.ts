/** The board's bound channel (one row per board), the board's Teams identities, and personal (1:1) conversations. */
import type { ChannelBinding, IdentitiesPort, TeamsIdentity } from '../ports/identities.js';
import { sql } from 'kysely';
import { type StoreContext, acrossBoards, scoped } from './context.js';
import { prepared } from './prepared.js';
import { date, fromJson, iso, json } from './values.js';

// Asked on every turn and change (issue 12: built once, prepared.ts).
const binding = prepared((ctx) => scoped.select(ctx, 'channel_binding').selectAll());
const boundBoards = prepared((ctx) => acrossBoards(ctx).selectFrom('channel_binding').select('board_id').distinct().orderBy('board_id'));
const boardOf = prepared((ctx, $: { channelId: string }) => acrossBoards(ctx).selectFrom('channel_binding').select('board_id').where('channel_id', '=', $.channelId));
const identities = prepared((ctx) => scoped.select(ctx, 'teams_identities').selectAll().orderBy('person_id'));

/**
 * PostgreSQL: the channel on which a change of the binding or the Teams ids is announced,
 * for the schema the tables are in (postgres-changes.ts listens on it); at most 63
 * characters, as PostgreSQL allows.
 */
export const knownChangesChannel = (schema: string): string => `${KNOWN_CHANGES}${schema}`.slice(0, 63);
const KNOWN_CHANGES = 'bestyrelsesbot_known:';

/**
 * In the caller's transaction: tells every instance on the database, when it commits, that the binding, the Teams ids or
 * the copies of cards (card-copies.ts) changed.
 */
export const knownChanged = prepared((ctx) => acrossBoards(ctx).selectNoFrom(sql<string>`pg_notify(left(${KNOWN_CHANGES} || current_schema(), 63), '')`.as('notified')));

export function identitiesQueries(ctx: StoreContext): IdentitiesPort {
  return {
    async getBinding(): Promise<ChannelBinding | undefined> {
      // Sent ahead: a caller that asks for the Teams ids next gets both in one round trip (publisher.ts).
      const [row] = await binding.ahead(ctx, {});
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
    },

    /** Across boards: which board a channel is bound to (a channel belongs to at most one). */
    async boardOfChannel(channelId: string): Promise<string | undefined> {
      const row = await boardOf.first(ctx, { channelId });
      return row?.board_id;
    },

    /** Across boards: the boards bound to a channel (at start: boards with a record that no board file names). */
    async listBoundBoards(): Promise<string[]> {
      return (await boundBoards.rows(ctx, {})).map((row) => row.board_id);
    },

    /**
     * Across boards: every board with a record (every change writes an audit entry), or bound.
     * The audit's boards are walked on its (board_id, subject) index one board at a time, not
     * read row by row: a store with a year's history answers as quickly as an empty one.
     */
    async listBoardsWithRecords(): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        with recursive b(id) as (
          select min(board_id) from audit_log
          union all
          select (select min(board_id) from audit_log where board_id > b.id) from b where b.id is not null
        )
        select id from b where id is not null
        union
        select board_id as id from channel_binding
        order by id`.execute(acrossBoards(ctx));
      return rows.map((row) => row.id);
    },

    async saveBinding(binding: ChannelBinding): Promise<void> {
      const values = {
        conversation_reference: json(binding.conversationReference),
        tenant_id: binding.tenantId ?? null,
        team_id: binding.teamId ?? null,
        channel_id: binding.channelId,
        service_url: binding.serviceUrl,
        bound_at: iso(binding.boundAt),
        bound_by: binding.boundBy ?? null,
      };
      await scoped.insert(ctx, 'channel_binding', values)
        .onConflict((oc) => oc.column('board_id').doUpdateSet(values))
        .execute();
      if (ctx.lockRows) await knownChanged.write(ctx, {}); // other instances forget what they kept (PostgreSQL)
    },

    async releaseChannel(channelId: string, boardId: string): Promise<void> {
      const trx = acrossBoards(ctx); // another board's rows: the one named
      await trx.deleteFrom('channel_binding').where('channel_id', '=', channelId).where('board_id', '=', boardId).execute();
      // Its posts still waiting are given up: were its file to come back, they would go into a channel another board uses.
      await trx.updateTable('outbox').set({ status: 'failed', last_error: 'its board let go of its channel' }).where('board_id', '=', boardId).where('status', '=', 'pending').execute();
      if (ctx.lockRows) await knownChanged.write(ctx, {});
    },

    async rememberTeamsIdentity(identity: TeamsIdentity): Promise<void> {
      const values = { teams_user_id: identity.teamsUserId, name: identity.name, seen_at: iso(identity.seenAt) };
      await scoped.insert(ctx, 'teams_identities', { person_id: identity.personId, ...values })
        .onConflict((oc) => oc.columns(['board_id', 'person_id']).doUpdateSet(values))
        .execute();
      if (ctx.lockRows) await knownChanged.write(ctx, {});
    },

    async listTeamsIdentities(): Promise<TeamsIdentity[]> {
      const rows = await identities.rows(ctx, {});
      return rows.map((r) => ({ personId: r.person_id, teamsUserId: r.teams_user_id, name: r.name, seenAt: date(r.seen_at) }));
    },

    async savePersonalConversation(personId: string, conversationReference: unknown, at: Date): Promise<void> {
      const values = { conversation_reference: json(conversationReference), saved_at: iso(at) };
      await scoped.insert(ctx, 'personal_conversations', { person_id: personId, ...values })
        .onConflict((oc) => oc.columns(['board_id', 'person_id']).doUpdateSet(values))
        .execute();
    },

    async getPersonalConversation(personId: string): Promise<unknown | undefined> {
      const row = await scoped.select(ctx, 'personal_conversations')
        .select('conversation_reference')
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row ? fromJson(row.conversation_reference) : undefined;
    },
  };
}
