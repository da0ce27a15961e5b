/** Members' petitions for an extraordinary meeting and their supports (R11). */
import type { Selectable } from 'kysely';
import type { Petition, PetitionSupport, PetitionsPort } from '../ports/petitions.js';
import type { ReadOptions } from '../ports/read.js';
import type { PetitionsTable } from '../schema.js';
import { type StoreContext, locked, scoped } from './context.js';
import { date, inserted, iso, updated } from './values.js';

export function petitionsQueries(ctx: StoreContext): PetitionsPort {
  return {
    async insertPetition(petition: Petition): Promise<void> {
      await scoped.insert(ctx, 'petitions', {
          id: petition.id,
          subject: petition.subject,
          created_by: petition.createdBy,
          created_at: iso(petition.createdAt),
          majority_at: petition.majorityAt ? iso(petition.majorityAt) : null,
          meeting_id: petition.meetingId ?? null,
          lapsed_at: petition.lapsedAt ? iso(petition.lapsedAt) : null,
        })
        .execute();
    },

    async getPetition(id: string, read?: ReadOptions): Promise<Petition | undefined> {
      const row = await locked(ctx, scoped.select(ctx, 'petitions').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toPetition(row) : undefined;
    },

    async listPetitions(filter: { readonly createdFrom: Date }): Promise<Petition[]> {
      const rows = await scoped.select(ctx, 'petitions').selectAll().where('created_at', '>=', iso(filter.createdFrom)).orderBy('created_at').orderBy('id').execute();
      return rows.map(toPetition);
    },

    async addPetitionSupport(support: PetitionSupport): Promise<boolean> {
      const result = await scoped.insert(ctx, 'petition_supports', { petition_id: support.petitionId, person_id: support.personId, supported_at: iso(support.supportedAt) })
        .onConflict((oc) => oc.columns(['petition_id', 'person_id']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },

    async listPetitionSupports(petitionId: string): Promise<PetitionSupport[]> {
      const rows = await scoped.select(ctx, 'petition_supports')
        .selectAll()
        .where('petition_id', '=', petitionId)
        .orderBy('supported_at')
        .orderBy('person_id')
        .execute();
      return rows.map((r) => ({ petitionId: r.petition_id, personId: r.person_id, supportedAt: date(r.supported_at) }));
    },

    async markPetitionMajority(id: string, at: Date): Promise<boolean> {
      const result = await scoped.update(ctx, 'petitions')
        .set({ majority_at: iso(at) })
        .where('id', '=', id)
        .where('majority_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async markPetitionLapsed(id: string, at: Date): Promise<boolean> {
      const result = await scoped.update(ctx, 'petitions')
        .set({ lapsed_at: iso(at) })
        .where('id', '=', id)
        .where('lapsed_at', 'is', null)
        .where('majority_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async setPetitionMeeting(id: string, meetingId: string): Promise<boolean> {
      const result = await scoped.update(ctx, 'petitions').set({ meeting_id: meetingId }).where('id', '=', id).executeTakeFirst();
      return updated(result);
    },

    async listPetitionsOfMeeting(meetingId: string): Promise<Petition[]> {
      const rows = await scoped.select(ctx, 'petitions').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toPetition);
    },
  };
}

function toPetition(r: Selectable<PetitionsTable>): Petition {
  return {
    id: r.id,
    subject: r.subject,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.majority_at !== null ? { majorityAt: date(r.majority_at) } : {}),
    ...(r.meeting_id !== null ? { meetingId: r.meeting_id } : {}),
    ...(r.lapsed_at !== null ? { lapsedAt: date(r.lapsed_at) } : {}),
  };
}
