import type { Board } from '../../domain/kernel/board.js';
import { agendaDeadline } from '../../domain/kernel/calendar.js';
import type { Attachment, Meeting, NumberedItem } from '../../domain/meeting.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import type { AgendaView } from '../../usecases/agenda.js';
import { md, mdPlace, mdLink, noBlockStart, timeUnbroken } from '../text/markdown.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';

export function itemTitle(board: Board, item: NumberedItem): string {
  return item.standing ? messages(board.locale).agenda.standing[item.standing] : item.title;
}

/** "Bilag: [title](url)", marked when it was added after the agenda was sent (R12, R13). */
export function attachmentLine(board: Board, attachment: Attachment, index: number): string {
  const m = messages(board.locale);
  const line = `${m.agenda.attachment}: ${mdLink(attachment.title ?? `${m.agenda.attachment} ${index + 1}`, attachment.url)}`;
  return attachment.addedAfterSending ? `${line} – ${m.agenda.addedAfterSending}` : line;
}

export function meetingHeading(board: Board, meeting: Meeting): string {
  const m = messages(board.locale);
  return m.agenda.heading(m.meeting.kind[meeting.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone));
}

/** Sent when; a draft, and when it goes out; or, its deadline passed unsent, that it was not sent (R13). */
export function agendaStatus(board: Board, view: AgendaView): string {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const { meeting } = view;
  if (meeting.agendaSentAt) return m.agenda.sentAt(when(meeting.agendaSentAt));
  const deadline = when(agendaDeadline(meeting.startsAt, board.policies, board.timezone));
  return view.overdue ? m.agenda.notSent(deadline) : `${m.agenda.draft} ${m.agenda.deadline(deadline)}`;
}

/**
 * The agenda card (R13): numbered items with their kind and attachments, the meeting's
 * date in long form, "Udsendt for sent" when it went out after its deadline, and that the
 * meeting is cancelled when it is.
 * `canSend` shows the *Udsend dagsorden* button on a draft.
 */
export function agendaCard(board: Board, view: AgendaView, options: { canSend?: boolean; calendarUrl?: string } = {}): AdaptiveCardJson {
  const m = messages(board.locale);
  const { meeting } = view;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const deadline = agendaDeadline(meeting.startsAt, board.policies, board.timezone);
  const status = agendaStatus(board, view);
  return renderCard('agenda', {
    meetingId: meeting.id,
    title: m.agenda.title,
    heading: timeUnbroken(meetingHeading(board, meeting)),
    subject: [meeting.subject ? m.meeting.subject(md(meeting.subject)) : '', meeting.place ? m.meeting.place(mdPlace(meeting.place, m.meeting.placeLink)) : ''].filter(Boolean).join('\n\n'),
    cancelled: meeting.status === 'cancelled',
    cancelledText: m.agenda.cancelled,
    late: meeting.agendaLate === true,
    lateText: m.agenda.late,
    lateNote: m.agenda.lateNote(when(deadline)),
    items: view.items.map((item) => ({
      // "5. Title" would start a numbered list: the dot is escaped.
      line: noBlockStart(m.agenda.itemLine(item.number, md(itemTitle(board, item)), m.agenda.kind[item.kind])),
      addedAfter: item.addedAfterSending ? m.agenda.addedAfterSending : '',
      notes: (item.notes ?? []).map((text) => ({ text })),
      // Under its item, one a line, its title the link: in the text's own size, a finger's target on a phone.
      attachments: item.attachments.map((a, i) => ({ text: attachmentLine(board, a, i) })),
    })),
    status,
    canSend: options.canSend === true && !meeting.agendaSentAt && meeting.status !== 'cancelled',
    sendLabel: m.agenda.sendButton,
    calendarUrl: options.calendarUrl ?? '',
    // A cancelled meeting's invitation is METHOD:CANCEL: opening it removes the meeting from a calendar.
    calendarLabel: meeting.status === 'cancelled' ? m.files.removeFromCalendar : m.files.addToCalendar,
  });
}
