/** R18: the progress summary for the political level, as Markdown. */
import type { Board } from '../../domain/kernel/board.js';
import { heldMeetingAgenda, sharesItsDay } from '../../domain/meeting.js';
import type { AgendaItemRef } from '../../domain/voting.js';
import { formatClock, formatDate, formatDateTime, messages } from '../../i18n/index.js';
import type { ProgressReport } from '../../usecases/report.js';
import { typedTime } from '../agenda/commands.js';
import { md } from '../text/markdown.js';

export function reportMarkdown(board: Board, report: ProgressReport): string {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const day = (d: Date) => formatDate(d, board.locale, board.timezone);
  const list = (lines: string[]) => (lines.length ? lines.join('\n') : m.report.none);
  // R13: the meetings held whose agenda went out late, or not at all.
  const late = report.meetings.filter((mt) => heldMeetingAgenda(mt) === 'late');
  const notSent = report.meetings.filter((mt) => heldMeetingAgenda(mt) === 'not-sent');
  // Each decision with the day it was made: a year's report holds several meetings' »Godkendelse af dagsorden«.
  // On an item of a meeting whose day holds another meeting of the report, that meeting's time too (PRODUCT §1.3).
  const decidedOn = (at: Date, item: AgendaItemRef | undefined) => {
    const meeting = item && report.meetings.find((mt) => mt.id === item.meetingId);
    if (!meeting || !sharesItsDay(meeting, report.meetings, board.timezone)) return day(at);
    // Decided on another day (a vote closed at its deadline): the meeting's own day and time, never this day's.
    if (day(at) !== day(meeting.startsAt)) return m.report.dayOfMeeting(day(at), when(meeting.startsAt));
    return m.report.dayAtMeeting(day(at), formatClock(typedTime(meeting.startsAt, board.timezone), board.locale));
  };
  const voteLine = (v: ProgressReport['votes'][number]) =>
    m.report.voteLine(decidedOn(v.motion.closedAt ?? v.motion.openedAt, v.motion.agendaItem), md(v.motion.text), m.outcome.line(v.tally.adopted, v.tally.for, v.tally.against, v.tally.abstain));
  const conclusionLine = (c: ProgressReport['conclusions'][number]) => m.report.conclusionLine(decidedOn(c.decidedAt ?? c.concludedAt, c.agendaItem), md(c.itemLabel), md(c.text));
  const reopenedMark = (at: Date | undefined) => (at ? m.report.reopenedMark(day(at)) : '');
  // R18: a decision since reopened is not the board's: listed apart, only when there is one.
  const reopened = [
    ...report.reopened.votes.map((v) => voteLine(v) + reopenedMark(v.motion.reopenedAt)),
    ...report.reopened.conclusions.map((c) => conclusionLine(c) + reopenedMark(c.reopenedAt)),
  ];
  return [
    `**${m.report.heading(day(report.from), day(new Date(report.to.getTime() - 1)))}**`,
    md(board.name),
    `**${m.report.meetings(report.meetings.length)}**\n\n${list(report.meetings.map((mt) => m.report.meetingLine(m.meeting.kind[mt.kind], when(mt.startsAt), heldMeetingAgenda(mt))))}`,
    `**${m.report.votes(report.votes.length)}**\n\n${list(report.votes.map(voteLine))}`,
    `**${m.report.conclusions(report.conclusions.length)}**\n\n${list(report.conclusions.map(conclusionLine))}`,
    ...(reopened.length ? [`**${m.report.reopened(reopened.length)}**\n\n${reopened.join('\n')}`] : []),
    `**${m.report.lateAgendas(late.length)}**`,
    `**${m.report.notSentAgendas(notSent.length)}**`,
    ...report.sections.map((s) => `**${s.title}**\n\n${s.text}`),
  ].join('\n\n');
}
