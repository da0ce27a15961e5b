/**
 * What still takes presses on its card, as its card shows it, read in a change's transaction:
 * a board moving to another channel posts those cards again there (teams/outbox/publisher.ts).
 * Each feature asks for its own; a removable feature keeps its part in its own file (tasks.ts).
 */
import { localIsoDate } from '../domain/kernel/calendar.js';
import { duringMeeting, type Meeting } from '../domain/meeting.js';
import type { Minutes } from '../domain/minutes.js';
import { gathersSupport } from '../domain/petition.js';
import type { AgendaView } from './agenda-view.js';
import { loadAgenda } from './agenda-view.js';
import { type AttendanceState, attendanceStateOf } from './attendance.js';
import { type ConclusionState, loadConclusion } from './conclusions.js';
import type { At, Contributions } from './contributions.js';
import { type PollState, loadPoll } from './dates.js';
import { latestOf } from './minutes.js';
import { type PetitionState, loadPetition } from './petitions.js';
import { type VoteState, loadVote } from './voting.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** R8: how long after a decision its card is kept for a dissent (the minutes of its meeting follow within weeks). */
export const DISSENT_DAYS = 30;

const since = (at: At, days: number) => new Date(at.now.getTime() - days * DAY_MS);
const loaded = <T>(states: readonly (T | undefined)[]): T[] => states.filter((s): s is T => s !== undefined);

/** R5: the votes still open; R8: and those closed in the last DISSENT_DAYS with a vote against (a member may add a dissent). */
export async function liveVotesAt(at: At): Promise<VoteState[]> {
  const motions = [...(await at.repo.listOpenMotions()), ...(await at.repo.listMotions({ closedFrom: since(at, DISSENT_DAYS) }))];
  const states = loaded(await Promise.all([...new Set(motions.map((m) => m.id))].map((id) => loadVote(at.repo, id))));
  return states.filter((s) => s.motion.closedAt === undefined || s.ballots.some((b) => b.choice === 'against'));
}

/** R7: conclusions not yet decided; R8: and those decided in the last DISSENT_DAYS (a member may add a dissent). */
export async function liveConclusionsAt(at: At): Promise<ConclusionState[]> {
  const from = since(at, DISSENT_DAYS).getTime();
  const live = (await at.repo.listConclusions()).filter((c) => c.status === 'open' || c.status === 'objected' || (c.decidedAt ?? c.concludedAt).getTime() >= from);
  return loaded(await Promise.all(live.map((c) => loadConclusion(at.repo, c.id))));
}

/** R10: this year's and next year's date polls not yet confirmed. */
export async function livePollsAt(at: At): Promise<PollState[]> {
  const year = Number(localIsoDate(at.now, at.board.timezone).slice(0, 4));
  const polls = [...(await at.repo.listDatePolls(year)), ...(await at.repo.listDatePolls(year + 1))].filter((poll) => !poll.confirmedAt);
  return loaded(await Promise.all(polls.map((poll) => loadPoll(at.repo, poll.id))));
}

/** R11: the petitions that have not yet reached a majority, nor had their meeting called, nor lapsed (members support them from their card). */
export async function livePetitionsAt(at: At): Promise<PetitionState[]> {
  const open = (await at.repo.listPetitions({ createdFrom: new Date(0) })).filter((petition) => !petition.majorityAt && !petition.lapsedAt);
  return (await Promise.all(open.map((petition) => loadPetition(at.repo, petition)))).filter((state) => gathersSupport(state.petition, state.meeting));
}

const plannedFrom = (at: At, days: number): Promise<Meeting[]> => at.repo.listMeetings({ status: 'planned', from: since(at, days) });

/** R16: the attendance of the meetings one may still join (ahead, or today). */
export async function liveAttendanceAt(at: At): Promise<AttendanceState[]> {
  const open = (await plannedFrom(at, 1)).filter((meeting) => duringMeeting(meeting, at.now, at.board.timezone) !== 'after');
  return Promise.all(open.map((meeting) => attendanceStateOf(at.repo, meeting)));
}

/** R12, R13: the agendas of the meetings ahead (a draft is sent from its card). */
export async function liveAgendasAt(at: At & { readonly contributions: Contributions }): Promise<AgendaView[]> {
  return Promise.all((await plannedFrom(at, 0)).map((meeting) => loadAgenda(at, meeting)));
}

/** R16: the newest minutes of each meeting held in the last `days` days, where not yet approved, with their meeting. */
export async function liveMinutesAt(at: At, days = 183): Promise<{ readonly minutes: Minutes; readonly meeting: Meeting }[]> {
  const held = await at.repo.listMeetings({ status: 'planned', from: since(at, days), to: at.now });
  const latest = await Promise.all(held.map(async (meeting) => ({ meeting, minutes: await latestOf(at.repo, meeting.id) })));
  return latest.filter((l): l is { meeting: Meeting; minutes: Minutes } => l.minutes !== undefined && !l.minutes.approvedAt);
}
