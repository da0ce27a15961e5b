/** Voting's use cases (R5, R6) against a recording publisher: what they decide, store and tell, without Teams. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote, closeVote, closeVoteAtDeadline, openVote } from '../../../src/usecases/voting.js';
import { type UseCaseWorld, by, bySystem, demoBoard, useCaseWorld } from '../../support/usecase-deps.js';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await useCaseWorld('2026-12-01T09:00:00+01:00');
});
afterEach(async () => {
  await world.close();
});

async function opened(text = 'Budgettet for 2027 godkendes'): Promise<string> {
  const result = await openVote(world.deps, by('Anne'), { motion: text });
  if (!result.ok) throw new Error(`not opened: ${result.reason}`);
  world.published.clear();
  return result.value!.motion!.id;
}

describe('openVote', () => {
  it('R2: the chair opens a vote: it is stored with its deadline job, and motion.opened is published once', async () => {
    const result = await openVote(world.deps, by('Anne'), { motion: 'Budgettet for 2027 godkendes' });
    expect(result.ok).toBe(true);
    const motion = result.ok ? result.value!.motion : undefined;
    expect(motion).toMatchObject({ text: 'Budgettet for 2027 godkendes', deadline: new Date('2026-12-04T08:00:00Z') });
    expect((await world.store.getMotion(motion!.id))?.closedAt).toBeUndefined();
    expect(await world.store.getJob(`vote.deadline:${motion!.id}`)).toMatchObject({ status: 'pending', dueAt: motion!.deadline });
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'motion.opened', motion })]]);
  });

  it('R2: a member cannot open a vote: refused, nothing stored, nothing published', async () => {
    expect(await openVote(world.deps, by('Birgitte'), { motion: 'Et nyt kontor' })).toEqual({ ok: false, reason: 'not-chair' });
    expect(world.published.calls).toEqual([]);
    expect(await world.store.listAudit()).toEqual([]);
  });

  it('refuses before the board is bound to a channel', async () => {
    const unbound = await useCaseWorld('2026-12-01T09:00:00+01:00', { bound: false });
    try {
      expect(await openVote(unbound.deps, by('Anne'), { motion: 'Forslag' })).toEqual({ ok: false, reason: 'not-bound' });
      expect(unbound.published.calls).toEqual([]);
    } finally {
      await unbound.close();
    }
  });
});

describe('castVote', () => {
  it('R5: a member casts the organisation\'s vote; the state returned is the one published', async () => {
    const motionId = await opened();
    const result = await castVote(world.deps, by('Birgitte'), { motionId, choice: 'for' });
    expect(result.ok).toBe(true);
    const state = result.ok ? result.value : undefined;
    expect(state?.ballots).toEqual([expect.objectContaining({ organisationId: 'SB', choice: 'for' })]);
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'ballot.cast', ballots: state!.ballots })]]);
  });

  it('R5: a second member of the organisation changes its one vote; the last cast counts', async () => {
    const motionId = await opened();
    await castVote(world.deps, by('Birgitte'), { motionId, choice: 'for' });
    const result = await castVote(world.deps, by('Søren'), { motionId, choice: 'abstain' });
    expect(result.ok && result.value.ballots).toEqual([expect.objectContaining({ organisationId: 'SB', choice: 'abstain' })]);
    expect(world.published.calls[1]).toEqual([expect.objectContaining({ type: 'ballot.cast', data: expect.objectContaining({ replaces: expect.objectContaining({ choice: 'for' }) }) })]);
  });

  it('R3, R4: the secretary and a guest are refused; a bad choice is refused; nothing is published', async () => {
    const motionId = await opened();
    for (const who of ['Pia', 'Gustav']) expect((await castVote(world.deps, by(who), { motionId, choice: 'for' })).ok).toBe(false);
    expect(await castVote(world.deps, by('Lars'), { motionId, choice: 'ja' })).toMatchObject({ ok: false });
    expect(await castVote(world.deps, by('Lars'), { motionId: 'no-such', choice: 'for' })).toEqual({ ok: false, reason: 'unknown-motion' });
    expect(world.published.calls).toEqual([]);
    expect(await world.store.listBallots(motionId)).toEqual([]);
  });

  it('the same activity delivered again has one effect: the state as it stands is answered, nothing published again', async () => {
    const motionId = await opened();
    await castVote(world.deps, by('Birgitte', 'act-1'), { motionId, choice: 'for' });
    await castVote(world.deps, by('Søren', 'act-2'), { motionId, choice: 'against' });
    const again = await castVote(world.deps, by('Birgitte', 'act-1'), { motionId, choice: 'for' });
    expect(again.ok && again.value.ballots).toEqual([expect.objectContaining({ organisationId: 'SB', choice: 'against' })]);
    expect(world.published.types()).toEqual(['ballot.cast', 'ballot.cast']);
  });

  it('R6: when every organisation has voted the vote closes in the same change; 4–1–1 is adopted', async () => {
    const motionId = await opened();
    const choices: [string, string][] = [['Anne', 'for'], ['Birgitte', 'for'], ['Henrik', 'for'], ['Mette', 'for'], ['Lars', 'against'], ['Karsten', 'abstain']];
    for (const [who, choice] of choices) await castVote(world.deps, by(who), { motionId, choice });
    const last = world.published.calls.at(-1)!;
    expect(last.map((e) => e.type)).toEqual(['ballot.cast', 'motion.closed']);
    expect(last[1]).toMatchObject({ data: { reason: 'all-voted', tally: expect.objectContaining({ adopted: true }) } });
    expect((await world.store.getMotion(motionId))?.closeReason).toBe('all-voted');
    expect((await world.store.getJob(`vote.deadline:${motionId}`))?.status).toBe('cancelled');
  });
});

describe('closeVote and the deadline', () => {
  it('R6: only the chair closes; closed once, then refused', async () => {
    const motionId = await opened();
    await castVote(world.deps, by('Henrik'), { motionId, choice: 'against' });
    world.published.clear();
    expect((await closeVote(world.deps, by('Henrik'), motionId)).ok).toBe(false);
    const closed = await closeVote(world.deps, by('Karsten'), motionId);
    expect(closed.ok && closed.value.motion.closeReason).toBe('chair');
    expect(world.published.types()).toEqual(['motion.closed']);
    expect(await closeVote(world.deps, by('Anne'), motionId)).toMatchObject({ ok: false });
    expect(world.published.types()).toEqual(['motion.closed']);
  });

  it('R6: the deadline job closes an open vote at voteDeadlineHours, not before, and only once', async () => {
    const motionId = await opened();
    expect(await closeVoteAtDeadline(world.deps, demoBoard, motionId)).toBe('not-due');
    world.clock.set('2026-12-04T09:00:00+01:00');
    expect(await closeVoteAtDeadline(world.deps, demoBoard, motionId)).toBe('closed');
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'motion.closed', data: expect.objectContaining({ reason: 'deadline' }) })]]);
    expect(await closeVoteAtDeadline(world.deps, demoBoard, motionId)).toBe('already-closed');
    expect(await closeVoteAtDeadline(world.deps, bySystem.board, 'no-such')).toBe('unknown-motion');
    expect(world.published.calls).toHaveLength(1);
  });
});
