/** `referat [dato]`, `ret referat <tekst>`, `deltager <navn>` (R16): the secretary's minutes. */
import { addAttendee, correctMinutes, draftMinutes, readMinutes } from '../../usecases/minutes.js';
import type { MeetingName } from '../../usecases/meetings.js';
import { meetingRefusal, meetingWhen } from '../agenda/commands.js';
import { parseDate } from '../../domain/kernel/calendar.js';
import { can } from '../../domain/kernel/policy.js';
import { leadingDate } from '../commands/arguments.js';
import { attendeeRefusal } from '../attendance/answers.js';
import { afterWords } from '../commands/text.js';
import { md, mdParagraphs } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
import { minutesPost } from './post.js';

/** The refusals of a date (and time) naming no held meeting `referat` can take. */
type NamedMeetingRefusal = 'bad-date' | 'impossible-date' | 'no-meeting-on' | 'bad-time' | 'nonexistent-time' | 'several-meetings-on' | 'no-meeting-at';
const NAMED_MEETING_REFUSALS: ReadonlySet<string> = new Set<NamedMeetingRefusal>(['bad-date', 'impossible-date', 'no-meeting-on', 'bad-time', 'nonexistent-time', 'several-meetings-on', 'no-meeting-at']);
const isNamedMeetingRefusal = (reason: string): reason is NamedMeetingRefusal => NAMED_MEETING_REFUSALS.has(reason);

/** `referat [dato [tid]]`'s answer when the date (and time) name no held meeting it can take. */
async function namedMeetingRefusal(turn: Turn, reason: NamedMeetingRefusal, args: MeetingName): Promise<Reply> {
  if (reason === 'bad-date' || reason === 'impossible-date') return refusal(reason, 'minutes');
  return (await meetingRefusal(turn, reason, args, 'minutes', true))!;
}

export async function minutesCommand(turn: Turn, args: MeetingName): Promise<Reply> {
  const { m } = turn;
  const result = await draftMinutes(turn.deps, turn.origin, args);
  // Anyone else reads them: the minutes as they stand, never drafted by them.
  if (!result.ok && result.reason === 'not-secretary') return readMinutesCommand(turn, args);
  if (!result.ok) return isNamedMeetingRefusal(result.reason) ? namedMeetingRefusal(turn, result.reason, args) : refusal(result.reason);
  const { minutes, meeting, created } = result.value;
  // The channel's card carries *Godkend referat* for the chair; this answer only for one who may press it.
  const post = minutesPost(turn.origin.board, minutes, meeting, turn.links, false, can(turn.origin.actor, 'minutes.approve').ok);
  // Drafted now: the card goes to the channel, and the secretary is told here when it could not hold all of them.
  // Drafted from a 1:1 chat: the draft shown there too, for her to read and correct.
  if (created && turn.inBoundChannel) return post.cut ? say(m.boundary.minutesCut) : nothing;
  // Already drafted: shown as they stand (with the secretary's corrections); a cut card says so itself.
  return showCard(post.card, post.activity);
}

/** `append-minutes` (its Danish words in src/i18n): the text added at the end of the minutes (R16), read as `ret referat` reads it. */
export const appendMinutesCommand = (turn: Turn): Promise<Reply> => correctMinutesCommand(turn, true);

/** `referat [dato]` by a member, the chair or a guest: the minutes of a held meeting as they stand, to read (R16). */
async function readMinutesCommand(turn: Turn, args: MeetingName): Promise<Reply> {
  const { m } = turn;
  const result = await readMinutes(turn.deps, turn.origin, args);
  if (!result.ok) {
    if (result.reason === 'no-held-meeting') return say(m.minutes.noHeldMeetingToRead);
    return isNamedMeetingRefusal(result.reason) ? namedMeetingRefusal(turn, result.reason, args) : refusal(result.reason);
  }
  const { minutes, meeting } = result.value;
  if (!minutes) return say(m.minutes.notDraftedToRead(await meetingWhen(turn, meeting)));
  // *Godkend referat* only for those who may press it (the chair).
  const post = minutesPost(turn.origin.board, minutes, meeting, turn.links, false, can(turn.origin.actor, 'minutes.approve').ok);
  return showCard(post.card, post.activity);
}

export async function correctMinutesCommand(turn: Turn, append = false): Promise<Reply> {
  const { m } = turn;
  // `ret referat [dato [tid]] <tekst>`: the meeting's date (and time) first on the first line, if
  // given; then the text as written. A time or a decimal there is text ("14.00 The meeting
  // opened", "2.75 mio."); a date written with a year, / or - that does not exist (a typo) is
  // refused, changing nothing.
  const firstLine = afterWords(turn.richText, 2).split('\n')[0] ?? '';
  const read = leadingDate(firstLine);
  const board = turn.origin.board;
  const notADate = read.dateText !== undefined && !parseDate(read.dateText, turn.deps.clock(), board.timezone).ok && /^\d{1,2}\.\d{1,2}$/.test(read.dateText);
  const name = notADate ? { rest: firstLine } : read;
  const nameWords = (name.dateText ? 1 : 0) + (name.timeText ? name.timeText.split(/\s+/).length : 0);
  const meeting = { ...(name.dateText ? { dateText: name.dateText } : {}), ...(name.timeText ? { timeText: name.timeText } : {}) };
  // The contract shows corrections literally: the secretary's lines, each a paragraph, no Markdown of her own.
  const result = await correctMinutes(turn.deps, turn.origin, { ...meeting, text: mdParagraphs(afterWords(turn.richText, 2 + nameWords)), append });
  if (!result.ok) {
    switch (result.reason) {
      case 'bad-date':
      case 'impossible-date':
        return refusal(result.reason, append ? 'append' : 'correct');
      case 'no-meeting-on':
      case 'bad-time':
      case 'nonexistent-time':
      case 'several-meetings-on':
      case 'no-meeting-at':
        return (await meetingRefusal(turn, result.reason, meeting, append ? 'append-minutes' : 'correct-minutes', true))!;
      case 'empty-minutes':
        return append ? refusal('empty-addition', 'append') : refusal(result.reason, 'correct');
      case 'no-minutes': {
        // A meeting named by its date: its own minutes are to be drafted first, not the latest meeting's.
        const on = [meeting.dateText, meeting.timeText].filter(Boolean).join(' ');
        if (on) return say(m.minutes.noMinutesOn(on));
        return refusal(append ? 'no-minutes-to-add' : result.reason);
      }
      default:
        return refusal(result.reason);
    }
  }
  if (!result.value) return nothing;
  const when = await meetingWhen(turn, result.value.meeting);
  const said = append ? (result.value.created ? m.minutes.appendedNew(when) : m.minutes.appended(when)) : result.value.created ? m.minutes.correctedNew(when) : m.minutes.corrected(when);
  const cut = minutesPost(turn.origin.board, result.value.minutes, result.value.meeting, turn.links).cut;
  return say(cut ? `${said} ${m.boundary.minutesCut}` : said);
}

/** `deltager <navn>`: the answer names the meeting, and says when the name is nobody on the board (R16, PRODUCT §1.3). */
export async function attendeeCommand(turn: Turn, args: { readonly who: string }): Promise<Reply> {
  const { m } = turn;
  // `deltager [dato [tid]] <navn>`: a meeting named by its date (and time) first, else today's or the last held.
  const { rest: who, ...name } = leadingDate(args.who);
  const result = await addAttendee(turn.deps, turn.origin, { ...name, name: who });
  if (!result.ok) {
    return (await attendeeRefusal(turn, result.reason, name, who, 'attendee')) ?? refusal(result.reason as RefusalKey, result.reason === 'empty-name' ? 'attendee' : undefined);
  }
  if (!result.value) return nothing;
  const { attendee, meeting, already } = result.value;
  const said = already ? m.minutes.alreadyAttending : attendee.personId ? m.minutes.attendeeAdded : m.minutes.otherAttendeeAdded;
  return say(said(md(attendee.name), await meetingWhen(turn, meeting)));
}
