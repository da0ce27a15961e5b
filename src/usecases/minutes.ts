/** Minutes (R16) and the progress summary (R18), from the record. */
import { type Person, isChair, isSecretary, isVotingMember, findPerson } from '../domain/kernel/board.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import type { Meeting } from '../domain/meeting.js';
import { type Attendee, type Minutes, type MinutesRecord, type VoteRecord, approvableFrom, canEditMinutes } from '../domain/minutes.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { type Motion, tally } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { type Deps, type LegacyOrigin as Origin, audit, firstDelivery } from './deps.js';
import { loadAgenda } from './meetings.js';

async function voteRecord(repo: Repository, motion: Motion): Promise<VoteRecord> {
  const [ballots, dissents] = await Promise.all([repo.listBallots(motion.id), repo.listDissents({ motionId: motion.id })]);
  return { motion, ballots, tally: tally(motion, ballots), dissents };
}

const sameLocalDay = (a: Date, b: Date, zone: string) => localIsoDate(a, zone) === localIsoDate(b, zone);

/** The record of a meeting: its items with conclusions, votes and dissents, and who took part. */
export async function minutesRecord(deps: Deps, repo: Repository, meeting: Meeting): Promise<MinutesRecord> {
  const { board } = deps;
  const zone = board.timezone;
  const view = await loadAgenda(board, repo, meeting);
  const conclusions = await repo.listConclusions({ meetingId: meeting.id });
  const motions = await repo.listMotions({ meetingId: meeting.id });
  const dayStart = new Date(meeting.startsAt.getTime() - 24 * 3_600_000);
  const dayEnd = new Date(meeting.startsAt.getTime() + 24 * 3_600_000);
  const free = (await repo.listMotions({ openedFrom: dayStart, openedTo: dayEnd })).filter((m) => !m.agendaItem && sameLocalDay(m.openedAt, meeting.startsAt, zone));

  const acted = new Set<string>();
  const items = [];
  for (const item of view.items) {
    const matches = (ref: { itemId?: string; standing?: string }) => (item.itemId ? ref.itemId === item.itemId : ref.standing === item.standing && !ref.itemId);
    const itemConclusions = [];
    for (const conclusion of conclusions.filter((c) => matches(c.agendaItem))) {
      const [objections, dissents] = await Promise.all([repo.listObjections(conclusion.id), repo.listDissents({ conclusionId: conclusion.id })]);
      acted.add(conclusion.concludedBy);
      for (const o of objections) acted.add(o.personId);
      for (const d of dissents) acted.add(d.personId);
      itemConclusions.push({ conclusion, objections, dissents });
    }
    const itemVotes = [];
    for (const motion of motions.filter((m) => m.agendaItem && matches(m.agendaItem))) itemVotes.push(await voteRecord(repo, motion));
    items.push({ item, conclusions: itemConclusions, votes: itemVotes });
  }
  const otherVotes = [];
  for (const motion of free) otherVotes.push(await voteRecord(repo, motion));
  for (const vote of [...items.flatMap((i) => i.votes), ...otherVotes]) {
    acted.add(vote.motion.openedBy);
    for (const b of vote.ballots) acted.add(b.castBy);
    for (const d of vote.dissents) acted.add(d.personId);
  }
  const added = await repo.listAttendees(meeting.id);
  for (const a of added) if (a.personId) acted.add(a.personId);
  const people = board.people.filter((p) => acted.has(p.id)).map((p) => p.id);
  const organisations = board.organisations
    .map((o) => o.id)
    .filter((id) => board.people.some((p) => acted.has(p.id) && isVotingMember(p) && p.organisationId === id));
  return { meeting, organisations, people, otherAttendees: added.filter((a) => !a.personId).map((a) => a.name), items, otherVotes };
}

/** The last meeting that has begun (today's included): the one `referat` is about by default. */
export async function lastHeldMeeting(deps: Deps): Promise<Meeting | undefined> {
  const now = deps.clock();
  const held = (await deps.store.listMeetings({ status: 'planned', to: new Date(now.getTime() + 1) })).filter((m) => m.startsAt.getTime() <= now.getTime());
  return held[held.length - 1];
}

/** New minutes: the first version, or a correction linked to the approved `previous`. */
function newMinutes(deps: Deps, secretary: Person, meetingId: string, text: string, now: Date, previous?: Minutes): Minutes {
  return {
    id: deps.newId(),
    meetingId,
    version: previous ? previous.version + 1 : 1,
    ...(previous ? { correctsId: previous.id } : {}),
    text,
    draftedBy: secretary.id,
    draftedAt: now,
    updatedAt: now,
  };
}

export interface MinutesState {
  readonly minutes: Minutes;
  readonly meeting: Meeting;
  /** True when this call created them. */
  readonly created: boolean;
}

export type MinutesRefusal = 'not-secretary' | 'unknown-meeting' | 'meeting-not-held' | 'empty-minutes' | 'no-minutes' | 'not-bound';

/**
 * `referat [dato]` (secretary): drafts the minutes of a held meeting from the record, or,
 * when they exist, posts them again as they stand (a draft is never overwritten: the
 * secretary's corrections are kept).
 */
export async function draftMinutes(
  deps: Deps,
  secretary: Person,
  meetingId: string,
  render: (record: MinutesRecord) => string,
  origin: Origin,
): Promise<Result<MinutesState, MinutesRefusal>> {
  if (!isSecretary(secretary)) return refuse('not-secretary');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    const meeting = await repo.getMeeting(meetingId);
    if (!meeting) return refuse('unknown-meeting' as const);
    if (meeting.startsAt.getTime() > now.getTime()) return refuse('meeting-not-held' as const);
    const existing = await repo.listMinutes(meeting.id);
    const latest = existing[existing.length - 1];
    const fresh = await firstDelivery(repo, origin, now);
    if (latest) return ok({ minutes: latest, meeting, created: false });
    if (!fresh) return refuse('no-minutes' as const);
    const minutes = newMinutes(deps, secretary, meeting.id, render(await minutesRecord(deps, repo, meeting)), now);
    await repo.insertMinutes(minutes);
    await audit(repo, { at: now, actor: secretary.id, action: 'minutes.drafted', subject: `minutes:${minutes.id}`, data: { meetingId: meeting.id } }, origin);
    await deps.publisher.publishOne(repo, { type: 'minutes.posted', minutesId: minutes.id });
    return ok({ minutes, meeting, created: true });
  });
}

/**
 * `ret referat <tekst>` (secretary): replaces the draft's text. Approved minutes never
 * change: a correction after approval is a new version linked to them, to be approved in turn.
 */
export async function correctMinutes(
  deps: Deps,
  secretary: Person,
  meetingId: string,
  text: string,
  origin: Origin,
): Promise<Result<MinutesState | undefined, MinutesRefusal>> {
  if (!isSecretary(secretary)) return refuse('not-secretary');
  const clean = text.trim();
  if (!clean) return refuse('empty-minutes');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const meeting = await repo.getMeeting(meetingId);
    if (!meeting) return refuse('unknown-meeting' as const);
    const versions = await repo.listMinutes(meeting.id);
    const listed = versions[versions.length - 1];
    // Locked: an approval at the same instant is either before this (then this is a new version) or after it.
    const latest = listed && (await repo.getMinutes(listed.id, { lock: true }));
    if (!latest) return refuse('no-minutes' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    if (canEditMinutes(latest) && (await repo.updateMinutesText(latest.id, clean, now))) {
      await audit(repo, { at: now, actor: secretary.id, action: 'minutes.corrected', subject: `minutes:${latest.id}`, data: { text: clean } }, origin);
      await deps.publisher.publishOne(repo, { type: 'minutes.updated', minutesId: latest.id });
      return ok({ minutes: (await repo.getMinutes(latest.id))!, meeting, created: false });
    }
    const correction = newMinutes(deps, secretary, meeting.id, clean, now, latest);
    await repo.insertMinutes(correction);
    await audit(repo, { at: now, actor: secretary.id, action: 'minutes.correction', subject: `minutes:${correction.id}`, data: { corrects: latest.id } }, origin);
    await deps.publisher.publishOne(repo, { type: 'minutes.posted', minutesId: correction.id });
    return ok({ minutes: correction, meeting, created: true });
  });
}

export type ApproveRefusal = 'not-chair' | 'unknown-minutes' | 'minutes-approved' | 'objection-window-open';

/** `minutes.approve` (chair), once the objection window since the last change has ended. */
export async function approveMinutesAction(
  deps: Deps,
  chair: Person,
  minutesId: string,
  origin: Origin,
): Promise<Result<{ minutes: Minutes; approvableFrom?: Date }, ApproveRefusal>> {
  if (!isChair(chair)) return refuse('not-chair');
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    // Locked first: a correction made at the same instant restarts the window before this reads it.
    const minutes = await repo.getMinutes(minutesId, { lock: true });
    if (!minutes) return refuse('unknown-minutes' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok({ minutes });
    if (!canEditMinutes(minutes)) return refuse('minutes-approved' as const);
    const from = approvableFrom(minutes, deps.board.policies.objectionHours);
    if (now.getTime() < from.getTime()) return refuse('objection-window-open' as const);
    if (!(await repo.approveMinutes(minutes.id, now, chair.id))) return refuse('minutes-approved' as const);
    await audit(repo, { at: now, actor: chair.id, action: 'minutes.approved', subject: `minutes:${minutes.id}`, data: { by: 'chair' } }, origin);
    await deps.publisher.publishOne(repo, { type: 'minutes.approved', minutesId: minutes.id });
    return ok({ minutes: (await repo.getMinutes(minutes.id))! });
  });
}

/**
 * R16: the standing item "approval of the minutes" decided by consent at a meeting
 * approves the latest unapproved minutes of the meeting before it.
 */
export async function approveMinutesByConsent(deps: Deps, repo: Repository, meetingId: string, origin: Origin): Promise<void> {
  const meeting = await repo.getMeeting(meetingId);
  if (!meeting) return;
  const before = (await repo.listMeetings({ status: 'planned', to: meeting.startsAt })).filter((m) => m.id !== meeting.id);
  const previous = before[before.length - 1];
  if (!previous) return;
  const versions = await repo.listMinutes(previous.id);
  const listed = versions[versions.length - 1];
  const latest = listed && (await repo.getMinutes(listed.id, { lock: true }));
  if (!latest || !canEditMinutes(latest)) return;
  const now = deps.clock();
  if (!(await repo.approveMinutes(latest.id, now, 'consent'))) return;
  await audit(repo, { at: now, actor: 'system', action: 'minutes.approved', subject: `minutes:${latest.id}`, data: { by: 'consent', meetingId } }, origin);
  await deps.publisher.publishOne(repo, { type: 'minutes.approved', minutesId: latest.id });
}

/** `deltager <navn>` (secretary): adds someone to a held meeting's attendance. */
export async function addAttendee(
  deps: Deps,
  secretary: Person,
  meetingId: string,
  name: string,
  origin: Origin,
): Promise<Result<Attendee | undefined, 'not-secretary' | 'empty-name' | 'unknown-meeting' | 'already-attending'>> {
  if (!isSecretary(secretary)) return refuse('not-secretary');
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) return refuse('empty-name');
  const now = deps.clock();
  const person = deps.board.people.find((p) => p.name.toLowerCase() === clean.toLowerCase());
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getMeeting(meetingId))) return refuse('unknown-meeting' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    const attendee: Attendee = { meetingId, name: person?.name ?? clean, ...(person ? { personId: person.id } : {}), addedBy: secretary.id, addedAt: now };
    if (!(await repo.addAttendee(attendee))) return refuse('already-attending' as const);
    await audit(repo, { at: now, actor: secretary.id, action: 'minutes.attendee-added', subject: `meeting:${meetingId}`, data: { name: attendee.name } }, origin);
    return ok(attendee);
  });
}

export const personName = (deps: Deps, id: string) => findPerson(deps.board, id)?.name ?? id;

/** R18: the decisions of a period, for the political level. */
export interface ProgressReport {
  readonly from: Date;
  readonly to: Date;
  readonly votes: readonly VoteRecord[];
  readonly conclusions: readonly Awaited<ReturnType<Repository['listConclusions']>>[number][];
  readonly meetings: readonly Meeting[];
}

export async function progressReport(deps: Deps, from: Date, to: Date): Promise<ProgressReport> {
  const repo = deps.store;
  const now = deps.clock();
  const motions = (await repo.listMotions({ openedFrom: from, openedTo: to })).filter((m) => m.closedAt !== undefined);
  const votes = [];
  for (const m of motions) votes.push(await voteRecord(repo, m));
  const conclusions = (await repo.listConclusions({ from, to })).filter((c) => c.status === 'decided');
  const meetings = (await repo.listMeetings({ from, to, status: 'planned' })).filter((m) => m.startsAt.getTime() <= now.getTime());
  return { from, to, votes, conclusions, meetings };
}
