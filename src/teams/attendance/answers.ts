/**
 * The answers of `deltager` and `fjern deltager` (R16) that name the meeting they are about
 * (PRODUCT §1.3), and the refusal of a name several board people share, naming them.
 */
import { personByName } from '../../domain/kernel/board.js';
import { attendeeName } from '../../domain/minutes.js';
import { formatList } from '../../i18n/index.js';
import { localTimeOf, parseTime } from '../../domain/kernel/calendar.js';
import type { Meeting } from '../../domain/meeting.js';
import { attendanceMeetingNow } from '../../usecases/attendance.js';
import { type MeetingName, meetingsOn } from '../../usecases/meetings.js';
import { meetingRefusal, meetingWhen } from '../agenda/commands.js';
import { md } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, refusal, say } from '../turn/reply.js';

/**
 * A refusal about the attendance of the meeting the commands act on now, naming it; `fallback`
 * when it can no longer be found (cancelled in between).
 */
export async function aboutAttendance(turn: Turn, text: (when: string) => string, fallback: RefusalKey, name: MeetingName = {}): Promise<Reply> {
  const meeting = await attendanceMeetingNow(turn.deps, turn.origin, name);
  return meeting.ok && meeting.value ? say(text(await meetingWhen(turn, meeting.value))) : refusal(fallback);
}

/** The secretary named a meeting that has not begun: which one, and from when attendees can be recorded. */
export async function notBegunYet(turn: Turn, name: MeetingName): Promise<Reply> {
  const listed = await meetingsOn(turn.deps, turn.origin, { dateText: name.dateText ?? '', past: true });
  const time = name.timeText ? parseTime(name.timeText) : undefined;
  const meetings = listed.ok ? listed.value.meetings : [];
  const at = (mt: Meeting) => localTimeOf(mt.startsAt, turn.origin.board.timezone);
  const meeting = meetings.find((mt) => !time?.ok || (at(mt).hour === time.value.hour && at(mt).minute === time.value.minute)) ?? meetings[0];
  return meeting ? say(turn.m.attendance.notBegunYet(await meetingWhen(turn, meeting))) : refusal('meeting-not-begun');
}

/**
 * The refusals `deltager` and `fjern deltager` share: about the meeting named (a date with no
 * meeting, several that day, not begun yet) or a name several board people share; undefined
 * for the command's own.
 */
export async function attendeeRefusal(turn: Turn, reason: string, name: MeetingName, typed: string, command: 'attendee' | 'remove-attendee'): Promise<Reply | undefined> {
  const refused = await meetingRefusal(turn, reason, name, command, true);
  if (refused) return refused;
  if (reason === 'ambiguous-name') return ambiguousName(turn, typed);
  if (reason === 'meeting-not-begun') return notBegunYet(turn, name);
  return undefined;
}

/** "Several on the board are called 'Mette': the two, by their whole names. Write the whole name." */
export function ambiguousName(turn: Turn, typed: string): Reply {
  const { board } = turn.origin;
  const found = personByName(board, typed);
  const names = found.kind === 'ambiguous' ? found.people.map((p) => md(p.name)) : [];
  return say(turn.m.attendance.ambiguous(md(attendeeName(typed)), formatList(names, board.locale)));
}

/** Who a name means on the board, for an answer: the person's name as the board spells it, else the name as written. */
export function shownName(turn: Turn, typed: string): { readonly name: string; readonly onBoard: boolean } {
  const found = personByName(turn.origin.board, typed);
  return found.kind === 'person' ? { name: md(found.person.name), onBoard: true } : { name: md(attendeeName(typed)), onBoard: false };
}
