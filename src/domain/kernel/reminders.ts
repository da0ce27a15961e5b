/**
 * A reminder points at a moment ahead: a meeting's start, a vote's deadline, the agenda's
 * deadline. Once that moment has passed (the bot was down when the reminder fell due, or Teams
 * was while it waited in the outbox) it reminds of nothing, and it is not sent. Each reminder's
 * moment is its feature's rule (agendaReminderUntil, dayBeforeReminderUntil, voteReminderUntil);
 * whether it is still of use is this one. A change that makes a reminder wrong brings its moment
 * forward to the change: a vote closed early (voteReminderUntil), a meeting cancelled or moved
 * (meetingRemindersUntil), a task marked done (taskReminderUntil), a year's dates fixed
 * (datePlanningRemindersUntil), a demanded meeting called (petitionReminderUntil, whose own end is
 * the petition's half year). Agendas, outcomes and minutes
 * are not reminders: they are always sent.
 */

/**
 * The moment of a reminder that has none of its own (a task's, of use while the task is open, overdue
 * too; the dates', while the year lacks them): no end but the change that ends it, which brings it
 * forward (a task marked done, the dates fixed).
 */
export const UNTIL_ENDED = new Date('9999-12-31T23:59:59.999Z');

/** Whether a reminder of the moment `until` is still of use at `now`: before that moment, not at it. */
export function stillOfUse(until: Date, now: Date): boolean {
  return now.getTime() < until.getTime();
}
