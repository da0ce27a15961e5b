/**
 * The agenda as Markdown (R13): the whole of it, served as a file when the card cannot hold
 * every item. User text goes through the escaper, as on the card.
 */
import type { Board } from '../../domain/kernel/board.js';
import { agendaDeadline } from '../../domain/kernel/calendar.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import type { AgendaView } from '../../usecases/agenda.js';
import { agendaStatus, attachmentLine, itemTitle, meetingHeading } from './card.js';
import { md, mdLink, mdPlace, noBlockStart } from '../text/markdown.js';

export function agendaMarkdown(board: Board, view: AgendaView): string {
  const m = messages(board.locale);
  const { meeting } = view;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const lines = [`# ${m.agenda.title} – ${meetingHeading(board, meeting)}`, ''];
  if (meeting.status === 'cancelled') lines.push(`**${m.agenda.cancelled}**`, '');
  if (meeting.subject) lines.push(m.meeting.subject(md(meeting.subject)), '');
  if (meeting.place) lines.push(m.meeting.place(mdPlace(meeting.place, m.meeting.placeLink)), '');
  lines.push(agendaStatus(board, view));
  if (meeting.agendaLate) lines.push('', `${m.agenda.late}. ${m.agenda.lateNote(when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)))}`);
  lines.push('');
  for (const item of view.items) {
    const line = noBlockStart(m.agenda.itemLine(item.number, md(itemTitle(board, item)), m.agenda.kind[item.kind]));
    lines.push('', item.addedAfterSending ? `${line} – ${m.agenda.addedAfterSending}` : line);
    for (const note of item.notes ?? []) lines.push('', note);
    for (const [i, a] of item.attachments.entries()) lines.push('', attachmentLine(board, a, i));
  }
  return `${lines.join('\n')}\n`;
}
