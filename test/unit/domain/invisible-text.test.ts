/**
 * PRODUCT §4: text with nothing visible is no text. Each rule that refuses an empty text refuses
 * one of only invisible characters (a zero width space, a Hangul filler, a byte order mark) the
 * same way, and each optional text of them is left out; visible text keeps its emoji whole.
 */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { addAgendaItem, attachmentFor } from '../../../src/domain/agenda.js';
import { conclude, dissentOnConclusion, dissentOnVote, object } from '../../../src/domain/conclusion.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { type Meeting, type NumberedItem, planMeeting } from '../../../src/domain/meeting.js';
import { attendeeName } from '../../../src/domain/minutes.js';
import { openPetition } from '../../../src/domain/petition.js';
import { makeTask } from '../../../src/domain/tasks.js';
import { type Ballot, openMotion } from '../../../src/domain/voting.js';

const board = loadBoardFile('config/demo.yaml');
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;
const [anne, , birgitte, henrik, , lars, , pia] = [1, 2, 3, 4, 5, 6, 7, 8].map(person) as [ReturnType<typeof person>, ...ReturnType<typeof person>[]];
const now = new Date('2027-01-10T09:00:00Z');
const meeting: Meeting = { id: 'm', kind: 'ordinary', startsAt: new Date('2027-03-01T13:00:00Z'), status: 'planned', createdBy: anne.id, createdAt: now };

const INVISIBLE = ['\u200B', '  \u200B ', '\u200B\u200D\u2060', '\uFEFF', '\u3164', '\u115F\u1160', '\u180E', '\u2064', '\u200E\u200F'];
const FAMILY = 'Godkendt \u{1F468}\u200D\u{1F469}\u200D\u{1F467}';

const conclusion = () => {
  const r = conclude(board, anne, { id: 'c', agendaItem: { meetingId: 'm', itemId: 'i' }, itemLabel: '5. Budget', text: 'Godkendt.', now });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const closedMotion = () => {
  const r = openMotion(board, anne, { id: 'v', text: 'Budget', now });
  if (!r.ok) throw new Error(r.reason);
  return { ...r.value, closedAt: now };
};
const against: Ballot[] = [{ motionId: 'v', organisationId: lars!.organisationId!, choice: 'against', castBy: lars!.id, castAt: now } as Ballot];

describe.each(INVISIBLE.map((s) => [s]))('text of only %j', (blank) => {
  it('R5: is no motion', () => {
    expect(openMotion(board, anne, { id: 'v', text: blank, now })).toEqual({ ok: false, reason: 'empty-motion' });
  });
  it('R7: is no conclusion, and no reason for an objection', () => {
    expect(conclude(board, anne, { id: 'c', agendaItem: { meetingId: 'm', itemId: 'i' }, itemLabel: '5. Budget', text: blank, now })).toEqual({ ok: false, reason: 'empty-conclusion' });
    const objected = object(henrik!, conclusion(), [], now, blank);
    expect(objected.ok).toBe(true);
    expect(objected.ok && 'reason' in objected.value).toBe(false);
  });
  it('R8: is no dissent, on a conclusion or on a vote', () => {
    expect(dissentOnConclusion(henrik!, conclusion(), [], { id: 'd', text: blank, now, leftBehind: false })).toEqual({ ok: false, reason: 'empty-dissent' });
    expect(dissentOnVote(lars!, closedMotion(), against, [], { id: 'd', text: blank, now })).toEqual({ ok: false, reason: 'empty-dissent' });
  });
  it('R12: is no item title; an attachment titled so has no title', () => {
    expect(addAgendaItem(pia!, meeting, [], { id: 'i', title: blank, kind: 'discussion', now, zone: 'Europe/Copenhagen' })).toEqual({ ok: false, reason: 'empty-title' });
    const item: NumberedItem = { number: 5, title: 'Budget', kind: 'decision', section: 'added', itemId: 'i-5', attachments: [] };
    expect(attachmentFor(meeting, item, { url: 'https://x.dk/a.pdf', title: blank })).toEqual({ ok: true, value: { url: 'https://x.dk/a.pdf' } });
  });
  it('R9, R11: is no subject of an extraordinary meeting, no place of a meeting, no subject of a request', () => {
    const at = { id: 'm2', startsAt: new Date('2027-03-02T13:00:00Z'), now };
    expect(planMeeting(anne, [], { ...at, kind: 'extraordinary', subject: blank })).toEqual({ ok: false, reason: 'empty-subject' });
    const planned = planMeeting(pia!, [], { ...at, kind: 'ordinary', place: blank });
    expect(planned.ok).toBe(true);
    expect(planned.ok && 'place' in planned.value).toBe(false);
    expect(openPetition(birgitte!, { id: 'p', subject: blank, now })).toEqual({ ok: false, reason: 'empty-subject' });
  });
  it('R16: is no task text, no task owner, no attendee name', () => {
    expect(makeTask(board, anne, { id: 't', now, dueText: '2027-02-01', ownerText: 'Lars', text: blank })).toEqual({ ok: false, reason: 'empty-task' });
    expect(makeTask(board, anne, { id: 't', now, dueText: '2027-02-01', ownerText: blank, text: 'Indhent tilbud' })).toEqual({ ok: false, reason: 'bad-task' });
    expect(attendeeName(blank)).toBe('');
  });
});

describe('visible text around invisible characters', () => {
  it('is kept, its emoji whole, the invisible characters at its ends cut', () => {
    const motion = openMotion(board, anne, { id: 'v', text: `\u200B ${FAMILY} \uFEFF`, now });
    expect(motion.ok && motion.value.text).toBe(FAMILY);
    const item = addAgendaItem(pia!, meeting, [], { id: 'i', title: '\u3164Budget 2028\u200B', kind: 'decision', now, zone: 'Europe/Copenhagen' });
    expect(item.ok && item.value.title).toBe('Budget 2028');
    expect(attendeeName('\u200B Gustav  Grøn \u200B')).toBe('Gustav Grøn');
  });
});
