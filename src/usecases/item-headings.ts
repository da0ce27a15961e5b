/**
 * How a vote or a conclusion names its item and meeting (PRODUCT §1.3): its number and title and
 * the meeting's date, with the meeting's time too while another meeting shares its day. The line
 * is stored with the vote or conclusion; when the meetings of a day change (`moede`, `flyt moede`,
 * `aflys moede`), the lines of that day's meetings are written again, and the cards that show
 * them are updated (ItemsRenamed).
 */
import { type Conclusion, type Dissent, type Objection, leftBehind, onSameItem } from '../domain/conclusion.js';
import { type Meeting, type NumberedItem, dayAround, sharesItsDay } from '../domain/meeting.js';
import { type AgendaItemRef, type Ballot, type Motion, type Tally, tally } from '../domain/voting.js';
import type { ReadOptions, Repository } from '../store/port.js';
import { loadAgenda } from './agenda-view.js';
import type { Deps } from './deps.js';
import type { Reading, Tx } from './runner.js';

/** A vote as its card shows it. */
export interface VoteState {
  readonly motion: Motion;
  readonly ballots: readonly Ballot[];
  /** R8: dissents, on a closed vote only. */
  readonly dissents: readonly Dissent[];
}

export async function loadVote(repo: Repository, motionId: string, read?: { lock: true }): Promise<VoteState | undefined> {
  const motion = await repo.getMotion(motionId, read);
  if (!motion) return undefined;
  const [ballots, dissents] = await Promise.all([repo.listBallots(motionId), repo.listDissents({ motionId })]);
  return { motion, ballots, dissents };
}

/** A conclusion as its card shows it. */
export interface ConclusionState {
  readonly conclusion: Conclusion;
  readonly objections: readonly Objection[];
  readonly dissents: readonly Dissent[];
  /** The formal vote on it, once closed: its outcome (R7). */
  readonly vote?: Tally;
  /** R7: objected, and the chair has since made another conclusion or opened a vote on its item: it goes to no vote. */
  readonly leftBehind?: true;
}

/** `lock`: for a change, first in its transaction (see ReadOptions). */
export async function loadConclusion(repo: Repository, id: string, read?: ReadOptions): Promise<ConclusionState | undefined> {
  const conclusion = await repo.getConclusion(id, read);
  if (!conclusion) return undefined;
  const [objections, dissents] = await Promise.all([repo.listObjections(id), repo.listDissents({ conclusionId: id })]);
  // R7: the formal vote on it, once closed, decided it: its card keeps saying so on every later update.
  const motion = conclusion.motionId ? await repo.getMotion(conclusion.motionId) : undefined;
  const vote = motion?.closedAt ? tally(motion, await repo.listBallots(motion.id)) : undefined;
  const behind = conclusion.status === 'objected' && (await isLeftBehind(repo, conclusion));
  return { conclusion, objections, dissents, ...(vote ? { vote } : {}), ...(behind ? { leftBehind: true as const } : {}) };
}

async function isLeftBehind(repo: Repository, conclusion: Conclusion): Promise<boolean> {
  const meetingId = conclusion.agendaItem.meetingId;
  const [conclusions, motions] = await Promise.all([repo.listConclusions({ meetingId }), repo.listMotions({ meetingId })]);
  return leftBehind(conclusion, conclusions, motions);
}

/**
 * R7: the chair made a conclusion or opened a vote on an item: the conclusions on it objected
 * before, which it leaves behind, as their cards now show them. A consequence of that change,
 * which is recorded: not recorded itself.
 */
export interface ConclusionsLeftBehind {
  readonly type: 'conclusion.left-behind';
  readonly conclusions: readonly ConclusionState[];
  readonly unrecorded: true;
}

/** The event for the objected conclusions on `item` other than `except` (none: no event), read after the change. */
export async function leftBehindOn(repo: Repository, item: AgendaItemRef, except?: string): Promise<ConclusionsLeftBehind[]> {
  const objected = (await repo.listConclusions({ meetingId: item.meetingId })).filter((c) => c.id !== except && c.status === 'objected' && onSameItem(item, c.agendaItem));
  const conclusions: ConclusionState[] = [];
  for (const c of objected) conclusions.push((await loadConclusion(repo, c.id))!);
  return conclusions.length ? [{ type: 'conclusion.left-behind', conclusions, unrecorded: true }] : [];
}

/**
 * How a vote or conclusion names its item: its row, its key if standing, and the line that names
 * it and its meeting (with the meeting's time when another meeting shares its day: PRODUCT §1.3).
 */
export async function itemRef(deps: Deps, read: Pick<Reading, 'repo' | 'board'>, meeting: Meeting, item: NumberedItem): Promise<AgendaItemRef> {
  const sharesDay = sharesItsDay(meeting, await read.repo.listMeetings({ status: 'planned', ...dayAround(meeting.startsAt) }), read.board.timezone);
  return { meetingId: meeting.id, itemId: item.itemId, ...(item.standing ? { standing: item.standing } : {}), heading: deps.texts.itemHeading(read.board, item, meeting, sharesDay) };
}

/**
 * The votes and conclusions whose item lines were written again: their cards, posted already
 * (a closed vote's, a decided conclusion's too), are updated to show them. A consequence of the
 * meeting's event, which is recorded: not recorded itself.
 */
export interface ItemsRenamed {
  readonly type: 'agenda.items-renamed';
  readonly votes: readonly VoteState[];
  readonly conclusions: readonly ConclusionState[];
  readonly unrecorded: true;
}

/**
 * The votes and conclusions on the items of the planned meetings of the days of `days` name their
 * meeting as it now stands (its time, and its time of day when another meeting shares its day);
 * none changed: no event.
 */
export async function renameItemsOn(deps: Deps, tx: Tx, days: readonly Date[]): Promise<ItemsRenamed[]> {
  const seen = new Set<string>();
  const votes: VoteState[] = [];
  const conclusions: ConclusionState[] = [];
  for (const day of days) {
    for (const meeting of await tx.repo.listMeetings({ status: 'planned', ...dayAround(day) })) {
      if (seen.has(meeting.id)) continue;
      seen.add(meeting.id);
      const renamed = await renameItemsIn(deps, tx, meeting);
      for (const id of renamed.motions) votes.push((await loadVote(tx.repo, id))!);
      for (const id of renamed.conclusions) conclusions.push((await loadConclusion(tx.repo, id))!);
    }
  }
  return votes.length || conclusions.length ? [{ type: 'agenda.items-renamed', votes, conclusions, unrecorded: true }] : [];
}

/** The votes and conclusions on a meeting's items named as it now stands; the ids of those whose line changed. */
async function renameItemsIn(deps: Deps, tx: Tx, meeting: Meeting): Promise<{ readonly motions: string[]; readonly conclusions: string[] }> {
  const renamed = { motions: [] as string[], conclusions: [] as string[] };
  const motions = await tx.repo.listMotions({ meetingId: meeting.id });
  const concluded = await tx.repo.listConclusions({ meetingId: meeting.id });
  if (motions.length === 0 && concluded.length === 0) return renamed;
  const items = new Map((await loadAgenda(tx, meeting)).items.map((i) => [i.itemId, i]));
  const headingOf = async (itemId: string | undefined) => {
    const item = itemId ? items.get(itemId) : undefined;
    return item ? (await itemRef(deps, tx, meeting, item)).heading : undefined;
  };
  for (const motion of motions) {
    const heading = await headingOf(motion.agendaItem?.itemId);
    if (!heading || heading === motion.agendaItem?.heading) continue;
    await tx.repo.setMotionItemHeading(motion.id, heading);
    renamed.motions.push(motion.id);
  }
  for (const conclusion of concluded) {
    const heading = await headingOf(conclusion.agendaItem.itemId);
    if (!heading || heading === conclusion.agendaItem.heading) continue;
    await tx.repo.setConclusionItemHeading(conclusion.id, heading);
    renamed.conclusions.push(conclusion.id);
  }
  return renamed;
}
