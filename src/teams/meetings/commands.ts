/** `moede`, `ekstraordinaert moede`, `moeder`, `flyt moede`, `aflys moede` (R9, R11): meetings by command. */
import { agendaDeadline, parseMeetingDateTime, parseTime } from '../../domain/kernel/calendar.js';
import { can } from '../../domain/kernel/policy.js';
import type { Meeting, MeetingKind } from '../../domain/meeting.js';
import { meetingCalendarPath } from '../../files/links.js';
import { formatDateTime } from '../../i18n/index.js';
import { type MeetingName, cancelMeeting, meetingsOn, scheduleMeeting, upcoming } from '../../usecases/meetings.js';
import { type MoveInput, moveMeetingTo } from '../../usecases/meeting-move.js';
import { meetingRefusal, noMeetingOnDay, nonexistentTime, typedTime } from '../agenda/commands.js';
import { leadingDateTime, splitDateTime } from '../commands/arguments.js';
import { md, mdPlace, mdLink } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';

export async function planMeetingCommand(turn: Turn, kind: MeetingKind, args: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const example = kind === 'ordinary' ? 'meeting' : 'extraordinary';
  const parts = splitDateTime(args.args);
  const result = await scheduleMeeting(turn.deps, turn.origin, {
    kind,
    ...(parts.dateText ? { dateText: parts.dateText } : {}),
    ...(parts.timeText ? { timeText: parts.timeText } : {}),
    rest: parts.rest,
  });
  if (!result.ok) {
    if (result.reason === 'meeting-exists') return meetingExists(turn, parts);
    if (result.reason === 'nonexistent-time') return nonexistentTime(turn, parts.dateText ?? '', parts.timeText ?? '');
    const withExample = ['missing-date', 'bad-date', 'impossible-date', 'missing-time', 'bad-time', 'in-past', 'empty-subject'].includes(result.reason);
    return refusal(result.reason, withExample ? example : undefined);
  }
  if (!result.value) return nothing;
  const { meeting, agendaLate, notes } = result.value;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const kindText = m.meeting.kind[meeting.kind];
  const answer = agendaLate
    ? m.meeting.plannedLate(kindText, when(meeting.startsAt))
    : m.meeting.planned(kindText, when(meeting.startsAt), when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
  // The place as read (it is what follows the time): the chair sees at once what was taken as the place.
  const place = meeting.place ? `\n\n${m.meeting.place(mdPlace(meeting.place, m.meeting.placeLink))}` : '';
  // What the features add (R11: a demanded meeting this one does not answer), one line each.
  const added = notes.map((line) => `\n\n${line}`).join('');
  return say(`${answer}${place}${added}\n\n${mdLink(m.files.addToCalendar, turn.links.url(meetingCalendarPath(turn.origin.board.id, meeting.id), turn.origin.board.policies.linkTtlDays))}`);
}

/** "There is already an ordinary meeting <when>": the meeting at the time asked for, named (PRODUCT §1.3). */
async function meetingExists(turn: Turn, parts: { readonly dateText?: string; readonly timeText?: string }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const at = parseMeetingDateTime(parts.dateText ?? '', parts.timeText, turn.deps.clock(), board.timezone);
  const listed = await upcoming(turn.deps, turn.origin);
  const meeting = at.ok && listed.ok ? listed.value.find((mt) => mt.startsAt.getTime() === at.value.getTime()) : undefined;
  if (!meeting) return refusal('meeting-exists');
  return say(m.meeting.exists(m.meeting.kindLower[meeting.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone)));
}

export async function listMeetingsCommand(turn: Turn): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const result = await upcoming(turn.deps, turn.origin);
  if (!result.ok) return refusal(result.reason);
  if (result.value.length === 0) return say(m.meeting.none);
  const lines = result.value.map((meeting) => {
    const agenda = meeting.agendaSentAt
      ? (meeting.agendaLate ? m.meeting.agendaSentLate : m.meeting.agendaSent)(when(meeting.agendaSentAt))
      : m.meeting.agendaDue(when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
    const subject = meeting.subject ? ` (${md(meeting.subject)})` : '';
    const calendar = mdLink(m.files.addToCalendar, turn.links.url(meetingCalendarPath(turn.origin.board.id, meeting.id), turn.origin.board.policies.linkTtlDays));
    return `${m.meeting.upcomingLine(m.meeting.kind[meeting.kind], `${when(meeting.startsAt)}${subject}`, agenda)} – ${calendar}`;
  });
  return say([m.meeting.upcomingHeading, lines.join('\n')].join('\n\n'));
}

export async function cancelMeetingCommand(turn: Turn, args: Named<MeetingName & { readonly dateText: string }>): Promise<Reply> {
  if (args.unread && can(turn.origin.actor, 'meeting.cancel').ok) return say(`${turn.m.meeting.notUnderstood(md(args.unread))}\n\n${turn.m.examples.cancel}`);
  const result = await cancelMeeting(turn.deps, turn.origin, args);
  if (result.ok) return result.value ? elsewhere(turn, turn.m.meeting.cancelledElsewhere, result.value) : nothing;
  switch (result.reason) {
    case 'missing-date':
    case 'bad-date':
    case 'impossible-date':
      return refusal(result.reason, 'cancel');
    case 'no-meeting-on':
    case 'no-meeting':
      return noMeetingOnDay(turn, args.dateText);
    case 'bad-time':
      return say(`${turn.m.meeting.badTime(md(args.timeText ?? ''))}\n\n${turn.m.examples.cancel}`);
    case 'nonexistent-time':
    case 'several-meetings-on':
    case 'no-meeting-at':
      return (await meetingRefusal(turn, result.reason, args, 'cancel-meeting'))!;
    default:
      return refusal(result.reason);
  }
}

/** What `aflys moede` and `flyt moede` read, and the words after a date (and time) that are neither (`unread`). */
export type Named<T> = T & { readonly unread?: string };

/** `aflys moede <dato> [tid]`: the meeting's name; words after it are not read as part of the date. */
export function cancelArgs(args: string): Named<MeetingName & { readonly dateText: string }> {
  const named = leadingDateTime(args);
  if (!named.dateText) return { dateText: args.trim() };
  return { dateText: named.dateText, ...(named.timeText ? { timeText: named.timeText } : {}), ...(named.rest ? { unread: named.rest } : {}) };
}

/** The word between the meeting and its new date, standing alone after white space (the first such), or first. */
const MOVE_WORD = /\s(?:til|to)(?=\s|$)/i;
const MOVE_WORD_FIRST = /^(?:til|to)(?=\s|$)/i;

/**
 * `text` (trimmed) around the move word: before it and after it, without the white space
 * between, whatever that space is (line breaks too). Found in one pass: a pattern that looked
 * for the word after any text and a run of white space would try again from each character of
 * a long run.
 */
function atMoveWord(text: string): { readonly before: string; readonly after: string } | undefined {
  const inner = MOVE_WORD.exec(text);
  if (inner) return { before: text.slice(0, inner.index).trimEnd(), after: text.slice(inner.index + inner[0].length).trimStart() };
  // The word may come first (`flyt moede til <ny dato>`: the meeting's own date is missing).
  const first = MOVE_WORD_FIRST.exec(text);
  return first ? { before: '', after: text.slice(first[0].length).trimStart() } : undefined;
}

/**
 * `flyt moede <dato> [tid] til <ny dato> [tid]` / `move meeting <date> [time] to <new date> [time]`:
 * the meeting named before the word, its new date and time after it (either language's word).
 */
export function moveArgs(args: string): Named<MoveInput> {
  const split = atMoveWord(args.trim());
  const from = cancelArgs(split ? split.before : args);
  const after = split?.after ? leadingDateTime(split.after) : { rest: '' };
  const unread = from.unread ?? (after.dateText ? after.rest : '');
  const { unread: _, ...meeting } = from;
  const to = after.dateText ? { dateText: after.dateText, ...(after.timeText ? { timeText: after.timeText } : {}) } : {};
  return { from: meeting, to, ...(unread ? { unread } : {}) };
}

export async function moveMeetingCommand(turn: Turn, args: Named<MoveInput>): Promise<Reply> {
  // Words the command does not take are named, not run without them (by one who may move meetings: others are told they may not).
  if (args.unread && can(turn.origin.actor, 'meeting.plan').ok) return say(`${turn.m.meeting.notUnderstood(md(args.unread))}\n\n${turn.m.examples.move}`);
  const result = await moveMeetingTo(turn.deps, turn.origin, args);
  // The notice in the channel is the answer; given elsewhere (a 1:1 chat), a short one there too.
  if (result.ok) return result.value ? elsewhere(turn, turn.m.meeting.movedElsewhere, result.value.meeting) : nothing;
  switch (result.reason) {
    case 'missing-date':
    case 'missing-new-date':
      return refusal(result.reason, 'move');
    case 'no-meeting-on':
    case 'no-meeting':
      return noMeetingOnDay(turn, args.from.dateText);
    case 'several-meetings-on':
    case 'no-meeting-at':
    case 'nonexistent-time':
      return (await meetingRefusal(turn, result.reason, args.from, 'move-meeting'))!;
    case 'bad-time': {
      // The meeting's own time, or the new one: the one that does not read, as typed.
      const typed = args.from.timeText && !parseTime(args.from.timeText).ok ? args.from.timeText : (args.to.timeText ?? '');
      return say(`${turn.m.meeting.badTime(md(typed))}\n\n${turn.m.examples.move}`);
    }
    case 'nonexistent-new-time':
      // Without a new time, the meeting's own: the clock that does not exist that day.
      return nonexistentTime(turn, args.to.dateText ?? '', args.to.timeText ?? (await keptTime(turn, args.from)));
    default:
      return refusal(result.reason);
  }
}

/** Given outside the board's channel (a 1:1 chat), where the notice in the channel is not seen (or, unbound, not posted): said there. */
function elsewhere(turn: Turn, text: (kind: string, when: string, told: boolean) => string, meeting: Meeting): Reply {
  if (turn.inBoundChannel) return nothing;
  const { board } = turn.origin;
  return say(text(turn.m.meeting.kind[meeting.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone), turn.bound));
}

/** The clock time of the meeting `from` names, as a command writes it ('' if it names none). */
async function keptTime(turn: Turn, from: MeetingName & { readonly dateText: string }): Promise<string> {
  if (from.timeText) return from.timeText;
  const listed = await meetingsOn(turn.deps, turn.origin, { dateText: from.dateText });
  const only = listed.ok && listed.value.meetings.length === 1 ? listed.value.meetings[0] : undefined;
  return only ? typedTime(only.startsAt, turn.origin.board.timezone) : '';
}
