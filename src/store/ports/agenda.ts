/** Agendas (R12-R15): a meeting's items, their attachments, and the agenda's sending. */
import type { AgendaItem, Attachment } from '../../domain/meeting.js';

export type { AgendaItem, Attachment };

export interface AgendaPort {
  /** Records that the agenda went out; false when it had already (the first send wins). */
  markAgendaSent(meetingId: string, at: Date, late: boolean): Promise<boolean>;

  insertAgendaItem(item: AgendaItem): Promise<void>;
  /** Ordered by position. */
  listAgendaItems(meetingId: string): Promise<AgendaItem[]>;
  /** Appends an attachment (link) to an item. */
  addAttachment(itemId: string, attachment: Attachment): Promise<void>;
}
