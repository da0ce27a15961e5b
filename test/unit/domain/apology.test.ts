import { describe, expect, it } from 'vitest';
import { apologyMeeting, withdrawalMeeting } from '../../../src/domain/apology.js';
import type { Meeting } from '../../../src/domain/meeting.js';

const zone = 'Europe/Copenhagen';
const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting => ({
  id,
  kind: 'ordinary',
  startsAt: new Date(startsAt),
  status,
  createdBy: 'p',
  createdAt: new Date('2026-12-01T09:00:00Z'),
});
// Thursday 10 December 2026 at 14.00 and 17.00, Thursday 17 December at 14.00 (Copenhagen).
const today = meeting('today', '2026-12-10T13:00:00Z');
const later = meeting('later', '2026-12-10T16:00:00Z');
const next = meeting('next', '2026-12-17T13:00:00Z');
const cancelled = meeting('cancelled', '2026-12-14T13:00:00Z', 'cancelled');

describe('which meeting apologies without a date are for (R16)', () => {
  it('R16: afbud: the first planned meeting not begun; today\'s begun one is passed by, and named', () => {
    expect(apologyMeeting([next, today, cancelled], new Date('2026-12-10T12:59:00Z'), zone)).toEqual({ meeting: today });
    expect(apologyMeeting([next, today, cancelled], new Date('2026-12-10T13:00:00Z'), zone)).toEqual({ meeting: next, passed: today });
    expect(apologyMeeting([next, today, later], new Date('2026-12-10T14:00:00Z'), zone)).toEqual({ meeting: later, passed: today });
    expect(apologyMeeting([next, today, later], new Date('2026-12-10T19:00:00Z'), zone)).toEqual({ meeting: next, passed: later });
    // The day after: nothing passed by (the day is over), nothing ahead but the next.
    expect(apologyMeeting([next, today], new Date('2026-12-11T09:00:00Z'), zone)).toEqual({ meeting: next });
    expect(apologyMeeting([today], new Date('2026-12-10T19:00:00Z'), zone)).toEqual({ passed: today });
    expect(apologyMeeting([cancelled], new Date('2026-12-10T19:00:00Z'), zone)).toEqual({});
  });

  it('R16: fjern afbud: the person\'s apology not begun first, else today\'s; none: the meeting afbud is for', () => {
    const evening = new Date('2026-12-10T19:00:00Z');
    expect(withdrawalMeeting([today, next], new Set(['today', 'next']), evening, zone)?.id).toBe('next');
    expect(withdrawalMeeting([today, next], new Set(['today']), evening, zone)?.id).toBe('today');
    expect(withdrawalMeeting([today, next], new Set(), evening, zone)?.id).toBe('next');
    expect(withdrawalMeeting([today], new Set(), evening, zone)?.id).toBe('today');
    // The day over, today's apology stands: the next meeting is named.
    expect(withdrawalMeeting([today, next], new Set(['today']), new Date('2026-12-11T09:00:00Z'), zone)?.id).toBe('next');
    expect(withdrawalMeeting([cancelled], new Set(['cancelled']), evening, zone)).toBeUndefined();
  });
});
