/**
 * PRODUCT §4: every free text has a limit, and a text over it is refused, not stored in full nor
 * cut silently: an attendee's name and a task's owner (200), a meeting's place (200), an
 * attachment's title (300, as an item's).
 */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { MAX_ITEM_TITLE, attachmentFor } from '../../../src/domain/agenda.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { MAX_NAME_TEXT } from '../../../src/domain/kernel/text.js';
import { MAX_PLACE, type Meeting, type NumberedItem, planMeeting } from '../../../src/domain/meeting.js';
import { attendeeNameOf } from '../../../src/domain/minutes.js';
import { makeTask } from '../../../src/domain/tasks.js';

const board = loadBoardFile('config/demo.yaml');
const anne = findPersonByAadObjectId(board, '00000000-0000-4000-8000-000000000001')!;
const now = new Date('2027-01-10T09:00:00Z');
const meeting: Meeting = { id: 'm', kind: 'ordinary', startsAt: new Date('2027-03-01T13:00:00Z'), status: 'planned', createdBy: anne.id, createdAt: now };

describe('the limits of free text', () => {
  it('are 200 for names and places, 300 for an attachment title', () => {
    expect([MAX_NAME_TEXT, MAX_PLACE, MAX_ITEM_TITLE]).toEqual([200, 200, 300]);
  });

  it('R16: an attendee\'s name: tidied, not empty, at most 200 characters', () => {
    expect(attendeeNameOf(`  Gustav   Grøn `)).toEqual({ ok: true, value: 'Gustav Grøn' });
    expect(attendeeNameOf('x'.repeat(200))).toEqual({ ok: true, value: 'x'.repeat(200) });
    expect(attendeeNameOf('x'.repeat(201))).toEqual({ ok: false, reason: 'name-too-long' });
    expect(attendeeNameOf('\u200B ')).toEqual({ ok: false, reason: 'empty-name' });
  });

  it('R16: a task\'s owner: a name over 200 characters is refused as too long, not looked up', () => {
    expect(makeTask(board, anne, { id: 't', now, dueText: '2027-02-01', ownerText: 'x'.repeat(201), text: 'Indhent tilbud' })).toEqual({ ok: false, reason: 'owner-too-long' });
  });

  it('R9: a meeting\'s place over 200 characters is refused, not cut', () => {
    const at = { id: 'm2', kind: 'ordinary' as const, startsAt: new Date('2027-03-02T13:00:00Z'), now };
    expect(planMeeting(anne, [], { ...at, place: 'x'.repeat(201) })).toEqual({ ok: false, reason: 'place-too-long' });
    const planned = planMeeting(anne, [], { ...at, place: ` ${'x'.repeat(200)} ` });
    expect(planned.ok && planned.value.place).toBe('x'.repeat(200));
  });

  it('R12: an attachment\'s title over 300 characters is refused', () => {
    const item: NumberedItem = { number: 5, title: 'Budget', kind: 'decision', section: 'added', itemId: 'i-5', attachments: [] };
    expect(attachmentFor(meeting, item, { url: 'https://x.dk/a.pdf', title: 'x'.repeat(301) })).toEqual({ ok: false, reason: 'attachment-title-too-long' });
    expect(attachmentFor(meeting, item, { url: 'https://x.dk/a.pdf', title: 'x'.repeat(300) }).ok).toBe(true);
  });
});
