/** Next year's dates (R10): polls and answers. */
import type { Selectable } from 'kysely';
import type { DateAnswer, DatePoll, DatePollsPort } from '../ports/date-polls.js';
import type { ReadOptions } from '../ports/read.js';
import type { DatePollsTable } from '../schema.js';
import { type StoreContext, locked, scoped } from './context.js';
import { date, fromJson, iso, toJson, updated } from './values.js';

export function datePollsQueries(ctx: StoreContext): DatePollsPort {
  return {
    async insertDatePoll(poll: DatePoll): Promise<void> {
      await scoped.insert(ctx, 'date_polls', {
          id: poll.id,
          year: poll.year,
          proposed_dates: JSON.stringify(poll.proposedDates),
          time: poll.time,
          created_by: poll.createdBy,
          created_at: iso(poll.createdAt),
          confirmed_at: poll.confirmedAt ? iso(poll.confirmedAt) : null,
          confirmed_by: poll.confirmedBy ?? null,
          confirmed_dates: toJson(poll.confirmedDates),
        })
        .execute();
    },

    async getDatePoll(id: string, read?: ReadOptions): Promise<DatePoll | undefined> {
      const row = await locked(ctx, scoped.select(ctx, 'date_polls').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toDatePoll(row) : undefined;
    },

    async listDatePolls(year: number): Promise<DatePoll[]> {
      const rows = await scoped.select(ctx, 'date_polls')
        .selectAll()
        .where('year', '=', year)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toDatePoll);
    },

    async confirmDatePoll(id: string, at: Date, by: string, dates: readonly string[]): Promise<boolean> {
      const result = await scoped.update(ctx, 'date_polls')
        .set({ confirmed_at: iso(at), confirmed_by: by, confirmed_dates: JSON.stringify(dates) })
        .where('id', '=', id)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      return updated(result);
    },

    async upsertDateAnswer(answer: DateAnswer): Promise<void> {
      await scoped.insert(ctx, 'date_answers', {
          poll_id: answer.pollId,
          person_id: answer.personId,
          available: JSON.stringify(answer.available),
          answered_at: iso(answer.answeredAt),
        })
        .onConflict((oc) =>
          oc.columns(['poll_id', 'person_id']).doUpdateSet((eb) => ({
            available: eb.ref('excluded.available'),
            answered_at: eb.ref('excluded.answered_at'),
          })),
        )
        .execute();
    },

    /** Ordered by answer time. */
    async listDateAnswers(pollId: string): Promise<DateAnswer[]> {
      const rows = await scoped.select(ctx, 'date_answers')
        .selectAll()
        .where('poll_id', '=', pollId)
        .orderBy('answered_at')
        .orderBy('person_id')
        .execute();
      return rows.map((r) => ({
        pollId: r.poll_id,
        personId: r.person_id,
        available: fromJson(r.available) as string[],
        answeredAt: date(r.answered_at),
      }));
    },
  };
}

function toDatePoll(r: Selectable<DatePollsTable>): DatePoll {
  return {
    id: r.id,
    year: Number(r.year),
    proposedDates: fromJson(r.proposed_dates) as string[],
    time: r.time,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.confirmed_at !== null ? { confirmedAt: date(r.confirmed_at) } : {}),
    ...(r.confirmed_by !== null ? { confirmedBy: r.confirmed_by } : {}),
    ...(r.confirmed_dates !== null ? { confirmedDates: fromJson(r.confirmed_dates) as string[] } : {}),
  };
}
