import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import { jobKeys, planMeetingJobs } from '../../../src/usecases/meeting-jobs.js';

const board = loadBoardFile('config/demo.yaml');

function meeting(startsAt: string, extra: Partial<Meeting> = {}): Meeting {
  return { id: 'm1', kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: new Date('2026-01-01T00:00:00Z'), ...extra };
}

describe('planning a meeting\'s jobs', () => {
  it('R13: reminder 7 days before, agenda 5 days before and a reminder the day before, all at 09:00 local', () => {
    const jobs = planMeetingJobs(board, meeting('2026-12-10T13:00:00Z'), new Date('2026-11-01T10:00:00Z'));
    expect(jobs.plan.map((j) => [j.key, j.kind, j.dueAt.toISOString()])).toEqual([
      ['meeting:m1:agenda-reminder', 'agenda.reminder', '2026-12-03T08:00:00.000Z'],
      ['meeting:m1:agenda-post', 'agenda.post', '2026-12-05T08:00:00.000Z'],
      ['meeting:m1:day-before', 'meeting.reminder', '2026-12-09T08:00:00.000Z'],
    ]);
    expect(jobs.cancel).toEqual([]);
  });

  it('R13: a meeting just after the spring daylight-saving change keeps its 09:00 local times', () => {
    // Sunday 29 March 2026 is the change; the meeting is Monday 30 March at 14:00 CEST.
    const jobs = planMeetingJobs(board, meeting('2026-03-30T12:00:00Z'), new Date('2026-03-01T10:00:00Z'));
    expect(jobs.plan.map((j) => j.dueAt.toISOString())).toEqual([
      '2026-03-23T08:00:00.000Z', // Monday 23 March 09:00 CET
      '2026-03-25T08:00:00.000Z', // Wednesday 25 March 09:00 CET
      '2026-03-29T07:00:00.000Z', // Sunday 29 March 09:00 CEST
    ]);
  });

  it('R13: called at short notice, the agenda is due at once and reminders already passed are left out', () => {
    const now = new Date('2026-12-08T10:00:00Z');
    const jobs = planMeetingJobs(board, meeting('2026-12-10T13:00:00Z', { kind: 'extraordinary', subject: 's' }), now);
    expect(jobs.plan.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ['agenda.post', now.toISOString()],
      ['meeting.reminder', '2026-12-09T08:00:00.000Z'],
    ]);
    expect(jobs.cancel).toEqual([jobKeys.agendaReminder('m1')]);
  });

  it('is idempotent: one job per meeting and kind, the same keys every time', () => {
    const now = new Date('2026-11-01T10:00:00Z');
    const a = planMeetingJobs(board, meeting('2026-12-10T13:00:00Z'), now);
    const b = planMeetingJobs(board, meeting('2026-12-17T13:00:00Z'), now);
    expect(a.plan.map((j) => j.key)).toEqual(b.plan.map((j) => j.key));
    expect(new Set(a.plan.map((j) => j.key)).size).toBe(3);
  });

  it('a cancelled meeting cancels all its jobs; a sent agenda is not planned again', () => {
    const now = new Date('2026-11-01T10:00:00Z');
    expect(planMeetingJobs(board, meeting('2026-12-10T13:00:00Z', { status: 'cancelled' }), now)).toEqual({
      plan: [],
      cancel: [jobKeys.agendaReminder('m1'), jobKeys.agendaPost('m1'), jobKeys.meetingReminder('m1')],
    });
    const sent = planMeetingJobs(board, meeting('2026-12-10T13:00:00Z', { agendaSentAt: now, agendaLate: false }), now);
    expect(sent.plan.map((j) => j.kind)).toEqual(['agenda.reminder', 'meeting.reminder']);
  });
});
