/** Decisions by consent (R7) and dissents on them (R8). */
import type { Board } from '../domain/kernel/board.js';
import {
  type ConcludeRefusal,
  type Conclusion,
  type Dissent,
  type ObjectRefusal,
  type Objection,
  canVoteOnConclusion,
  closeConclusion,
  conclude,
  decidedByWindow,
  dissentOnConclusion,
  object,
  repeatsDissent,
  stands,
} from '../domain/conclusion.js';
import { refuse } from '../domain/kernel/result.js';
import { z } from 'zod';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { JOB, jobKeys } from './meeting-jobs.js';
import type { BoardEvent, EventsOf } from './event.js';
import { type MeetingName, type MeetingNamedRefusal, meetingNamed } from './meetings.js';
import { type Meeting, type NumberedItem, dayAfterReminderAt, duringMeeting } from '../domain/meeting.js';
import { type ItemTaken, decisionOrOpenOnItem, decisionOrOpenOnItemOf } from './decisions.js';
import { type ConclusionState, type ConclusionsLeftBehind, itemRef, leftBehindOn, loadConclusion } from './item-headings.js';
import { loadAgenda } from './agenda.js';
import type { MinutesEvent } from './minutes.js';
import { approveByDecisionIn } from './minutes-approval.js';
import { type Origin, type Outcome, type Tx, done, personOf, run } from './runner.js';
import { type ConclusionVoteClosed, type VotingEvent, openVoteIn } from './voting.js';

export const CONCLUSION_WINDOW_JOB = 'conclusion.window';
export const conclusionWindowJobKey = (id: string) => `conclusion:${id}:window`;

// A conclusion as its card shows it, and its loading: said with the item lines the cards show (item-headings).
export { type ConclusionState, loadConclusion };

export type ConclusionEvent =
  | ConclusionVoteClosed
  | EventsOf<'conclusion.posted' | 'conclusion.decided' | 'conclusion.to-vote', { readonly data: unknown } & ConclusionState>
  | ({ readonly type: 'conclusion.objected'; readonly objection: Objection; readonly data: unknown } & ConclusionState)
  | ({ readonly type: 'dissent.added'; readonly dissent: Dissent; readonly data: unknown } & ConclusionState)
  /** R7: the day after the meeting, its conclusions the chair has not closed (open until closed): the chair is reminded. */
  | {
      readonly type: 'reminder.conclusions';
      readonly meeting: Meeting;
      /** Open for objections until the chair closes them. */
      readonly conclusions: readonly Conclusion[];
      /** Objected to, and neither put to a vote nor concluded anew. */
      readonly objected: readonly Conclusion[];
      readonly key: string;
      readonly data: unknown;
    };

const current = (id: string) => async (tx: Tx): Promise<Outcome<ConclusionState, 'unknown-conclusion'>> => {
  const state = await loadConclusion(tx.repo, id);
  return state ? done(state) : refuse('unknown-conclusion');
};

/** Declares the item decided, once; approving minutes when the item is their approval (R16). */
async function decideIn(tx: Tx, state: ConclusionState, by: 'chair' | 'window'): Promise<{ state: ConclusionState; events: (ConclusionEvent | MinutesEvent)[] } | undefined> {
  const { conclusion } = state;
  // R7, R18: by its window, decided when the window ended, also when that is caught up later (the
  // bot was down, or the scheduler's minute came after it), as a vote is closed at its deadline.
  // R16: the minutes it approves are approved then too, the decision's moment (approveByDecisionIn).
  const at = by === 'window' && conclusion.objectionDeadline.getTime() < tx.now.getTime() ? conclusion.objectionDeadline : tx.now;
  if (!(await tx.repo.updateConclusion(conclusion.id, 'open', { status: 'decided', decidedAt: at, decidedBy: by }))) return undefined;
  await tx.repo.cancelJob(conclusionWindowJobKey(conclusion.id));
  const decided = { ...state, conclusion: { ...conclusion, status: 'decided' as const, decidedAt: at, decidedBy: by } };
  const approved = await approveByDecisionIn(tx, conclusion.agendaItem, { kind: 'consent' }, at);
  return { state: decided, events: [{ type: 'conclusion.decided', ...decided, data: { by } }, ...approved] };
}

/** `konklusion <punktnr> <tekst>`: the chair's conclusion on an item of the current meeting. */
export interface Concluded {
  readonly conclusion?: Conclusion;
  /** The item had a decision already, or one under way (one decision per item): that one, nothing posted. */
  readonly decided?: ItemTaken;
}

export function concludeItem(deps: Deps, origin: Origin, input: MeetingName & { readonly number?: number; readonly text: string; readonly given?: boolean }) {
  return run(deps, origin, { action: 'conclusion.make' }, async (tx): Promise<Outcome<Concluded, MeetingNamedRefusal | ConcludeRefusal | 'bad-item-number' | 'not-bound' | 'unknown-item' | 'item-not-fixed'>> => {
    // Without a number: nothing written is a missing number; anything else, a missing conclusion.
    if (input.number === undefined) return refuse(input.given ? 'empty-conclusion' : 'bad-item-number');
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const item = (await loadAgenda(tx, meeting)).items.find((i) => i.number === input.number);
    if (!item) return refuse('unknown-item');
    // An item another feature puts on a draft has no row yet (it gets one when the agenda is sent): a decision could not name it.
    if (!item.itemId) return refuse('item-not-fixed');
    const taken = await decisionOrOpenOnItem(tx.repo, meeting, item);
    if (taken) return done<Concluded>({ decided: taken });
    const agendaItem = await itemRef(deps, tx, meeting, item);
    // R7: during its meeting (its day, from an hour before its start) a conclusion may stay open until the chair closes it.
    const inMeeting = duringMeeting(meeting, tx.now, tx.board.timezone) === 'during';
    const made = conclude(tx.board, personOf(tx), { id: tx.newId(), agendaItem, itemLabel: deps.texts.itemLabel(tx.board, item, meeting), text: input.text, now: tx.now, duringMeeting: inMeeting });
    if (!made.ok) return made;
    const conclusion = made.value;
    await tx.repo.insertConclusion(conclusion);
    if (!conclusion.untilClosed) {
      await tx.repo.scheduleJob({ key: conclusionWindowJobKey(conclusion.id), kind: CONCLUSION_WINDOW_JOB, dueAt: conclusion.objectionDeadline, payload: { conclusionId: conclusion.id } });
    } else {
      // Open until the chair closes it: if still open the day after the meeting, the chair is reminded (one reminder per meeting).
      const remindAt = dayAfterReminderAt(meeting, tx.board.policies.postingTime, tx.board.timezone);
      await tx.repo.scheduleJob({ key: jobKeys.openConclusions(meeting.id), kind: JOB.openConclusions, dueAt: remindAt, payload: { meetingId: meeting.id } });
    }
    // R7: the conclusions objected on the item before are left behind: their cards say so.
    const behind = await leftBehindOn(tx.repo, agendaItem, conclusion.id);
    return done<Concluded, ConclusionEvent | ConclusionsLeftBehind>({ conclusion }, { type: 'conclusion.posted', conclusion, objections: [], dissents: [], data: { item: conclusion.itemLabel, text: conclusion.text, untilClosed: conclusion.untilClosed === true } }, behind);
  });
}

/** What *Indsigelse* did: the conclusion as it now stands; `tooLate`: refused, its window having ended (and decided it). */
export interface Objected extends ConclusionState {
  readonly tooLate?: true;
}

/** A redelivered *Indsigelse*: as the first delivery answered (refused as too late when its window decided it, their objection not on it). */
const objectedAgain = (id: string) => async (tx: Tx): Promise<Outcome<Objected, 'unknown-conclusion'>> => {
  const state = await current(id)(tx);
  if (!state.ok) return state;
  const { conclusion, objections } = state.value;
  const actor = tx.actor;
  const mine = actor !== 'system' && objections.some((o) => o.personId === actor.id);
  return conclusion.decidedBy === 'window' && !mine ? done<Objected>({ ...state.value, tooLate: true }) : state;
};

/** *Indsigelse*: a member objects; an open conclusion then waits for the chair (R7), and takes more objections while it does. */
export function objectToConclusion(deps: Deps, origin: Origin, conclusionId: string, reason?: unknown) {
  return run(deps, origin, { action: 'conclusion.object', again: objectedAgain(conclusionId) }, async (tx): Promise<Outcome<Objected, ObjectRefusal | 'unknown-conclusion' | 'objection-superseded'>> => {
    const state = await loadConclusion(tx.repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion');
    const made = object(personOf(tx), state.conclusion, state.objections, tx.now, reason);
    if (!made.ok && made.reason === 'objection-window-ended' && decidedByWindow(state.conclusion, state.objections, tx.now)) {
      // R7: tapped after its window ended, before the scheduler's minute: the window decides it now, as
      // its job would (when it ended), not the one who objected; the objection is refused, and the
      // card stops offering it at once.
      const decided = await decideIn(tx, state, 'window');
      if (!decided) return made;
      return done<Objected, BoardEvent>({ ...decided.state, tooLate: true }, decided.events.map((event) => ({ ...event, actor: 'system' as const })));
    }
    if (!made.ok) return made;
    // R7: objected, it waits for the chair only while its item has no other decision, made or under way (else it goes to no vote).
    if (state.conclusion.status === 'objected' && (await decisionOrOpenOnItemOf(tx, state.conclusion.agendaItem))) return refuse('objection-superseded');
    const objection = made.value;
    if (!(await tx.repo.addObjection(objection))) return refuse('already-objected');
    let conclusion = state.conclusion;
    if (conclusion.status === 'open') {
      await tx.repo.updateConclusion(conclusionId, 'open', { status: 'objected' });
      await tx.repo.cancelJob(conclusionWindowJobKey(conclusionId));
      conclusion = { ...conclusion, status: 'objected' };
    }
    const after = { ...state, conclusion, objections: [...state.objections, objection] };
    return done(after, { type: 'conclusion.objected', ...after, objection, data: { organisationId: objection.organisationId, ...(objection.reason ? { reason: objection.reason } : {}) } });
  });
}

/** *Saerstandpunkt* on a conclusion (R8): the member's own words, for the minutes. */
export function dissentToConclusion(deps: Deps, origin: Origin, input: { readonly conclusionId: string; readonly text?: unknown }) {
  return run(deps, origin, { action: 'conclusion.dissent', again: current(input.conclusionId) }, async (tx) => {
    const state = await loadConclusion(tx.repo, input.conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion');
    if (repeatsDissent(personOf(tx), state.dissents, input.text)) return done(state);
    // R8: left behind by the chair (read with it, under its lock), it takes none.
    const made = dissentOnConclusion(personOf(tx), state.conclusion, state.dissents, { id: tx.newId(), text: input.text, now: tx.now, leftBehind: state.leftBehind === true });
    if (!made.ok) return made;
    const dissent = made.value;
    if (!(await tx.repo.insertDissent(dissent))) return refuse('already-dissented');
    const after = { ...state, dissents: [...state.dissents, dissent] };
    return done(after, { type: 'dissent.added', ...after, dissent, data: { organisationId: dissent.organisationId, text: dissent.text } });
  });
}

/** *Afslut*: the chair closes; with no objection the item is decided (R7), past its window as the window decides it. */
export function closeConclusionAction(deps: Deps, origin: Origin, conclusionId: string) {
  return run(deps, origin, { action: 'conclusion.close', again: current(conclusionId) }, async (tx) => {
    const state = await loadConclusion(tx.repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion');
    const allowed = closeConclusion(state.conclusion, state.objections, tx.now);
    if (!allowed.ok) return allowed;
    const decided = await decideIn(tx, state, allowed.value);
    if (!decided) return refuse('conclusion-closed');
    return done(decided.state, decided.events);
  });
}

/** The objection window's job: decided if still open and unopposed. Idempotent. */
export async function decideAtWindow(deps: Deps, board: Board, conclusionId: string): Promise<void> {
  await run(deps, { board, actor: 'system' }, { action: 'conclusion.close' }, async (tx) => {
    const state = await loadConclusion(tx.repo, conclusionId, { lock: true });
    if (!state || !decidedByWindow(state.conclusion, state.objections, tx.now)) return done(undefined);
    const decided = await decideIn(tx, state, 'window');
    return done(undefined, decided?.events ?? []);
  });
}

/** What *Saet til afstemning* did: the conclusion as it now stands, or, its item being taken, that decision (nothing changed). */
export interface ConclusionToVote extends ConclusionState {
  /** One decision per item (R7): the item's decision, or another decision under way on it; no vote opened. */
  readonly decided?: ItemTaken;
}

/** The conclusion, and, while it still waits for the chair after an objection, what now takes its item. */
const toVote = (id: string) => async (tx: Tx): Promise<Outcome<ConclusionToVote, 'unknown-conclusion'>> => {
  const state = await loadConclusion(tx.repo, id);
  if (!state) return refuse('unknown-conclusion');
  const decided = state.conclusion.status === 'objected' ? await decisionOrOpenOnItemOf(tx, state.conclusion.agendaItem) : undefined;
  return done(decided ? { ...state, decided } : state);
};

/**
 * R7: after an objection, one press by the chair opens a formal vote on the conclusion's text,
 * unless its item has been decided meanwhile (another conclusion on it decided, or a vote on
 * it closed) or another decision on it is under way: one decision per item.
 */
export function voteOnConclusion(deps: Deps, origin: Origin, conclusionId: string) {
  return run(deps, origin, { action: 'conclusion.vote', again: toVote(conclusionId) }, async (tx) => {
    const state = await loadConclusion(tx.repo, conclusionId, { lock: true });
    if (!state) return refuse('unknown-conclusion');
    const allowed = canVoteOnConclusion(state.conclusion);
    if (!allowed.ok) return allowed;
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const decided = await decisionOrOpenOnItemOf(tx, state.conclusion.agendaItem);
    if (decided) return done<ConclusionToVote>({ ...state, decided });
    // The conclusion moves on first: of two presses at once, only one opens a vote.
    const motionId = tx.newId();
    if (!(await tx.repo.updateConclusion(conclusionId, 'objected', { status: 'voted', motionId }))) return refuse('already-voting');
    const opened = await openVoteIn(tx, { id: motionId, text: state.conclusion.text, agendaItem: state.conclusion.agendaItem });
    if (!opened.ok) throw new Error(`could not open the vote on conclusion ${conclusionId}: ${opened.reason}`);
    const after = { ...state, conclusion: { ...state.conclusion, status: 'voted' as const, motionId } };
    return done<ConclusionToVote, ConclusionEvent | VotingEvent | ConclusionsLeftBehind>(after, opened.events as (VotingEvent | ConclusionsLeftBehind)[], { type: 'conclusion.to-vote', ...after, data: { motionId } });
  });
}

/**
 * R7: the day after a meeting, its conclusions still open until the chair closes them, and those
 * objected to and left so: the chair is reminded to close them, or to put them to a vote (else
 * the minutes show them undecided). Nothing when all are settled.
 */
async function remindOfOpenConclusions(deps: Deps, board: Board, meetingId: string, key: string): Promise<void> {
  await run(deps, { board, actor: 'system' }, { action: 'conclusion.close' }, async (tx) => {
    const meeting = await tx.repo.getMeeting(meetingId);
    if (!meeting || meeting.status !== 'planned') return done(undefined);
    // In agenda order, as the board reads them.
    const order = new Map((await loadAgenda(tx, meeting)).items.map((item) => [item.itemId, item.number]));
    const byItem = (c: Conclusion) => order.get(c.agendaItem.itemId ?? '') ?? Number.MAX_SAFE_INTEGER;
    const all = await tx.repo.listConclusions({ meetingId });
    const made = all.filter((c) => c.untilClosed).sort((a, b) => byItem(a) - byItem(b));
    const open = made.filter((c) => c.status === 'open');
    // An objected one whose item the chair has dealt with since (concluded anew, or put to a vote) is left out.
    const motions = await tx.repo.listMotions({ meetingId });
    // Only what still stands: a decision the chair reopened since (»genoptag«) leaves the item undecided again.
    const dealtWith = (c: Conclusion) =>
      all.some((later) => later.agendaItem.itemId === c.agendaItem.itemId && later.concludedAt.getTime() > c.concludedAt.getTime() && stands(later)) ||
      motions.some((m) => m.agendaItem?.itemId === c.agendaItem.itemId && m.openedAt.getTime() >= c.concludedAt.getTime() && stands(m));
    const objected = made.filter((c) => c.status === 'objected' && !dealtWith(c));
    if (open.length === 0 && objected.length === 0) return done(undefined);
    const data = { conclusions: open.map((c) => c.id), objected: objected.map((c) => c.id) };
    return done(undefined, { type: 'reminder.conclusions', meeting, conclusions: open, objected, key, data } satisfies ConclusionEvent);
  });
}

export const conclusionJobs = [
  /** R7: the objection window ends; unopposed, the item is decided. */
  defineJob({
    kind: CONCLUSION_WINDOW_JOB,
    payload: z.object({ conclusionId: z.string().min(1) }),
    run: async ({ deps, board }, { conclusionId }) => decideAtWindow(deps, board, conclusionId),
  }),
  /** R7: the day after a meeting, the chair is reminded of its conclusions still open. */
  defineJob({
    kind: JOB.openConclusions,
    payload: z.object({ meetingId: z.string().min(1) }),
    run: async ({ deps, board }, { meetingId }, job) => remindOfOpenConclusions(deps, board, meetingId, job.key),
  }),
];
