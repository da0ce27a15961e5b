/** Decisions by consent (R7), objections, and dissents (R8) on conclusions and on votes. */
import type { Selectable } from 'kysely';
import type { Conclusion, ConclusionsPort, Dissent, Objection } from '../ports/conclusions.js';
import type { ReadOptions } from '../ports/read.js';
import type { ConclusionsTable, DissentsTable } from '../schema.js';
import { type StoreContext, locked, scoped } from './context.js';
import { date, inserted, iso, updated } from './values.js';

type StandingItemKey = NonNullable<Conclusion['agendaItem']['standing']>;

export function conclusionsQueries(ctx: StoreContext): ConclusionsPort {
  return {
    async reopenConclusions(ids: readonly string[], at: Date): Promise<void> {
      if (ids.length === 0) return;
      await scoped.update(ctx, 'conclusions').set({ reopened_at: iso(at) }).where('id', 'in', [...ids]).where('reopened_at', 'is', null).execute();
    },

    async setConclusionItemHeading(id: string, heading: string): Promise<void> {
      await scoped.update(ctx, 'conclusions').set({ item_heading: heading }).where('id', '=', id).execute();
    },

    async insertConclusion(conclusion: Conclusion): Promise<void> {
      await scoped.insert(ctx, 'conclusions', {
          id: conclusion.id,
          meeting_id: conclusion.agendaItem.meetingId,
          item_id: conclusion.agendaItem.itemId ?? null,
          standing_item: conclusion.agendaItem.standing ?? null,
          item_heading: conclusion.agendaItem.heading ?? null,
          reopened_at: conclusion.reopenedAt ? iso(conclusion.reopenedAt) : null,
          until_closed: conclusion.untilClosed ? 1 : 0,
          item_label: conclusion.itemLabel,
          text: conclusion.text,
          concluded_by: conclusion.concludedBy,
          concluded_at: iso(conclusion.concludedAt),
          objection_deadline: iso(conclusion.objectionDeadline),
          status: conclusion.status,
          decided_at: conclusion.decidedAt ? iso(conclusion.decidedAt) : null,
          decided_by: conclusion.decidedBy ?? null,
          motion_id: conclusion.motionId ?? null,
        })
        .execute();
    },

    async getConclusion(id: string, read?: ReadOptions): Promise<Conclusion | undefined> {
      const row = await locked(ctx, scoped.select(ctx, 'conclusions').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toConclusion(row) : undefined;
    },

    async listConclusions(filter: { meetingId?: string; from?: Date; to?: Date; decidedFrom?: Date; decidedTo?: Date } = {}): Promise<Conclusion[]> {
      let query = scoped.select(ctx, 'conclusions').selectAll();
      if (filter.meetingId !== undefined) query = query.where('meeting_id', '=', filter.meetingId);
      if (filter.from !== undefined) query = query.where('concluded_at', '>=', iso(filter.from));
      if (filter.to !== undefined) query = query.where('concluded_at', '<', iso(filter.to));
      if (filter.decidedFrom !== undefined) query = query.where('decided_at', '>=', iso(filter.decidedFrom));
      if (filter.decidedTo !== undefined) query = query.where('decided_at', '<', iso(filter.decidedTo));
      const rows = await query.orderBy('concluded_at').orderBy('id').execute();
      return rows.map(toConclusion);
    },

    /** Fields absent or undefined in `change` (other than status) are left as they are. */
    async updateConclusion(
      id: string,
      from: Conclusion['status'],
      change: Pick<Conclusion, 'status'> & Partial<Pick<Conclusion, 'decidedAt' | 'decidedBy' | 'motionId'>>,
    ): Promise<boolean> {
      const set: Partial<Pick<ConclusionsTable, 'status' | 'decided_at' | 'decided_by' | 'motion_id'>> = {
        status: change.status,
        ...(change.decidedAt !== undefined ? { decided_at: iso(change.decidedAt) } : {}),
        ...(change.decidedBy !== undefined ? { decided_by: change.decidedBy } : {}),
        ...(change.motionId !== undefined ? { motion_id: change.motionId } : {}),
      };
      const result = await scoped.update(ctx, 'conclusions')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return updated(result);
    },

    async addObjection(objection: Objection): Promise<boolean> {
      const result = await scoped.insert(ctx, 'objections', {
          conclusion_id: objection.conclusionId,
          person_id: objection.personId,
          organisation_id: objection.organisationId,
          at: iso(objection.at),
          reason: objection.reason ?? null,
        })
        .onConflict((oc) => oc.columns(['conclusion_id', 'person_id']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },

    async listObjections(conclusionId: string): Promise<Objection[]> {
      const rows = await scoped.select(ctx, 'objections')
        .selectAll()
        .where('conclusion_id', '=', conclusionId)
        .orderBy('at')
        .orderBy('person_id')
        .execute();
      return rows.map((r) => ({
        conclusionId: r.conclusion_id,
        personId: r.person_id,
        organisationId: r.organisation_id,
        at: date(r.at),
        ...(r.reason !== null ? { reason: r.reason } : {}),
      }));
    },

    /**
     * The conflict target is the subject's own unique key: a dissent with an id already
     * used still fails loudly, it is not taken for the person's earlier dissent.
     */
    async insertDissent(dissent: Dissent): Promise<boolean> {
      const { subject } = dissent;
      const onConclusion = 'conclusionId' in subject;
      const result = await scoped.insert(ctx, 'dissents', {
          id: dissent.id,
          conclusion_id: onConclusion ? subject.conclusionId : null,
          motion_id: 'motionId' in subject ? subject.motionId : null,
          person_id: dissent.personId,
          organisation_id: dissent.organisationId,
          text: dissent.text,
          at: iso(dissent.at),
        })
        .onConflict((oc) => oc.columns([onConclusion ? 'conclusion_id' : 'motion_id', 'person_id']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },

    async listDissents(subject: { conclusionId: string } | { motionId: string }): Promise<Dissent[]> {
      let query = scoped.select(ctx, 'dissents').selectAll();
      query =
        'conclusionId' in subject
          ? query.where('conclusion_id', '=', subject.conclusionId)
          : query.where('motion_id', '=', subject.motionId);
      const rows = await query.orderBy('at').orderBy('id').execute();
      return rows.map(toDissent);
    },
  };
}

function toConclusion(r: Selectable<ConclusionsTable>): Conclusion {
  return {
    id: r.id,
    agendaItem: {
      meetingId: r.meeting_id,
      ...(r.item_id !== null ? { itemId: r.item_id } : {}),
      ...(r.standing_item !== null ? { standing: r.standing_item as StandingItemKey } : {}),
      ...(r.item_heading !== null ? { heading: r.item_heading } : {}),
    },
    itemLabel: r.item_label,
    text: r.text,
    concludedBy: r.concluded_by,
    concludedAt: date(r.concluded_at),
    objectionDeadline: date(r.objection_deadline),
    status: r.status as Conclusion['status'],
    ...(r.decided_at !== null ? { decidedAt: date(r.decided_at) } : {}),
    ...(r.decided_by !== null ? { decidedBy: r.decided_by as NonNullable<Conclusion['decidedBy']> } : {}),
    ...(r.motion_id !== null ? { motionId: r.motion_id } : {}),
    ...(r.reopened_at !== null ? { reopenedAt: date(r.reopened_at) } : {}),
    ...(Number(r.until_closed) === 1 ? { untilClosed: true } : {}),
  };
}

function toDissent(r: Selectable<DissentsTable>): Dissent {
  return {
    id: r.id,
    subject: r.conclusion_id !== null ? { conclusionId: r.conclusion_id } : { motionId: r.motion_id! },
    personId: r.person_id,
    organisationId: r.organisation_id,
    text: r.text,
    at: date(r.at),
  };
}
