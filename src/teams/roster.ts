/**
 * The team's roster through the Bot Connector (docs/teams.md: paged members): every page of
 * the bound team's members (or, without a team id, of the channel's conversation), read in
 * a proactive turn on the bound channel.
 */
import { type CloudAdapter, type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { RosterMember } from '../domain/roster.js';
import type { Roster } from '../usecases/deps.js';

type ChannelBinding = Parameters<Roster['members']>[0];
import { channelReference } from './outbox/conversation.js';

/** Teams' largest page (pagedmembers accepts 50–500). */
export const ROSTER_PAGE_SIZE = 500;
/** A guard against a connector that never stops paging. */
const MAX_PAGES = 200;

const memberOf = (m: TeamsChannelAccount): RosterMember => ({
  id: m.id,
  ...(m.name ? { name: m.name } : {}),
  ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
  ...(m.email ? { email: m.email } : {}),
  ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
  ...(m.tenantId ? { tenantId: m.tenantId } : {}),
});

async function allPages(ctx: TurnContext, teamId: string | undefined): Promise<RosterMember[]> {
  const members: RosterMember[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = teamId
      ? await TeamsInfo.getPagedTeamMembers(ctx, teamId, ROSTER_PAGE_SIZE, token)
      : await TeamsInfo.getPagedMembers(ctx, ROSTER_PAGE_SIZE, token);
    members.push(...(result.members ?? []).map(memberOf));
    token = result.continuationToken || undefined;
    if (!token) return members;
  }
  throw new Error(`the roster has more than ${MAX_PAGES} pages`);
}

export function adapterRoster(adapter: CloudAdapter, botAppId: string): Roster {
  return {
    async members(binding: ChannelBinding): Promise<RosterMember[]> {
      // The adapter's turn-error handler would swallow a failure: carry it out of the turn.
      let result: { ok: true; value: RosterMember[] } | { ok: false; error: unknown } | undefined;
      await adapter.continueConversationAsync(botAppId, channelReference(binding), async (ctx) => {
        try {
          result = { ok: true, value: await allPages(ctx, binding.teamId) };
        } catch (error) {
          result = { ok: false, error };
        }
      });
      if (!result) throw new Error('the proactive turn did not run');
      if (!result.ok) throw result.error;
      return result.value;
    },
  };
}
