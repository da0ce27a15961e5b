import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { can } from '../../../src/domain/kernel/policy.js';
import {
  type Conclusion,
  type Objection,
  canVoteOnConclusion,
  closeConclusion,
  conclude,
  decidedByWindow,
  dissentOnConclusion,
  mayDissentOnConclusion,
  dissentOnVote,
  leftBehind,
  object,
  stands,
} from '../../../src/domain/conclusion.js';
import { approvableFrom, approvalByDecision, approvalByDecisionOf, approvedByVote, canEditMinutes } from '../../../src/domain/minutes.js';
import { type Ballot, closed, openMotion } from '../../../src/domain/voting.js';

const board = loadBoardFile('config/demo.yaml');
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;
const [anne, karsten, birgitte, henrik, , , , pia, gustav] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(person);
const t0 = new Date('2027-11-25T13:05:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

function conclusion(): Conclusion {
  const r = conclude(board, anne!, { id: 'c', agendaItem: { meetingId: 'm', itemId: 'i' }, itemLabel: '5. Delaftale', text: ' Godkendt. ', now: t0 });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const objection = (p: typeof anne): Objection => ({ conclusionId: 'c', personId: p!.id, organisationId: p!.organisationId!, at: t0 });

describe('R7: an objected conclusion the chair has left behind', () => {
  it('R7: another conclusion on its item (not objected), or a vote on it, leaves it behind; one on another item does not', () => {
    const objected = { ...conclusion(), status: 'objected' as const };
    const anew = { ...conclusion(), id: 'c2', status: 'open' as const };
    const elsewhere = { ...anew, agendaItem: { meetingId: 'm', itemId: 'other' } };
    expect(leftBehind(objected, [objected], [])).toBe(false);
    expect(leftBehind(objected, [objected, { ...anew, status: 'objected' }], [])).toBe(false);
    expect(leftBehind(objected, [objected, elsewhere], [])).toBe(false);
    expect(leftBehind(objected, [objected, anew], [])).toBe(true);
    const vote = openMotion(board, anne!, { id: 'v', text: 'Godkendt.', now: later(1), agendaItem: { meetingId: 'm', itemId: 'i' } });
    expect(leftBehind(objected, [objected], [vote.ok ? vote.value : ({} as never)])).toBe(true);
    // Only an objected one waits for the chair: an open one is not left behind by anything.
    expect(leftBehind(conclusion(), [conclusion(), anew], [])).toBe(false);
  });
});

describe('decisions by consent (R7)', () => {
  it('R7: only the chair concludes; the objection window is objectionHours (48 h)', () => {
    expect(can(henrik!, 'conclusion.make')).toEqual({ ok: false, reason: 'not-chair' });
    expect(can(anne!, 'conclusion.make')).toEqual({ ok: true, value: true });
    expect(conclusion()).toMatchObject({ text: 'Godkendt.', status: 'open', objectionDeadline: later(48) });
  });

  it('R7: with no objection the chair\'s close decides it, and so does the end of the window', () => {
    expect(can(karsten!, 'conclusion.close')).toEqual({ ok: true, value: true });
    expect(closeConclusion(conclusion(), [])).toEqual({ ok: true, value: 'chair' });
    expect(can(henrik!, 'conclusion.close')).toEqual({ ok: false, reason: 'not-chair' });
    expect(decidedByWindow(conclusion(), [], later(47.9))).toBe(false);
    expect(decidedByWindow(conclusion(), [], later(48))).toBe(true);
    // Afslut pressed after the window, before the scheduler decided it: the window decided it.
    expect(closeConclusion(conclusion(), [], later(47.9))).toEqual({ ok: true, value: 'chair' });
    expect(closeConclusion(conclusion(), [], later(48))).toEqual({ ok: true, value: 'window' });
  });

  it('R7: an objection by a member stops it; it can then only go to a formal vote', () => {
    expect(object(henrik!, conclusion(), [], later(1))).toMatchObject({ ok: true, value: { organisationId: 'SAB' } });
    expect(can(henrik!, 'conclusion.object')).toEqual({ ok: true, value: true });
    expect(can(pia!, 'conclusion.object')).toEqual({ ok: false, reason: 'not-a-member' });
    expect(can(gustav!, 'conclusion.object')).toEqual({ ok: false, reason: 'not-a-member' });
    expect(object(henrik!, conclusion(), [objection(henrik)], later(1))).toEqual({ ok: false, reason: 'already-objected' });
    // R7: past its window the window decided it, recorded yet or not.
    expect(object(henrik!, conclusion(), [], later(49))).toEqual({ ok: false, reason: 'objection-window-ended' });
    expect(object(henrik!, { ...conclusion(), status: 'decided', decidedBy: 'window', decidedAt: later(48) }, [], later(49))).toEqual({ ok: false, reason: 'objection-window-ended' });
    expect(object(henrik!, { ...conclusion(), status: 'decided', decidedBy: 'chair', decidedAt: later(1) }, [], later(2))).toEqual({ ok: false, reason: 'conclusion-closed' });
    const objected = { ...conclusion(), status: 'objected' as const };
    expect(closeConclusion(objected, [objection(henrik)])).toEqual({ ok: false, reason: 'has-objection' });
    expect(decidedByWindow(objected, [objection(henrik)], later(49))).toBe(false);
    expect(canVoteOnConclusion(conclusion())).toEqual({ ok: false, reason: 'no-objection' });
    expect(can(henrik!, 'conclusion.vote')).toEqual({ ok: false, reason: 'not-chair' });
    expect(can(anne!, 'conclusion.vote')).toEqual({ ok: true, value: true });
    expect(canVoteOnConclusion(objected)).toEqual({ ok: true, value: true });
    expect(canVoteOnConclusion({ ...objected, status: 'voted', motionId: 'v' })).toEqual({ ok: false, reason: 'already-voting' });
  });
});

describe('dissents (R8)', () => {
  it('R8: a member enters a dissent on a conclusion, in their own words, once', () => {
    const d = dissentOnConclusion(birgitte!, conclusion(), [], { id: 'd', text: '  Vi er uenige.  ', now: t0, leftBehind: false });
    expect(d).toMatchObject({ ok: true, value: { text: 'Vi er uenige.', organisationId: 'SB', subject: { conclusionId: 'c' } } });
    expect(dissentOnConclusion(birgitte!, conclusion(), [d.ok ? d.value : (undefined as never)], { id: 'e', text: 'Igen', now: t0, leftBehind: false })).toEqual({ ok: false, reason: 'already-dissented' });
    expect(dissentOnConclusion(birgitte!, conclusion(), [], { id: 'e', text: ' ', now: t0, leftBehind: false })).toEqual({ ok: false, reason: 'empty-dissent' });
    expect(can(birgitte!, 'conclusion.dissent')).toEqual({ ok: true, value: true });
    expect(can(pia!, 'conclusion.dissent')).toEqual({ ok: false, reason: 'not-a-member' });
  });

  it('R8: on a vote, only after it closed, for members whose organisation voted against, or for a motion not adopted', () => {
    const opened = openMotion(board, anne!, { id: 'v', text: 'Budget', now: t0 });
    if (!opened.ok) throw new Error(opened.reason);
    const ballots: Ballot[] = [
      { motionId: 'v', organisationId: 'SAB', choice: 'against', castBy: henrik!.id, castAt: t0 },
      { motionId: 'v', organisationId: 'SB', choice: 'for', castBy: birgitte!.id, castAt: t0 },
    ];
    const input = { id: 'd', text: 'SAB kan ikke støtte budgettet.', now: later(1) };
    expect(dissentOnVote(henrik!, opened.value, ballots, [], input)).toEqual({ ok: false, reason: 'vote-open' });
    const done = closed(opened.value, 'chair', later(1), anne!.id);
    expect(dissentOnVote(henrik!, done, ballots, [], input)).toMatchObject({ ok: true, value: { organisationId: 'SAB', text: 'SAB kan ikke støtte budgettet.' } });
    // 1–1 is not adopted: SB, which voted for it, was outvoted and may dissent too.
    expect(dissentOnVote(birgitte!, done, ballots, [], input)).toMatchObject({ ok: true, value: { organisationId: 'SB' } });
    // Adopted 2–1: those who voted for it may not.
    const adopted: Ballot[] = [...ballots, { motionId: 'v', organisationId: 'FOB', choice: 'for', castBy: anne!.id, castAt: t0 }];
    expect(dissentOnVote(birgitte!, done, adopted, [], input)).toEqual({ ok: false, reason: 'not-against' });
    expect(dissentOnVote(henrik!, done, adopted, [], input)).toMatchObject({ ok: true });
    // R18: its item reopened, it decides nothing: no dissent, not even by those who voted against.
    expect(dissentOnVote(henrik!, { ...done, reopenedAt: later(2) }, adopted, [], input)).toEqual({ ok: false, reason: 'dissent-vote-reopened' });
  });

  it('R8, R7: on a conclusion put to a vote the vote decides (a dissent goes on it); on one left behind or whose item was reopened, none', () => {
    const input = { id: 'd', text: 'Vi er uenige.', now: t0, leftBehind: false };
    const objected = { ...conclusion(), status: 'objected' as const };
    expect(dissentOnConclusion(birgitte!, objected, [], input)).toMatchObject({ ok: true });
    // Left behind by the chair (concluded anew, or a vote opened on its item): the new decision takes the dissent.
    expect(dissentOnConclusion(birgitte!, objected, [], { ...input, leftBehind: true })).toEqual({ ok: false, reason: 'dissent-conclusion-left-behind' });
    expect(mayDissentOnConclusion(objected, { leftBehind: true })).toEqual({ ok: false, reason: 'dissent-conclusion-left-behind' });
    expect(mayDissentOnConclusion(objected, { leftBehind: false })).toEqual({ ok: true, value: true });
    // Reopened since: said so first, the stronger reason.
    expect(dissentOnConclusion(birgitte!, { ...objected, reopenedAt: later(1) }, [], { ...input, leftBehind: true })).toEqual({ ok: false, reason: 'dissent-conclusion-reopened' });
    expect(dissentOnConclusion(birgitte!, { ...objected, status: 'voted', motionId: 'v' }, [], input)).toEqual({ ok: false, reason: 'dissent-conclusion-voted' });
    expect(dissentOnConclusion(birgitte!, { ...conclusion(), status: 'decided', reopenedAt: later(1) }, [], input)).toEqual({ ok: false, reason: 'dissent-conclusion-reopened' });
    expect(dissentOnConclusion(birgitte!, { ...objected, status: 'voted', motionId: 'v', reopenedAt: later(1) }, [], input)).toEqual({ ok: false, reason: 'dissent-conclusion-reopened' });
  });
});

describe('minutes (R16)', () => {
  it('R16: approved minutes never change; approval waits for the objection window since the last change', () => {
    const minutes = { id: 'x', meetingId: 'm', version: 1, text: 't', draftedBy: pia!.id, draftedAt: t0, updatedAt: t0 };
    expect(canEditMinutes(minutes)).toBe(true);
    expect(canEditMinutes({ ...minutes, approvedAt: later(50), approvedBy: anne!.id })).toBe(false);
    expect(approvableFrom(minutes, 48)).toEqual(later(48));
  });

  it('R7, R18: a decision stands until the chair reopens its item', () => {
    expect(stands({})).toBe(true);
    expect(stands({ reopenedAt: new Date('2026-11-04T10:00:00Z') })).toBe(false);
  });

  it('R16, R7: the item "approval of the minutes" approves them when decided by consent or by an adopted vote; a vote not adopted, or another item, approves nothing', () => {
    expect(approvalByDecision('approve-minutes', { kind: 'consent' })).toBe('consent');
    expect(approvalByDecision('approve-minutes', { kind: 'vote', motionId: 'mo1', adopted: true })).toBe('vote:mo1');
    expect(approvalByDecision('approve-minutes', { kind: 'vote', motionId: 'mo1', adopted: false })).toBeUndefined();
    expect(approvalByDecision('approve-agenda', { kind: 'consent' })).toBeUndefined();
    expect(approvalByDecision(undefined, { kind: 'vote', motionId: 'mo1', adopted: true })).toBeUndefined();
    expect(approvedByVote({ approvedBy: 'vote:mo1' })).toBe('mo1');
    expect(approvedByVote({ approvedBy: 'consent' })).toBeUndefined();
    expect(approvedByVote({ approvedBy: anne!.id })).toBeUndefined();
    expect(approvedByVote({})).toBeUndefined();
  });

  it('R16: the decision approves the minutes of the meeting just before, and reaches further back only past an extraordinary meeting or one without minutes, never past minutes approved once', () => {
    const at = new Date('2027-06-10T12:00:00Z');
    const ordinary = { kind: 'ordinary' as const };
    const extraordinary = { kind: 'extraordinary' as const };
    // The meeting just before: its draft, or a correction of approved minutes, is approved; nothing older.
    expect(approvalByDecisionOf(ordinary, [{}], true)).toEqual({ approve: true, further: false });
    expect(approvalByDecisionOf(ordinary, [{ approvedAt: at }, {}], true)).toEqual({ approve: true, further: false });
    expect(approvalByDecisionOf(ordinary, [{ approvedAt: at }], true)).toEqual({ approve: false, further: false });
    // No minutes yet, or an extraordinary meeting: the one before is looked at too.
    expect(approvalByDecisionOf(ordinary, [], true)).toEqual({ approve: false, further: true });
    expect(approvalByDecisionOf(extraordinary, [{}], true)).toEqual({ approve: true, further: true });
    expect(approvalByDecisionOf(extraordinary, [{ approvedAt: at }], true)).toEqual({ approve: false, further: false });
    // Further back: minutes never approved are; a correction of approved ones is not, and ends the walk.
    expect(approvalByDecisionOf(ordinary, [{}], false)).toEqual({ approve: true, further: false });
    expect(approvalByDecisionOf(ordinary, [{ approvedAt: at }, {}], false)).toEqual({ approve: false, further: false });
    expect(approvalByDecisionOf(extraordinary, [], false)).toEqual({ approve: false, further: true });
  });
});
