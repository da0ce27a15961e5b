import { type Person, isChair, isSecretary } from '../domain/board.js';
import { type Result, ok, refuse } from '../domain/result.js';
import type { ChannelBinding } from '../store/port.js';
import { type Deps, type Origin, firstDelivery } from './deps.js';

export type BindOutcome = 'bound' | 'rebound' | 'unchanged';

export interface BindRequest {
  readonly conversationReference: unknown;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly teamId?: string;
}

/**
 * PRODUCT §1.1: on installation the board is bound to the channel, unless it is
 * bound already (the playground and Teams resend install events; a second team
 * installing the bot must not steal the board). `brug denne kanal` by the chair
 * or the secretary rebinds on purpose.
 */
export async function bindChannel(
  deps: Deps,
  request: BindRequest,
  how: { readonly by: 'install'; readonly installer?: Person } | { readonly by: 'command'; readonly person: Person },
  origin: Origin,
): Promise<Result<BindOutcome, 'not-chair-or-secretary'>> {
  if (how.by === 'command' && !isChair(how.person) && !isSecretary(how.person)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await firstDelivery(repo, origin, now))) return ok('unchanged' as const);
    const current = await repo.getBinding();
    if (current && (current.channelId === request.channelId || how.by === 'install')) return ok('unchanged' as const);
    const actor = how.by === 'command' ? how.person : how.installer;
    const binding: ChannelBinding = {
      conversationReference: request.conversationReference,
      channelId: request.channelId,
      serviceUrl: request.serviceUrl,
      boundAt: now,
      ...(request.tenantId ? { tenantId: request.tenantId } : {}),
      ...(request.teamId ? { teamId: request.teamId } : {}),
      ...(actor ? { boundBy: actor.id } : {}),
    };
    await repo.saveBinding(binding);
    await repo.appendAudit({
      at: now,
      actor: actor?.id ?? 'installation',
      action: 'board.bound',
      subject: `channel:${request.channelId}`,
      data: { channelId: request.channelId, teamId: request.teamId, previous: current?.channelId, by: how.by },
      ...(origin.activityId ? { activityId: origin.activityId } : {}),
    });
    await deps.publisher.publish(repo, { type: 'board.bound', channelId: request.channelId });
    return ok(current ? ('rebound' as const) : ('bound' as const));
  });
}
