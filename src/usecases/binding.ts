/** PRODUCT §1.1: which channel is the board's, and who binds it there. */
import type { Board, Person } from '../domain/kernel/board.js';
import { can } from '../domain/kernel/policy.js';
import type { ChannelBinding } from '../store/port.js';
import { type Deps, boardStore } from './deps.js';
import { movePlannedJobsIn } from './meeting-jobs.js';
import { ROSTER_JOB, rosterJobKeys } from './roster.js';
import { type Origin, type Tx, done, run } from './runner.js';

export type BindOutcome = 'bound' | 'rebound' | 'unchanged';

export interface BindRequest {
  readonly conversationReference: unknown;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  /**
   * The boards the deployment serves. A channel bound to another board is taken only from a
   * board not among them (its file gone: R19); without the list, never.
   */
  readonly served?: readonly string[];
}

export type BindingEvent =
  | {
      readonly type: 'board.bound';
      readonly channelId: string;
      readonly actor?: 'installation';
      /** The binding the board moved from (`brug denne kanal` elsewhere): that channel is told. */
      readonly left?: ChannelBinding;
      /** The board no longer served whose channel this was (R19: it let go of it). */
      readonly takenFrom?: string;
      readonly at: Date;
      readonly data: unknown;
    }
  /** An install that bound nothing: the conversation is told who binds the board (once per conversation). */
  | {
      readonly type: 'install.notice';
      readonly unrecorded: true;
      readonly conversationKey: string;
      readonly conversationReference: unknown;
      readonly notice: 'officers-bind' | 'bound-elsewhere';
    };

async function bindIn(tx: Tx, request: BindRequest, actor: Person | undefined, by: 'install' | 'command', previous?: ChannelBinding, takenFrom?: string): Promise<BindingEvent> {
  await tx.repo.saveBinding({
    conversationReference: request.conversationReference,
    channelId: request.channelId,
    serviceUrl: request.serviceUrl,
    boundAt: tx.now,
    ...(request.tenantId ? { tenantId: request.tenantId } : {}),
    ...(request.teamId ? { teamId: request.teamId } : {}),
    ...(actor ? { boundBy: actor.id } : {}),
  });
  // The team's roster is read at once (and daily after), so every board person can be @mentioned.
  await tx.repo.scheduleJob({ key: rosterJobKeys.bound(tx.now), kind: ROSTER_JOB, dueAt: tx.now });
  // An agenda that waited for a channel (a board bound late, agenda.ts) goes out now, not at the next posting time.
  await movePlannedJobsIn(tx);
  return {
    type: 'board.bound',
    channelId: request.channelId,
    ...(actor ? {} : { actor: 'installation' as const }),
    ...(previous ? { left: previous } : {}),
    ...(takenFrom ? { takenFrom } : {}),
    at: tx.now,
    data: { channelId: request.channelId, teamId: request.teamId, previous: previous?.channelId, by, ...(takenFrom ? { takenFrom } : {}) },
  };
}

/**
 * `brug denne kanal` by the chair or the secretary binds the board to the channel, or moves
 * it there; a channel another board uses is refused (R19: a channel belongs to at most one board),
 * unless that board is no longer served here (its file taken out): it lets go of the channel,
 * keeping its record, and is unbound should it come back.
 */
export function bindChannel(deps: Deps, origin: Origin & { readonly actor: Person }, request: BindRequest) {
  return run(deps, origin, { action: 'board.bind', again: async () => done('unchanged' as BindOutcome) }, async (tx) => {
    const current = await tx.repo.getBinding();
    if (current?.channelId === request.channelId) return done('unchanged' as BindOutcome);
    const holder = await tx.repo.boardOfChannel(request.channelId);
    const taken = holder !== undefined && holder !== tx.board.id;
    if (taken && (!request.served || request.served.includes(holder))) return { ok: false, reason: 'channel-taken' as const };
    if (taken) await tx.repo.releaseChannel(request.channelId, holder);
    const bound = await bindIn(tx, request, origin.actor, 'command', current, taken ? holder : undefined);
    return done((current ? 'rebound' : 'bound') as BindOutcome, bound);
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
  origin: Omit<Origin, 'actor'> & { readonly installer?: Person },
  request: BindRequest,
  conversation: { readonly key: string; readonly reference: unknown },
): Promise<InstallOutcome> {
  const { installer, ...rest } = origin;
  const acting = { ...rest, actor: installer ?? ('system' as const) };
  const result = await run(deps, acting, { action: 'board.read', again: async () => done('unchanged' as InstallOutcome) }, async (tx) => {
    const current = await tx.repo.getBinding();
    if (current?.channelId === request.channelId) return done('unchanged' as InstallOutcome);
    // R19: a channel another board uses is that board's; an install there binds nothing here. One
    // no longer served lets go of it only to `brug denne kanal` (a renamed board file would take it
    // unseen, and Teams resends installs): the install there says who binds the board.
    const holder = await tx.repo.boardOfChannel(request.channelId);
    const released = holder !== undefined && request.served !== undefined && !request.served.includes(holder);
    if (holder !== undefined && !released) return done('unchanged' as InstallOutcome);
    const officer = installer !== undefined && can(installer, 'board.bind').ok;
    if (!released && !current && (officer || tx.board.channelId === request.channelId)) return done('bound' as InstallOutcome, await bindIn(tx, request, installer, 'install'));
    return done('told' as InstallOutcome, {
      type: 'install.notice',
      unrecorded: true,
      conversationKey: conversation.key,
      conversationReference: conversation.reference,
      notice: current ? 'bound-elsewhere' : 'officers-bind',
    } satisfies BindingEvent);
  });
  return result.ok ? result.value : 'unchanged';
}

/** The channel the board is bound to, if it is (PRODUCT §1.1: where the bot answers). */
export async function boundChannelId(deps: Deps, board: Board): Promise<string | undefined> {
  return (await boardStore(deps, board).getBinding())?.channelId;
}

/** The board a channel is bound to (R19: at most one), by id. */
export function boardOfChannel(deps: Deps, channelId: string): Promise<string | undefined> {
  return deps.store.boardOfChannel(channelId);
}

/**
 * Remembers Teams' ids for a board person (mentions, card refresh) and, from a 1:1 chat,
 * the chat itself (personal reminders go there).
 */
export async function rememberPerson(deps: Deps, board: Board, person: Person, teams: { readonly userId: string; readonly personalChat?: unknown }): Promise<void> {
  const now = deps.clock();
  const store = boardStore(deps, board);
  await store.rememberTeamsIdentity({ personId: person.id, teamsUserId: teams.userId, name: person.name, seenAt: now });
  if (teams.personalChat) await store.savePersonalConversation(person.id, teams.personalChat, now);
}
