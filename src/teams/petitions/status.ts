/** R11 in `status` (R18): the petitions gathering support and the demanded meetings not called, as they stand now. */
import { countedSupports, supportsNeeded } from '../../domain/petition.js';
import { formatDate, messages } from '../../i18n/index.js';
import type { At, Period, TextSection } from '../../usecases/contributions.js';
import { standingPetitionsAt } from '../../usecases/petition-reminders.js';
import { md } from '../text/markdown.js';

/**
 * What stands now, in a period that reaches today (bare `status`); a report on a period past or to
 * come says nothing of it. Each list only when it holds any.
 */
export async function petitionStatusSections(at: At, period: Period): Promise<TextSection[]> {
  const now = at.now.getTime();
  if (period.from.getTime() > now || period.to.getTime() <= now) return [];
  const { board } = at;
  const { gathering, demanded } = await standingPetitionsAt(at);
  const t = messages(board.locale).petitionStatus;
  const day = (d: Date) => formatDate(d, board.locale, board.timezone);
  const needed = supportsNeeded(board);
  return [
    ...(gathering.length
      ? [{ title: t.gathering(gathering.length), text: gathering.map((s) => t.gatheringLine(md(s.petition.subject), countedSupports(board, s.supports).length, needed)).join('\n') }]
      : []),
    ...(demanded.length ? [{ title: t.demanded(demanded.length), text: demanded.map((s) => t.demandedLine(md(s.petition.subject), day(s.petition.majorityAt!))).join('\n') }] : []),
  ];
}
