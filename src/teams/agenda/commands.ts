/** `dagsorden [dato]`, `punkt`, `bilag`, `udsend dagsorden` (R12–R13): the agenda by command. */
import type { AgendaItemKind } from '../../domain/meeting.js';
import { can } from '../../domain/kernel/policy.js';
import { LOCALES, formatDateTime, messages } from '../../i18n/index.js';
import { altSpelling, foldKeyword } from '../commands/text.js';
import { addItem, attachToItem, sendAgenda, showAgenda } from '../../usecases/agenda.js';
import { splitAttach } from '../commands/arguments.js';
import { md } from '../text/markdown.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
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
    if (result.reason === 'already-sent') return say(m.agenda.alreadySent);
    return refusal(result.reason);
  }
  if (!result.value) return nothing;
  const cut = agendaPost(turn.origin.board, result.value.view, turn.links).cut;
  // Sent from elsewhere than the board's channel, the sender is told where it went; a cut agenda says so.
  const elsewhere = !turn.inBoundChannel;
  return elsewhere || cut ? say([elsewhere ? m.agenda.sent : '', cut ? m.boundary.agendaCut : ''].filter(Boolean).join(' ')) : nothing;
}

export async function addItemCommand(turn: Turn, args: { readonly title: string; readonly kind?: AgendaItemKind }): Promise<Reply> {
  const { m } = turn;
  const { board } = turn.origin;
  const result = await addItem(turn.deps, turn.origin, { title: args.title, kind: args.kind ?? 'discussion' });
  if (!result.ok) return refusal(result.reason, result.reason === 'empty-title' ? 'item' : undefined);
  if (!result.value) return nothing;
  const { view, number, item } = result.value;
  const said = m.agenda.itemAdded(number, md(item.title), m.agenda.kind[item.kind], formatDateTime(view.meeting.startsAt, board.locale, board.timezone));
  // The agenda went out already and its card can no longer hold it all: the sender is told.
  const cut = view.meeting.agendaSentAt && agendaPost(board, view, turn.links).cut ? ` ${m.boundary.agendaCut}` : '';
  return say(`${said}${cut}`);
}

export async function attachCommand(turn: Turn, args: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const parsed = splitAttach(args.args);
  const result = await attachToItem(turn.deps, turn.origin, parsed);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return say(m.refusal['unknown-item'](parsed.number!));
    return refusal(result.reason, result.reason === 'bad-url' || result.reason === 'bad-item-number' ? 'attach' : undefined);
  }
  if (!result.value) return nothing;
  return say(m.agenda.attachmentAdded(result.value.number, md(result.value.title)));
}

/** The words that name an item's kind, in every language, folded: `beslutning` → decision. */
const KIND_WORDS: ReadonlyMap<string, AgendaItemKind> = new Map(
  LOCALES.flatMap((locale) => Object.entries(messages(locale).agenda.kindWord).map(([kind, word]) => [foldKeyword(word), kind as AgendaItemKind] as const)),
);

/** `punkt <titel> [beslutning|orientering|droftelse]`: a last word naming the kind sets it. */
export function itemArgs(rest: string): { readonly title: string; readonly kind?: AgendaItemKind } {
  const words = rest.split(' ');
  const last = foldKeyword(words[words.length - 1] ?? '').replace(/[.,:;!?()[\]]+/g, '');
  const kind = KIND_WORDS.get(last) ?? KIND_WORDS.get(altSpelling(last));
  if (kind && words.length > 1) return { title: words.slice(0, -1).join(' '), kind };
  return { title: rest };
}
