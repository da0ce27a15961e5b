/** Motions and their ballots (R5, R6). */
import type { Selectable } from 'kysely';
import type { Ballot, Motion, VotingPort } from '../ports/voting.js';
import type { ReadOptions } from '../ports/read.js';
import type { BallotsTable, MotionsTable } from '../schema.js';
import { type StoreContext, scoped } from './context.js';
import { prepared } from './prepared.js';
import { date, fromJson, iso } from './values.js';

type CloseReason = NonNullable<Motion['closeReason']>;
type StandingItemKey = NonNullable<NonNullable<Motion['agendaItem']>['standing']>;

// What a vote runs (issue 12): built once (prepared.ts).
const motionById = prepared((ctx, $: { id: string }) => scoped.select(ctx, 'motions').selectAll().where('id', '=', $.id));
const motionByIdLocked = prepared((ctx, $: { id: string }) => scoped.select(ctx, 'motions').selectAll().where('id', '=', $.id).forUpdate());
const motionByIdShared = prepared((ctx, $: { id: string }) => scoped.select(ctx, 'motions').selectAll().where('id', '=', $.id).forShare());
const ballotsOf = prepared((ctx, $: { motionId: string }) =>
  scoped.select(ctx, 'ballots').selectAll().where('motion_id', '=', $.motionId).orderBy('cast_at').orderBy('organisation_id'),
);
const ballotUpsert = prepared((ctx, $: { motionId: string; organisationId: string; choice: string; castBy: string; castAt: string }) =>
  scoped
    .insert(ctx, 'ballots', { motion_id: $.motionId, organisation_id: $.organisationId, choice: $.choice, cast_by: $.castBy, cast_at: $.castAt })
    .onConflict((oc) =>
      oc.columns(['motion_id', 'organisation_id']).doUpdateSet((eb) => ({
        choice: eb.ref('excluded.choice'),
        cast_by: eb.ref('excluded.cast_by'),
        cast_at: eb.ref('excluded.cast_at'),
      })),
    ),
);
const motionClose = prepared((ctx, $: { id: string; closedAt: string; reason: string; closedBy: string | null }) =>
  scoped.update(ctx, 'motions').set({ closed_at: $.closedAt, close_reason: $.reason, closed_by: $.closedBy }).where('id', '=', $.id).where('closed_at', 'is', null),
);

export function votingQueries(ctx: StoreContext): VotingPort {
  return {
    async insertMotion(motion: Motion): Promise<void> {
      await scoped.insert(ctx, 'motions', {
          id: motion.id,
          text: motion.text,
          opened_by: motion.openedBy,
          opened_at: iso(motion.openedAt),
          deadline: iso(motion.deadline),
          majority: motion.majority,
          organisation_ids: JSON.stringify(motion.organisationIds),
          closed_at: motion.closedAt ? iso(motion.closedAt) : null,
          closed_by: motion.closedBy ?? null,
          close_reason: motion.closeReason ?? null,
          meeting_id: motion.agendaItem?.meetingId ?? null,
          item_id: motion.agendaItem?.itemId ?? null,
          standing_item: motion.agendaItem?.standing ?? null,
          item_heading: motion.agendaItem?.heading ?? null,
          reopened_at: motion.reopenedAt ? iso(motion.reopenedAt) : null,
          placed_meeting_id: motion.placedMeetingId ?? null,
        })
        .execute();
    },

    async reopenMotions(ids: readonly string[], at: Date): Promise<void> {
      if (ids.length === 0) return;
      await scoped.update(ctx, 'motions').set({ reopened_at: iso(at) }).where('id', 'in', [...ids]).where('reopened_at', 'is', null).execute();
    },

    async setMotionItemHeading(id: string, heading: string): Promise<void> {
      await scoped.update(ctx, 'motions').set({ item_heading: heading }).where('id', '=', id).execute();
    },

    async getMotion(id: string, read?: ReadOptions): Promise<Motion | undefined> {
      const row = await motionQuery(ctx, read).first(ctx, { id });
      return row ? toMotion(row) : undefined;
    },

    async getMotionWithBallots(id: string, read?: ReadOptions): Promise<{ motion: Motion; ballots: Ballot[] } | undefined> {
      // The motion first (its lock taken), then its ballots: sent together, run in that order.
      const motion = motionQuery(ctx, read).ahead(ctx, { id });
      const ballots = await ballotsOf.rows(ctx, { motionId: id });
      const [row] = await motion;
      return row ? { motion: toMotion(row), ballots: ballots.map(toBallot) } : undefined;
    },

    async listOpenMotions(): Promise<Motion[]> {
      const rows = await scoped.select(ctx, 'motions')
        .selectAll()
        .where('closed_at', 'is', null)
        .orderBy('opened_at')
        .orderBy('id')
        .execute();
      return rows.map(toMotion);
    },

    async closeMotion(id: string, closedAt: Date, reason: CloseReason, closedBy?: string): Promise<boolean> {
      return (await motionClose.affected(ctx, { id, closedAt: iso(closedAt), reason, closedBy: closedBy ?? null })) === 1;
    },

    async listMotions(filter: { meetingId?: string; openedFrom?: Date; openedTo?: Date; closedFrom?: Date; closedTo?: Date } = {}): Promise<Motion[]> {
      let query = scoped.select(ctx, 'motions').selectAll();
      if (filter.meetingId !== undefined) query = query.where('meeting_id', '=', filter.meetingId);
      if (filter.openedFrom !== undefined) query = query.where('opened_at', '>=', iso(filter.openedFrom));
      if (filter.openedTo !== undefined) query = query.where('opened_at', '<', iso(filter.openedTo));
      if (filter.closedFrom !== undefined) query = query.where('closed_at', '>=', iso(filter.closedFrom));
      if (filter.closedTo !== undefined) query = query.where('closed_at', '<', iso(filter.closedTo));
      const rows = await query.orderBy('opened_at').orderBy('id').execute();
      return rows.map(toMotion);
    },

    async listMotionsPlacedAt(meetingId: string): Promise<Motion[]> {
      const rows = await scoped.select(ctx, 'motions').selectAll().where('placed_meeting_id', '=', meetingId).orderBy('opened_at').orderBy('id').execute();
      return rows.map(toMotion);
    },

    async placeMotion(id: string, meetingId: string | undefined): Promise<void> {
      await scoped.update(ctx, 'motions').set({ placed_meeting_id: meetingId ?? null }).where('id', '=', id).execute();
    },

    async upsertBallot(ballot: Ballot): Promise<void> {
      await ballotUpsert.write(ctx, {
        motionId: ballot.motionId,
        organisationId: ballot.organisationId,
        choice: ballot.choice,
        castBy: ballot.castBy,
        castAt: iso(ballot.castAt),
      });
    },

    async listBallots(motionId: string): Promise<Ballot[]> {
      return (await ballotsOf.rows(ctx, { motionId })).map(toBallot);
    },

    listBallotsOnceCommitted(motionId: string): Promise<Ballot[]> {
      // Not an async function: the read is handed to the transaction now, before it commits.
      const ballots = ballotsOf.onceCommitted(ctx, { motionId }).then((rows) => rows.map(toBallot));
      ballots.catch(() => undefined); // a transaction that rolls back leaves it unawaited
      return ballots;
    },
  };
}

/** The motion's query for `read`: locked (shared or not) only where the store locks rows. */
const motionQuery = (ctx: StoreContext, read?: ReadOptions) =>
  !read?.lock || !ctx.lockRows ? motionById : read.lock === 'shared' ? motionByIdShared : motionByIdLocked;

function toBallot(r: Selectable<BallotsTable>): Ballot {
  return { motionId: r.motion_id, organisationId: r.organisation_id, choice: r.choice as Ballot['choice'], castBy: r.cast_by, castAt: date(r.cast_at) };
}

function toMotion(r: Selectable<MotionsTable>): Motion {
  return {
    id: r.id,
    text: r.text,
    openedBy: r.opened_by,
    openedAt: date(r.opened_at),
    deadline: date(r.deadline),
    majority: r.majority as Motion['majority'],
    organisationIds: fromJson(r.organisation_ids) as string[],
    ...(r.closed_at !== null ? { closedAt: date(r.closed_at) } : {}),
    ...(r.closed_by !== null ? { closedBy: r.closed_by } : {}),
    ...(r.close_reason !== null ? { closeReason: r.close_reason as CloseReason } : {}),
    ...(r.meeting_id !== null
      ? {
          agendaItem: {
            meetingId: r.meeting_id,
            ...(r.item_id !== null ? { itemId: r.item_id } : {}),
            ...(r.standing_item !== null ? { standing: r.standing_item as StandingItemKey } : {}),
            ...(r.item_heading !== null ? { heading: r.item_heading } : {}),
          },
        }
      : {}),
    ...(r.reopened_at !== null ? { reopenedAt: date(r.reopened_at) } : {}),
    ...(r.placed_meeting_id !== null ? { placedMeetingId: r.placed_meeting_id } : {}),
  };
}
