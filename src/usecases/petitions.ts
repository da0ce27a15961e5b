/** R11: a majority of the members can demand an extraordinary meeting. */
import { z } from 'zod';
import type { Board } from '../domain/kernel/board.js';
import { refuse } from '../domain/kernel/result.js';
import type { Meeting } from '../domain/meeting.js';
import {
  PETITION_REPEAT_DAYS,
  type Petition,
  type PetitionSupport,
  answersPetition,
  calledMeeting,
  gathersSupport,
  halfYearOut,
  isCalledOnSubject,
  lapsesAt,
  lapsesNow,
  nextAnsweringMeeting,
  openPetition,
  petitionHasMajority,
  petitionReminderUntil,
  petitionRemindersAt,
  repeatsDemandedPetition,
  repeatsOpenPetition,
  subjectAnswers,
  supportPetition,
} from '../domain/petition.js';
import type { Repository } from '../store/port.js';
import type { At, ChangeAt } from './contributions.js';
import type { Deps } from './deps.js';
import type { BoardEvent } from './event.js';
import { defineJob } from './jobs.js';
import type { MeetingEvent } from './meetings.js';
import { type Origin, type Outcome, type Reading, type Tx, ask, done, personOf, run } from './runner.js';

export interface PetitionState {
  readonly petition: Petition;
  readonly supports: readonly PetitionSupport[];
  /** The extraordinary meeting called on its subject, as it now stands (moved, or cancelled). */
  readonly meeting?: Meeting;
}

/** R11: the job that lapses a petition at the end of its half year (lapsesAt), if it has not got its majority nor its meeting by then. */
export const PETITION_LAPSE_JOB = 'petition.lapse';
export const petitionLapseJobKey = (petitionId: string) => `petition:${petitionId}:lapse`;
/** R11: the job that reminds the chair and the secretary of a demanded meeting not called (petition-reminders.ts), one per petition, planned anew for each moment. */
export const PETITION_REMINDER_JOB = 'petition.reminder';
export const petitionReminderJobKey = (petitionId: string) => `petition:${petitionId}:reminder`;

/** R11: plans the petition's reminder job for the moment `at` (its payload names the moment: the key of what it posts). */
export const planPetitionReminder = (repo: Repository, petitionId: string, at: Date) =>
  repo.scheduleJob({ key: petitionReminderJobKey(petitionId), kind: PETITION_REMINDER_JOB, dueAt: at, payload: { petitionId, at: at.toISOString() } });

/**
 * R11: the petition answered at `at.now` (a meeting called on its subject): its reminders not sent yet (held
 * up by an outage of Teams, or queued before a stop) end then (petitionReminderUntil), and the outbox drops
 * them, each said in a line of the log, instead of asking for a meeting called already.
 */
const endRemindersOfAnswered = (at: At, petition: Petition): Promise<void> =>
  at.repo.endReminders(petitionReminderJobKey(petition.id), petitionReminderUntil(petition, at.now));

/** R11: the job that lapses `petition` at the end of its half year. */
const scheduleLapse = (at: At, petition: Petition): Promise<void> =>
  at.repo.scheduleJob({ key: petitionLapseJobKey(petition.id), kind: PETITION_LAPSE_JOB, dueAt: lapsesAt(petition), payload: { petitionId: petition.id } });

export type PetitionEvent =
  | ({ readonly type: 'petition.opened'; readonly data: unknown } & PetitionState)
  | ({ readonly type: 'petition.supported'; readonly data: unknown } & PetitionState)
  | ({ readonly type: 'petition.majority'; readonly actor: 'system'; readonly data: unknown } & PetitionState)
  /** The chair or secretary called the extraordinary meeting on its subject: it is answered. */
  | ({ readonly type: 'petition.answered'; readonly data: unknown } & PetitionState)
  /** The meeting called on it was moved or cancelled (the meeting's own change is audited): its card follows. */
  | ({ readonly type: 'petition.meeting-changed'; readonly unrecorded: true } & PetitionState)
  /**
   * R11: its meeting demanded and not called, PETITION_REMINDER_DAYS after the majority and every PETITION_REMINDER_DAYS: the chair and the secretary are reminded (`key`: the moment's, once each).
   * `until`: its moment (petitionReminderUntil: the end of the half year), brought forward when the meeting is called before it is sent.
   */
  | ({ readonly type: 'petition.reminder'; readonly actor: 'system'; readonly key: string; readonly until: Date; readonly data: unknown } & PetitionState)
  /** R11: half a year after it was asked, without a majority and without a meeting called on it: it takes no more support (lapseIn). */
  | ({ readonly type: 'petition.lapsed'; readonly actor: 'system'; readonly data: unknown } & PetitionState)
  /** At start, its card follows where it shows otherwise: counted against the board file as it now is, or answered by a meeting (recountPetitionsAtStart). */
  | ({ readonly type: 'petition.recounted'; readonly unrecorded: true } & PetitionState);

/** A petition, its supports and the meeting called on it, read in one transaction (or reading). */
export async function loadPetition(repo: Repository, petition: Petition): Promise<PetitionState> {
  const meeting = petition.meetingId ? await repo.getMeeting(petition.meetingId) : undefined;
  return { petition, supports: await repo.listPetitionSupports(petition.id), ...(meeting ? { meeting } : {}) };
}

/** `anmod om ekstraordinaert moede <emne>`: posts a petition card with *Stoet* (support). */
export function startPetition(deps: Deps, origin: Origin, subject: string) {
  return run(deps, origin, { action: 'petition.open' }, async (tx) => {
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const opened = openPetition(personOf(tx), { id: tx.newId(), subject, now: tx.now });
    if (!opened.ok) return opened;
    const petition = opened.value;
    // Taken as planning takes it (scheduleMeeting): a meeting called at this instant (on another instance) is
    // either seen here, or sees this petition and answers it (petitionsAfterMeetings); two asked at once, the second sees the first.
    await tx.repo.lockMeetingPlanning();
    // The meeting it would ask for is called already (on that subject, ahead): nothing to gather support for.
    const ahead = await tx.repo.listMeetings({ status: 'planned', from: tx.now });
    if (ahead.some((m) => isCalledOnSubject(m, petition.subject))) return refuse('petition-meeting-planned');
    // The same subject still gathering support (asked within half a year, no meeting called on it): supported there, not split over two cards.
    const recent = await tx.repo.listPetitions({ createdFrom: new Date(tx.now.getTime() - PETITION_REPEAT_DAYS * 86_400_000) });
    const gathering = (await Promise.all(recent.map((p) => loadPetition(tx.repo, p)))).filter((s) => !calledMeeting(s.meeting) && !halfYearOut(s.petition, tx.now)).map((s) => s.petition);
    if (repeatsOpenPetition(petition.subject, gathering)) return refuse('petition-exists');
    if (repeatsDemandedPetition(petition.subject, gathering)) return refuse('petition-demanded');
    await tx.repo.insertPetition(petition);
    // R11: without a majority or a meeting by the end of its half year, it lapses then (the start lapses one whose moment passed while the bot was down).
    await scheduleLapse(tx, petition);
    // PRODUCT §1.2: the asker counts as its first supporter.
    const support = supportPetition(personOf(tx), petition, [], tx.now);
    if (!support.ok) return support;
    await tx.repo.addPetitionSupport(support.value);
    const supports = [support.value];
    const openedEvent: PetitionEvent = { type: 'petition.opened', petition, supports, data: { subject: petition.subject, supporters: [support.value.personId] } };
    const majority = await majorityIn(tx, { petition, supports });
    return done(majority?.petition ?? petition, openedEvent, majority ? [majority] : []);
  });
}

/** The majority, announced once (the store decides who wins a race), if the supports reach it. */
async function majorityIn(tx: At, state: PetitionState): Promise<PetitionEvent | undefined> {
  const { petition, supports } = state;
  if (!petitionHasMajority(tx.board, supports) || !(await tx.repo.markPetitionMajority(petition.id, tx.now))) return undefined;
  // R11: should the chair not call the meeting, the chair and the secretary are reminded (petition-reminders.ts).
  const first = petitionRemindersAt({ ...petition, majorityAt: tx.now }, tx.now, tx.board.policies, tx.board.timezone).next;
  if (first) await planPetitionReminder(tx.repo, petition.id, first);
  return { type: 'petition.majority', ...state, petition: { ...petition, majorityAt: tx.now }, actor: 'system', data: { supporters: supports.map((s) => s.personId) } };
}

/**
 * R11: the lapse, recorded once (the store decides who wins a race) and audited, if the petition's half
 * year is out without a majority and without a standing meeting called on it (`state`, read under its lock).
 */
async function lapseIn(at: At, state: PetitionState): Promise<PetitionEvent | undefined> {
  const { petition, supports } = state;
  if (!lapsesNow(petition, state.meeting, at.now) || !(await at.repo.markPetitionLapsed(petition.id, at.now))) return undefined;
  return { type: 'petition.lapsed', ...state, petition: { ...petition, lapsedAt: at.now }, actor: 'system', data: { supporters: supports.map((s) => s.personId) } };
}

/** R11, by the scheduler at the end of a petition's half year: it lapses, unless it got its majority or its meeting meanwhile. */
export async function lapsePetition(deps: Deps, board: Board, petitionId: string): Promise<void> {
  await run(deps, { board, actor: 'system' }, { action: 'petition.support' }, async (tx) => {
    // Locked, as a support locks it: one given just before the moment is counted first (and may be the majority).
    const petition = await tx.repo.getPetition(petitionId, { lock: true });
    const lapsed = petition ? await lapseIn(tx, await loadPetition(tx.repo, petition)) : undefined;
    return done(undefined, lapsed ? [lapsed] : []);
  });
}

export const petitionJobs = [
  /** R11: a petition without a majority lapses half a year after it was asked. */
  defineJob({
    kind: PETITION_LAPSE_JOB,
    payload: z.object({ petitionId: z.string().min(1) }),
    run: async ({ deps, board }, { petitionId }) => lapsePetition(deps, board, petitionId),
  }),
];

const current = (petitionId: string) => async (tx: Tx): Promise<Outcome<PetitionState, 'unknown-petition'>> => {
  const petition = await tx.repo.getPetition(petitionId);
  return petition ? done(await loadPetition(tx.repo, petition)) : refuse('unknown-petition');
};

/**
 * *Stoet* (support): each voting member counts once, while the petition gathers support. When more
 * than half of the voting members have supported it, the majority is announced once.
 */
export function supportPetitionAction(deps: Deps, origin: Origin, petitionId: string) {
  return run(deps, origin, { action: 'petition.support', again: current(petitionId) }, async (tx) => {
    // Locked first: of two supports given at once, the second counts the first (PRODUCT §4).
    const petition = await tx.repo.getPetition(petitionId, { lock: true });
    if (!petition) return refuse('unknown-petition');
    const { supports: before, meeting } = await loadPetition(tx.repo, petition);
    const support = supportPetition(personOf(tx), petition, before, tx.now, meeting);
    if (!support.ok) return support;
    if (!(await tx.repo.addPetitionSupport(support.value))) return refuse('already-supported');
    const state: PetitionState = { petition, supports: [...before, support.value], ...(meeting ? { meeting } : {}) };
    const supported: PetitionEvent = { type: 'petition.supported', ...state, data: {} };
    const majority = await majorityIn(tx, state);
    if (!majority) return done(state, supported);
    return done<PetitionState, PetitionEvent>({ ...state, petition: majority.petition }, supported, majority);
  });
}

/** A petition as it stands (what a refused support names: the meeting called on it). */
export function showPetition(deps: Deps, origin: Origin, petitionId: string) {
  return ask(deps, origin, 'board.read', async ({ repo }: Reading) => {
    const petition = await repo.getPetition(petitionId);
    return petition ? { ok: true as const, value: await loadPetition(repo, petition) } : refuse('unknown-petition');
  });
}

const MEETING_CHANGES = new Set(['meeting.planned', 'meeting.moved', 'meeting.cancelled']);

/**
 * R11, after any change: an extraordinary meeting called answers the petitions on its subject; a
 * meeting called on a petition and then moved or cancelled shows so on the petition's card.
 */
export async function petitionsAfterMeetings(tx: ChangeAt, events: readonly BoardEvent[]): Promise<PetitionEvent[]> {
  const changes = events.filter((e): e is MeetingEvent => MEETING_CHANGES.has(e.type));
  if (changes.length === 0) return [];
  const out: PetitionEvent[] = [];
  for (const change of changes) {
    const { meeting } = change;
    if (change.type !== 'meeting.planned') {
      // Cancelled: another meeting called on the subject meanwhile answers it now (nextAnsweringMeeting).
      const ahead = change.type === 'meeting.cancelled' ? await tx.repo.listMeetings({ status: 'planned', from: tx.now }) : [];
      for (const linked of await tx.repo.listPetitionsOfMeeting(meeting.id)) {
        const next = nextAnsweringMeeting(linked, ahead, meeting, tx.now);
        const petition = next ? await tx.repo.getPetition(linked.id, { lock: true }) : undefined;
        if (next && petition && (await tx.repo.setPetitionMeeting(petition.id, next.id))) {
          await endRemindersOfAnswered(tx, petition);
          out.push({ type: 'petition.answered', petition: { ...petition, meetingId: next.id }, supports: await tx.repo.listPetitionSupports(petition.id), meeting: next, data: { meetingId: next.id } });
        } else {
          const state: PetitionState = { ...(await loadPetition(tx.repo, linked)), meeting };
          // R11: cancelled after the petition's half year, without a majority: it lapses now, rather than gather support again.
          out.push((await lapseIn(tx, state)) ?? { type: 'petition.meeting-changed', ...state, unrecorded: true });
        }
      }
      continue;
    }
    if (meeting.kind !== 'extraordinary' || meeting.subject === undefined) continue;
    // Petitions of the last half year, as a new petition counts them: an old one left unanswered is not answered years later.
    const recent = await tx.repo.listPetitions({ createdFrom: new Date(tx.now.getTime() - PETITION_REPEAT_DAYS * 86_400_000) });
    for (const found of recent.filter((p) => subjectAnswers(meeting.subject!, p.subject))) {
      // Locked: a support given meanwhile waits, then finds the meeting called.
      const petition = await tx.repo.getPetition(found.id, { lock: true });
      if (!petition) continue;
      const linked = petition.meetingId ? await tx.repo.getMeeting(petition.meetingId) : undefined;
      if (!answersPetition(meeting, petition, linked)) continue;
      await tx.repo.setPetitionMeeting(petition.id, meeting.id);
      await endRemindersOfAnswered(tx, petition);
      const answered = { ...petition, meetingId: meeting.id };
      out.push({ type: 'petition.answered', petition: answered, supports: await tx.repo.listPetitionSupports(petition.id), meeting, data: { meetingId: meeting.id } });
    }
  }
  return out;
}

/**
 * R11, at start: a petition of the last half year that no standing meeting answers, and an
 * extraordinary meeting ahead, called since it was asked, that answers it (answersPetition: a
 * version that linked the same subject only left one on a subject containing the petition's
 * unlinked): linked now, as the call would link it now; its card shows the meeting, and the
 * reminders stop. Audited (`petition.answered`, by `system`).
 */
export async function answerPetitionsAtStart(at: At): Promise<PetitionEvent[]> {
  const ahead = (await at.repo.listMeetings({ status: 'planned', from: at.now })).filter((m) => m.kind === 'extraordinary');
  if (ahead.length === 0) return [];
  const out: PetitionEvent[] = [];
  for (const listed of await at.repo.listPetitions({ createdFrom: new Date(at.now.getTime() - PETITION_REPEAT_DAYS * 86_400_000) })) {
    if (listed.lapsedAt !== undefined) continue;
    // Locked, as a support locks it: one given meanwhile (another instance) waits, then finds the meeting called.
    const petition = await at.repo.getPetition(listed.id, { lock: true });
    if (!petition) continue;
    const linked = petition.meetingId ? await at.repo.getMeeting(petition.meetingId) : undefined;
    const since = ahead.filter((m) => m.createdAt.getTime() >= petition.createdAt.getTime());
    const next = nextAnsweringMeeting(petition, since, linked, at.now);
    if (!next || !(await at.repo.setPetitionMeeting(petition.id, next.id))) continue;
    await endRemindersOfAnswered(at, petition);
    out.push({ type: 'petition.answered', petition: { ...petition, meetingId: next.id }, supports: await at.repo.listPetitionSupports(petition.id), meeting: next, data: { meetingId: next.id } });
  }
  return out;
}

/**
 * R11, at start: a petition answered by a meeting shows it on its card (unless it does already); one
 * still gathering support whose half year is out lapses (lapseIn: the bot was down at the moment, or
 * the petition is from before lapsing; one from before whose half year is not out has its job planned then); the
 * others still gathering support (no majority, no meeting called on them)
 * counted again against the board file, which may have changed since (a member added or taken
 * out): a majority the change brings about (more than half of the voting members as they now are)
 * is decided now, announced once and audited; otherwise the card is brought in line (the count,
 * the majority needed), where it shows otherwise.
 */
export async function recountPetitionsAtStart(at: At): Promise<PetitionEvent[]> {
  const out: PetitionEvent[] = [];
  const recent = at.now.getTime() - PETITION_REPEAT_DAYS * 86_400_000;
  for (const listed of await at.repo.listPetitions({ createdFrom: new Date(0) })) {
    // Answered by a meeting (of the last half year): its card shows that meeting where it shows otherwise (a card
    // posted before the petition was linked to it, as migration 0016 links those called on by the version before).
    const answered = listed.meetingId !== undefined && listed.createdAt.getTime() >= recent;
    if (listed.lapsedAt !== undefined || (listed.majorityAt !== undefined && !answered)) continue;
    // Locked, as a support locks it: one given meanwhile (another instance) is counted, or counts this.
    const petition = await at.repo.getPetition(listed.id, { lock: true });
    if (!petition) continue;
    const state = await loadPetition(at.repo, petition);
    if (!gathersSupport(petition, state.meeting)) {
      if (answered) out.push({ type: 'petition.recounted', ...state, unrecorded: true });
      continue;
    }
    // R11: its half year out (the bot down at the moment, or a petition from before lapses): it lapses, and is not counted again (no majority a year later).
    if (halfYearOut(petition, at.now)) {
      const lapsed = await lapseIn(at, state);
      if (lapsed) out.push(lapsed);
      continue;
    }
    // R11: a petition from before lapsing has no job for its moment: planned now (one planned already stays as it is).
    const job = await at.repo.getJob(petitionLapseJobKey(petition.id));
    if (!job || job.status === 'cancelled' || job.status === 'failed' || job.status === 'rejected') await scheduleLapse(at, petition);
    out.push((await majorityIn(at, state)) ?? { type: 'petition.recounted', ...state, unrecorded: true });
  }
  return out;
}
