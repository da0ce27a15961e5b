/**
 * The record a meeting's minutes are drafted from (R16): its items with their conclusions and
 * votes, the votes of its day on no item, the votes taken since the previous meeting that no
 * meeting's record holds, and who took part.
 */
import { findPerson, isVotingMember, nameOfPerson } from '../domain/kernel/board.js';
import { type Meeting, dayAround, meetingOfMoment } from '../domain/meeting.js';
import type { Conclusion } from '../domain/conclusion.js';
import { type Attendee, type ConclusionRecord, type MinutesRecord, type Placed, type VoteRecord, betweenMeetingsFrom, recordMeetingOf } from '../domain/minutes.js';
import { type Motion, tally } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { loadAgenda } from './agenda.js';
import { gather } from './contributions.js';
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
  const zone = board.timezone;
  const view = await loadAgenda(read, meeting);
  const conclusions = await repo.listConclusions({ meetingId: meeting.id });
  const motions = await repo.listMotions({ meetingId: meeting.id });
  // R16: a vote on no item is in the record of the meeting under way when it was opened (meetingOfMoment).
  const day = dayAround(meeting.startsAt);
  const dayMeetings = await repo.listMeetings({ status: 'planned', ...day });
  const free = (await repo.listMotions({ openedFrom: day.from, openedTo: day.to })).filter((m) => !m.agendaItem && meetingOfMoment(dayMeetings, m.openedAt, zone)?.id === meeting.id);

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
  for (const motion of free) otherVotes.push(await voteRecord(repo, motion));
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
  const between = await takenSincePrevious(read, meeting);
  const votesBetween = [];
  for (const motion of between.motions) votesBetween.push(await voteRecord(repo, motion));
  const cancelledBetween = [];
  for (const cancelled of between.cancelled) {
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
 * conclusion (placedConclusion): its item's meeting, the meeting of the day it was made on, or,
 * taken between meetings, the first meeting after it (after a cancelled meeting's start).
 */
export async function recordMeetingIdOf(read: Pick<Reading, 'repo' | 'board'>, decision: Placed): Promise<string | undefined> {
  const { repo, board } = read;
  const itemMeeting = decision.agendaItem ? await repo.getMeeting(decision.agendaItem.meetingId) : undefined;
  if (decision.agendaItem && itemMeeting?.status !== 'cancelled') return decision.agendaItem.meetingId;
  // The planned meetings from the day it was made on (that day's, and those after it), or after the cancelled meeting's start.
  const planned = await repo.listMeetings({ status: 'planned', from: itemMeeting ? itemMeeting.startsAt : dayAround(decision.openedAt).from });
  return recordMeetingOf(decision, itemMeeting, planned, board.timezone);
}

/**
 * R16: what `meeting`'s minutes report as taken between meetings (betweenMeetingsFrom): the
 * votes on no item opened since the previous planned meeting began on days without a meeting,
 * and the meetings cancelled whose start lies in that span (the decisions on their items).
 */
async function takenSincePrevious(read: Reading, meeting: Meeting): Promise<{ motions: Motion[]; cancelled: Meeting[] }> {
  const { repo, board } = read;
  const earlier = (await repo.listMeetings({ status: 'planned', to: meeting.startsAt })).filter((m) => m.id !== meeting.id);
  const previous = earlier[earlier.length - 1];
  const span = { ...(previous ? { from: previous.startsAt } : {}), to: meeting.startsAt };
  const cancelled = await repo.listMeetings({ status: 'cancelled', ...span });
  const opened = (await repo.listMotions({ ...(previous ? { openedFrom: previous.startsAt } : {}), openedTo: meeting.startsAt })).filter((m) => !m.agendaItem);
  if (opened.length === 0) return { motions: [], cancelled };
  const planned = await repo.listMeetings({ status: 'planned', ...(previous ? { from: dayAround(previous.startsAt).from } : {}), to: dayAround(meeting.startsAt).to });
  const motions = opened.filter((m) => betweenMeetingsFrom(m, undefined, planned, board.timezone) !== undefined && recordMeetingOf(m, undefined, planned, board.timezone) === meeting.id);
  return { motions, cancelled };
}
