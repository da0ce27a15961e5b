/** R16: which meeting's minutes record a decision (recordMeetingOf, betweenMeetingsFrom), and a task as a vote on no item (madeOnNoItemIn). */
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meeting.js';
import { betweenMeetingsFrom, madeOnNoItemIn, recordMeetingOf } from '../../../src/domain/minutes.js';

const zone = 'Europe/Copenhagen';
const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status, createdBy: 'x', createdAt: new Date('2026-01-01T00:00:00Z') });
// Thursdays 3 and 17 December 2026 at 10.00 in Copenhagen.
const planned = [meeting('dec3', '2026-12-03T09:00:00Z'), meeting('dec17', '2026-12-17T09:00:00Z')];
const free = (openedAt: string) => ({ openedAt: new Date(openedAt) });
const onItemOf = (meetingId: string, openedAt: string) => ({ openedAt: new Date(openedAt), agendaItem: { meetingId, itemId: 'i' } });

describe('R16: the minutes that record a vote', () => {
  it('R16: a vote on an item is its meeting\'s, also when opened days before it', () => {
    expect(betweenMeetingsFrom(onItemOf('dec17', '2026-12-10T09:00:00Z'), planned[1], planned, zone)).toBeUndefined();
    expect(recordMeetingOf(onItemOf('dec17', '2026-12-10T09:00:00Z'), planned[1], planned, zone)).toBe('dec17');
  });

  it('R16: a vote on no item opened on a meeting\'s day (before it, or after it) is that meeting\'s', () => {
    for (const at of ['2026-12-03T07:00:00Z', '2026-12-03T20:00:00Z']) {
      expect(betweenMeetingsFrom(free(at), undefined, planned, zone)).toBeUndefined();
      expect(recordMeetingOf(free(at), undefined, planned, zone)).toBe('dec3');
    }
  });

  it('R16: a vote on no item opened on a day without a meeting is the next meeting\'s; none while no meeting is planned after it', () => {
    expect(betweenMeetingsFrom(free('2026-12-08T09:00:00Z'), undefined, planned, zone)).toEqual(new Date('2026-12-08T09:00:00Z'));
    expect(recordMeetingOf(free('2026-12-08T09:00:00Z'), undefined, planned, zone)).toBe('dec17');
    expect(recordMeetingOf(free('2026-12-01T09:00:00Z'), undefined, planned, zone)).toBe('dec3');
    expect(recordMeetingOf(free('2026-12-20T09:00:00Z'), undefined, planned, zone)).toBeUndefined();
  });

  it('R16: a decision on an item of a meeting cancelled is the first planned meeting\'s after the cancelled one\'s start', () => {
    const cancelled = meeting('dec10', '2026-12-10T09:00:00Z', 'cancelled');
    const vote = onItemOf('dec10', '2026-12-04T09:00:00Z');
    expect(betweenMeetingsFrom(vote, cancelled, planned, zone)).toEqual(cancelled.startsAt);
    expect(recordMeetingOf(vote, cancelled, planned, zone)).toBe('dec17');
  });

  it('R16: made before a meeting held, on an item of a later meeting cancelled afterwards, it goes to the minutes after the cancelled one, never to those held already', () => {
    const cancelled = meeting('dec17', '2026-12-17T09:00:00Z', 'cancelled');
    const vote = onItemOf('dec17', '2026-12-01T09:00:00Z');
    const later = [planned[0]!, meeting('jan14', '2027-01-14T09:00:00Z')];
    expect(recordMeetingOf(vote, cancelled, later, zone)).toBe('jan14');
    expect(recordMeetingOf(vote, cancelled, [planned[0]!], zone)).toBeUndefined();
  });
});

describe('R16: what a meeting\'s minutes hold of what was made on no item (a vote on no item, a task)', () => {
  const made = ['2026-12-03T07:00:00Z', '2026-12-08T09:00:00Z', '2026-12-10T08:00:00Z', '2026-12-17T08:00:00Z', '2026-12-20T09:00:00Z'].map((at) => ({ at: new Date(at) }));
  const madeAt = (t: { at: Date }) => t.at;
  const iso = (list: readonly { at: Date }[]) => list.map((t) => t.at.toISOString());

  it('R16: made on its day, at it; made on a day without a planned meeting (10 December: its meeting cancelled), between meetings, in the next meeting\'s', () => {
    expect(madeOnNoItemIn(planned[0]!, made, madeAt, planned, zone)).toEqual({ at: [made[0]], between: [] });
    const dec17 = madeOnNoItemIn(planned[1]!, made, madeAt, planned, zone);
    expect(iso(dec17.at)).toEqual(['2026-12-17T08:00:00.000Z']);
    expect(iso(dec17.between)).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-10T08:00:00.000Z']);
  });

  it('R16: the day\'s meeting planned, what was made on it that morning is that meeting\'s, at it', () => {
    const withDec10 = [planned[0]!, meeting('dec10', '2026-12-10T13:00:00Z'), planned[1]!];
    const dec10 = madeOnNoItemIn(withDec10[1]!, made, madeAt, withDec10, zone);
    expect(iso(dec10.at)).toEqual(['2026-12-10T08:00:00.000Z']);
    expect(iso(dec10.between)).toEqual(['2026-12-08T09:00:00.000Z']);
    expect(madeOnNoItemIn(planned[1]!, made, madeAt, withDec10, zone).between).toEqual([]);
  });
});
