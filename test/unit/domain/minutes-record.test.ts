/** R16: which meeting's minutes record a decision (recordMeetingOf, betweenMeetingsFrom), and a task as a vote on no item (madeOnNoItemIn). */
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meeting.js';
import { type Placed, betweenMeetingsFrom, madeOnNoItemIn, recordMeetingOf } from '../../../src/domain/minutes.js';

const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status, createdBy: 'x', createdAt: new Date('2026-01-01T00:00:00Z') });
// Thursdays 3 and 17 December 2026 at 10.00 in Copenhagen.
const planned = [meeting('dec3', '2026-12-03T09:00:00Z'), meeting('dec17', '2026-12-17T09:00:00Z')];
/** On no item: stored with the meeting it was made at (`placedMeetingId`), or between meetings. */
const free = (openedAt: string, placedMeetingId?: string): Placed => ({ openedAt: new Date(openedAt), ...(placedMeetingId ? { placedMeetingId } : {}) });
const onItemOf = (meetingId: string, openedAt: string) => ({ openedAt: new Date(openedAt), agendaItem: { meetingId, itemId: 'i' } });

describe('R16: the minutes that record a vote', () => {
  it('R16: a vote on an item is its meeting\'s, also when opened days before it', () => {
    expect(betweenMeetingsFrom(onItemOf('dec17', '2026-12-10T09:00:00Z'), planned[1], planned)).toBeUndefined();
    expect(recordMeetingOf(onItemOf('dec17', '2026-12-10T09:00:00Z'), planned[1], planned)).toBe('dec17');
  });

  it('R16: a vote on no item stored with a meeting when opened (on its day, before it or after it) is that meeting\'s', () => {
    for (const at of ['2026-12-03T07:00:00Z', '2026-12-03T20:00:00Z']) {
      expect(betweenMeetingsFrom(free(at, 'dec3'), undefined, planned)).toBeUndefined();
      expect(recordMeetingOf(free(at, 'dec3'), undefined, planned)).toBe('dec3');
    }
  });

  it('R16: a vote on no item opened between meetings is the next meeting\'s; none while no meeting is planned after it', () => {
    expect(betweenMeetingsFrom(free('2026-12-08T09:00:00Z'), undefined, planned)).toEqual(new Date('2026-12-08T09:00:00Z'));
    expect(recordMeetingOf(free('2026-12-08T09:00:00Z'), undefined, planned)).toBe('dec17');
    expect(recordMeetingOf(free('2026-12-01T09:00:00Z'), undefined, planned)).toBe('dec3');
    expect(recordMeetingOf(free('2026-12-20T09:00:00Z'), undefined, planned)).toBeUndefined();
  });

  it('R16: stored with a meeting no longer planned (cancelled, and not stored anew), it is between meetings: in some minutes still', () => {
    expect(betweenMeetingsFrom(free('2026-12-10T08:00:00Z', 'dec10'), undefined, planned)).toEqual(new Date('2026-12-10T08:00:00Z'));
    expect(recordMeetingOf(free('2026-12-10T08:00:00Z', 'dec10'), undefined, planned)).toBe('dec17');
  });

  it('R16: a decision on an item of a meeting cancelled is the first planned meeting\'s after the cancelled one\'s start', () => {
    const cancelled = meeting('dec10', '2026-12-10T09:00:00Z', 'cancelled');
    const vote = onItemOf('dec10', '2026-12-04T09:00:00Z');
    expect(betweenMeetingsFrom(vote, cancelled, planned)).toEqual(cancelled.startsAt);
    expect(recordMeetingOf(vote, cancelled, planned)).toBe('dec17');
  });

  it('R16: made before a meeting held, on an item of a later meeting cancelled afterwards, it goes to the minutes after the cancelled one, never to those held already', () => {
    const cancelled = meeting('dec17', '2026-12-17T09:00:00Z', 'cancelled');
    const vote = onItemOf('dec17', '2026-12-01T09:00:00Z');
    const later = [planned[0]!, meeting('jan14', '2027-01-14T09:00:00Z')];
    expect(recordMeetingOf(vote, cancelled, later)).toBe('jan14');
    expect(recordMeetingOf(vote, cancelled, [planned[0]!])).toBeUndefined();
  });
});

describe('R16: what a meeting\'s minutes hold of what was made on no item (a vote on no item, a task)', () => {
  // As stored when made: at the meeting of 3 and of 17 December, and between meetings (8, 10 and 20 December).
  const made = [free('2026-12-03T07:00:00Z', 'dec3'), free('2026-12-08T09:00:00Z'), free('2026-12-10T08:00:00Z'), free('2026-12-17T08:00:00Z', 'dec17'), free('2026-12-20T09:00:00Z')];
  const placed = (t: Placed) => t;
  const iso = (list: readonly Placed[]) => list.map((t) => t.openedAt.toISOString());

  it('R16: stored with it, at it; made between meetings, in the next meeting\'s, apart', () => {
    expect(madeOnNoItemIn(planned[0]!, made, placed, planned)).toEqual({ at: [made[0]], between: [] });
    const dec17 = madeOnNoItemIn(planned[1]!, made, placed, planned);
    expect(iso(dec17.at)).toEqual(['2026-12-17T08:00:00.000Z']);
    expect(iso(dec17.between)).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-10T08:00:00.000Z']);
  });

  it('R16: a meeting planned afterwards on the day something was made between meetings does not make it made at it: its minutes report it as made between meetings', () => {
    const withDec10 = [planned[0]!, meeting('dec10', '2026-12-10T13:00:00Z'), planned[1]!];
    const dec10 = madeOnNoItemIn(withDec10[1]!, made, placed, withDec10);
    expect(iso(dec10.at)).toEqual([]);
    expect(iso(dec10.between)).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-10T08:00:00.000Z']);
    expect(madeOnNoItemIn(planned[1]!, made, placed, withDec10).between).toEqual([]);
  });

  it('R16: stored with the day\'s first meeting, it stays there when another meeting of the day would have been the one under way', () => {
    const sameDay = [meeting('ten', '2026-12-10T09:00:00Z'), meeting('half-one', '2026-12-10T11:30:00Z')];
    const given = [free('2026-12-10T10:40:00Z', 'ten')];
    expect(madeOnNoItemIn(sameDay[0]!, given, placed, sameDay)).toEqual({ at: given, between: [] });
    expect(madeOnNoItemIn(sameDay[1]!, given, placed, sameDay)).toEqual({ at: [], between: [] });
  });
});
