/** Text commands: parse the arguments, call the use case, answer in the board's language. */
import { CardFactory, MessageFactory, type TurnContext, TurnContext as TC } from 'botbuilder';
import { isChair, isSecretary } from '../../domain/board.js';
import { addDays, agendaDeadline, isoDate, localDateOf, parseDate, parseHhmm, parseMeetingDateTime, toInstant } from '../../domain/datetime.js';
import { type MeetingKind, upcomingMeetings } from '../../domain/meeting.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import { bindChannel } from '../../usecases/binding.js';
import { concludeItem } from '../../usecases/conclusions.js';
import { startDatePoll } from '../../usecases/date-polls.js';
import { addItem, attachToItem, cancelMeeting, decisionItem, loadAgenda, meetingOn, scheduleMeeting, sendAgenda } from '../../usecases/meetings.js';
import { addAttendee, correctMinutes, draftMinutes, lastHeldMeeting, progressReport } from '../../usecases/minutes.js';
import { startPetition } from '../../usecases/petitions.js';
import { openVote } from '../../usecases/voting.js';
import { agendaCard, itemTitle } from '../cards/agenda-card.js';
import { splitAttach, splitDateTime } from '../commands/arguments.js';
import { type Command, afterWords, richText } from '../commands/parse.js';
import { channelIdOf } from '../identity.js';
import { minutesMarkdown } from '../minutes-text.js';
import { boardText, helpText } from '../presenters.js';
import { minutesActivity } from '../publisher.js';
import { reportMarkdown } from '../report-text.js';
import { type HandlerContext, type RefusalKey, refusalText } from './context.js';

const reply = (hc: HandlerContext, text: string) => hc.ctx.sendActivity(text);
const refuseWith = (hc: HandlerContext, key: RefusalKey, example?: string) =>
  reply(hc, example ? `${refusalText(hc.m, key)}\n\n${example}` : refusalText(hc.m, key));

export function bindRequestOf(ctx: TurnContext, tenantId: string | undefined, teamId: string | undefined) {
  const channelId = channelIdOf(ctx.activity);
  if (!channelId) return undefined;
  return {
    conversationReference: TC.getConversationReference(ctx.activity),
    channelId,
    serviceUrl: ctx.activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

async function planMeetingCommand(hc: HandlerContext, kind: MeetingKind, args: string): Promise<void> {
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

async function listMeetings(hc: HandlerContext): Promise<void> {
  const { board } = hc.deps;
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const meetings = upcomingMeetings(await hc.deps.store.listMeetings({ status: 'planned' }), hc.deps.clock(), board.timezone);
  if (meetings.length === 0) return void (await reply(hc, hc.m.meeting.none));
  const lines = meetings.map((meeting) => {
    const agenda = meeting.agendaSentAt
      ? (meeting.agendaLate ? hc.m.meeting.agendaSentLate : hc.m.meeting.agendaSent)(when(meeting.agendaSentAt))
      : hc.m.meeting.agendaDue(when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
    const subject = meeting.subject ? ` (${meeting.subject})` : '';
    return hc.m.meeting.upcomingLine(hc.m.meeting.kind[meeting.kind], `${when(meeting.startsAt)}${subject}`, agenda);
  });
  await reply(hc, [hc.m.meeting.upcomingHeading, lines.join('\n')].join('\n\n'));
}

async function showAgenda(hc: HandlerContext, dateText: string | undefined): Promise<void> {
  const { board } = hc.deps;
  let localDate: string | undefined;
  if (dateText) {
    const parsed = parseDate(dateText, hc.deps.clock(), board.timezone);
    if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.agenda));
    localDate = isoDate(parsed.value);
  }
  const meeting = await meetingOn(hc.deps, localDate);
  if (!meeting) return void (await reply(hc, localDate ? hc.m.meeting.noMeetingOn(dateText!) : hc.m.meeting.noCurrent));
  const card = agendaCard(board, await loadAgenda(board, hc.deps.store, meeting), { canSend: isChair(hc.person) || isSecretary(hc.person) });
  await hc.ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

async function cancelMeetingCommand(hc: HandlerContext, dateText: string): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  if (!dateText) return void (await refuseWith(hc, 'missing-date', hc.m.examples.cancel));
  const parsed = parseDate(dateText, hc.deps.clock(), hc.deps.board.timezone);
  if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.cancel));
  const meeting = await meetingOn(hc.deps, isoDate(parsed.value));
  if (!meeting) return void (await reply(hc, hc.m.meeting.noMeetingOn(dateText)));
  const result = await cancelMeeting(hc.deps, hc.person, meeting.id, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value) hc.committed();
}

async function sendAgendaCommand(hc: HandlerContext): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  const meeting = await meetingOn(hc.deps, undefined);
  if (!meeting) return void (await reply(hc, hc.m.meeting.noCurrent));
  const result = await sendAgenda(hc.deps, hc.person, meeting.id, hc.origin);
  if (!result.ok) return void (await reply(hc, result.reason === 'already-sent' ? hc.m.agenda.alreadySent : refusalText(hc.m, result.reason)));
  hc.committed();
  if (channelIdOf(hc.ctx.activity) !== (await hc.deps.store.getBinding())?.channelId) await reply(hc, hc.m.agenda.sent);
}

async function addItemCommand(hc: HandlerContext, command: Extract<Command, { name: 'item' }>): Promise<void> {
  const { board } = hc.deps;
  const result = await addItem(hc.deps, hc.person, { title: command.title, kind: command.kind ?? 'discussion' }, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason, result.reason === 'empty-title' ? hc.m.examples.item : undefined));
  if (!result.value) return;
  hc.committed();
  const { meeting, number, item } = result.value;
  await reply(hc, hc.m.agenda.itemAdded(number, item.title, hc.m.agenda.kind[item.kind], formatDateTime(meeting.startsAt, board.locale, board.timezone)));
}

async function attachCommand(hc: HandlerContext, args: string): Promise<void> {
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
  await reply(hc, hc.m.agenda.attachmentAdded(result.value.number, result.value.title));
}

async function voteCommand(hc: HandlerContext, command: Extract<Command, { name: 'vote' }>): Promise<void> {
  let text: string;
  let agendaItem;
  if ('itemNumber' in command) {
    if (!isChair(hc.person)) return void (await refuseWith(hc, 'not-chair-open'));
    const found = await decisionItem(hc.deps, command.itemNumber);
    if (!found.ok) {
      if (found.reason === 'no-meeting') return void (await reply(hc, hc.m.meeting.noCurrent));
      if (found.reason === 'unknown-item') return void (await reply(hc, hc.m.refusal['unknown-item'](command.itemNumber)));
      return void (await reply(hc, hc.m.refusal['not-for-decision'](command.itemNumber)));
    }
    text = `${found.value.item.number}. ${itemTitle(hc.deps.board, found.value.item)}`;
    agendaItem = {
      meetingId: found.value.meeting.id,
      ...(found.value.item.itemId ? { itemId: found.value.item.itemId } : {}),
      ...(found.value.item.standing ? { standing: found.value.item.standing } : {}),
    };
  } else {
    text = command.motion;
  }
  const result = await openVote(hc.deps, hc.person, text, hc.origin, agendaItem);
  if (!result.ok) return void (await refuseWith(hc, result.reason === 'not-chair' ? 'not-chair-open' : result.reason));
  hc.committed();
  const binding = await hc.deps.store.getBinding();
  if (binding && channelIdOf(hc.ctx.activity) !== binding.channelId) await reply(hc, hc.m.vote.openedElsewhere);
}

async function petitionCommand(hc: HandlerContext, subject: string): Promise<void> {
  const result = await startPetition(hc.deps, hc.person, subject, hc.origin);
  if (!result.ok) {
    const key = result.reason === 'not-a-member' ? 'not-a-member' : result.reason;
    return void (await refuseWith(hc, key, result.reason === 'empty-subject' ? hc.m.examples.petition : undefined));
  }
  if (result.value) hc.committed();
}

async function bindCommand(hc: HandlerContext, request: ReturnType<typeof bindRequestOf>): Promise<void> {
  if (!request || hc.ctx.activity.conversation?.conversationType !== 'channel') return void (await refuseWith(hc, 'channel-only'));
  const result = await bindChannel(hc.deps, request, { by: 'command', person: hc.person }, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value === 'unchanged') await reply(hc, hc.m.bind.alreadyBound);
  else hc.committed();
}

/** A date about the past or a period: a year-less date means the latest such date up to today. */
function parsePastDate(text: string, now: Date, zone: string) {
  const parsed = parseDate(text, now, zone);
  if (!parsed.ok || /\d{4}/.test(text)) return parsed;
  const today = localDateOf(now, zone);
  const d = parsed.value;
  const later = d.month > today.month || (d.month === today.month && d.day > today.day);
  return later ? parseDate(`${d.day}.${d.month}.${d.year - 1}`, now, zone) : parsed;
}

async function concludeCommand(hc: HandlerContext, args: string): Promise<void> {
  if (!isChair(hc.person)) return void (await refuseWith(hc, 'not-chair'));
  const match = /^(\d{1,3})\s+([\s\S]+)$/.exec(args.trim());
  if (!match) return void (await refuseWith(hc, args.trim() ? 'empty-conclusion' : 'bad-item-number', hc.m.examples.conclude));
  const number = Number(match[1]);
  const text = afterWords(richText(hc.ctx.activity.text ?? ''), 2) || match[2]!;
  const result = await concludeItem(hc.deps, hc.person, { number, text, label: (item) => `${item.number}. ${itemTitle(hc.deps.board, item)}` }, hc.origin);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return void (await reply(hc, hc.m.refusal['unknown-item'](number)));
    if (result.reason === 'no-meeting') return void (await reply(hc, hc.m.meeting.noCurrent));
    return void (await refuseWith(hc, result.reason));
  }
  if (!result.value) return;
  hc.committed();
  const binding = await hc.deps.store.getBinding();
  if (binding && channelIdOf(hc.ctx.activity) !== binding.channelId) await reply(hc, hc.m.conclusion.posted);
}

async function planDatesCommand(hc: HandlerContext, yearText: string): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  if (!/^\d{4}$/.test(yearText.trim())) return void (await refuseWith(hc, 'bad-year', hc.m.examples.dates));
  const result = await startDatePoll(hc.deps, hc.person, Number(yearText.trim()), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value) hc.committed();
}

async function minutesCommand(hc: HandlerContext, dateText: string | undefined): Promise<void> {
  const { board } = hc.deps;
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  let meeting;
  if (dateText) {
    const parsed = parsePastDate(dateText, hc.deps.clock(), board.timezone);
    if (!parsed.ok) return void (await refuseWith(hc, parsed.reason, hc.m.examples.agenda));
    const day = isoDate(parsed.value);
    const dayOf = (d: Date) => isoDate(localDateOf(d, board.timezone));
    meeting = (await hc.deps.store.listMeetings({ status: 'planned' })).find((m) => dayOf(m.startsAt) === day);
    if (!meeting) return void (await reply(hc, hc.m.meeting.noMeetingOn(dateText)));
  } else {
    meeting = await lastHeldMeeting(hc.deps);
    if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  }
  const result = await draftMinutes(hc.deps, hc.person, meeting.id, (record) => minutesMarkdown(board, record), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value.created) return hc.committed();
  // Already drafted: show them as they stand (with the secretary's corrections).
  await hc.ctx.sendActivity(minutesActivity(board, result.value.minutes, result.value.meeting, hc.publicUrl));
}

async function correctMinutesCommand(hc: HandlerContext): Promise<void> {
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  const text = afterWords(richText(hc.ctx.activity.text ?? ''), 2);
  if (!text) return void (await refuseWith(hc, 'empty-minutes', hc.m.examples.correct));
  const meeting = await lastHeldMeeting(hc.deps);
  if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  const result = await correctMinutes(hc.deps, hc.person, meeting.id, text, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (!result.value) return;
  hc.committed();
  await reply(hc, result.value.created ? hc.m.minutes.correctedNew : hc.m.minutes.corrected);
}

async function attendeeCommand(hc: HandlerContext, who: string): Promise<void> {
  if (!isSecretary(hc.person)) return void (await refuseWith(hc, 'not-secretary'));
  const meeting = await lastHeldMeeting(hc.deps);
  if (!meeting) return void (await refuseWith(hc, 'no-held-meeting'));
  const result = await addAttendee(hc.deps, hc.person, meeting.id, who, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason === 'empty-name' ? 'empty-name' : result.reason, result.reason === 'empty-name' ? hc.m.examples.attendee : undefined));
  if (result.value) await reply(hc, hc.m.minutes.attendeeAdded(result.value.name));
}

async function reportCommand(hc: HandlerContext, args: string): Promise<void> {
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

export async function handleCommand(hc: HandlerContext, command: Command, bindRequest: ReturnType<typeof bindRequestOf>): Promise<void> {
  const { board } = hc.deps;
  switch (command.name) {
    case 'empty':
    case 'help':
      return void (await reply(hc, helpText(board, hc.person)));
    case 'board':
      return void (await reply(hc, boardText(board, hc.person)));
    case 'unknown':
      return void (await reply(hc, messages(board.locale).unknownCommand(command.text)));
    case 'bind':
      return bindCommand(hc, bindRequest);
    case 'vote':
      return voteCommand(hc, command);
    case 'meeting':
      return planMeetingCommand(hc, 'ordinary', command.args);
    case 'extraordinary':
      return planMeetingCommand(hc, 'extraordinary', command.args);
    case 'meetings':
      return listMeetings(hc);
    case 'cancel-meeting':
      return cancelMeetingCommand(hc, command.dateText);
    case 'agenda':
      return showAgenda(hc, command.dateText);
    case 'send-agenda':
      return sendAgendaCommand(hc);
    case 'item':
      return addItemCommand(hc, command);
    case 'attach':
      return attachCommand(hc, command.args);
    case 'petition':
      return petitionCommand(hc, command.subject);
    case 'conclude':
      return concludeCommand(hc, command.args);
    case 'plan-dates':
      return planDatesCommand(hc, command.yearText);
    case 'minutes':
      return minutesCommand(hc, command.dateText);
    case 'correct-minutes':
      return correctMinutesCommand(hc);
    case 'attendee':
      return attendeeCommand(hc, command.who);
    case 'report':
      return reportCommand(hc, command.args);
  }
}
