/** Decisions by consent (R7) and dissents (R8). */
import type { Person } from '../domain/kernel/board.js';
import {
  type CloseConclusionRefusal,
  type ConcludeRefusal,
  type Conclusion,
  type DissentRefusal,
  type ObjectRefusal,
  type VoteOnConclusionRefusal,
  canVoteOnConclusion,
  closeConclusion,
  conclude,
  decidedByWindow,
  dissentOnConclusion,
  object,
} from '../domain/conclusion.js';
import type { NumberedItem } from '../domain/meeting.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { can } from '../domain/kernel/policy.js';
import type { ReadOptions, Repository } from '../store/port.js';
import { type Deps, type LegacyOrigin as Origin, audit, firstDelivery } from './deps.js';
import { findCurrentMeeting, loadAgenda } from './meetings.js';
import { approveMinutesByConsent } from './minutes.js';
import { record } from './runner.js';
import { openVoteIn } from './voting.js';

export const CONCLUSION_WINDOW_JOB = 'conclusion.window';
export const conclusionWindowJobKey = (id: string) => `conclusion:${id}:window`;

export interface ConclusionState {
  readonly conclusion: Conclusion;
  readonly objections: Awaited<ReturnType<Repository['listObjections']>>;
  readonly dissents: Awaited<ReturnType<Repository['listDissents']>>;
}

/** `lock`: for a change, first in its transaction (see ReadOptions). */
export async function loadConclusion(repo: Repository, id: string, read?: ReadOptions): Promise<ConclusionState | undefined> {
  const conclusion = await repo.getConclusion(id, read);
  if (!conclusion) return undefined;
  const [objections, dissents] = await Promise.all([repo.listObjections(id), repo.listDissents({ conclusionId: id })]);
  return { conclusion, objections, dissents };
}

/** Declares the item decided, once; approving minutes when the item is their approval (R16). */
async function decide(deps: Deps, repo: Repository, conclusion: Conclusion, by: 'chair' | 'window', actor: string, origin: Origin): Promise<boolean> {
  const now = deps.clock();
  if (!(await repo.updateConclusion(conclusion.id, 'open', { status: 'decided', decidedAt: now, decidedBy: by }))) return false;
  await repo.cancelJob(conclusionWindowJobKey(conclusion.id));
  await audit(repo, { at: now, actor, action: 'conclusion.decided', subject: `conclusion:${conclusion.id}`, data: { by } }, origin);
  if (conclusion.agendaItem.standing === 'approve-minutes') await approveMinutesByConsent(deps, repo, conclusion.agendaItem.meetingId, origin);
  await deps.publisher.publishOne(repo, { type: 'conclusion.decided', conclusionId: conclusion.id });
  return true;
}

/** `konklusion <punktnr> <tekst>`: the chair's conclusion on an item of the current meeting. */
export async function concludeItem(
  deps: Deps,
  chair: Person,
  input: { number: number; text: string; label: (item: NumberedItem) => string },
  origin: Origin,
): Promise<Result<Conclusion | undefined, ConcludeRefusal | 'no-meeting' | 'unknown-item' | 'not-bound' | 'not-chair'>> {
  const allowed = can(chair, 'conclusion.make');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    const meeting = await findCurrentMeeting(deps, repo);
    if (!meeting) return refuse('no-meeting' as const);
    const item = (await loadAgenda(deps.board, repo, meeting)).items.find((i) => i.number === input.number);
    if (!item) return refuse('unknown-item' as const);
    const agendaItem = { meetingId: meeting.id, ...(item.itemId ? { itemId: item.itemId } : {}), ...(item.standing ? { standing: item.standing } : {}) };
    const made = conclude(deps.board, chair, { id: deps.newId(), agendaItem, itemLabel: input.label(item), text: input.text, now });
    if (!made.ok) return made;
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const conclusion = made.value;
    await repo.insertConclusion(conclusion);
    await repo.scheduleJob({ key: conclusionWindowJobKey(conclusion.id), kind: CONCLUSION_WINDOW_JOB, dueAt: conclusion.objectionDeadline, payload: { conclusionId: conclusion.id } });
    await audit(repo, { at: now, actor: chair.id, action: 'conclusion.posted', subject: `conclusion:${conclusion.id}`, data: { item: conclusion.itemLabel, text: conclusion.text } }, origin);
    await deps.publisher.publishOne(repo, { type: 'conclusion.posted', conclusionId: conclusion.id });
    return ok(conclusion);
  });
}

export async function objectToConclusion(
  deps: Deps,
  person: Person,
  conclusionId: string,
  origin: Origin,
): Promise<Result<ConclusionState, ObjectRefusal | 'unknown-conclusion' | 'not-a-member'>> {
  const allowed = can(person, 'conclusion.object');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const state = await loadConclusion(repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(state);
    const made = object(person, state.conclusion, state.objections, now);
    if (!made.ok) return made;
    if (!(await repo.addObjection(made.value))) return refuse('already-objected' as const);
    if (state.conclusion.status === 'open') {
      await repo.updateConclusion(conclusionId, 'open', { status: 'objected' });
      await repo.cancelJob(conclusionWindowJobKey(conclusionId));
    }
    await audit(repo, { at: now, actor: person.id, action: 'conclusion.objected', subject: `conclusion:${conclusionId}`, data: { organisationId: made.value.organisationId } }, origin);
    await deps.publisher.publishOne(repo, { type: 'conclusion.objected', conclusionId, personId: person.id });
    return ok((await loadConclusion(repo, conclusionId))!);
  });
}

export async function dissentToConclusion(
  deps: Deps,
  person: Person,
  conclusionId: string,
  text: unknown,
  origin: Origin,
): Promise<Result<ConclusionState, DissentRefusal | 'unknown-conclusion' | 'not-a-member'>> {
  const allowed = can(person, 'conclusion.dissent');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const state = await loadConclusion(repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(state);
    const made = dissentOnConclusion(person, state.conclusion, state.dissents, { id: deps.newId(), text, now });
    if (!made.ok) return made;
    if (!(await repo.insertDissent(made.value))) return refuse('already-dissented' as const);
    await audit(repo, { at: now, actor: person.id, action: 'dissent.added', subject: `conclusion:${conclusionId}`, data: { organisationId: made.value.organisationId, text: made.value.text } }, origin);
    await deps.publisher.publishOne(repo, { type: 'conclusion.changed', conclusionId });
    return ok((await loadConclusion(repo, conclusionId))!);
  });
}

/** *Afslut*: the chair closes; with no objection the item is decided (R7). */
export async function closeConclusionAction(
  deps: Deps,
  chair: Person,
  conclusionId: string,
  origin: Origin,
): Promise<Result<ConclusionState, CloseConclusionRefusal | 'unknown-conclusion' | 'not-chair'>> {
  const permitted = can(chair, 'conclusion.close');
  if (!permitted.ok) return permitted;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const state = await loadConclusion(repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(state);
    const allowed = closeConclusion(state.conclusion, state.objections);
    if (!allowed.ok) return allowed;
    if (!(await decide(deps, repo, state.conclusion, 'chair', chair.id, origin))) return refuse('conclusion-closed' as const);
    return ok((await loadConclusion(repo, conclusionId))!);
  });
}

/** The objection window's job: decided if still open and unopposed. Idempotent. */
export async function decideAtWindow(deps: Deps, conclusionId: string): Promise<void> {
  await deps.store.transaction(async (repo) => {
    const state = await loadConclusion(repo, conclusionId, { lock: true });
    if (!state || !decidedByWindow(state.conclusion, state.objections, deps.clock())) return;
    await decide(deps, repo, state.conclusion, 'window', 'system', {});
  });
}

/** R7: after an objection, one press by the chair opens a formal vote on the conclusion's text. */
export async function voteOnConclusion(
  deps: Deps,
  chair: Person,
  conclusionId: string,
  origin: Origin,
): Promise<Result<ConclusionState, VoteOnConclusionRefusal | 'unknown-conclusion' | 'not-bound' | 'not-chair'>> {
  const permitted = can(chair, 'conclusion.vote');
  if (!permitted.ok) return permitted;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const state = await loadConclusion(repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(state);
    const allowed = canVoteOnConclusion(state.conclusion);
    if (!allowed.ok) return allowed;
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    // The conclusion moves on first: of two presses at once, only one opens a vote.
    const motionId = deps.newId();
    if (!(await repo.updateConclusion(conclusionId, 'objected', { status: 'voted', motionId }))) return refuse('already-voting' as const);
    const acting = { board: deps.board, actor: chair, ...origin };
    const opened = await openVoteIn({ repo, now, board: deps.board, actor: chair, newId: deps.newId }, { id: motionId, text: state.conclusion.text, agendaItem: state.conclusion.agendaItem });
    if (!opened.ok) throw new Error(`could not open the vote on conclusion ${conclusionId}: ${opened.reason}`);
    await record(deps, repo, acting, now, opened.events);
    await audit(repo, { at: now, actor: chair.id, action: 'conclusion.to-vote', subject: `conclusion:${conclusionId}`, data: { motionId } }, origin);
    await deps.publisher.publishOne(repo, { type: 'conclusion.changed', conclusionId });
    return ok((await loadConclusion(repo, conclusionId))!);
  });
}
