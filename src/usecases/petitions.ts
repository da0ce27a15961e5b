/** R11: a majority of the members can demand an extraordinary meeting. */
import type { Person } from '../domain/kernel/board.js';
import { type Petition, type PetitionRefusal, type PetitionSupport, type SupportRefusal, openPetition, petitionHasMajority, supportPetition } from '../domain/petition.js';
import { can } from '../domain/kernel/policy.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { type Deps, type LegacyOrigin as Origin, audit, firstDelivery } from './deps.js';

export interface PetitionState {
  readonly petition: Petition;
  readonly supports: readonly PetitionSupport[];
}

/** `anmod om ekstraordinaert moede <emne>`: posts a petition card with *Stoet* (support). */
export async function startPetition(
  deps: Deps,
  person: Person,
  subject: string,
  origin: Origin,
): Promise<Result<Petition | undefined, PetitionRefusal | 'not-bound' | 'not-a-member'>> {
  const allowed = can(person, 'petition.open');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    const opened = openPetition(person, { id: deps.newId(), subject, now });
    if (!opened.ok) return opened;
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    await repo.insertPetition(opened.value);
    await audit(repo, { at: now, actor: person.id, action: 'petition.opened', subject: `petition:${opened.value.id}`, data: { subject: opened.value.subject } }, origin);
    await deps.publisher.publishOne(repo, { type: 'petition.opened', petitionId: opened.value.id });
    return ok(opened.value);
  });
}

/**
 * *Stoet* (support): each voting member counts once. When more than half of the voting members
 * have supported it, the majority is announced once.
 */
export async function supportPetitionAction(
  deps: Deps,
  person: Person,
  petitionId: string,
  origin: Origin,
): Promise<Result<PetitionState, SupportRefusal | 'unknown-petition' | 'not-a-member'>> {
  const allowed = can(person, 'petition.support');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    // Locked first: of two supports given at once, the second counts the first (PRODUCT §4).
    const petition = await repo.getPetition(petitionId, { lock: true });
    if (!petition) return refuse('unknown-petition' as const);
    const before = await repo.listPetitionSupports(petitionId);
    if (!(await firstDelivery(repo, origin, now))) return ok({ petition, supports: before });
    const support = supportPetition(person, petition, before, now);
    if (!support.ok) return support;
    if (!(await repo.addPetitionSupport(support.value))) return refuse('already-supported' as const);
    await audit(repo, { at: now, actor: person.id, action: 'petition.supported', subject: `petition:${petitionId}`, data: {} }, origin);
    await deps.publisher.publishOne(repo, { type: 'petition.supported', petitionId });
    const supports = await repo.listPetitionSupports(petitionId);
    if (petitionHasMajority(deps.board, supports) && (await repo.markPetitionMajority(petitionId, now))) {
      await audit(repo, { at: now, actor: 'system', action: 'petition.majority', subject: `petition:${petitionId}`, data: { supporters: supports.map((s) => s.personId) } }, origin);
      await deps.publisher.publishOne(repo, { type: 'petition.majority', petitionId });
    }
    return ok({ petition: (await repo.getPetition(petitionId))!, supports });
  });
}
