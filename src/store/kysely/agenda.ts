/** Agenda items (R12-R15), their attachments, and the agenda's sending (a meeting's agenda_sent_at). */
import type { Selectable } from 'kysely';
import type { AgendaItem, AgendaPort, Attachment } from '../ports/agenda.js';
import type { AgendaItemsTable } from '../schema.js';
import { type StoreContext, atomically, scoped } from './context.js';
import { date, fromJson, iso, updated } from './values.js';

/** Attempts of `addAttachment` to append against a concurrently changing list before it gives up. */
const ATTACHMENT_APPEND_ATTEMPTS = 5;

type StandingItemKey = NonNullable<AgendaItem['standing']>;

export function agendaQueries(ctx: StoreContext): AgendaPort {
  return {
    async markAgendaSent(meetingId: string, at: Date, late: boolean): Promise<boolean> {
      const result = await scoped.update(ctx, 'meetings')
        .set({ agenda_sent_at: iso(at), agenda_late: late ? 1 : 0 })
        .where('id', '=', meetingId)
        .where('agenda_sent_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async insertAgendaItem(item: AgendaItem): Promise<void> {
      await scoped.insert(ctx, 'agenda_items', {
          id: item.id,
          meeting_id: item.meetingId,
          title: item.title,
          kind: item.kind,
          position: item.position,
          section: item.section,
          standing_item: item.standing ?? null,
          number: item.number ?? null,
          added_after_sending: item.addedAfterSending ? 1 : 0,
          attachments: JSON.stringify(item.attachments),
          added_by: item.addedBy,
          added_at: iso(item.addedAt),
        })
        .execute();
    },

    async listAgendaItems(meetingId: string): Promise<AgendaItem[]> {
      const rows = await scoped.select(ctx, 'agenda_items')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute();
      return rows.map(toAgendaItem);
    },

    async deleteAgendaRows(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await scoped.delete(ctx, 'agenda_items').where('id', 'in', [...ids]).where('section', '<>', 'added').execute();
    },

    async setAgendaNumbers(numbers: readonly { readonly id: string; readonly number: number }[]): Promise<void> {
      for (const { id, number } of numbers) await scoped.update(ctx, 'agenda_items').set({ number }).where('id', '=', id).execute();
    },

    /**
     * Read, append, write back guarded by the list read (compare-and-set): an append
     * that raced in between is never overwritten; the append is then retried.
     * Throws for an unknown item: the attachment must not be lost silently.
     */
    async addAttachment(itemId: string, attachment: Attachment): Promise<void> {
      await atomically(ctx, async (ctx) => {
        for (let attempt = 0; attempt < ATTACHMENT_APPEND_ATTEMPTS; attempt++) {
          const row = await scoped.select(ctx, 'agenda_items').select('attachments').where('id', '=', itemId).executeTakeFirst();
          if (!row) throw new Error(`agenda item ${itemId} not found`);
          const attachments = [...(fromJson(row.attachments) as Attachment[]), attachment];
          const result = await scoped.update(ctx, 'agenda_items')
            .set({ attachments: JSON.stringify(attachments) })
            .where('id', '=', itemId)
            .where('attachments', '=', row.attachments)
            .executeTakeFirst();
          if (updated(result)) return;
        }
        throw new Error(`agenda item ${itemId}: attachments kept changing; attachment not added`);
      });
    },
  };
}

function toAgendaItem(r: Selectable<AgendaItemsTable>): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    title: r.title,
    kind: r.kind as AgendaItem['kind'],
    section: r.section as AgendaItem['section'],
    ...(r.standing_item !== null ? { standing: r.standing_item as StandingItemKey } : {}),
    position: Number(r.position),
    ...(r.number !== null ? { number: Number(r.number) } : {}),
    ...(Number(r.added_after_sending) === 1 ? { addedAfterSending: true } : {}),
    attachments: fromJson(r.attachments) as Attachment[],
    addedBy: r.added_by,
    addedAt: date(r.added_at),
  };
}
