/** Who is acting, from a Teams activity (docs/teams.md: Identities). */
import type { Activity } from 'botbuilder';
import type { Board } from '../../domain/kernel/board.js';

/**
 * A value of `channelData` as the id it should be: channelData is whatever the sender
 * wrote (botbuilder checks none of it), so an array or object where an id belongs
 * counts as no id at all, never as a query parameter.
 */
const idOr = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Whether the activity comes from Teams. The person (`from.aadObjectId`), the tenant and the
 * team and channel (`channelData`) are Teams' word only there: on another channel of the same
 * Azure Bot (Web Chat, which every Azure Bot has; Direct Line) its client writes them itself.
 */
export const fromTeams = (activity: Partial<Activity>): boolean => activity.channelId === 'msteams';

export function activityTenantId(activity: Partial<Activity>): string | undefined {
  const fromChannelData = idOr((activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id);
  return (fromChannelData ?? idOr(activity.conversation?.tenantId))?.toLowerCase();
}

/**
 * Activities from another tenant than the board's are refused, and nobody from there is
 * the board's (PersonResolver: a person is the pair (tenant, object id)). An activity that
 * names no tenant is accepted only when the board names none either.
 */
export function isForeignTenant(board: Board, activity: Partial<Activity>): boolean {
  if (!board.tenantId) return false;
  return activityTenantId(activity) !== board.tenantId;
}

/**
 * The channel id without the thread suffix: the board binds to the channel, not a
 * thread. Only in a team: a personal or group chat has no channel (the Agents
 * Playground sends `settings.selectedChannel` for a personal chat too).
 */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as
    | { channel?: { id?: unknown }; team?: { id?: unknown }; settings?: { selectedChannel?: { id?: unknown } }; teamsChannelId?: unknown }
    | undefined;
  const type = activity.conversation?.conversationType;
  if (type && type !== 'channel') return undefined;
  if (!type && !idOr(data?.team?.id)) return undefined;
  const id = idOr(data?.settings?.selectedChannel?.id) ?? idOr(data?.channel?.id) ?? idOr(data?.teamsChannelId);
  if (id) return id;
  if (type === 'channel') return idOr(activity.conversation?.id)?.split(';')[0];
  return undefined;
}

export function teamIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { team?: { id?: unknown }; teamsTeamId?: unknown } | undefined;
  return idOr(data?.team?.id) ?? idOr(data?.teamsTeamId);
}

/**
 * What makes a redelivery of `activity` known (the store's ActivityKey,
 * store/ports/idempotency.ts): its conversation id as received, a thread's `;messageid=…`
 * included (a redelivery repeats it exactly; two threads of a channel are two
 * conversations), and its id. Without an id nothing is recorded; without a conversation it
 * is known by its id alone, as every activity was before.
 */
export function activityKeyOf(activity: Partial<Activity>): { readonly conversationId: string; readonly activityId: string } | undefined {
  const activityId = idOr(activity.id);
  if (!activityId) return undefined;
  return { conversationId: idOr(activity.conversation?.id) ?? '', activityId };
}
