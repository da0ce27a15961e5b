/** Who is acting, from a Teams activity (TEAMS-NOTES: Identities). */
import type { Activity } from 'botbuilder';
import { type Board, type Person, findPersonByAadObjectId } from '../../domain/kernel/board.js';

export function activityTenantId(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return (fromChannelData ?? activity.conversation?.tenantId)?.toLowerCase();
}

/**
 * Activities from another tenant than the board's are refused. An activity that
 * names no tenant is accepted only when the board names none either.
 */
export function isForeignTenant(board: Board, activity: Partial<Activity>): boolean {
  if (!board.tenantId) return false;
  return activityTenantId(activity) !== board.tenantId;
}

export function actingPerson(board: Board, activity: Partial<Activity>): Person | undefined {
  return findPersonByAadObjectId(board, activity.from?.aadObjectId);
}

/**
 * The channel id without the thread suffix: the board binds to the channel, not a
 * thread. Only in a team: a personal or group chat has no channel (the Agents
 * Playground sends `settings.selectedChannel` for a personal chat too).
 */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as
    | { channel?: { id?: string }; team?: { id?: string }; settings?: { selectedChannel?: { id?: string } }; teamsChannelId?: string }
    | undefined;
  const type = activity.conversation?.conversationType;
  if (type && type !== 'channel') return undefined;
  if (!type && !data?.team?.id) return undefined;
  const id = data?.settings?.selectedChannel?.id ?? data?.channel?.id ?? data?.teamsChannelId;
  if (id) return id;
  if (type === 'channel') return activity.conversation?.id?.split(';')[0];
  return undefined;
}

export function teamIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { team?: { id?: string }; teamsTeamId?: string } | undefined;
  return data?.team?.id ?? data?.teamsTeamId;
}
