import type { Board } from '../../domain/kernel/board.js';
import { mayDissentOnConclusion } from '../../domain/conclusion.js';
import { formatDateTime, formatList, messages } from '../../i18n/index.js';
import type { ConclusionState } from '../../usecases/conclusions.js';
import { md, mdParagraphs, timeUnbroken } from '../text/markdown.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { dissentOnCard, personName as nameOf } from '../text/names.js';

/** R7, R8: the chair's conclusion with Indsigelse, Saerstandpunkt, Afslut, and after an objection a vote. */
export function conclusionCard(board: Board, state: ConclusionState): AdaptiveCardJson {
  const m = messages(board.locale);
  const { conclusion, objections, dissents } = state;
  const status = conclusion.status;
  return renderCard('conclusion', {
    conclusionId: conclusion.id,
    title: m.conclusion.title,
    item: conclusion.agendaItem.heading ? md(conclusion.agendaItem.heading) : m.conclusion.item(md(conclusion.itemLabel)),
    by: m.conclusion.by(nameOf(board, conclusion.concludedBy)),
    text: mdParagraphs(conclusion.text),
    // R7: once the formal vote on it has closed, the conclusion stands or falls by it.
    status: [
      state.vote ? m.conclusion.status[state.vote.adopted ? 'votedAdopted' : 'votedNotAdopted'] : state.leftBehind ? m.conclusion.status.leftBehind : m.conclusion.status[status],
      // R7, R18: reopened (`genoptag`): what it decided no longer stands; one that decided nothing just says the item was reopened.
      ...(conclusion.reopenedAt
        ? [(status === 'decided' || state.vote ? m.conclusion.reopened : m.conclusion.reopenedItem)(timeUnbroken(formatDateTime(conclusion.reopenedAt, board.locale, board.timezone)))]
        : []),
    ].join(' '),
    statusColor: conclusion.reopenedAt ? 'Attention' : status === 'decided' || state.vote?.adopted ? 'Good' : status === 'open' ? 'Default' : 'Attention',
    objections: objections.length ? m.conclusion.objections(formatList(objections.map((o) => `${nameOf(board, o.personId)} (${md(o.organisationId)})`), board.locale)) : '',
    dissents: dissents.map((d) => dissentOnCard(board, m.conclusion.dissentBy, d)),
    window: conclusion.untilClosed ? m.conclusion.untilClosed : m.conclusion.window(timeUnbroken(formatDateTime(conclusion.objectionDeadline, board.locale, board.timezone))),
    // R7: the formal vote on it has closed: its outcome.
    outcome: state.vote ? m.conclusion.voteOutcome(m.outcome.line(state.vote.adopted, state.vote.for, state.vote.against, state.vote.abstain)) : '',
    isOpen: status === 'open',
    // R7: put to a vote only while it waits for the chair: not left behind, nor its item reopened.
    isObjected: status === 'objected' && !state.leftBehind && !conclusion.reopenedAt,
    // R8: a dissent goes to the minutes while the conclusion stands: not once it was put to a vote (then on the vote's card), left behind or its item reopened.
    canDissent: mayDissentOnConclusion(conclusion, { leftBehind: state.leftBehind === true }).ok,
    labels: {
      object: m.conclusion.object,
      objectSubmit: m.conclusion.objectSubmit,
      reasonPlaceholder: m.conclusion.reasonPlaceholder,
      dissent: m.conclusion.dissent,
      dissentSubmit: m.conclusion.dissentSubmit,
      dissentPlaceholder: m.conclusion.dissentPlaceholder,
      close: m.conclusion.close,
      toVote: m.conclusion.toVote,
    },
  });
}
