import { type Person, isChair, isSecretary } from '../domain/kernel/board.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import type { ChannelBinding, Repository } from '../store/port.js';
import { type Deps, type LegacyOrigin as Origin, firstDelivery } from './deps.js';

export type BindOutcome = 'bound' | 'rebound' | 'unchanged';

export interface BindRequest {
  readonly conversationReference: unknown;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly teamId?: string;
}

const isOfficer = (person: Person | undefined) => person !== undefined && (isChair(person) || isSecretary(person));

async function saveBinding(deps: Deps, repo: Repository, request: BindRequest, actor: Person | undefined, by: 'install' | 'command', origin: Origin, now: Date, previous?: ChannelBinding) {
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
    data: { channelId: request.channelId, teamId: request.teamId, previous: previous?.channelId, by },
    ...(origin.activityId ? { activityId: origin.activityId } : {}),
  });
  await deps.publisher.publishOne(repo, { type: 'board.bound', channelId: request.channelId });
}

/** `brug denne kanal` by the chair or the secretary binds the board to the channel, or moves it there. */
export async function bindChannel(deps: Deps, request: BindRequest, person: Person, origin: Origin): Promise<Result<BindOutcome, 'not-chair-or-secretary'>> {
  if (!isOfficer(person)) return refuse('not-chair-or-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await firstDelivery(repo, origin, now))) return ok('unchanged' as const);
    const current = await repo.getBinding();
    if (current?.channelId === request.channelId) return ok('unchanged' as const);
    await saveBinding(deps, repo, request, person, 'command', origin, now, current);
    return ok(current ? ('rebound' as const) : ('bound' as const));
  });
}

/**
 * What an install did: bound the board, or nothing (`unchanged`: already bound there, or
 * a redelivery), or told the conversation who binds the board (`told`).
 */
export type InstallOutcome = 'bound' | 'unchanged' | 'told';

/**
 * PRODUCT §1.1: an install binds the board only when the installer is the chair or the
 * secretary, or the channel is the one the board file names; an install never moves a
 * bound board (Teams and the playground resend installs; `brug denne kanal` moves it).
 * Any other install in a channel is told, naming nobody and each notice once per conversation, that
 * the chair or the secretary binds the board (`officers-bind`), or, with the board bound
 * elsewhere, how to move it (`bound-elsewhere`).
 */
export async function bindOnInstall(
  deps: Deps,
  request: BindRequest,
  installer: Person | undefined,
  conversation: { readonly key: string; readonly reference: unknown },
  origin: Origin,
): Promise<InstallOutcome> {
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await firstDelivery(repo, origin, now))) return 'unchanged';
    const current = await repo.getBinding();
    if (current?.channelId === request.channelId) return 'unchanged';
    if (!current && (isOfficer(installer) || deps.board.channelId === request.channelId)) {
      await saveBinding(deps, repo, request, installer, 'install', origin, now);
      return 'bound';
    }
    await deps.publisher.publishOne(repo, {
      type: 'install.notice',
      conversationKey: conversation.key,
      conversationReference: conversation.reference,
      notice: current ? 'bound-elsewhere' : 'officers-bind',
    });
    return 'told';
  });
}

/** The channel the board is bound to, if it is (PRODUCT §1.1: where the bot answers). */
export async function boundChannelId(deps: Deps): Promise<string | undefined> {
  return (await deps.store.getBinding())?.channelId;
}
