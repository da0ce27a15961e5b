/**
 * R16: a meeting that fell through is cancelled after its start only while no attendee is
 * recorded. »Jeg deltager« pressed (or the secretary's »deltager«) at the instant the chair writes
 * »aflys møde«, on two instances
 * (PostgreSQL, where changes run side by side), is either recorded, and the meeting not cancelled,
 * or refused because it is: never a cancelled meeting with someone recorded as present, whose card
 * would show the button again. So too the secretary's »referat« (the minutes drafted): never minutes
 * of a meeting cancelled at the same instant. Nor a task (»opgave«) or a vote on no item (»afstemning«)
 * stored with a meeting cancelled at the same instant (R16: what is made on no item is stored with the
 * meeting under way): it is the meeting's record, and the cancellation refused, or it is made without
 * the meeting. Twenty times; on SQLite (one change at a time) as a control.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Person } from '../../../src/domain/kernel/board.js';
import { fileLinks } from '../../../src/files/links.js';
import { CONTRIBUTIONS, TEAMS_FEATURES } from '../../../src/features.js';
import type { Store } from '../../../src/store/port.js';
import { OutboxPublisher } from '../../../src/teams/outbox/publisher.js';
import { teamsTexts } from '../../../src/teams/texts.js';
import { joinMeeting } from '../../../src/usecases/attendance.js';
import type { Deps } from '../../../src/usecases/deps.js';
import { cancelMeeting, scheduleMeeting } from '../../../src/usecases/meetings.js';
import { addAttendee, draftMinutes } from '../../../src/usecases/minutes.js';
import { createTask } from '../../../src/usecases/tasks.js';
import { openVote } from '../../../src/usecases/voting.js';
import { tasksStore } from '../../../src/store/ports/tasks.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';
import { raceBackends } from '../../support/race-stores.js';

const TRIES = 20;
const board = loadBoardFile(DEMO_CONFIG_PATH);
const person = (name: string): Person => board.people.find((p) => p.name.startsWith(name))!;
const [anne, lars, pia] = [person('Anne'), person('Lars'), person('Pia')];
const by = (actor: Person) => ({ board, actor });

let now = new Date('2026-12-01T09:00:00Z');
function depsOn(store: Store): Deps {
  const clock = () => now;
  const links = fileLinks({ publicUrl: 'http://localhost:3978', key: Buffer.alloc(32, 7).toString('base64'), clock });
  return { store, clock, publisher: new OutboxPublisher(TEAMS_FEATURES, links, false, CONTRIBUTIONS), texts: teamsTexts, newId: randomUUID, contributions: CONTRIBUTIONS };
}
const channel = { conversation: { id: '19:board@thread.tacv2' }, serviceUrl: 'https://smba.example/emea/', channelId: 'msteams' };


describe.each(raceBackends(board.id))('cancelling a meeting after its start, and an attendee recorded at once: $name', (backend) => {
  let stores: Store[] = [];
  afterEach(async () => {
    await Promise.all([...new Set(stores.splice(0))].map((s) => s.close()));
  });
  afterAll(() => backend.cleanup());

  it('R16: the meeting is cancelled with nobody recorded, or not cancelled with the attendee recorded; never both', async () => {
    const [sa, sb] = await backend.open();
    stores = [sa, sb];
    await sa.saveBinding({ conversationReference: channel, channelId: channel.conversation.id, serviceUrl: channel.serviceUrl, boundAt: now });
    const [a, b] = [depsOn(sa), depsOn(sb)];
    now = new Date('2026-12-01T09:00:00Z');
    const days = Array.from({ length: TRIES }, (_, i) => `${String(i + 4).padStart(2, '0')}-01-2027`);
    for (const day of days) expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' })).ok).toBe(true);
    const outcomes = new Set<string>();
    for (const [i, day] of days.entries()) {
      const meeting = (await sa.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString().startsWith(`2027-01-${String(i + 4).padStart(2, '0')}`))!;
      now = new Date(meeting.startsAt.getTime() + 20 * 60_000); // 14.20: nobody came, so far
      // »Jeg deltager« on the card, or (every other try) the secretary's »deltager Lars Lund«.
      const join = i % 2 ? addAttendee(b, by(pia), { name: 'Lars Lund' }) : joinMeeting(b, by(lars), meeting.id);
      const [cancelled, joined] = await Promise.all([cancelMeeting(a, by(anne), { dateText: day }), join]);
      const status = (await sa.getMeeting(meeting.id))!.status;
      const attendees = await sa.listAttendees(meeting.id);
      outcomes.add(`${cancelled.ok ? 'cancelled' : 'refused'}/${joined.ok ? 'joined' : 'not joined'}`);
      expect({ status, attendees: attendees.length }, `try ${i}: ${cancelled.ok} ${joined.ok}`).not.toEqual({ status: 'cancelled', attendees: 1 });
      expect(cancelled.ok && joined.ok, `try ${i}`).toBe(false);
    }
  }, 120_000);

  it('R16: the secretary\'s »referat« at the instant the chair writes »aflys møde«: minutes of a meeting that stands, or a cancelled meeting without minutes; never both', async () => {
    const [sa, sb] = await backend.open();
    stores = [sa, sb];
    await sa.saveBinding({ conversationReference: channel, channelId: channel.conversation.id, serviceUrl: channel.serviceUrl, boundAt: now });
    const [a, b] = [depsOn(sa), depsOn(sb)];
    now = new Date('2026-12-01T09:00:00Z');
    const days = Array.from({ length: TRIES }, (_, i) => `${String(i + 4).padStart(2, '0')}-02-2027`);
    for (const day of days) expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' })).ok).toBe(true);
    for (const [i, day] of days.entries()) {
      const meeting = (await sa.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString().startsWith(`2027-02-${String(i + 4).padStart(2, '0')}`))!;
      now = new Date(meeting.startsAt.getTime() + 20 * 60_000); // 14.20: nobody came, and the secretary drafts the minutes
      const [cancelled, drafted] = await Promise.all([cancelMeeting(a, by(anne), { dateText: day }), draftMinutes(b, by(pia), { dateText: day })]);
      const status = (await sa.getMeeting(meeting.id))!.status;
      const minutes = await sa.listMinutes(meeting.id);
      expect({ status, minutes: minutes.length }, `try ${i}: ${cancelled.ok} ${drafted.ok}`).not.toEqual({ status: 'cancelled', minutes: 1 });
      expect(cancelled.ok && drafted.ok, `try ${i}`).toBe(false);
    }
  }, 120_000);

  it('R16: »opgave« or »afstemning« on no item at the instant the chair writes »aflys møde«: stored with a meeting that stands (the cancellation refused), or made without the cancelled one; never stored with a cancelled meeting', async () => {
    const [sa, sb] = await backend.open();
    stores = [sa, sb];
    await sa.saveBinding({ conversationReference: channel, channelId: channel.conversation.id, serviceUrl: channel.serviceUrl, boundAt: now });
    const [a, b] = [depsOn(sa), depsOn(sb)];
    now = new Date('2026-12-01T09:00:00Z');
    const days = Array.from({ length: TRIES }, (_, i) => `${String(i + 4).padStart(2, '0')}-03-2027`);
    for (const day of days) expect((await scheduleMeeting(a, by(pia), { kind: 'ordinary', dateText: day, timeText: '14:00', rest: '' })).ok).toBe(true);
    for (const [i, day] of days.entries()) {
      const meeting = (await sa.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString().startsWith(`2027-03-${String(i + 4).padStart(2, '0')}`))!;
      now = new Date(meeting.startsAt.getTime() + 20 * 60_000); // 14.20: nobody came, and a task is given (every other try: a vote opened)
      const make = async () => {
        if (i % 2) {
          const opened = await openVote(b, by(anne), { motion: `Fri afstemning ${i}` });
          const motion = opened.ok ? opened.value?.motion : undefined;
          return motion ? (await sa.getMotion(motion.id))?.placedMeetingId ?? 'between' : undefined;
        }
        const made = await createTask(b, by(pia), { dueText: '31-12-2027', ownerText: 'Lars Lund', text: `Opgave ${i}` });
        return made.ok && made.value ? (await sa.part(tasksStore).getTask(made.value.id))?.placedMeetingId ?? 'between' : undefined;
      };
      const [cancelled, placed] = await Promise.all([cancelMeeting(a, by(anne), { dateText: day }), make()]);
      const status = (await sa.getMeeting(meeting.id))!.status;
      expect(placed, `try ${i}`).toBeDefined();
      expect({ status, placed }, `try ${i}: ${cancelled.ok}`).not.toEqual({ status: 'cancelled', placed: meeting.id });
      // Refused: it is the meeting's record; cancelled: it was made without it.
      expect(placed === meeting.id, `try ${i}`).toBe(!cancelled.ok);
    }
  }, 120_000);
});
