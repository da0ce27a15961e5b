/**
 * Stored agendas (R12–R16): every meeting's items, standing ones included, are rows. A draft
 * agenda's fixed rows follow the board's standing items and the year's meetings (R10 and R15
 * move as meetings are planned); once sent, its rows and numbers never change (R13).
 */
import { type ExtraItem, agendaSkeleton, extraRows, numberedAgenda, reconcileSkeleton } from '../domain/agenda.js';
import type { Board } from '../domain/kernel/board.js';
import type { Meeting } from '../domain/meeting.js';
import type { Repository } from '../store/port.js';
import type { Deps } from './deps.js';
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
 * its meetings (after a meeting is planned or cancelled). `legacy`: also a sent agenda stored
 * before agendas were rows (its standing items become rows and its numbers are fixed) — once,
 * when the bot starts.
 */
export async function syncAgendasIn(tx: Writing, options: { readonly legacy?: boolean } = {}): Promise<void> {
  const meetings = await tx.repo.listMeetings({ status: 'planned' });
  for (const meeting of meetings) {
    if (meeting.agendaSentAt === undefined && !options.legacy && meeting.startsAt.getTime() < tx.now.getTime()) continue;
    if (meeting.agendaSentAt !== undefined && !options.legacy) continue;
    const stored = await tx.repo.listAgendaItems(meeting.id);
    const sent = meeting.agendaSentAt !== undefined;
    if (sent && stored.length > 0 && stored.every((i) => i.number !== undefined)) continue;
    const { add, remove } = reconcileSkeleton(stored, agendaSkeleton(tx.board, meeting, meetings));
    if (!sent) await tx.repo.deleteAgendaRows(remove);
    for (const row of add) {
      await tx.repo.insertAgendaItem({ id: tx.newId(), meetingId: meeting.id, ...row, attachments: [], addedBy: 'system', addedAt: tx.now });
    }
    if (sent) await freezeNumbersIn(tx, meeting);
  }
}

/** At start: every meeting's agenda stored as rows (a database from before stored agendas migrates so). */
export async function storeAgendas(deps: Deps, board: Board): Promise<void> {
  const result = await run(deps, { board, actor: 'system' }, { action: 'agenda.edit' }, async (tx) => {
    await syncAgendasIn(tx, { legacy: true });
    return done(undefined);
  });
  if (!result.ok) throw new Error(`storing the agendas failed: ${result.reason}`);
}
