/** `dagsorden [dato]`, `punkt`, `bilag`, `udsend dagsorden` (R12–R13): the agenda by command. */
import type { AgendaItemKind } from '../../domain/meeting.js';
import { can } from '../../domain/kernel/policy.js';
import { LOCALES, type Messages, countWord, formatClock, formatDate, formatDateTime, formatList, messages } from '../../i18n/index.js';
import { daysFromToday, localIsoDate, localTimeOf, parseTime, toInstant } from '../../domain/kernel/calendar.js';
import type { Board } from '../../domain/kernel/board.js';
import type { Meeting } from '../../domain/meeting.js';
import { type MeetingName, lastHeld, meetingsOn } from '../../usecases/meetings.js';
import { altSpelling, foldKeyword } from '../commands/text.js';
import { addItem, attachToItem, sendAgenda, showAgenda } from '../../usecases/agenda.js';
import { reopenItem } from '../../usecases/decisions.js';
import { leadingDate, splitAttach } from '../commands/arguments.js';
import { md } from '../text/markdown.js';
import { itemHeadingNow } from '../texts.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
import { itemTitle } from './card.js';
import { agendaPost } from './post.js';

export async function showAgendaCommand(turn: Turn, args: MeetingName): Promise<Reply> {
  const { m } = turn;
  const result = await showAgenda(turn.deps, turn.origin, args);
  if (!result.ok) {
    if (result.reason === 'bad-date' || result.reason === 'impossible-date') return refusal(result.reason, 'agenda');
    return (await meetingRefusal(turn, result.reason, args, 'agenda')) ?? say(m.meeting.noCurrent);
  }
  // Those who may send it get the button on a draft (the policy decides who that is).
  const post = agendaPost(turn.origin.board, result.value, turn.links, { canSend: can(turn.person, 'agenda.send').ok });
  return showCard(post.card, post.activity);
}

export async function sendAgendaCommand(turn: Turn): Promise<Reply> {
  const { m } = turn;
  const result = await sendAgenda(turn.deps, turn.origin, {});
  if (!result.ok) {
    if (result.reason === 'no-meeting') return say(m.meeting.noCurrent);
    if (result.reason === 'already-sent') return alreadySent(turn);
    return refusal(result.reason);
  }
  if (!result.value) return nothing;
  const cut = agendaPost(turn.origin.board, result.value.view, turn.links).cut;
  // Sent from elsewhere than the board's channel, the sender is told where it went; a cut agenda says so.
  const elsewhere = !turn.inBoundChannel;
  return elsewhere || cut ? say([elsewhere ? m.agenda.sent : '', cut ? m.boundary.agendaCut : ''].filter(Boolean).join(' ')) : nothing;
}

/** "The agenda of the meeting <date> was already sent <date>": the current meeting's, named (PRODUCT §1.3). */
async function alreadySent(turn: Turn): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const shown = await showAgenda(turn.deps, turn.origin, {});
  const meeting = shown.ok ? shown.value?.meeting : undefined;
  if (!meeting?.agendaSentAt) return say(m.agenda.alreadySent);
  return say(m.agenda.alreadySentFor(await meetingWhen(turn, meeting), formatDate(meeting.agendaSentAt, board.locale, board.timezone)));
}

/** The commands that name a meeting by `[dato [tid]]`, as their examples name them. */
export type MeetingCommand = keyof Messages['meeting']['namedExample'];

/** "15:00": a time of day as typed in a command. */
const hhmm = ({ hour, minute }: { readonly hour: number; readonly minute: number }) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** "15:00": a meeting's local time as typed in a command. */
export const typedTime = (at: Date, zone: string) => hhmm(localTimeOf(at, zone));

/** The meeting as a command takes it: dd-mm-yyyy, and hh:mm after it when the day has another meeting (a date alone is refused then). */
export const typedDate = async (ctx: { readonly board: Board; readonly sharesDay: (meeting: Meeting) => Promise<boolean> }, meeting: Meeting) => {
  const date = localIsoDate(meeting.startsAt, ctx.board.timezone).split('-').reverse().join('-');
  return (await ctx.sharesDay(meeting)) ? `${date} ${typedTime(meeting.startsAt, ctx.board.timezone)}` : date;
};

/**
 * "There is no meeting on Thursday 12 November 2027.": the day the date was read as (a year-less
 * date is the next such day; `past`: the latest), not the date as typed (PRODUCT §1.3).
 */
export async function noMeetingOnDay(turn: Turn, dateText: string, past = false): Promise<Reply> {
  const { board } = turn.origin;
  const listed = await meetingsOn(turn.deps, turn.origin, { dateText, past });
  const day = listed.ok ? formatDate(toInstant(listed.value.day, { hour: 12, minute: 0 }, board.timezone), board.locale, board.timezone) : md(dateText);
  return say(turn.m.meeting.noMeetingOn(day));
}

/**
 * "There is no 02.30 on Sunday 28 March 2027: the clocks go forward." A time the clocks skip on
 * the day the date was read as (`past`: as `referat` reads it), named as typed, not an hour on.
 */
export async function nonexistentTime(turn: Turn, dateText: string, timeText: string, past = false): Promise<Reply> {
  const { board } = turn.origin;
  const listed = await meetingsOn(turn.deps, turn.origin, { dateText, past });
  const time = parseTime(timeText);
  if (!listed.ok || !time.ok) return refusal('bad-time');
  const day = formatDate(toInstant(listed.value.day, { hour: 12, minute: 0 }, board.timezone), board.locale, board.timezone);
  return say(turn.m.meeting.nonexistentTime(formatClock(hhmm(time.value), board.locale), day));
}

/**
 * The answer to a meeting a command could not find (`punkt 24/12 …` with no meeting that day),
 * if that is what went wrong. A date alone on a day with several meetings, or a date and a time
 * that name none of them, lists the day's meetings with their times (PRODUCT §1.2–§1.5).
 * `past`: the date is read as `referat` reads it.
 */
export async function meetingRefusal(turn: Turn, reason: string, name: MeetingName, command: MeetingCommand, past = false): Promise<Reply | undefined> {
  const { m } = turn;
  const { board } = turn.origin;
  switch (reason) {
    case 'bad-date':
    case 'impossible-date':
    case 'bad-time':
      return refusal(reason);
    case 'nonexistent-time':
      return nonexistentTime(turn, name.dateText ?? '', name.timeText ?? '', past);
    case 'no-meeting-on':
      return noMeetingOnDay(turn, name.dateText ?? '', past);
    case 'no-meeting':
      return noCurrentMeeting(turn, command);
    case 'several-meetings-on':
    case 'no-meeting-at': {
      const listed = await meetingsOn(turn.deps, turn.origin, { dateText: name.dateText ?? '', past });
      const meetings = listed.ok ? listed.value.meetings : [];
      if (!listed.ok || !meetings.length) return noMeetingOnDay(turn, name.dateText ?? '', past);
      const times = formatList(meetings.map((mt) => m.meeting.atClock(formatClock(typedTime(mt.startsAt, board.timezone), board.locale))), board.locale);
      if (reason === 'several-meetings-on') {
        // A day named from today (»i morgen«) by the board's words for it.
        const days = daysFromToday(name.dateText ?? '');
        const on = days === undefined ? md(name.dateText ?? '') : (m.date.fromToday[days]?.[0] ?? '');
        const example = m.meeting.namedExample[command](`${on} ${typedTime(meetings[meetings.length - 1]!.startsAt, board.timezone)}`);
        return say(m.meeting.severalOn(countWord(meetings.length, board.locale), formatDate(meetings[0]!.startsAt, board.locale, board.timezone), times, example));
      }
      const time = parseTime(name.timeText ?? '');
      const asked = time.ok ? formatDateTime(toInstant(listed.value.day, time.value, board.timezone), board.locale, board.timezone) : formatDate(meetings[0]!.startsAt, board.locale, board.timezone);
      return say(m.meeting.noMeetingAt(asked, meetings.length, times));
    }
    default:
      return undefined;
  }
}

/**
 * The commands on the current meeting's items that reach a meeting held by its date (`afbud`, say,
 * cannot act on one held; nor `punkt`: its agenda takes no item once its day is over, R16).
 */
const REACH_HELD: ReadonlySet<MeetingCommand> = new Set<MeetingCommand>(['agenda', 'attach', 'vote', 'conclude', 'reopen']);

/**
 * "There is no upcoming meeting" (none today, none ahead). After a meeting held, the answer names
 * the last one and the command's date form that reaches it (`konklusion 10-12-2026 <punktnr>
 * <tekst>`), and still how to plan one; with none held, or for a command that cannot act on a
 * meeting held, how to plan one.
 */
export async function noCurrentMeeting(turn: Turn, command: MeetingCommand): Promise<Reply> {
  const { m } = turn;
  const held = REACH_HELD.has(command) ? await lastHeld(turn.deps, turn.origin) : undefined;
  const meeting = held?.ok ? held.value : undefined;
  if (!meeting) return say(m.meeting.noCurrent);
  const on = await typedDate({ board: turn.origin.board, sharesDay: (mt) => sharesDayOf(turn, mt) }, meeting);
  return say(m.meeting.noCurrentHeld(await meetingWhen(turn, meeting), m.meeting.namedExample[command](on)));
}

/** Whether another meeting is on `meeting`'s day: then an answer names it by its time too (PRODUCT §1.3). */
export async function sharesDayOf(turn: Turn, meeting: Meeting): Promise<boolean> {
  const listed = await meetingsOn(turn.deps, turn.origin, { at: meeting.startsAt });
  return listed.ok && listed.value.meetings.some((other) => other.id !== meeting.id);
}

/** A meeting as an answer names it (PRODUCT §1.3): by its day, and by its time too when the day has another meeting. */
export async function meetingWhen(turn: Turn, meeting: Meeting): Promise<string> {
  const { board } = turn.origin;
  return ((await sharesDayOf(turn, meeting)) ? formatDateTime : formatDate)(meeting.startsAt, board.locale, board.timezone);
}

/**
 * "No item <n>", naming the meeting whose agenda was looked at (issue 10: every answer names
 * the meeting): today's or the next, or the one the date (and time) name.
 */
export async function unknownItem(turn: Turn, n: number, name: MeetingName): Promise<Reply> {
  const { m } = turn;
  return aboutItem(turn, name, (when) => (when ? m.agenda.noSuchItem(n, when) : m.refusal['unknown-item'](n)));
}

/** A refusal about an item of the meeting `name` names (or the current one), naming that meeting (PRODUCT §1.3) when it can be found. */
export async function aboutItem(turn: Turn, name: MeetingName, text: (when: string | undefined) => string): Promise<Reply> {
  const shown = await showAgenda(turn.deps, turn.origin, name);
  return say(text(shown.ok && shown.value ? await meetingWhen(turn, shown.value.meeting) : undefined));
}

/** The date and time a command named, as the use cases take them. */
export const named = (args: MeetingName): MeetingName => ({ ...(args.dateText ? { dateText: args.dateText } : {}), ...(args.timeText ? { timeText: args.timeText } : {}) });

export async function addItemCommand(turn: Turn, args: MeetingName & { readonly title: string; readonly kind?: AgendaItemKind }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const result = await addItem(turn.deps, turn.origin, { title: args.title, kind: args.kind ?? 'discussion', ...named(args) });
  if (!result.ok) return (await meetingRefusal(turn, result.reason, args, 'item')) ?? refusal(result.reason as RefusalKey, result.reason === 'empty-title' ? 'item' : undefined);
  if (!result.value) return nothing;
  const { view, number, item } = result.value;
  const when = await meetingWhen(turn, view.meeting);
  const said = (item.addedAfterSending ? m.agenda.itemAddedLate : m.agenda.itemAdded)(number, md(item.title), m.agenda.kind[item.kind], when);
  // The agenda went out already and its card can no longer hold it all: the sender is told.
  const cut = view.meeting.agendaSentAt && agendaPost(board, view, turn.links).cut ? ` ${m.boundary.agendaCut}` : '';
  return say(`${said}${cut}`);
}

export async function attachCommand(turn: Turn, args: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const { rest, ...name } = leadingDate(args.args);
  const parsed = splitAttach(rest);
  const result = await attachToItem(turn.deps, turn.origin, { ...parsed, ...name });
  if (!result.ok) {
    if (result.reason === 'unknown-item') return unknownItem(turn, parsed.number!, name);
    if (result.reason === 'not-attachable') return say(m.refusal['not-attachable'](parsed.number!));
    return (await meetingRefusal(turn, result.reason, name, 'attach')) ?? refusal(result.reason as RefusalKey, result.reason === 'bad-url' || result.reason === 'bad-item-number' ? 'attach' : undefined);
  }
  if (!result.value) return nothing;
  const { view, number, item, attachment } = result.value;
  const said = (attachment.addedAfterSending ? m.agenda.attachmentAddedLate : m.agenda.attachmentAdded)(number, md(itemTitle(board, item)), await meetingWhen(turn, view.meeting));
  // The agenda went out already and its card can no longer hold it all: the sender is told.
  const cut = view.meeting.agendaSentAt && agendaPost(board, view, turn.links).cut ? ` ${m.boundary.agendaCut}` : '';
  return say(`${said}${cut}`);
}

/** The words that name an item's kind, in every language, folded: `beslutning` → decision. */
const KIND_WORDS: ReadonlyMap<string, AgendaItemKind> = new Map(
  LOCALES.flatMap((locale) => Object.entries(messages(locale).agenda.kindWord).map(([kind, word]) => [foldKeyword(word), kind as AgendaItemKind] as const)),
);

/** `punkt [dato [tid]] <titel> [beslutning|orientering|droftelse]`: a first word that is a date names the meeting (with a time, one of the day's); a last word naming the kind sets it. */
export function itemArgs(args: string): MeetingName & { readonly title: string; readonly kind?: AgendaItemKind } {
  const { rest, ...on } = leadingDate(args);
  const words = rest.split(' ');
  const last = foldKeyword(words[words.length - 1] ?? '').replace(/[.,:;!?()[\]]+/g, '');
  const kind = KIND_WORDS.get(last) ?? KIND_WORDS.get(altSpelling(last));
  if (kind && words.length > 1) return { title: words.slice(0, -1).join(' '), kind, ...on };
  return { title: rest, ...on };
}

/** `genoptag [dato [tid]] <punktnr>` (chair): a decided item is reopened, so that a new decision can be made. */
export function reopenArgs(args: string): MeetingName & { readonly number?: number } {
  const { rest, ...on } = leadingDate(args);
  return { ...(/^\d{1,3}$/.test(rest) ? { number: Number(rest) } : {}), ...on };
}

export async function reopenCommand(turn: Turn, args: MeetingName & { readonly number?: number }): Promise<Reply> {
  const { m } = turn;
  const result = await reopenItem(turn.deps, turn.origin, args);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return unknownItem(turn, args.number!, args);
    if (result.reason === 'not-decided') return aboutItem(turn, args, (when) => m.refusal['not-decided'](args.number!, when));
    if (result.reason === 'minutes-approved-item') return aboutItem(turn, args, (when) => m.refusal['minutes-approved-item'](args.number!, when));
    if (result.reason === 'bad-item-number') return refusal(result.reason, 'reopen');
    return (await meetingRefusal(turn, result.reason, args, 'reopen')) ?? refusal(result.reason as RefusalKey);
  }
  if (!result.value) return nothing;
  const { meeting, item } = result.value;
  return say(m.agenda.reopened(md(itemHeadingNow(turn.origin.board, item, meeting, await sharesDayOf(turn, meeting)))));
}
