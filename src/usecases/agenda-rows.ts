/**
 * Stored agendas (R12–R16): every meeting's items, standing ones included, are rows. A draft
 * agenda's fixed rows follow the board's standing items and the year's meetings (R10 and R15
 * move as meetings are planned); once sent, its rows and numbers never change (R13).
 */
import { type ExtraItem, agendaSkeleton, extraRows, numberedAgenda, reconcileSkeleton } from '../domain/agenda.js';
import type { Board, StandingItemKey } from '../domain/kernel/board.js';
import { localDateOf } from '../domain/kernel/calendar.js';
import type { Meeting } from '../domain/meeting.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
import type { BoardEvent } from './event.js';
import { moveJobsAfterMeetingsIn, movePlannedJobsIn } from './meeting-jobs.js';
import { done, run } from './runner.js';

interface Writing {
  readonly repo: Repository;
  readonly board: Board;
  readonly now: Date;
  readonly newId: () => string;
}

/**
 * Fixes the numbers of a meeting's agenda as they stand: at its sending (R13). The items other
 * features put on it (`extra`, e.g. the tasks' follow-up) become rows first, so they keep the
 * number they went out with.
 */
export async function freezeNumbersIn(tx: Writing, meeting: Meeting, extra: readonly ExtraItem[] = []): Promise<void> {
  for (const row of extraRows(await tx.repo.listAgendaItems(meeting.id), extra)) {
    await tx.repo.insertAgendaItem({ id: tx.newId(), meetingId: meeting.id, ...row, section: 'added', attachments: [], addedBy: 'system', addedAt: tx.now });
  }
  const draft = numberedAgenda({ ...meeting, agendaSentAt: undefined } as Meeting, await tx.repo.listAgendaItems(meeting.id));
  await tx.repo.setAgendaNumbers(draft.map((i) => ({ id: i.itemId, number: i.number })));
}

/**
 * Brings the stored fixed rows of draft agendas in line with the board's standing items and
 * its meetings (after a meeting is planned or cancelled); a yearly item already on a sent
 * agenda of the year, or on that of a meeting held, stays off the drafts (R10, R15). `legacy`: also a sent agenda stored
 * before agendas were rows (its standing items become rows and its numbers are fixed) — once,
 * when the bot starts.
 */
/** Returns the planned meetings it read (the start's next step plans their jobs from them). */
export async function syncAgendasIn(tx: Writing, options: { readonly legacy?: boolean } = {}): Promise<readonly Meeting[]> {
  const meetings = await tx.repo.listMeetings({ status: 'planned' });
  const zone = tx.board.timezone;
  const yearOf = (m: Meeting) => localDateOf(m.startsAt, zone).year;
  const begun = (m: Meeting) => m.startsAt.getTime() < tx.now.getTime();
  const toSync = meetings.filter((m) => options.legacy || (m.agendaSentAt === undefined && !begun(m)));
  const years = new Set(toSync.map(yearOf));
  // The agendas that no longer change: sent, or of a meeting held (its rows stored; never sent, they
  // were fixed when its sending was caught up, agenda.ts).
  const sentItems = new Map<string, ReadonlySet<StandingItemKey>>();
  for (const m of meetings) {
    if ((m.agendaSentAt === undefined && !begun(m)) || !years.has(yearOf(m))) continue;
    const items = await tx.repo.listAgendaItems(m.id);
    if (items.length > 0) sentItems.set(m.id, standingKeys(items));
  }
  for (const listed of toSync) {
    // Locked and read again: an agenda sent meanwhile (by another instance) is not a draft any more (R13).
    const meeting = await tx.repo.getMeeting(listed.id, { lock: true });
    if (!meeting || meeting.status !== 'planned' || (!options.legacy && meeting.agendaSentAt !== undefined)) continue;
    const stored = await tx.repo.listAgendaItems(meeting.id);
    const sent = meeting.agendaSentAt !== undefined;
    if (sent && stored.length > 0 && stored.every((i) => i.number !== undefined)) continue;
    // A meeting held whose agenda was never sent keeps the rows it has (a database from before stored agendas has none).
    if (!sent && begun(meeting) && stored.length > 0) continue;
    const { add, remove } = reconcileSkeleton(stored, agendaSkeleton(tx.board, meeting, meetings, sentItems));
    if (!sent) await tx.repo.deleteAgendaRows(remove);
    for (const row of add) {
      await tx.repo.insertAgendaItem({ id: tx.newId(), meetingId: meeting.id, ...row, attachments: [], addedBy: 'system', addedAt: tx.now });
    }
    if (sent) {
      await freezeNumbersIn(tx, meeting);
      sentItems.set(meeting.id, standingKeys(await tx.repo.listAgendaItems(meeting.id)));
    }
  }
  return meetings;
}

const standingKeys = (items: readonly { readonly standing?: StandingItemKey }[]): ReadonlySet<StandingItemKey> =>
  new Set(items.flatMap((i) => (i.standing ? [i.standing] : [])));

/**
 * At start: every meeting's agenda stored as rows (a database from before stored agendas migrates
 * so), the posts planned for the meetings to come moved to where the board file now puts them
 * (movePlannedJobsIn: its posting time, zone or lead days may have changed since), and what the
 * features bring in line with the file (Contributions.atStart), audited and posted.
 */
export async function storeAgendas(deps: Deps, board: Board): Promise<void> {
  const result = await run(deps, { board, actor: 'system' }, { action: 'agenda.edit' }, async (tx) => {
    await tx.repo.lockMeetingPlanning();
    // The meetings' status and times are not changed by the agendas' rows: read once.
    await movePlannedJobsIn(tx, await syncAgendasIn(tx, { legacy: true }));
    await moveJobsAfterMeetingsIn(tx);
    // What the features bring in line with the board file: audited and posted as the start's own events.
    const events: BoardEvent[] = [];
    for (const feature of tx.contributions.atStart) events.push(...(await feature(tx)));
    return done(undefined, events);
  });
  if (!result.ok) throw new Error(`storing the agendas failed: ${result.reason}`);
}
