import { type Board, votingMembers } from '../../domain/kernel/board.js';
import { calledMeeting, countedSupports, gathersSupport, supportsNeeded } from '../../domain/petition.js';
import { formatDateTime, formatList, messages } from '../../i18n/index.js';
import type { PetitionState } from '../../usecases/petitions.js';
import { md } from '../text/markdown.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { personName } from '../text/names.js';

/**
 * R11: the petition card with *Stoet* (support), the count against the majority needed; once the
 * extraordinary meeting is called on it, that meeting's date and time instead of *Stoet* (cancelled
 * since: said so, and *Stoet* again while it has no majority); lapsed (no majority within half a
 * year): said so, without *Stoet*.
 */
export function petitionCard(board: Board, state: PetitionState): AdaptiveCardJson {
  const m = messages(board.locale);
  const total = votingMembers(board).length;
  const needed = supportsNeeded(board);
  // R11: the supports that count toward the majority, as the board now stands (not those of one who has left).
  const names = countedSupports(board, state.supports).map((s) => personName(board, s.personId));
  const when = (at: Date) => formatDateTime(at, board.locale, board.timezone);
  const called = calledMeeting(state.meeting);
  const meetingText = called ? m.petition.called(when(called.startsAt)) : state.meeting ? m.petition.cancelled(when(state.meeting.startsAt)) : '';
  return renderCard('petition', {
    petitionId: state.petition.id,
    title: m.petition.title,
    subject: m.petition.subject(md(state.petition.subject)),
    askedBy: m.petition.askedBy(personName(board, state.petition.createdBy)),
    count: m.petition.supporters(names.length, total),
    names: names.length ? m.petition.supporterNames(formatList(names, board.locale)) : '',
    majority: state.petition.majorityAt !== undefined,
    majorityText: m.petition.majority,
    meeting: meetingText,
    lapsed: state.petition.lapsedAt !== undefined ? m.petition.lapsed : '',
    // Gathering support: no majority yet, no meeting called on it, not lapsed.
    open: gathersSupport(state.petition, state.meeting),
    explain: m.petition.explain(needed, total),
    supportLabel: m.petition.support,
  });
}
