/** Minutes and attendance (R16). */
import type { Selectable } from 'kysely';
import type { Apology, Attendee, Minutes, MinutesPort } from '../ports/minutes.js';
import type { ReadOptions } from '../ports/read.js';
import type { AttendeesTable, MinutesTable } from '../schema.js';
import { type StoreContext, locked, scoped } from './context.js';
import { date, inserted, iso, updated } from './values.js';

export function minutesQueries(ctx: StoreContext): MinutesPort {
  return {
    async insertMinutes(minutes: Minutes): Promise<void> {
      await scoped.insert(ctx, 'minutes', {
          id: minutes.id,
          meeting_id: minutes.meetingId,
          version: minutes.version,
          corrects_id: minutes.correctsId ?? null,
          text: minutes.text,
          drafted_by: minutes.draftedBy,
          drafted_at: iso(minutes.draftedAt),
          updated_at: iso(minutes.updatedAt),
          approved_at: minutes.approvedAt ? iso(minutes.approvedAt) : null,
          approved_by: minutes.approvedBy ?? null,
        })
        .execute();
    },

    async getMinutes(id: string, read?: ReadOptions): Promise<Minutes | undefined> {
      const row = await locked(ctx, scoped.select(ctx, 'minutes').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toMinutes(row) : undefined;
    },

    async listMinutes(meetingId: string): Promise<Minutes[]> {
      const rows = await scoped.select(ctx, 'minutes')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('version')
        .execute();
      return rows.map(toMinutes);
    },

    async updateMinutesText(id: string, text: string, at: Date): Promise<boolean> {
      const result = await scoped.update(ctx, 'minutes')
        .set({ text, updated_at: iso(at) })
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async redraftMinutes(id: string, text: string, at: Date): Promise<boolean> {
      const result = await scoped.update(ctx, 'minutes')
        .set({ text, drafted_at: iso(at), updated_at: iso(at) })
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        .where((eb) => eb('updated_at', '=', eb.ref('drafted_at')))
        .executeTakeFirst();
      return updated(result);
    },

    async approveMinutes(id: string, at: Date, by: string): Promise<boolean> {
      const result = await scoped.update(ctx, 'minutes')
        .set({ approved_at: iso(at), approved_by: by })
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        // Not while the record has changed since the secretary's last correction (behindTheRecord).
        .where((eb) => eb.or([eb('record_changed_at', 'is', null), eb('record_changed_at', '<=', eb.ref('updated_at'))]))
        .executeTakeFirst();
      return updated(result);
    },

    async markRecordChanged(id: string, at: Date): Promise<boolean> {
      const result = await scoped.update(ctx, 'minutes')
        .set({ record_changed_at: iso(at) })
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async addAttendee(attendee: Attendee): Promise<boolean> {
      const result = await scoped.insert(ctx, 'attendees', {
          meeting_id: attendee.meetingId,
          name: attendee.name,
          person_id: attendee.personId ?? null,
          organisation_id: attendee.organisationId ?? null,
          added_by: attendee.addedBy,
          added_at: iso(attendee.addedAt),
        })
        .onConflict((oc) => oc.columns(['meeting_id', 'name']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },

    async listAttendees(meetingId: string): Promise<Attendee[]> {
      const rows = await scoped.select(ctx, 'attendees')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('added_at')
        .orderBy('name')
        .execute();
      return rows.map(toAttendee);
    },

    async saveApology(apology: Apology): Promise<void> {
      await scoped.insert(ctx, 'apologies', {
          meeting_id: apology.meetingId,
          person_id: apology.personId,
          organisation_id: apology.organisationId ?? null,
          message: apology.message ?? null,
          sent_at: iso(apology.sentAt),
        })
        .onConflict((oc) =>
          oc.columns(['meeting_id', 'person_id']).doUpdateSet((eb) => ({
            organisation_id: eb.ref('excluded.organisation_id'),
            message: eb.ref('excluded.message'),
            sent_at: eb.ref('excluded.sent_at'),
          })),
        )
        .execute();
    },

    async listApologies(meetingId: string): Promise<Apology[]> {
      const rows = await scoped.select(ctx, 'apologies').selectAll().where('meeting_id', '=', meetingId).orderBy('sent_at').orderBy('person_id').execute();
      return rows.map((r) => ({
        meetingId: r.meeting_id,
        personId: r.person_id,
        ...(r.organisation_id !== null ? { organisationId: r.organisation_id } : {}),
        ...(r.message !== null ? { message: r.message } : {}),
        sentAt: date(r.sent_at),
      }));
    },

    async removeApology(meetingId: string, personId: string): Promise<boolean> {
      const result = await scoped.delete(ctx, 'apologies').where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async removeAttendee(meetingId: string, name: string): Promise<boolean> {
      const result = await scoped.delete(ctx, 'attendees').where('meeting_id', '=', meetingId).where('name', '=', name).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function toMinutes(r: Selectable<MinutesTable>): Minutes {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    version: Number(r.version),
    ...(r.corrects_id !== null ? { correctsId: r.corrects_id } : {}),
    text: r.text,
    draftedBy: r.drafted_by,
    draftedAt: date(r.drafted_at),
    updatedAt: date(r.updated_at),
    ...(r.approved_at !== null ? { approvedAt: date(r.approved_at) } : {}),
    ...(r.approved_by !== null ? { approvedBy: r.approved_by } : {}),
    ...(r.record_changed_at !== null ? { recordChangedAt: date(r.record_changed_at) } : {}),
  };
}

function toAttendee(r: Selectable<AttendeesTable>): Attendee {
  return {
    meetingId: r.meeting_id,
    ...(r.person_id !== null ? { personId: r.person_id } : {}),
    ...(r.organisation_id !== null ? { organisationId: r.organisation_id } : {}),
    name: r.name,
    addedBy: r.added_by,
    addedAt: date(r.added_at),
  };
}
