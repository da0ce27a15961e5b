/** Conclusions' use cases (R7, R8) against a recording publisher: decided by consent, objected, put to a vote — without Teams. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem } from '../../../src/usecases/agenda.js';
import {
  closeConclusionAction,
  concludeItem,
  conclusionWindowJobKey,
  decideAtWindow,
  dissentToConclusion,
  objectToConclusion,
  voteOnConclusion,
} from '../../../src/usecases/conclusions.js';
import { scheduleMeeting } from '../../../src/usecases/meetings.js';
import { type UseCaseWorld, by, demoBoard, useCaseWorld, valueOf } from '../../support/usecase-deps.js';

let world: UseCaseWorld;

/** A meeting on 25 November 2027 at 14.00 with item 5 for decision; the clock at 14.05 that day. */
beforeEach(async () => {
  world = await useCaseWorld('2027-11-10T10:00:00+01:00');
  valueOf(await scheduleMeeting(world.deps, by('Pia'), { kind: 'ordinary', dateText: '25-11-2027', timeText: '14:00', rest: '' }));
  valueOf(await addItem(world.deps, by('Pia'), { title: 'Ny delaftale om beskæftigelse', kind: 'decision' }));
  world.clock.set('2027-11-25T14:05:00+01:00');
  world.published.clear();
});
afterEach(async () => {
  await world.close();
});

/**
 * These tests conclude during the meeting; R7's window is what they are about, so their board
 * keeps in-meeting conclusions open for the window (`objectionWindowInMeeting: window`). The
 * default, until the chair closes them, is the last test.
 */
const windowBoard = { ...demoBoard, policies: { ...demoBoard.policies, objectionWindowInMeeting: 'window' as const } };
const byW = (firstName: string, activityId?: string) => ({ ...by(firstName, activityId), board: windowBoard });

const conclude = async (text = 'Bestyrelsen godkender den nye delaftale.') => valueOf(await concludeItem(world.deps, byW('Anne'), { number: 5, text })).conclusion!;

describe('concludeItem', () => {
  it('R7: the chair concludes an item of the current meeting; the window job is scheduled and conclusion.posted published', async () => {
    const conclusion = await conclude();
    expect(conclusion).toMatchObject({ status: 'open', text: 'Bestyrelsen godkender den nye delaftale.', objectionDeadline: new Date('2027-11-27T13:05:00Z') });
    expect(conclusion.itemLabel).toContain('Ny delaftale om beskæftigelse');
    expect(await world.store.getJob(conclusionWindowJobKey(conclusion.id))).toMatchObject({ status: 'pending', dueAt: conclusion.objectionDeadline });
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'conclusion.posted', conclusion })]]);
  });

  it('R7: only the chair concludes; an unknown item, a missing number and an empty text are refused; nothing is published', async () => {
    expect(await concludeItem(world.deps, byW('Henrik'), { number: 5, text: 'Vi er enige' })).toMatchObject({ ok: false });
    expect(await concludeItem(world.deps, byW('Anne'), { number: 42, text: 'Noget' })).toEqual({ ok: false, reason: 'unknown-item' });
    expect(await concludeItem(world.deps, byW('Anne'), { text: '' })).toEqual({ ok: false, reason: 'bad-item-number' });
    expect(await concludeItem(world.deps, byW('Anne'), { number: 5, text: '  ' })).toEqual({ ok: false, reason: 'empty-conclusion' });
    expect(world.published.calls).toEqual([]);
  });
});

describe('consent and objection', () => {
  it('R7: with no objection, the chair\'s close decides the item; an objection after is refused', async () => {
    const { id } = await conclude();
    world.published.clear();
    expect(await closeConclusionAction(world.deps, byW('Henrik'), id)).toMatchObject({ ok: false });
    const decided = valueOf(await closeConclusionAction(world.deps, byW('Anne'), id));
    expect(decided.conclusion).toMatchObject({ status: 'decided', decidedBy: 'chair' });
    expect(world.published.types()).toEqual(['conclusion.decided']);
    expect((await world.store.getJob(conclusionWindowJobKey(id)))?.status).toBe('cancelled');
    expect(await objectToConclusion(world.deps, byW('Henrik'), id)).toEqual({ ok: false, reason: 'conclusion-closed' });
  });

  it('R7: an objection stops the window; the chair can no longer close, but one press opens a formal vote on the text', async () => {
    const { id } = await conclude('Budget 2028 godkendes som fremlagt.');
    world.published.clear();
    const objected = valueOf(await objectToConclusion(world.deps, byW('Henrik'), id));
    expect(objected.conclusion.status).toBe('objected');
    expect(objected.objections).toEqual([expect.objectContaining({ organisationId: 'SAB' })]);
    expect(await objectToConclusion(world.deps, byW('Henrik'), id)).toEqual({ ok: false, reason: 'already-objected' });
    expect((await world.store.getJob(conclusionWindowJobKey(id)))?.status).toBe('cancelled');
    expect(await closeConclusionAction(world.deps, byW('Anne'), id)).toEqual({ ok: false, reason: 'has-objection' });

    const voted = valueOf(await voteOnConclusion(world.deps, byW('Anne'), id));
    expect(voted.conclusion).toMatchObject({ status: 'voted', motionId: expect.any(String) });
    expect((await world.store.getMotion(voted.conclusion.motionId!))?.text).toBe('Budget 2028 godkendes som fremlagt.');
    expect(await voteOnConclusion(world.deps, byW('Anne'), id)).toEqual({ ok: false, reason: 'already-voting' });
    expect(world.published.calls.map((call) => call.map((e) => e.type))).toEqual([['conclusion.objected'], ['motion.opened', 'conclusion.to-vote']]);
  });

  it('R8: a member enters a dissent in their own words, once; an empty one is refused', async () => {
    const { id } = await conclude();
    world.published.clear();
    expect(await dissentToConclusion(world.deps, byW('Mette'), { conclusionId: id, text: '   ' })).toEqual({ ok: false, reason: 'empty-dissent' });
    const after = valueOf(await dissentToConclusion(world.deps, byW('Mette'), { conclusionId: id, text: 'Skælskør Boligselskab ønsker det udskudt.' }));
    expect(after.dissents).toEqual([expect.objectContaining({ organisationId: 'SBS', text: 'Skælskør Boligselskab ønsker det udskudt.' })]);
    expect(await dissentToConclusion(world.deps, byW('Mette'), { conclusionId: id, text: 'Igen' })).toEqual({ ok: false, reason: 'already-dissented' });
    expect(world.published.types()).toEqual(['dissent.added']);
  });

  it('R7: unopposed, the item is decided by itself when the objection window ends, not before, and once', async () => {
    const { id } = await conclude();
    world.published.clear();
    await decideAtWindow(world.deps, windowBoard, id);
    expect(world.published.calls).toEqual([]);
    world.clock.set('2027-11-27T15:00:00+01:00');
    await decideAtWindow(world.deps, windowBoard, id);
    await decideAtWindow(world.deps, windowBoard, id);
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'conclusion.decided', data: { by: 'window' } })]]);
    expect((await world.store.getConclusion(id))?.status).toBe('decided');
  });
});

describe('R7 during a meeting (objectionWindowInMeeting: untilClosed, the default)', () => {
  it('R7: a conclusion posted in the meeting has no window: nothing decides it but the chair', async () => {
    const conclusion = valueOf(await concludeItem(world.deps, by('Anne'), { number: 5, text: 'Bestyrelsen godkender den nye delaftale.' })).conclusion!;
    expect(await world.store.getJob(conclusionWindowJobKey(conclusion.id))).toBeUndefined();
    world.clock.set('2027-11-28T12:00:00+01:00');
    world.published.clear();
    await decideAtWindow(world.deps, demoBoard, conclusion.id);
    expect(world.published.calls).toEqual([]);
    expect((await world.store.getConclusion(conclusion.id))?.status).toBe('open');
    expect(valueOf(await closeConclusionAction(world.deps, by('Anne'), conclusion.id)).conclusion).toMatchObject({ status: 'decided' });
  });
});
