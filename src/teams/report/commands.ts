/** `status <fra> <til>` (R18): the decisions of a period, for the political level. */
import { progressReport } from '../../usecases/report.js';
import type { Turn } from '../turn/context.js';
import { type Reply, refusal, say } from '../turn/reply.js';
import { reportMarkdown } from './text.js';

export async function reportCommand(turn: Turn, args: { readonly args: string }): Promise<Reply> {
  const [fromText, toText, extra] = args.args.trim().split(/\s+/);
  if (!fromText || !toText || extra) return refusal('bad-period');
  const result = await progressReport(turn.deps, turn.origin, { fromText, toText });
  if (!result.ok) return refusal(result.reason, result.reason === 'bad-period' ? undefined : 'report');
  return say(reportMarkdown(turn.origin.board, result.value));
}
