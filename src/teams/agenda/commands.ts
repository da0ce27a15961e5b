/** `dagsorden [dato]`, `punkt`, `bilag`, `udsend dagsorden` (R12–R13): the agenda by command. */
import type { AgendaItemKind } from '../../domain/meeting.js';
import { can } from '../../domain/kernel/policy.js';
import { LOCALES, formatDate, messages } from '../../i18n/index.js';
import { altSpelling, foldKeyword } from '../commands/text.js';
import { addItem, attachToItem, sendAgenda, showAgenda } from '../../usecases/agenda.js';
import { reopenItem } from '../../usecases/decisions.js';
import { leadingDate, splitAttach } from '../commands/arguments.js';
import { md } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
import { itemTitle } from './card.js';
import { agendaPost } from './post.js';

export async function showAgendaCommand(turn: Turn, args: { readonly dateText?: string }): Promise<Reply> {
  const { m } = turn;
  const result = await showAgenda(turn.deps, turn.origin, args);
  if (!result.ok) {
    switch (result.reason) {
      case 'bad-date':
      case 'impossible-date':
        return refusal(result.reason, 'agenda');
      case 'no-meeting-on':
        return say(m.meeting.noMeetingOn(md(args.dateText ?? '')));
      default:
        return say(m.meeting.noCurrent);
    }
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
  const day = (d: Date) => formatDate(d, board.locale, board.timezone);
  return say(m.agenda.alreadySentFor(day(meeting.startsAt), day(meeting.agendaSentAt)));
}

/** The answer to a meeting a command could not find (`punkt 24/12 …` with no meeting that day), if that is what went wrong. */
export function meetingRefusal(turn: Turn, reason: string, dateText: string | undefined): Reply | undefined {
  switch (reason) {
    case 'bad-date':
    case 'impossible-date':
      return refusal(reason);
    case 'no-meeting-on':
      return say(turn.m.meeting.noMeetingOn(md(dateText ?? '')));
    case 'no-meeting':
      return say(turn.m.meeting.noCurrent);
    default:
      return undefined;
  }
}

/**
 * "No item <n>", naming the meeting whose agenda was looked at (issue 10: every answer names
 * the meeting): today's or the next, or the one on the date given.
 */
export async function unknownItem(turn: Turn, n: number, dateText: string | undefined): Promise<Reply> {
  const { m } = turn;
  return aboutItem(turn, dateText, (when) => (when ? m.agenda.noSuchItem(n, when) : m.refusal['unknown-item'](n)));
}

/** A refusal about an item of the meeting `dateText` names (or the current one), naming that meeting (PRODUCT §1.3) when it can be found. */
export async function aboutItem(turn: Turn, dateText: string | undefined, text: (when: string | undefined) => string): Promise<Reply> {
  const { board } = turn.origin;
  const shown = await showAgenda(turn.deps, turn.origin, dateText ? { dateText } : {});
  return say(text(shown.ok && shown.value ? formatDate(shown.value.meeting.startsAt, board.locale, board.timezone) : undefined));
}

export async function addItemCommand(turn: Turn, args: { readonly title: string; readonly kind?: AgendaItemKind; readonly dateText?: string }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const result = await addItem(turn.deps, turn.origin, { title: args.title, kind: args.kind ?? 'discussion', ...(args.dateText ? { dateText: args.dateText } : {}) });
  if (!result.ok) return meetingRefusal(turn, result.reason, args.dateText) ?? refusal(result.reason as RefusalKey, result.reason === 'empty-title' ? 'item' : undefined);
  if (!result.value) return nothing;
  const { view, number, item } = result.value;
  const when = formatDate(view.meeting.startsAt, board.locale, board.timezone);
  const said = (item.addedAfterSending ? m.agenda.itemAddedLate : m.agenda.itemAdded)(number, md(item.title), m.agenda.kind[item.kind], when);
  // The agenda went out already and its card can no longer hold it all: the sender is told.
  const cut = view.meeting.agendaSentAt && agendaPost(board, view, turn.links).cut ? ` ${m.boundary.agendaCut}` : '';
  return say(`${said}${cut}`);
}

export async function attachCommand(turn: Turn, args: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const { dateText, rest } = leadingDate(args.args);
  const parsed = splitAttach(rest);
  const result = await attachToItem(turn.deps, turn.origin, { ...parsed, ...(dateText ? { dateText } : {}) });
  if (!result.ok) {
    if (result.reason === 'unknown-item') return unknownItem(turn, parsed.number!, dateText);
    if (result.reason === 'not-attachable') return say(m.refusal['not-attachable'](parsed.number!));
    return meetingRefusal(turn, result.reason, dateText) ?? refusal(result.reason as RefusalKey, result.reason === 'bad-url' || result.reason === 'bad-item-number' ? 'attach' : undefined);
  }
  if (!result.value) return nothing;
  const { view, number, item, attachment } = result.value;
  const said = (attachment.addedAfterSending ? m.agenda.attachmentAddedLate : m.agenda.attachmentAdded)(number, md(itemTitle(board, item)), formatDate(view.meeting.startsAt, board.locale, board.timezone));
  // The agenda went out already and its card can no longer hold it all: the sender is told.
  const cut = view.meeting.agendaSentAt && agendaPost(board, view, turn.links).cut ? ` ${m.boundary.agendaCut}` : '';
  return say(`${said}${cut}`);
}

/** The words that name an item's kind, in every language, folded: `beslutning` → decision. */
const KIND_WORDS: ReadonlyMap<string, AgendaItemKind> = new Map(
  LOCALES.flatMap((locale) => Object.entries(messages(locale).agenda.kindWord).map(([kind, word]) => [foldKeyword(word), kind as AgendaItemKind] as const)),
);

/** `punkt [dato] <titel> [beslutning|orientering|droftelse]`: a first word that is a date names the meeting; a last word naming the kind sets it. */
export function itemArgs(args: string): { readonly title: string; readonly kind?: AgendaItemKind; readonly dateText?: string } {
  const { dateText, rest } = leadingDate(args);
  const on = dateText ? { dateText } : {};
  const words = rest.split(' ');
  const last = foldKeyword(words[words.length - 1] ?? '').replace(/[.,:;!?()[\]]+/g, '');
  const kind = KIND_WORDS.get(last) ?? KIND_WORDS.get(altSpelling(last));
  if (kind && words.length > 1) return { title: words.slice(0, -1).join(' '), kind, ...on };
  return { title: rest, ...on };
}

/** `genoptag [dato] <punktnr>` (chair): a decided item is reopened, so that a new decision can be made. */
export function reopenArgs(args: string): { readonly number?: number; readonly dateText?: string } {
  const { dateText, rest } = leadingDate(args);
  return { ...(/^\d{1,3}$/.test(rest) ? { number: Number(rest) } : {}), ...(dateText ? { dateText } : {}) };
}

export async function reopenCommand(turn: Turn, args: { readonly number?: number; readonly dateText?: string }): Promise<Reply> {
  const { m } = turn;
  const result = await reopenItem(turn.deps, turn.origin, args);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return unknownItem(turn, args.number!, args.dateText);
    if (result.reason === 'not-decided') return aboutItem(turn, args.dateText, (when) => m.refusal['not-decided'](args.number!, when));
    if (result.reason === 'bad-item-number') return refusal(result.reason, 'reopen');
    return meetingRefusal(turn, result.reason, args.dateText) ?? refusal(result.reason as RefusalKey);
  }
  if (!result.value) return nothing;
  const { meeting, item } = result.value;
  return say(m.agenda.reopened(md(turn.deps.texts.itemHeading(turn.origin.board, item, meeting))));
}
