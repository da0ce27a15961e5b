/** The bound channel (one row), the board's Teams identities, and personal (1:1) conversations. */
import type { ChannelBinding, IdentitiesPort, TeamsIdentity } from '../ports/identities.js';
import type { StoreContext } from './context.js';
import { date, fromJson, iso, json } from './values.js';

export function identitiesQueries(ctx: StoreContext): IdentitiesPort {
  const { db } = ctx;
  return {
    async getBinding(): Promise<ChannelBinding | undefined> {
      const row = await db.selectFrom('channel_binding').selectAll().where('id', '=', 1).executeTakeFirst();
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
      await db
        .insertInto('channel_binding')
        .values({ id: 1, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    },

    async rememberTeamsIdentity(identity: TeamsIdentity): Promise<void> {
      const values = { teams_user_id: identity.teamsUserId, name: identity.name, seen_at: iso(identity.seenAt) };
      await db
        .insertInto('teams_identities')
        .values({ person_id: identity.personId, ...values })
        .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
        .execute();
    },

    async listTeamsIdentities(): Promise<TeamsIdentity[]> {
      const rows = await db.selectFrom('teams_identities').selectAll().orderBy('person_id').execute();
      return rows.map((r) => ({ personId: r.person_id, teamsUserId: r.teams_user_id, name: r.name, seenAt: date(r.seen_at) }));
    },

    async savePersonalConversation(personId: string, conversationReference: unknown, at: Date): Promise<void> {
      const values = { conversation_reference: json(conversationReference), saved_at: iso(at) };
      await db
        .insertInto('personal_conversations')
        .values({ person_id: personId, ...values })
        .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
        .execute();
    },

    async getPersonalConversation(personId: string): Promise<unknown | undefined> {
      const row = await db
        .selectFrom('personal_conversations')
        .select('conversation_reference')
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row ? fromJson(row.conversation_reference) : undefined;
    },
  };
}
