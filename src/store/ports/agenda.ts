/** Agendas (R12-R15): a meeting's items, their attachments, and the agenda's sending. */
import type { AgendaItem, Attachment } from '../../domain/meeting.js';

export type { AgendaItem, Attachment };

export interface AgendaPort {
  /** Records that the agenda went out; false when it had already (the first send wins). */
  markAgendaSent(meetingId: string, at: Date, late: boolean): Promise<boolean>;

  insertAgendaItem(item: AgendaItem): Promise<void>;
  /** Every stored item of the meeting, standing ones included; ordered by section, then position. */
  listAgendaItems(meetingId: string): Promise<AgendaItem[]>;
  /** Removes fixed rows a draft agenda no longer has (never an added item: `section` 'added' is kept). */
  deleteAgendaRows(ids: readonly string[]): Promise<void>;
  /** Fixes the numbers the agenda went out with (R13). */
  setAgendaNumbers(numbers: readonly { readonly id: string; readonly number: number }[]): Promise<void>;
  /** Appends an attachment (link) to an item. */
  addAttachment(itemId: string, attachment: Attachment): Promise<void>;
}
