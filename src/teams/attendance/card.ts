/** The attendance card (R16): who has recorded that they take part, and *Jeg deltager*. */
import type { Board } from '../../domain/kernel/board.js';
import { formatList, messages } from '../../i18n/index.js';
import type { AttendanceState } from '../../usecases/attendance.js';
import { meetingHeading } from '../agenda/card.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { md, placeholdersShown, timeUnbroken } from '../text/markdown.js';
import { personName } from '../text/names.js';

/**
 * `closed`: the meeting's day is over, and the card no longer offers *Jeg deltager* (attendance.closed).
 * A cancelled meeting's card (cancelled after its start, R16) says so, without the button.
 */
export function attendanceCard(board: Board, state: AttendanceState, closed = false): AdaptiveCardJson {
  const m = messages(board.locale);
  const cancelled = state.meeting.status === 'cancelled';
  const names = state.attendees.map((a) => md(a.name));
  // R16: those who sent apologies (`afbud`), by name.
  const apologies = (state.apologies ?? []).map((a) => personName(board, a.personId));
  const present = names.length ? m.attendance.present(formatList(names, board.locale)) : closed ? m.attendance.noneRecorded : m.attendance.none;
  return renderCard('attendance', {
    meetingId: state.meeting.id,
    title: m.attendance.title,
    heading: timeUnbroken(meetingHeading(board, state.meeting)),
    present: cancelled ? m.attendance.cancelled : present,
    apologies: apologies.length ? m.attendance.apologies(formatList(apologies, board.locale)) : '',
    intro: cancelled ? '' : placeholdersShown(closed ? m.attendance.closedIntro : m.attendance.intro),
    open: !closed && !cancelled,
    joinLabel: m.attendance.join,
  });
}
