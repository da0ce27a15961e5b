/** R18: the progress summary for the political level, as Markdown. */
import type { Board } from '../../domain/kernel/board.js';
import { heldMeetingAgenda } from '../../domain/meeting.js';
import { formatDate, formatDateTime, messages } from '../../i18n/index.js';
import type { ProgressReport } from '../../usecases/report.js';
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
  const voteLine = (v: ProgressReport['votes'][number]) =>
    m.report.voteLine(day(v.motion.closedAt ?? v.motion.openedAt), md(v.motion.text), m.outcome.line(v.tally.adopted, v.tally.for, v.tally.against, v.tally.abstain));
  const conclusionLine = (c: ProgressReport['conclusions'][number]) => m.report.conclusionLine(day(c.decidedAt ?? c.concludedAt), md(c.itemLabel), md(c.text));
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
