/** Meetings, agendas and petitions (R9, R11-R14). */
import { isChair, isSecretary } from '../../domain/kernel/board.js';
import { agendaDeadline, isoDate, parseDate, parseHhmm, parseMeetingDateTime } from '../../domain/kernel/calendar.js';
import { type MeetingKind, upcomingMeetings } from '../../domain/meeting.js';
import { formatDateTime } from '../../i18n/index.js';
import { addItem, attachToItem, cancelMeeting, loadAgenda, meetingOn, scheduleMeeting, sendAgenda } from '../../usecases/meetings.js';
import { agendaPost } from '../long-posts.js';
import { splitAttach, splitDateTime } from '../commands/arguments.js';
import type { Command } from '../commands/parse.js';
import { channelIdOf } from '../turn/identity.js';
import { md } from '../text/markdown.js';
import { type HandlerContext, refusalText } from './context.js';
import { refuseWith, reply } from './reply.js';

export async function planMeetingCommand(hc: HandlerContext, kind: MeetingKind, args: string): Promise<void> {
  const { board } = hc.deps;
  const example = kind === 'ordinary' ? hc.m.examples.meeting : hc.m.examples.extraordinary;
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  const parts = splitDateTime(args);
  if (!parts.dateText) return void (await refuseWith(hc, 'missing-date', example));
  const startsAt = parseMeetingDateTime(parts.dateText, parts.timeText, hc.deps.clock(), board.timezone, parseHhmm(board.policies.meetingTime));
  if (!startsAt.ok) return void (await refuseWith(hc, startsAt.reason, example));
  if (kind === 'extraordinary' && !parts.rest) return void (await refuseWith(hc, 'empty-subject', example));
  // After the date and time: the subject of an extraordinary meeting, the place (or Teams link) of an ordinary one.
  const rest = kind === 'extraordinary' ? { subject: parts.rest } : parts.rest ? { place: parts.rest } : {};
  const result = await scheduleMeeting(hc.deps, hc.person, { kind, startsAt: startsAt.value, ...rest }, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason, result.reason === 'in-past' ? example : undefined));
  if (!result.value) return;
  hc.committed();
  const { meeting, agendaLate } = result.value;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const kindText = hc.m.meeting.kind[meeting.kind];
  await reply(
    hc,
    agendaLate
      ? hc.m.meeting.plannedLate(kindText, when(meeting.startsAt))
      : hc.m.meeting.planned(kindText, when(meeting.startsAt), when(agendaDeadline(meeting.startsAt, board.policies, board.timezone))),
  );
}

export async function listMeetings(hc: HandlerContext): Promise<void> {
  const { board } = hc.deps;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const meetings = upcomingMeetings(await hc.deps.store.listMeetings({ status: 'planned' }), hc.deps.clock(), board.timezone);
  if (meetings.length === 0) return void (await reply(hc, hc.m.meeting.none));
  const lines = meetings.map((meeting) => {
    const agenda = meeting.agendaSentAt
      ? (meeting.agendaLate ? hc.m.meeting.agendaSentLate : hc.m.meeting.agendaSent)(when(meeting.agendaSentAt))
      : hc.m.meeting.agendaDue(when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
    const subject = meeting.subject ? ` (${md(meeting.subject)})` : '';
    return hc.m.meeting.upcomingLine(hc.m.meeting.kind[meeting.kind], `${when(meeting.startsAt)}${subject}`, agenda);
  });
  await reply(hc, [hc.m.meeting.upcomingHeading, lines.join('\n')].join('\n\n'));
}

export async function showAgenda(hc: HandlerContext, dateText: string | undefined): Promise<void> {
  const { board } = hc.deps;
  let localDate: string | undefined;
  if (dateText) {
    const parsed = parseDate(dateText, hc.deps.clock(), board.timezone);
    if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.agenda));
    localDate = isoDate(parsed.value);
  }
  const meeting = await meetingOn(hc.deps, localDate);
  if (!meeting) return void (await reply(hc, localDate ? hc.m.meeting.noMeetingOn(md(dateText!)) : hc.m.meeting.noCurrent));
  const { activity } = agendaPost(board, await loadAgenda(board, hc.deps.store, meeting), hc.links, { canSend: isChair(hc.person) || isSecretary(hc.person) });
  await hc.ctx.sendActivity(activity);
}

export async function cancelMeetingCommand(hc: HandlerContext, dateText: string): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  if (!dateText) return void (await refuseWith(hc, 'missing-date', hc.m.examples.cancel));
  const parsed = parseDate(dateText, hc.deps.clock(), hc.deps.board.timezone);
  if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.cancel));
  const meeting = await meetingOn(hc.deps, isoDate(parsed.value));
  if (!meeting) return void (await reply(hc, hc.m.meeting.noMeetingOn(md(dateText))));
  const result = await cancelMeeting(hc.deps, hc.person, meeting.id, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value) hc.committed();
}

export async function sendAgendaCommand(hc: HandlerContext): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  const meeting = await meetingOn(hc.deps, undefined);
  if (!meeting) return void (await reply(hc, hc.m.meeting.noCurrent));
  const result = await sendAgenda(hc.deps, hc.person, meeting.id, hc.origin);
  if (!result.ok) return void (await reply(hc, result.reason === 'already-sent' ? hc.m.agenda.alreadySent : refusalText(hc.m, result.reason)));
  hc.committed();
  const cut = agendaPost(hc.deps.board, await loadAgenda(hc.deps.board, hc.deps.store, meeting), hc.links).cut;
  const elsewhere = channelIdOf(hc.ctx.activity) !== (await hc.deps.store.getBinding())?.channelId;
  if (elsewhere || cut) await reply(hc, [elsewhere ? hc.m.agenda.sent : '', cut ? hc.m.boundary.agendaCut : ''].filter(Boolean).join(' '));
}

/** " <the agenda is cut>" when the agenda was sent and its card can no longer hold it all (the sender is told). */
async function agendaCutNote(hc: HandlerContext, meetingId: string): Promise<string> {
  const meeting = await hc.deps.store.getMeeting(meetingId);
  if (!meeting?.agendaSentAt) return '';
  return agendaPost(hc.deps.board, await loadAgenda(hc.deps.board, hc.deps.store, meeting), hc.links).cut ? ` ${hc.m.boundary.agendaCut}` : '';
}

export async function addItemCommand(hc: HandlerContext, command: Extract<Command, { name: 'item' }>): Promise<void> {
  const { board } = hc.deps;
  const result = await addItem(hc.deps, hc.person, { title: command.title, kind: command.kind ?? 'discussion' }, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason, result.reason === 'empty-title' ? hc.m.examples.item : undefined));
  if (!result.value) return;
  hc.committed();
  const { meeting, number, item } = result.value;
  const said = hc.m.agenda.itemAdded(number, md(item.title), hc.m.agenda.kind[item.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone));
  await reply(hc, `${said}${await agendaCutNote(hc, meeting.id)}`);
}

export async function attachCommand(hc: HandlerContext, args: string): Promise<void> {
  const parsed = splitAttach(args);
  if (parsed.number === undefined) return void (await refuseWith(hc, 'bad-item-number', hc.m.examples.attach));
  if (!parsed.url) return void (await refuseWith(hc, 'bad-url', hc.m.examples.attach));
  const result = await attachToItem(hc.deps, hc.person, { number: parsed.number, url: parsed.url, ...(parsed.title ? { title: parsed.title } : {}) }, hc.origin);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return void (await reply(hc, hc.m.refusal['unknown-item'](parsed.number)));
    return void (await refuseWith(hc, result.reason, result.reason === 'bad-url' ? hc.m.examples.attach : undefined));
  }
  if (!result.value) return;
  hc.committed();
  await reply(hc, hc.m.agenda.attachmentAdded(result.value.number, md(result.value.title)));
}
