/** One decision per item: the answer naming the decision an item already has, or the one under way on it. */
import type { Board } from '../../domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../../domain/meeting.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import type { ItemTaken } from '../../usecases/decisions.js';
import { itemHeadingNow } from '../texts.js';
import { md } from '../text/markdown.js';

/** `sharesDay`: another meeting is on the item's meeting's day (sharesDayOf). */
export function decidedText(board: Board, decided: ItemTaken, sharesDay: boolean): string {
  const m = messages(board.locale);
  const { meeting, item, decision, open } = decided;
  // Answered now, to one who named the item by its number: the number it has now.
  const heading = md(itemHeadingNow(board, item, meeting, sharesDay));
  if (open) {
    return open.kind === 'vote' ? m.agenda.openVoteOnItem(heading, md(open.motion.text)) : m.agenda.openConclusionOnItem(heading, md(open.conclusion.text));
  }
  if (decision.kind === 'conclusion') {
    const { conclusion } = decision;
    return m.agenda.decidedByConclusion(heading, md(conclusion.text), formatDateTime(conclusion.decidedAt ?? conclusion.concludedAt, board.locale, board.timezone), item.number);
  }
  const t = decision.tally;
  return m.agenda.decidedByVote(heading, m.outcome.line(t.adopted, t.for, t.against, t.abstain), item.number);
}
