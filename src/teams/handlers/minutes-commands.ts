/** Minutes (R16) and the progress summary (R18). */
import { isSecretary } from '../../domain/kernel/board.js';
import { addDays, isoDate, localDateOf, localIsoDate, parseDate, toInstant } from '../../domain/kernel/calendar.js';
import { addAttendee, correctMinutes, draftMinutes, lastHeldMeeting, progressReport } from '../../usecases/minutes.js';
import { afterWords, richText } from '../commands/parse.js';
import { minutesMarkdown } from '../minutes-text.js';
import { minutesPost } from '../long-posts.js';
import { reportMarkdown } from '../report-text.js';
import { md, mdParagraphs } from '../text/markdown.js';
import type { HandlerContext } from './context.js';
import { refuseWith, reply } from './reply.js';

/** A date about the past or a period: a year-less date means the latest such date up to today. */
export function parsePastDate(text: string, now: Date, zone: string) {
  const parsed = parseDate(text, now, zone);
  if (!parsed.ok || /\d{4}/.test(text)) return parsed;
  const today = localDateOf(now, zone);
  const d = parsed.value;
  const later = d.month > today.month || (d.month === today.month && d.day > today.day);
  return later ? parseDate(`${d.day}.${d.month}.${d.year - 1}`, now, zone) : parsed;
}

export async function minutesCommand(hc: HandlerContext, dateText: string | undefined): Promise<void> {
  const { board } = hc.deps;
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  let meeting;
  if (dateText) {
    const parsed = parsePastDate(dateText, hc.deps.clock(), board.timezone);
    if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.agenda));
    const day = isoDate(parsed.value);
    meeting = (await hc.deps.store.listMeetings({ status: 'planned' })).find((m) => localIsoDate(m.startsAt, board.timezone) === day);
    if (!meeting) return void (await reply(hc, hc.m.meeting.noMeetingOn(md(dateText))));
  } else {
    meeting = await lastHeldMeeting(hc.deps);
    if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  }
  const result = await draftMinutes(hc.deps, hc.person, meeting.id, (record) => minutesMarkdown(board, record), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  const post = minutesPost(board, result.value.minutes, result.value.meeting, hc.links);
  if (result.value.created) {
    hc.committed();
    // The card goes to the channel; the secretary is told here when it could not hold all of them.
    if (post.cut) await reply(hc, hc.m.boundary.minutesCut);
    return;
  }
  // Already drafted: show them as they stand (with the secretary's corrections); a cut card says so itself.
  await hc.ctx.sendActivity(post.activity);
}

export async function correctMinutesCommand(hc: HandlerContext): Promise<void> {
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  const text = afterWords(richText(hc.ctx.activity.text ?? ''), 2);
  if (!text) return void (await refuseWith(hc, 'empty-minutes', hc.m.examples.correct));
  const meeting = await lastHeldMeeting(hc.deps);
  if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  // The contract shows corrections literally: the secretary's lines, each a paragraph, no Markdown of her own.
  const result = await correctMinutes(hc.deps, hc.person, meeting.id, mdParagraphs(text), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (!result.value) return;
  hc.committed();
  const said = result.value.created ? hc.m.minutes.correctedNew : hc.m.minutes.corrected;
  const cut = minutesPost(hc.deps.board, result.value.minutes, result.value.meeting, hc.links).cut;
  await reply(hc, cut ? `${said} ${hc.m.boundary.minutesCut}` : said);
}

export async function attendeeCommand(hc: HandlerContext, who: string): Promise<void> {
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  const meeting = await lastHeldMeeting(hc.deps);
  if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  const result = await addAttendee(hc.deps, hc.person, meeting.id, who, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason === 'empty-name' ? 'empty-name' : result.reason, result.reason === 'empty-name' ? hc.m.examples.attendee : undefined));
  if (result.value) await reply(hc, hc.m.minutes.attendeeAdded(md(result.value.name)));
}

export async function reportCommand(hc: HandlerContext, args: string): Promise<void> {
  const { board } = hc.deps;
  const [fromText, toText, extra] = args.trim().split(/\s+/);
  if (!fromText || !toText || extra) return void (await refuseWith(hc, 'bad-period'));
  const now = hc.deps.clock();
  const from = parsePastDate(fromText, now, board.timezone);
  const to = /\d{4}/.test(toText) ? parseDate(toText, now, board.timezone) : parsePastDate(toText, now, board.timezone);
  if (!from.ok) return void (await refuseWith(hc, from.reason, hc.m.examples.report));
  if (!to.ok) return void (await refuseWith(hc, to.reason, hc.m.examples.report));
  const start = toInstant(from.value, { hour: 0, minute: 0 }, board.timezone);
  const end = toInstant(addDays(to.value, 1), { hour: 0, minute: 0 }, board.timezone);
  if (end.getTime() <= start.getTime()) return void (await refuseWith(hc, 'bad-period'));
  await reply(hc, reportMarkdown(board, await progressReport(hc.deps, start, end)));
}
