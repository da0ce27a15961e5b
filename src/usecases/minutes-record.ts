/**
 * The record a meeting's minutes are drafted from (R16): its items with their conclusions and
 * votes, the votes of its day on no item, the votes taken since the previous meeting that no
 * meeting's record holds, and who took part.
 */
import { findPerson, isVotingMember, nameOfPerson } from '../domain/kernel/board.js';
import { type Meeting, dayAround, hasBegun, meetingOfMoment, meetingsOnDay } from '../domain/meeting.js';
import { localDateOf } from '../domain/kernel/calendar.js';
import type { Conclusion } from '../domain/conclusion.js';
import { type Attendee, type ConclusionRecord, type MinutesRecord, type Placed, type VoteRecord, madeOnNoItemIn, recordMeetingOf } from '../domain/minutes.js';
import { type Motion, tally } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { loadAgenda } from './agenda-view.js';
import { type ChangeAt, gather } from './contributions.js';
import type { Reading } from './runner.js';

async function conclusionRecord(repo: Repository, conclusion: Conclusion): Promise<ConclusionRecord> {
  const [objections, dissents] = await Promise.all([repo.listObjections(conclusion.id), repo.listDissents({ conclusionId: conclusion.id })]);
  return { conclusion, objections, dissents };
}

async function voteRecord(repo: Repository, motion: Motion): Promise<VoteRecord> {
  const [ballots, dissents] = await Promise.all([repo.listBallots(motion.id), repo.listDissents({ motionId: motion.id })]);
  return { motion, ballots, tally: tally(motion, ballots), dissents };
}

/** The record of a meeting: its items with conclusions, votes and dissents, and who took part. */
export async function minutesRecord(read: Reading, meeting: Meeting): Promise<MinutesRecord> {
  const { board, repo } = read;
  const view = await loadAgenda(read, meeting);
  const conclusions = await repo.listConclusions({ meetingId: meeting.id });
  const motions = await repo.listMotions({ meetingId: meeting.id });
  // R16: a vote on no item is in the record of the meeting it was stored with when opened, or, opened between meetings, of the next (onNoItemFor).
  const onNoItem = await votesOnNoItemFor(read, meeting);

  const items = [];
  for (const item of view.items) {
    // A decision names its item's row; one made before agendas were stored names a standing item by key.
    const matches = (ref: { itemId?: string; standing?: string }) => (ref.itemId ? ref.itemId === item.itemId : ref.standing !== undefined && ref.standing === item.standing);
    const itemConclusions = [];
    for (const conclusion of conclusions.filter((c) => matches(c.agendaItem))) itemConclusions.push(await conclusionRecord(repo, conclusion));
    const itemVotes = [];
    for (const motion of motions.filter((m) => m.agendaItem && matches(m.agendaItem))) itemVotes.push(await voteRecord(repo, motion));
    items.push({ item, conclusions: itemConclusions, votes: itemVotes });
  }
  const otherVotes = [];
  for (const motion of onNoItem.at) otherVotes.push(await voteRecord(repo, motion));
  // R16: attendance is what the attendance card and the secretary recorded, never guessed from who acted.
  const added = await repo.listAttendees(meeting.id);
  const present = new Set(added.flatMap((a) => (a.personId ? [a.personId] : [])));
  // Someone who has left the board since (Board.formerPeople) is still named among those present;
  // one the bot never knew by name, by the name the attendance was recorded under.
  const former = added.filter((a) => a.personId && !findPerson(board, a.personId));
  const people = [...board.people.filter((p) => present.has(p.id)).map((p) => p.id), ...former.flatMap((a) => (nameOfPerson(board, a.personId!) ? [a.personId!] : []))];
  // Each attendee's organisation as recorded (R16: also after they left the board), else as the board file has it now.
  const organisationOf = (a: Attendee) => a.organisationId ?? (a.personId ? board.people.find((p) => p.id === a.personId && isVotingMember(p))?.organisationId : undefined);
  const presentOrganisations = new Set(added.flatMap((a) => organisationOf(a) ?? []));
  const organisations = board.organisations.map((o) => o.id).filter((id) => presentOrganisations.has(id));
  const sections = await gather(read.contributions.minutesSections, read, meeting);
  const others = added.filter((a) => !a.personId || (!findPerson(board, a.personId) && !nameOfPerson(board, a.personId))).map((a) => a.name);
  // Apologies of those not recorded as present (one recorded came after all).
  const apologies = (await repo.listApologies(meeting.id)).filter((a) => !present.has(a.personId)).map((a) => ({ personId: a.personId, ...(a.organisationId ? { organisationId: a.organisationId } : {}) }));
  const votesBetween = [];
  for (const motion of onNoItem.between) votesBetween.push(await voteRecord(repo, motion));
  const cancelledBetween = [];
  for (const cancelled of await cancelledSincePrevious(read, meeting)) {
    const votes = [];
    for (const motion of await repo.listMotions({ meetingId: cancelled.id })) votes.push(await voteRecord(repo, motion));
    const conclusions = [];
    for (const conclusion of await repo.listConclusions({ meetingId: cancelled.id })) conclusions.push(await conclusionRecord(repo, conclusion));
    if (votes.length || conclusions.length) cancelledBetween.push({ meeting: cancelled, conclusions, votes });
  }
  return {
    meeting,
    organisations,
    people,
    otherAttendees: others,
    ...(apologies.length ? { apologies } : {}),
    items,
    otherVotes,
    ...(votesBetween.length ? { votesBetween } : {}),
    ...(cancelledBetween.length ? { cancelledBetween } : {}),
    sections,
  };
}


/** A conclusion as the record places it (recordMeetingOf): on its item, when it was concluded. */
export const placedConclusion = (conclusion: Pick<Conclusion, 'agendaItem' | 'concludedAt'>): Placed => ({ agendaItem: conclusion.agendaItem, openedAt: conclusion.concludedAt });

/**
 * R16: the id of the meeting whose minutes record a decision (recordMeetingOf): a vote, or a
 * conclusion (placedConclusion): its item's meeting, the meeting it was stored with when made, or,
 * taken between meetings, the first meeting after it (after a cancelled meeting's start).
 */
export async function recordMeetingIdOf(read: Pick<Reading, 'repo'>, decision: Placed): Promise<string | undefined> {
  const { repo } = read;
  const itemMeeting = decision.agendaItem ? await repo.getMeeting(decision.agendaItem.meetingId) : undefined;
  if (decision.agendaItem && itemMeeting?.status !== 'cancelled') return decision.agendaItem.meetingId;
  // The planned meetings from the day it was made on (that day's, and those after it), or after the cancelled meeting's start.
  const planned = await repo.listMeetings({ status: 'planned', from: itemMeeting ? itemMeeting.startsAt : dayAround(decision.openedAt).from });
  return recordMeetingOf(decision, itemMeeting, planned);
}

/** The planned meeting before `meeting` (by start), if any. */
async function previousMeeting(repo: Repository, meeting: Meeting): Promise<Meeting | undefined> {
  return (await repo.listMeetings({ status: 'planned', to: meeting.startsAt })).filter((m) => m.id !== meeting.id).at(-1);
}

/**
 * R16: what `meeting`'s minutes hold of what was made on no item (madeOnNoItemIn: a vote on no
 * item, a task), made at it (stored with it) or between meetings; the one reading of it for every
 * such thing. `list` reads what was made in the span where it may lie: from the previous planned
 * meeting's start (or from `meeting`'s own day, when that is earlier) to the end of `meeting`'s day.
 */
export async function onNoItemFor<T>(
  read: Pick<Reading, 'repo'>,
  meeting: Meeting,
  list: (span: { readonly from?: Date; readonly to: Date }) => Promise<readonly T[]>,
  placed: (t: T) => Placed,
): Promise<{ readonly at: T[]; readonly between: T[] }> {
  const { repo } = read;
  const day = dayAround(meeting.startsAt);
  const previous = await previousMeeting(repo, meeting);
  const from = previous ? new Date(Math.min(previous.startsAt.getTime(), day.from.getTime())) : undefined;
  // The planned meetings from the day of the earliest made to the day of the last (those it may be stored with).
  const [made, planned] = await Promise.all([
    list({ ...(from ? { from } : {}), to: day.to }),
    repo.listMeetings({ status: 'planned', ...(from ? { from: dayAround(from).from } : {}), to: dayAround(day.to).to }),
  ]);
  return madeOnNoItemIn(meeting, made, placed, planned);
}

/** R16: the votes on no item `meeting`'s minutes hold (onNoItemFor): opened at it, and opened between meetings. */
export function votesOnNoItemFor(read: Pick<Reading, 'repo'>, meeting: Meeting): Promise<{ readonly at: Motion[]; readonly between: Motion[] }> {
  const list = async (span: { readonly from?: Date; readonly to: Date }) =>
    (await read.repo.listMotions({ ...(span.from ? { openedFrom: span.from } : {}), openedTo: span.to })).filter((m) => !m.agendaItem);
  return onNoItemFor(read, meeting, list, (m) => m);
}

/**
 * R16: the meeting what is made on no item now (a vote, a task) is stored with: the one under way
 * (meetingOfMoment), or none (made between meetings). It is read with a shared lock, as the
 * attendance's meeting is (joinMeeting, addAttendee): a cancellation under way (cancelMeeting locks
 * the meeting) is waited for, and the day's meetings read again; one that comes after finds what is
 * made here in the meeting's record (after its start, it is refused: mayCancel).
 */
export async function meetingToPlaceIn(tx: Pick<Reading, 'repo' | 'now' | 'board'>): Promise<string | undefined> {
  const cancelled = new Set<string>();
  for (;;) {
    const planned = (await tx.repo.listMeetings({ status: 'planned', ...dayAround(tx.now) })).filter((m) => !cancelled.has(m.id));
    const found = meetingOfMoment(planned, tx.now, tx.board.timezone);
    if (!found) return undefined;
    const locked = await tx.repo.getMeeting(found.id, { lock: 'shared' });
    if (locked?.status !== 'planned') cancelled.add(found.id);
    // Moved meanwhile (another time that day): the day's meetings are read again, this one now held as it stands.
    else if (locked.startsAt.getTime() === found.startsAt.getTime()) return locked.id;
  }
}

/**
 * R16, a meeting cancelled (in the cancellation's transaction, after it): what was stored as made
 * at it on no item, the votes and what the features store (the tasks: Contributions.placeAnew), is
 * stored with the day's meeting under way when it was made, of those that remain (meetingOfMoment;
 * before them all, the first), or as made between meetings. Stored, it stays there.
 */
export async function placeAnewAfterCancel(tx: ChangeAt, cancelled: Meeting): Promise<void> {
  const planned = (await tx.repo.listMeetings({ status: 'planned', ...dayAround(cancelled.startsAt) })).filter((m) => m.id !== cancelled.id);
  const place = (madeAt: Date) => meetingOfMoment(planned, madeAt, tx.board.timezone)?.id;
  for (const motion of await tx.repo.listMotionsPlacedAt(cancelled.id)) await tx.repo.placeMotion(motion.id, place(motion.openedAt));
  for (const anew of tx.contributions.placeAnew) await anew(tx, cancelled, place);
}

/** What `meeting`'s minutes hold of what is placed by when it was made (onNoItemFor: votes on no item, and the features' sections: the tasks), as one text to compare. */
async function placedByMoment(read: Reading, meeting: Meeting): Promise<string> {
  const votes = await votesOnNoItemFor(read, meeting);
  const sections = await gather(read.contributions.minutesSections, read, meeting);
  return JSON.stringify([votes.at.map((m) => m.id), votes.between.map((m) => m.id), sections]);
}

/**
 * R16: a meeting of a day cancelled, what was stored as made at it on no item (a vote, a task) is
 * stored with another meeting of the day (placeAnewAfterCancel), and so moves to other minutes. Read
 * before the change: the meetings of the days of `days` begun by now that have minutes, with what
 * those hold of it; `changed()`, read after it, names the meetings whose minutes it changed
 * (redraftAfter brings them in line, or marks a corrected draft behind the record). A meeting planned
 * or moved moves nothing: what was made on no item keeps the meeting stored when it was made.
 */
export async function placedByMomentOn(read: Reading, days: readonly Date[]): Promise<{ changed(): Promise<string[]> }> {
  const zone = read.board.timezone;
  const before = new Map<string, string>();
  for (const day of days) {
    const planned = await read.repo.listMeetings({ status: 'planned', ...dayAround(day) });
    for (const meeting of meetingsOnDay(planned, localDateOf(day, zone), zone)) {
      if (before.has(meeting.id) || !hasBegun(meeting, read.now) || (await read.repo.listMinutes(meeting.id)).length === 0) continue;
      before.set(meeting.id, await placedByMoment(read, meeting));
    }
  }
  return {
    async changed() {
      const out: string[] = [];
      for (const [id, was] of before) {
        const meeting = await read.repo.getMeeting(id);
        if (meeting?.status === 'planned' && (await placedByMoment(read, meeting)) !== was) out.push(id);
      }
      return out;
    },
  };
}

/**
 * R16: the meetings cancelled whose start lies since the previous planned meeting began: `meeting`'s
 * minutes report the decisions on their items (betweenMeetingsFrom).
 */
async function cancelledSincePrevious(read: Reading, meeting: Meeting): Promise<Meeting[]> {
  const previous = await previousMeeting(read.repo, meeting);
  return read.repo.listMeetings({ status: 'cancelled', ...(previous ? { from: previous.startsAt } : {}), to: meeting.startsAt });
}
