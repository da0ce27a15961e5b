import type { Board } from '../../domain/board.js';
import { agendaDeadline } from '../../domain/datetime.js';
import type { Meeting, NumberedItem } from '../../domain/meeting.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import type { AgendaView } from '../../usecases/meetings.js';
import { type AdaptiveCardJson, renderCard } from './render.js';

export function itemTitle(board: Board, item: NumberedItem): string {
  return item.standing ? messages(board.locale).agenda.standing[item.standing] : item.title;
}

export function meetingHeading(board: Board, meeting: Meeting): string {
  const m = messages(board.locale);
  return m.agenda.heading(m.meeting.kind[meeting.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone));
}

/** Markdown link text is escaped so a title cannot break the link. */
function link(url: string, title: string | undefined, fallback: string): string {
  const text = (title ?? fallback).replace(/[[\]]/g, '');
  return `[${text}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/**
 * The agenda card (R13): numbered items with their kind and attachments, the meeting's
 * date in long form, and "Udsendt for sent" when it went out after its deadline.
 * `canSend` shows the *Udsend dagsorden* button on a draft.
 */
export function agendaCard(board: Board, view: AgendaView, options: { canSend?: boolean } = {}): AdaptiveCardJson {
  const m = messages(board.locale);
  const { meeting } = view;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const deadline = agendaDeadline(meeting.startsAt, board.policies, board.timezone);
  const status = meeting.agendaSentAt ? m.agenda.sentAt(when(meeting.agendaSentAt)) : `${m.agenda.draft} ${m.agenda.deadline(when(deadline))}`;
  return renderCard('agenda', {
    meetingId: meeting.id,
    title: m.agenda.title,
    heading: meetingHeading(board, meeting),
    subject: [meeting.subject ? m.meeting.subject(meeting.subject) : '', meeting.place ? m.meeting.place(meeting.place) : ''].filter(Boolean).join('\n\n'),
    late: meeting.agendaLate === true,
    lateText: m.agenda.late,
    lateNote: m.agenda.lateNote(when(deadline)),
    items: view.items.map((item) => ({
      line: m.agenda.itemLine(item.number, itemTitle(board, item), m.agenda.kind[item.kind]),
      attachments: item.attachments.map((a, i) => ({ text: `${m.agenda.attachment}: ${link(a.url, a.title, `${m.agenda.attachment} ${i + 1}`)}` })),
    })),
    status,
    canSend: options.canSend === true && !meeting.agendaSentAt,
    sendLabel: m.agenda.sendButton,
  });
}
