/**
 * A meeting's agenda as it is shown (R12, R13): its stored items, with what the features put
 * on it (contributions.ts), numbered. Apart from agenda.ts so that the meetings' use cases can
 * show it too (a cancelled meeting's posted agenda says so).
 */
import { numberedAgenda } from '../domain/agenda.js';
import { agendaDeadline } from '../domain/kernel/calendar.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import { type At, type Contributions, gather } from './contributions.js';

/** Everything needed to show a meeting's agenda. */
export interface AgendaView {
  readonly meeting: Meeting;
  readonly items: readonly NumberedItem[];
  /** Not sent, and its deadline had passed when it was read (R13): it says so, not when it goes out. */
  readonly overdue?: boolean;
}

/** The meeting's agenda as it stands at `at.now`, with what the features add to it (contributions.ts). */
export async function loadAgenda(at: At & { readonly contributions: Contributions }, meeting: Meeting): Promise<AgendaView> {
  const items = await at.repo.listAgendaItems(meeting.id);
  const extra = await gather(at.contributions.agendaItems, at, meeting);
  const overdue = !meeting.agendaSentAt && agendaDeadline(meeting.startsAt, at.board.policies, at.board.timezone).getTime() <= at.now.getTime();
  return { meeting, items: numberedAgenda(meeting, items, extra), ...(overdue ? { overdue } : {}) };
}
