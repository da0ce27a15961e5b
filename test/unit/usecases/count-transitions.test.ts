/**
 * PRODUCT §4: every transition that depends on a count (a vote's automatic close, a
 * petition's majority, a confirmed poll, a decided conclusion) happens exactly once,
 * also when the deciding actions arrive at the same instant on two instances.
 *
 * The two deciding actions run at once, twenty times: on PostgreSQL through two
 * stores with a pool each (two bot instances; runs when TEST_DATABASE_URL is set);
 * on SQLite, which one process owns, through that process's one store.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Person } from '../../../src/domain/kernel/board.js';
import type { Store } from '../../../src/store/port.js';
import { fileLinks } from '../../../src/files/links.js';
import { TEAMS_FEATURES } from '../../../src/features.js';
import { outboxKeys } from '../../../src/teams/outbox/keys.js';
import { OutboxPublisher } from '../../../src/teams/outbox/publisher.js';
import { teamsTexts } from '../../../src/teams/texts.js';
import { closeConclusionAction, concludeItem, objectToConclusion } from '../../../src/usecases/conclusions.js';
import { confirmDatePollAction } from '../../../src/usecases/dates.js';
import { approveMinutesAction, bringMinutesUpToDate, correctMinutes } from '../../../src/usecases/minutes.js';
import type { Deps } from '../../../src/usecases/deps.js';
import { startPetition, supportPetitionAction } from '../../../src/usecases/petitions.js';
import type { Tally } from '../../../src/domain/voting.js';
import { castVote, closeVote, openVote } from '../../../src/usecases/voting.js';
import { addItem, sendAgenda, showAgenda } from '../../../src/usecases/agenda.js';
import { scheduleMeeting } from '../../../src/usecases/meetings.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';
import { raceBackends } from '../../support/race-stores.js';

const TRIES = 20;
const board = loadBoardFile(DEMO_CONFIG_PATH);
const NOW = new Date('2026-12-01T09:00:00Z');

const person = (name: string): Person => {
  const found = board.people.find((p) => p.name.startsWith(name));
  if (!found) throw new Error(`no ${name} on the demo board`);
  return found;
};
const [anne, karsten, birgitte, henrik, mette, lars, pia] = ['Anne', 'Karsten', 'Birgitte', 'Henrik', 'Mette', 'Lars', 'Pia'].map(person) as [
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
];

/** The origin of a person's action on the demo board. */
const by = (actor: Person) => ({ board, actor });

function depsOn(store: Store): Deps {
  const clock = () => NOW;
  const links = fileLinks({ publicUrl: 'http://localhost:3978', key: Buffer.alloc(32, 7).toString('base64'), clock });
  return { store, clock, publisher: new OutboxPublisher(TEAMS_FEATURES, links), texts: teamsTexts, newId: randomUUID };
}

const channel = { conversation: { id: '19:board@thread.tacv2' }, serviceUrl: 'https://smba.example/emea/', channelId: 'msteams' };


const backends = raceBackends(board.id);

describe.each(backends)('count-based transitions happen exactly once: $name', (backend) => {
  let stores: Store[] = [];
  let a: Deps;
  let b: Deps;

  async function open(): Promise<void> {
    const [sa, sb] = await backend.open();
    stores = [sa, sb];
    await sa.saveBinding({ conversationReference: channel, channelId: channel.conversation.id, serviceUrl: channel.serviceUrl, boundAt: NOW });
    a = depsOn(sa);
    b = depsOn(sb);
  }

  afterEach(async () => {
    await Promise.all([...new Set(stores.splice(0))].map((s) => s.close()));
  });
  afterAll(() => backend.cleanup());

  /** A vote opened by the chair on instance A, and 'for' from each voter on the instance given: its motion's id. */
  async function openedWithVotes(text: string, votes: readonly (readonly [Person, Deps])[]): Promise<string> {
    const opened = await openVote(a, by(anne), { motion: text });
    if (!opened.ok || !opened.value) throw new Error('the vote did not open');
    const motionId = opened.value.motion!.id;
    for (const [voter, deps] of votes) expect((await castVote(deps, by(voter), { motionId, choice: 'for' })).ok).toBe(true);
    return motionId;
  }

  it('R5, R6: the last two organisations voting at once on two instances close the vote once, with one announcement', async () => {
    await open();
    const store = a.store;
    for (let i = 0; i < TRIES; i++) {
      const motionId = await openedWithVotes(`Forslag ${i}`, [[anne, a], [birgitte, b], [henrik, a], [mette, b]]);
      const last = await Promise.all([
        castVote(a, by(lars), { motionId, choice: 'against' }),
        castVote(b, by(karsten), { motionId, choice: 'for' }),
      ]);
      expect(last.map((r) => r.ok)).toEqual([true, true]);

      const motion = await store.getMotion(motionId);
      expect(motion?.closeReason, `try ${i}: the motion with six ballots is still open`).toBe('all-voted');
      expect(await store.listBallots(motionId)).toHaveLength(6);
      expect(await store.listAudit({ subject: `motion:${motionId}`, action: 'motion.closed' })).toHaveLength(1);
      expect(await store.getOutbox(outboxKeys.voteOutcome(motionId))).toMatchObject({ kind: 'send', status: 'pending' });
    }
  });

  it('R5, R6: a ballot and the chair\'s close at once on two instances: the ballot is in the closed tally, or refused as too late', async () => {
    await open();
    const store = a.store;
    for (let i = 0; i < TRIES; i++) {
      const motionId = await openedWithVotes(`Lukning ${i}`, [[anne, a], [birgitte, b], [henrik, a]]);
      const [vote, close] = await Promise.all([castVote(a, by(lars), { motionId, choice: 'against' }), closeVote(b, by(karsten), motionId, true)]);
      expect(close.ok, `try ${i}`).toBe(true);
      const outcome = vote.ok ? 'counted' : vote.reason;
      expect(['counted', 'vote-closed'], `try ${i}`).toContain(outcome);
      // What the close announced is what is stored: no ballot after the close, none lost before it.
      const closed = await store.listAudit({ subject: `motion:${motionId}`, action: 'motion.closed' });
      expect(closed, `try ${i}`).toHaveLength(1);
      const tallied = (closed[0]!.data as { tally: Tally }).tally;
      const stored = await store.listBallots(motionId);
      expect(stored, `try ${i}`).toHaveLength(outcome === 'counted' ? 4 : 3);
      expect(tallied.for + tallied.against + tallied.abstain, `try ${i}`).toBe(stored.length);
    }
  });

  it('R7: a vote and a conclusion opened on one item at once, on two instances: one of them, never both', async () => {
    await open();
    const store = a.store;
    // NOW is 1 December 2026: a meeting later in the month, with an item for decision per try.
    expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: '17-12-2026', timeText: '14:00', rest: '' })).ok).toBe(true);
    for (let i = 0; i < TRIES; i++) expect((await addItem(a, by(pia), { title: `Punkt til beslutning ${i}`, kind: 'decision' })).ok).toBe(true);
    const agenda = await showAgenda(a, by(anne), {});
    if (!agenda.ok) throw new Error('no agenda');
    const numbers = agenda.value.items.filter((item) => item.kind === 'decision' && !item.standing).map((item) => item.number);
    expect(numbers).toHaveLength(TRIES);
    for (const [i, number] of numbers.entries()) {
      const [vote, conclusion] = await Promise.all([
        openVote(a, by(anne), { itemNumber: number }),
        concludeItem(b, by(karsten), { number, text: `Indstillingen godkendes ${i}.` }),
      ]);
      // Each is answered (ok): either what it opened, or the decision under way that it found.
      const opened = [vote.ok && vote.value?.motion !== undefined, conclusion.ok && conclusion.value?.conclusion !== undefined];
      expect(opened.filter(Boolean), `try ${i}: opened ${JSON.stringify(opened)}`).toHaveLength(1);
    }
    const meetingId = agenda.value.meeting.id;
    const [motions, conclusions] = await Promise.all([store.listMotions({ meetingId }), store.listConclusions({ meetingId })]);
    expect(motions.length + conclusions.length).toBe(TRIES);
  });

  it('R13: an item added on one instance while the agenda is sent on the other is on the draft it went out with, or after it with the next number and marked; the numbers never move', async () => {
    await open();
    const days = Array.from({ length: TRIES }, (_, i) => `${String(i + 4).padStart(2, '0')}-01-2027`);
    for (const day of days) expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' })).ok).toBe(true);
    for (const [i, day] of days.entries()) {
      const agenda = await showAgenda(a, by(anne), { dateText: day });
      if (!agenda.ok) throw new Error(`no agenda on ${day}`);
      const [sent, added] = await Promise.all([
        sendAgenda(a, by(pia), { meetingId: agenda.value.meeting.id }),
        addItem(b, by(pia), { dateText: day, title: `Tilføjet under udsendelsen ${i}`, kind: 'discussion' }),
      ]);
      expect(sent.ok && added.ok, `try ${i}`).toBe(true);
      const rows = await a.store.listAgendaItems(agenda.value.meeting.id);
      // Every row of a sent agenda has its number, each number once; one added after the sending says so.
      expect(rows.map((r) => r.number).filter((n) => n === undefined), `try ${i}: rows without a number`).toEqual([]);
      expect(new Set(rows.map((r) => r.number)).size, `try ${i}`).toBe(rows.length);
      const item = rows.find((r) => r.title === `Tilføjet under udsendelsen ${i}`)!;
      if (item.addedAfterSending) expect(item.number, `try ${i}`).toBe(Math.max(...rows.map((r) => r.number!)));
    }
  });

  it('R12: two items added to one meeting at once on two instances are both added, each with its own place', async () => {
    await open();
    expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: '17-12-2026', timeText: '14:00', rest: '' })).ok).toBe(true);
    for (let i = 0; i < TRIES; i++) {
      const both = await Promise.all([
        addItem(a, by(pia), { title: `Punkt A ${i}`, kind: 'discussion' }),
        addItem(b, by(anne), { title: `Punkt B ${i}`, kind: 'discussion' }),
      ]);
      expect(both.map((r) => r.ok), `try ${i}`).toEqual([true, true]);
    }
    const agenda = await showAgenda(a, by(anne), {});
    if (!agenda.ok) throw new Error('no agenda');
    expect(agenda.value.items.filter((item) => /^Punkt [AB] /.test(item.title))).toHaveLength(2 * TRIES);
  });

  it('R9: the same meeting planned at once on two instances is planned once; the other is told it exists', async () => {
    await open();
    for (let i = 0; i < TRIES; i++) {
      const day = `${String(i + 4).padStart(2, '0')}-02-2027`;
      const both = await Promise.all([
        scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' }),
        scheduleMeeting(b, by(anne), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' }),
      ]);
      expect(both.filter((r) => r.ok).length, `try ${i}`).toBe(1);
      expect(both.find((r) => !r.ok), `try ${i}`).toMatchObject({ reason: 'meeting-exists' });
    }
    const meetings = await a.store.listMeetings({ status: 'planned' });
    expect(meetings).toHaveLength(TRIES);
  });

  it('R13, R10: a meeting planned on one instance while the agenda it would change is sent on the other never changes the sent agenda: its numbers stay 1 to n', async () => {
    await open();
    for (let i = 0; i < TRIES; i++) {
      const year = 2027 + i;
      expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: `10-12-${year}`, timeText: '14:00', rest: '' })).ok).toBe(true);
      const agenda = await showAgenda(a, by(anne), { dateText: `10-12-${year}` });
      if (!agenda.ok) throw new Error(`no agenda in ${year}`);
      // The later meeting takes "next year's dates" (R10) from the draft, if it is still a draft.
      const [sent, planned] = await Promise.all([
        sendAgenda(a, by(pia), { meetingId: agenda.value.meeting.id }),
        scheduleMeeting(b, by(anne), { kind: 'ordinary', dateText: `17-12-${year}`, timeText: '14:00', rest: '' }),
      ]);
      expect(sent.ok && planned.ok, `try ${i}`).toBe(true);
      const numbers = (await a.store.listAgendaItems(agenda.value.meeting.id)).map((r) => r.number).sort((x, y) => (x ?? 0) - (y ?? 0));
      expect(numbers, `try ${i}`).toEqual(numbers.map((_, k) => k + 1));
    }
  });

  it('R11: the two supports that make the majority, given at once, announce it once', async () => {
    await open();
    const store = a.store;
    for (let i = 0; i < TRIES; i++) {
      const started = await startPetition(a, by(henrik), `Ekstraordinært møde ${i}`);
      if (!started.ok || !started.value) throw new Error('the petition did not start');
      const petitionId = started.value.id;
      // Four of the seven voting members make the majority: the asker (who counts, issue 13.4) and one now, then the third and fourth at once.
      expect((await supportPetitionAction(a, by(anne), petitionId)).ok).toBe(true);
      const last = await Promise.all([supportPetitionAction(a, by(birgitte), petitionId), supportPetitionAction(b, by(mette), petitionId)]);
      expect(last.map((r) => r.ok)).toEqual([true, true]);

      expect((await store.getPetition(petitionId))?.majorityAt, `try ${i}: four supports, no majority`).toEqual(NOW);
      expect(await store.listAudit({ subject: `petition:${petitionId}`, action: 'petition.majority' })).toHaveLength(1);
      expect(await store.getOutbox(outboxKeys.petitionMajority(petitionId))).toMatchObject({ kind: 'send' });
    }
  });

  it('R7: the chair closing and a member objecting at once: decided without objection, or objected and not decided', async () => {
    await open();
    const store = a.store;
    const outcomes = { decided: 0, objected: 0 };
    for (let i = 0; i < TRIES; i++) {
      const id = `c${i}`;
      await store.insertConclusion({
        id,
        agendaItem: { meetingId: 'mt1', itemId: `i${i}` },
        itemLabel: `${i + 5}. Punkt`,
        text: `Konklusion ${i}`,
        concludedBy: anne.id,
        concludedAt: NOW,
        objectionDeadline: new Date(NOW.getTime() + 48 * 3_600_000),
        status: 'open',
      });
      const [closed, objected] = await Promise.all([closeConclusionAction(a, by(anne), id), objectToConclusion(b, by(henrik), id)]);
      expect(closed.ok !== objected.ok, `try ${i}: both the close and the objection went through`).toBe(true);

      const conclusion = await store.getConclusion(id);
      const objections = await store.listObjections(id);
      const decidedPost = await store.getOutbox(`conclusion:${id}:decided`);
      if (closed.ok) {
        outcomes.decided++;
        expect(conclusion?.status).toBe('decided');
        expect(objections).toEqual([]);
        expect(decidedPost).toBeDefined();
      } else {
        outcomes.objected++;
        expect(conclusion?.status).toBe('objected');
        expect(objections).toHaveLength(1);
        expect(decidedPost).toBeUndefined();
      }
      expect(await store.listAudit({ subject: `conclusion:${id}`, action: 'conclusion.decided' })).toHaveLength(closed.ok ? 1 : 0);
    }
    expect(outcomes.decided + outcomes.objected).toBe(TRIES);
  });

  it('R10: two chairs confirming a poll at once confirm it once, with one set of meetings', async () => {
    await open();
    const store = a.store;
    const day = (n: number) => new Date(Date.UTC(2027, 0, 4 + n)).toISOString().slice(0, 10);
    for (let i = 0; i < TRIES; i++) {
      const pollId = `dp${i}`;
      const proposed = Array.from({ length: 5 }, (_, k) => day(i * 5 + k));
      await store.insertDatePoll({ id: pollId, year: 2027, proposedDates: proposed, time: '14:00', createdBy: anne.id, createdAt: NOW });
      const before = (await store.listMeetings()).length;
      const results = await Promise.all([
        confirmDatePollAction(a, by(anne), { pollId, dates: proposed.slice(0, 4) }),
        confirmDatePollAction(b, by(karsten), { pollId, dates: proposed.slice(1) }),
      ]);
      expect(results.filter((r) => r.ok), `try ${i}`).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'poll-confirmed' });
      const poll = await store.getDatePoll(pollId);
      const winner = results[0]!.ok ? anne : karsten;
      expect(poll).toMatchObject({ confirmedBy: winner.id, confirmedDates: winner === anne ? proposed.slice(0, 4) : proposed.slice(1) });
      expect((await store.listMeetings()).length - before).toBe(4);
      expect(await store.listAudit({ subject: 'dates:2027', action: 'dates.confirmed' })).toHaveLength(i + 1);
    }
  });

  it('R16: the chair approving while the secretary corrects: never approves a text changed at that instant', async () => {
    await open();
    const store = a.store;
    const long = new Date(NOW.getTime() - 7 * 24 * 3_600_000);
    for (let i = 0; i < TRIES; i++) {
      const meetingId = `mt${i}`;
      await store.insertMeeting({ id: meetingId, kind: 'ordinary', startsAt: long, status: 'planned', createdBy: pia.id, createdAt: long });
      // Corrected once by the secretary (updated after drafted): its text is hers, not the record's.
      await store.insertMinutes({ id: `r${i}`, meetingId, version: 1, text: 'Udkast', draftedBy: pia.id, draftedAt: long, updatedAt: new Date(long.getTime() + 60_000) });
      const [approved, corrected] = await Promise.all([
        approveMinutesAction(a, by(anne), `r${i}`),
        correctMinutes(b, by(pia), { meetingId, text: 'Rettet tekst' }),
      ]);
      expect(corrected.ok).toBe(true);
      const versions = await store.listMinutes(meetingId);
      if (approved.ok) {
        // Approved as drafted; the correction came after and is a new version to approve in turn.
        expect(versions.map((v) => [v.version, v.text, v.approvedAt !== undefined])).toEqual([
          [1, 'Udkast', true],
          [2, 'Rettet tekst', false],
        ]);
      } else {
        // Corrected first: the objection window starts again, so it is not approved yet.
        expect(approved).toMatchObject({ reason: 'objection-window-open' });
        expect(versions.map((v) => [v.version, v.text, v.approvedAt !== undefined])).toEqual([[1, 'Rettet tekst', false]]);
      }
    }
  });

  it('R16: a draft brought up to date from the record while the secretary corrects it: her correction is what stands', async () => {
    await open();
    const store = a.store;
    const long = new Date(NOW.getTime() - 7 * 24 * 3_600_000);
    for (let i = 0; i < TRIES; i++) {
      const meetingId = `mr${i}`;
      await store.insertMeeting({ id: meetingId, kind: 'ordinary', startsAt: long, status: 'planned', createdBy: pia.id, createdAt: long });
      // As drafted from the record, not corrected (its text differs from the record's now: a redraft writes).
      await store.insertMinutes({ id: `rr${i}`, meetingId, version: 1, text: 'Udkast fra før', draftedBy: pia.id, draftedAt: long, updatedAt: long });
      const [, corrected] = await Promise.all([bringMinutesUpToDate(a, board, `rr${i}`), correctMinutes(b, by(pia), { meetingId, text: 'Rettet tekst' })]);
      expect(corrected.ok).toBe(true);
      expect((await store.listMinutes(meetingId)).map((v) => v.text)).toEqual(['Rettet tekst']);
    }
  });
});
