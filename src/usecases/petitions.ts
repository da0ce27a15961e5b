/** R11: a majority of the members can demand an extraordinary meeting. */
import { refuse } from '../domain/kernel/result.js';
import { type Petition, type PetitionSupport, openPetition, petitionHasMajority, repeatsOpenPetition, supportPetition } from '../domain/petition.js';
import type { Deps } from './deps.js';
import { type Origin, type Outcome, type Tx, done, personOf, run } from './runner.js';

export interface PetitionState {
  readonly petition: Petition;
  readonly supports: readonly PetitionSupport[];
}

export type PetitionEvent =
  | ({ readonly type: 'petition.opened'; readonly data: unknown } & PetitionState)
  | ({ readonly type: 'petition.supported'; readonly data: unknown } & PetitionState)
  | ({ readonly type: 'petition.majority'; readonly actor: 'system'; readonly data: unknown } & PetitionState);

/** A petition older than this no longer stands in the way of a new one on its subject. */
const PETITION_REPEAT_DAYS = 183;

/** `anmod om ekstraordinaert moede <emne>`: posts a petition card with *Stoet* (support). */
export function startPetition(deps: Deps, origin: Origin, subject: string) {
  return run(deps, origin, { action: 'petition.open' }, async (tx) => {
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const opened = openPetition(personOf(tx), { id: tx.newId(), subject, now: tx.now });
    if (!opened.ok) return opened;
    const petition = opened.value;
    // The same subject still gathering support (asked within half a year): supported there, not split over two cards.
    const recent = await tx.repo.listPetitions({ createdFrom: new Date(tx.now.getTime() - PETITION_REPEAT_DAYS * 86_400_000) });
    if (repeatsOpenPetition(petition.subject, recent)) return refuse('petition-exists');
    await tx.repo.insertPetition(petition);
    // PRODUCT §1.2: the asker counts as its first supporter.
    const support = supportPetition(personOf(tx), petition, [], tx.now);
    if (!support.ok) return support;
    await tx.repo.addPetitionSupport(support.value);
    const supports = [support.value];
    const openedEvent: PetitionEvent = { type: 'petition.opened', petition, supports, data: { subject: petition.subject, supporters: [support.value.personId] } };
    const majority = await majorityIn(tx, petition, supports);
    return done(majority?.petition ?? petition, openedEvent, majority ? [majority] : []);
  });
}

/** The majority, announced once (the store decides who wins a race), if `supports` reach it. */
async function majorityIn(tx: Tx, petition: Petition, supports: readonly PetitionSupport[]): Promise<PetitionEvent | undefined> {
  if (!petitionHasMajority(tx.board, supports) || !(await tx.repo.markPetitionMajority(petition.id, tx.now))) return undefined;
  return { type: 'petition.majority', petition: { ...petition, majorityAt: tx.now }, supports, actor: 'system', data: { supporters: supports.map((s) => s.personId) } };
}

const current = (petitionId: string) => async (tx: Tx): Promise<Outcome<PetitionState, 'unknown-petition'>> => {
  const petition = await tx.repo.getPetition(petitionId);
  return petition ? done({ petition, supports: await tx.repo.listPetitionSupports(petitionId) }) : refuse('unknown-petition');
};

/**
 * *Stoet* (support): each voting member counts once. When more than half of the voting members
 * have supported it, the majority is announced once.
 */
export function supportPetitionAction(deps: Deps, origin: Origin, petitionId: string) {
  return run(deps, origin, { action: 'petition.support', again: current(petitionId) }, async (tx) => {
    // Locked first: of two supports given at once, the second counts the first (PRODUCT §4).
    const petition = await tx.repo.getPetition(petitionId, { lock: true });
    if (!petition) return refuse('unknown-petition');
    const before = await tx.repo.listPetitionSupports(petitionId);
    const support = supportPetition(personOf(tx), petition, before, tx.now);
    if (!support.ok) return support;
    if (!(await tx.repo.addPetitionSupport(support.value))) return refuse('already-supported');
    const supports = [...before, support.value];
    const supported: PetitionEvent = { type: 'petition.supported', petition, supports, data: {} };
    const majority = await majorityIn(tx, petition, supports);
    if (!majority || majority.type !== 'petition.majority') return done({ petition, supports }, supported);
    return done<PetitionState, PetitionEvent>({ petition: majority.petition, supports }, supported, majority);
  });
}
