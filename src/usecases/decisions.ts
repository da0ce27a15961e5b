/**
 * One decision per agenda item (R7, R16): a conclusion decided or a vote closed on an item
 * decides it; a second one is refused, naming the first, unless the chair reopens the item
 * (`genoptag <punktnr>`), which the audit records. While a vote or a conclusion on an item
 * is still open, a second one is refused too, naming the open one: two open at once would
 * give the item two decisions.
 */
import { type Conclusion, type Dissent, type Objection, stands } from '../domain/conclusion.js';
import type { Board } from '../domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import { type AgendaItemRef, type Ballot, type Motion, type Tally, tally } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { loadAgenda } from './agenda.js';
import { minutesApprovedBy } from './minutes-approval.js';
import { approvalByDecision } from '../domain/minutes.js';
import type { Deps } from './deps.js';
import { type MeetingName, type MeetingNamedRefusal, meetingNamed } from './meetings.js';
import { refuse } from '../domain/kernel/result.js';
import { type Origin, type Outcome, type Reading, done, run } from './runner.js';

export type Decision =
  | { readonly kind: 'conclusion'; readonly conclusion: Conclusion }
  | { readonly kind: 'vote'; readonly motion: Motion; readonly tally: Tally };

/** Whether a decision's reference names this item (one made before agendas were stored names a standing item by key). */
export function refersTo(ref: Pick<AgendaItemRef, 'itemId' | 'standing'>, item: Pick<NumberedItem, 'itemId' | 'standing'>): boolean {
  return ref.itemId ? ref.itemId === item.itemId : ref.standing !== undefined && ref.standing === item.standing;
}

async function decisionsOn(repo: Repository, meetingId: string, item: NumberedItem): Promise<{ conclusions: Conclusion[]; motions: Motion[] }> {
  const [conclusions, motions] = await Promise.all([repo.listConclusions({ meetingId }), repo.listMotions({ meetingId })]);
  return {
    conclusions: conclusions.filter((c) => stands(c) && refersTo(c.agendaItem, item)),
    motions: motions.filter((m) => stands(m) && m.agendaItem !== undefined && refersTo(m.agendaItem, item)),
  };
}

/** A decision under way on an item: a vote not closed, or a conclusion still open for objections. */
export type OpenDecision = { readonly kind: 'conclusion'; readonly conclusion: Conclusion } | { readonly kind: 'vote'; readonly motion: Motion };

/** What an item has that stops a new vote or conclusion on it: a decision, or one under way. */
export type ItemTaken =
  | { readonly meeting: Meeting; readonly item: NumberedItem; readonly decision: Decision; readonly open?: undefined }
  | { readonly meeting: Meeting; readonly item: NumberedItem; readonly open: OpenDecision; readonly decision?: undefined };

/** The decision on the item, else the one under way on it, else nothing: the item is free for a new one. */
export async function decisionOrOpenOnItem(repo: Repository, meeting: Meeting, item: NumberedItem): Promise<ItemTaken | undefined> {
  // A new decision on one of the meeting's items waits for another under way (PostgreSQL: two
  // instances), then reads what that one wrote: two cannot both find the item free.
  await repo.getMeeting(meeting.id, { lock: true });
  const decision = await decisionOnItem(repo, meeting.id, item);
  if (decision) return { meeting, item, decision };
  const { conclusions, motions } = await decisionsOn(repo, meeting.id, item);
  const motion = motions.find((m) => m.closedAt === undefined);
  if (motion) return { meeting, item, open: { kind: 'vote', motion } };
  const conclusion = conclusions.find((c) => c.status === 'open');
  if (conclusion) return { meeting, item, open: { kind: 'conclusion', conclusion } };
  return undefined;
}

/**
 * The same for the item a vote or a conclusion names (its meeting and agenda read again):
 * what stops another decision on it, besides that vote or conclusion itself when it is not
 * open (an objected conclusion); nothing when the item is no longer on its meeting's agenda.
 */
export async function decisionOrOpenOnItemOf(read: Reading, ref: AgendaItemRef): Promise<ItemTaken | undefined> {
  const meeting = await read.repo.getMeeting(ref.meetingId);
  const item = meeting && (await loadAgenda(read, meeting)).items.find((i) => refersTo(ref, i));
  return meeting && item ? decisionOrOpenOnItem(read.repo, meeting, item) : undefined;
}

/** The decision that closes the item, if any: a decided conclusion, or a closed vote. */
export async function decisionOnItem(repo: Repository, meetingId: string, item: NumberedItem): Promise<Decision | undefined> {
  const { conclusions, motions } = await decisionsOn(repo, meetingId, item);
  const conclusion = conclusions.find((c) => c.status === 'decided');
  if (conclusion) return { kind: 'conclusion', conclusion };
  const motion = motions.find((m) => m.closedAt !== undefined);
  if (motion) return { kind: 'vote', motion, tally: tally(motion, await repo.listBallots(motion.id)) };
  return undefined;
}


export interface ReopenedItem {
  readonly meeting: Meeting;
  readonly item: NumberedItem;
  readonly decision: Decision;
}

/**
 * `genoptag`: the item's decisions reopened, each as its card shows it (R7, R18: a vote or a
 * conclusion whose card still said "Vedtaget" would read as standing).
 */
export interface ItemReopened {
  readonly type: 'agenda.item-reopened';
  readonly meeting: Meeting;
  readonly votes: readonly { readonly motion: Motion; readonly ballots: readonly Ballot[]; readonly dissents: readonly Dissent[] }[];
  readonly conclusions: readonly { readonly conclusion: Conclusion; readonly objections: readonly Objection[]; readonly dissents: readonly Dissent[]; readonly vote?: Tally }[];
  readonly data: unknown;
}

/** `genoptag [dato] <punktnr>` (chair): the item's decision no longer closes it; a new vote or conclusion may be made. */
export function reopenItem(deps: Deps, origin: Origin, input: MeetingName & { readonly number?: number }) {
  return run(deps, origin, { action: 'conclusion.make' }, async (tx): Promise<Outcome<ReopenedItem, MeetingNamedRefusal | 'bad-item-number' | 'unknown-item' | 'not-decided' | 'minutes-approved-item'>> => {
    if (input.number === undefined) return refuse('bad-item-number');
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const item = (await loadAgenda(tx, meeting)).items.find((i) => i.number === input.number);
    if (!item) return refuse('unknown-item');
    const decision = await decisionOnItem(tx.repo, meeting.id, item);
    if (!decision) return refuse('not-decided');
    // R16: the minutes the item approved never change (a correction is a new version).
    const approvedBy = approvalByDecision(item.standing, decision.kind === 'conclusion' ? { kind: 'consent' } : { kind: 'vote', motionId: decision.motion.id, adopted: decision.tally.adopted });
    const at = decision.kind === 'conclusion' ? decision.conclusion.decidedAt : decision.motion.closedAt;
    if (approvedBy && at && (await minutesApprovedBy(tx.repo, meeting, { approvedBy, at }))) return refuse('minutes-approved-item');
    const { conclusions, motions } = await decisionsOn(tx.repo, meeting.id, item);
    await tx.repo.reopenConclusions(conclusions.map((c) => c.id), tx.now);
    await tx.repo.reopenMotions(motions.map((m) => m.id), tx.now);
    const votes = [];
    for (const motion of motions) {
      votes.push({ motion: { ...motion, reopenedAt: motion.reopenedAt ?? tx.now }, ballots: await tx.repo.listBallots(motion.id), dissents: await tx.repo.listDissents({ motionId: motion.id }) });
    }
    const concluded = [];
    for (const conclusion of conclusions) {
      const onIt = conclusion.motionId ? votes.find((v) => v.motion.id === conclusion.motionId) : undefined;
      concluded.push({
        conclusion: { ...conclusion, reopenedAt: conclusion.reopenedAt ?? tx.now },
        objections: await tx.repo.listObjections(conclusion.id),
        dissents: await tx.repo.listDissents({ conclusionId: conclusion.id }),
        ...(onIt?.motion.closedAt ? { vote: tally(onIt.motion, onIt.ballots) } : {}),
      });
    }
    const reopened: ItemReopened = {
      type: 'agenda.item-reopened',
      meeting,
      votes,
      conclusions: concluded,
      data: { itemId: item.itemId, number: item.number, conclusions: conclusions.map((c) => c.id), motions: motions.map((m) => m.id) },
    };
    return done({ meeting, item, decision }, reopened);
  });
}
