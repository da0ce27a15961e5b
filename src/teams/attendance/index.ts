/** Attendance in Teams (R16): the attendance card, *Jeg deltager*, and `fjern deltager`. */
import { z } from 'zod';
import type { AttendanceEvent } from '../../usecases/attendance.js';
import { joinMeeting, removeAttendee } from '../../usecases/attendance.js';
import type { MinutesEvent } from '../../usecases/minutes.js';
import type { MeetingEvent } from '../../usecases/meetings.js';
import { command } from '../commands/table.js';
import { type TeamsFeature, type VerbSpec, verb } from '../feature.js';
import { type Post, type ReactionContext, type Reactions, cardPost } from '../outbox/posts.js';
import { md } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { meetingRefusal, meetingWhen, sharesDayOf, typedDate } from '../agenda/commands.js';
import { leadingDate } from '../commands/arguments.js';
import { type ApologyEvent, apologise, withdrawApology } from '../../usecases/apologies.js';
import { aboutAttendance, attendeeRefusal, shownName } from './answers.js';
import { attendanceCard } from './card.js';
import { duringMeeting } from '../../domain/meeting.js';
import type { AttendanceState } from '../../usecases/attendance.js';
import { liveAttendanceAt } from '../../usecases/live-items.js';

const cardKey = (meetingId: string) => `meeting:${meetingId}:attendance-card`;

/** The card as it stands at the change: without *Jeg deltager* once the meeting's day is over. */
const card = (ctx: ReactionContext, state: AttendanceState, update: boolean): Post => {
  const closed = duringMeeting(state.meeting, ctx.now, ctx.board.timezone) === 'after';
  return cardPost(cardKey(state.meeting.id), ctx.channel, () => attendanceCard(ctx.board, state, closed), update);
};

/** A change to the attendance: the card is updated, if it was posted (or is queued: posted anew after a move, it waits for it). */
const changed = async (event: AttendanceState, ctx: ReactionContext): Promise<Post[]> => ((await ctx.posted(cardKey(event.meeting.id))) ? [card(ctx, event, true)] : []);

const reactions: Reactions<AttendanceEvent | MinutesEvent | ApologyEvent | MeetingEvent> = {
  'attendance.opened': (event, ctx) => [card(ctx, event, false)],
  'attendance.joined': changed,
  'attendance.removed': changed,
  'attendance.closed': changed,
  'minutes.attendee-added': (event, ctx) => changed(event, ctx),
  'apology.sent': changed,
  'apology.withdrawn': changed,
  'apology.dropped': changed,
  // R16: cancelled after its start, its card says so and no longer offers *Jeg deltager*.
  'meeting.cancelled': (event, ctx) => (event.attendance ? changed({ meeting: event.meeting, ...event.attendance }, ctx) : []),
};

const verbs: Record<string, VerbSpec> = {
  'attendance.join': verb(z.object({ meetingId: id }), async (turn, data) => {
    const result = await joinMeeting(turn.deps, turn.origin, data.meetingId);
    if (!result.ok) return refusal(result.reason);
    return showCard(turn.posted(cardKey(data.meetingId)) ?? attendanceCard(turn.origin.board, result.value));
  }),
};

/** `fjern deltager <navn>`: the answer names the meeting (R16, PRODUCT §1.3). */
async function removeAttendeeCommand(turn: Turn, args: { readonly who: string }): Promise<Reply> {
  const { m } = turn;
  // `fjern deltager [dato [tid]] <navn>`, as deltager.
  const { rest: typed, ...name } = leadingDate(args.who);
  const result = await removeAttendee(turn.deps, turn.origin, { ...name, name: typed });
  if (!result.ok) {
    const shared = await attendeeRefusal(turn, result.reason, name, typed, 'remove-attendee');
    if (shared) return shared;
    switch (result.reason) {
      case 'not-attending': {
        const who = shownName(turn, typed);
        return aboutAttendance(turn, (when) => (who.onBoard ? m.attendance.notAttending : m.attendance.noneNamed)(who.name, when), result.reason, name);
      }
      default:
        return refusal(result.reason as RefusalKey, result.reason === 'empty-name' ? 'remove-attendee' : undefined);
    }
  }
  if (!result.value) return nothing;
  return say(m.attendance.removed(md(result.value.attendee.name), await meetingWhen(turn, result.value.meeting)));
}

/** `afbud [dato [tid]] [besked]`: a date first names the meeting (without one, the next not begun); the rest is the message. */
async function apologiesCommand(turn: Turn, args: { readonly text: string }): Promise<Reply> {
  const { rest: message, ...name } = leadingDate(args.text, true);
  const result = await apologise(turn.deps, turn.origin, { ...name, message });
  if (!result.ok) return (await meetingRefusal(turn, result.reason, name, 'apologies')) ?? refusal(result.reason as RefusalKey);
  if (!result.value) return nothing;
  const sent = turn.m.attendance.apologySent(await meetingWhen(turn, result.value.meeting));
  // Without a date, today's meeting that has begun was passed by: the answer says how to reach it.
  const { passed } = result.value;
  if (!passed) return say(sent);
  const on = await typedDate({ board: turn.origin.board, sharesDay: (meeting) => sharesDayOf(turn, meeting) }, passed);
  return say(`${sent}\n\n${turn.m.attendance.apologyPassedToday(await meetingWhen(turn, passed), on)}`);
}

/** `fjern afbud [dato [tid]]` (without a date, the apology the person has). */
async function withdrawApologiesCommand(turn: Turn, args: { readonly text: string }): Promise<Reply> {
  // A date first names the meeting; words after it (»jeg kommer alligevel«) are a comment.
  const { rest: _comment, ...name } = leadingDate(args.text, true);
  const result = await withdrawApology(turn.deps, turn.origin, name);
  if (!result.ok) return (await meetingRefusal(turn, result.reason, name, 'withdraw-apologies')) ?? refusal(result.reason as RefusalKey);
  if (!result.value) return nothing;
  const when = await meetingWhen(turn, result.value.meeting);
  return say(result.value.none ? turn.m.attendance.noApology(when) : turn.m.attendance.apologyWithdrawn(when));
}

export const attendance: TeamsFeature<AttendanceEvent | MinutesEvent | ApologyEvent | MeetingEvent> = {
  name: 'attendance',
  commands: [
    command({ name: 'remove-attendee', action: 'minutes.write', group: 'minutes', args: (who) => ({ who }), handle: removeAttendeeCommand }),
    command({ name: 'apologies', action: 'attendance.join', group: 'meetings', args: (text) => ({ text }), manifest: { order: 11, personal: true, personalOnly: true }, handle: apologiesCommand }),
    command({ name: 'withdraw-apologies', action: 'attendance.join', group: 'meetings', args: (text) => ({ text }), handle: withdrawApologiesCommand }),
  ],
  verbs,
  reactions,
  // R16: the attendance card of a meeting one may still join (ahead, or today).
  liveCards: async (at, ctx) => (await liveAttendanceAt(at)).map((state) => card(ctx, state, false)),
};
