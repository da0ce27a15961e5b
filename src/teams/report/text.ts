/** R18: the progress summary for the political level, as Markdown. */
import type { Board } from '../../domain/kernel/board.js';
import { formatDate, formatDateTime, messages } from '../../i18n/index.js';
import type { ProgressReport } from '../../usecases/report.js';
import { md } from '../text/markdown.js';

export function reportMarkdown(board: Board, report: ProgressReport): string {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const day = (d: Date) => formatDate(d, board.locale, board.timezone);
  const list = (lines: string[]) => (lines.length ? lines.join('\n') : m.report.none);
  const late = report.meetings.filter((mt) => mt.agendaLate);
  return [
    `**${m.report.heading(day(report.from), day(new Date(report.to.getTime() - 1)))}**`,
    md(board.name),
    `**${m.report.meetings(report.meetings.length)}**\n\n${list(report.meetings.map((mt) => m.report.meetingLine(m.meeting.kind[mt.kind], when(mt.startsAt), mt.agendaLate === true)))}`,
    `**${m.report.votes(report.votes.length)}**\n\n${list(report.votes.map((v) => m.report.voteLine(md(v.motion.text), m.outcome.line(v.tally.adopted, v.tally.for, v.tally.against, v.tally.abstain))))}`,
    `**${m.report.conclusions(report.conclusions.length)}**\n\n${list(report.conclusions.map((c) => m.report.conclusionLine(md(c.itemLabel), md(c.text))))}`,
    `**${m.report.lateAgendas(late.length)}**`,
    ...report.sections.map((s) => `**${s.title}**\n\n${s.text}`),
  ].join('\n\n');
}
