/** `status <fra> <til>` (R18): the decisions of a period, for the political level. */
import { progressReport } from '../../usecases/report.js';
import type { Turn } from '../turn/context.js';
import { type Reply, refusal, say } from '../turn/reply.js';
import { reportMarkdown } from './text.js';
import { md } from '../text/markdown.js';

export async function reportCommand(turn: Turn, args: { readonly args: string }): Promise<Reply> {
  const words = args.args.trim().split(/\s+/).filter(Boolean);
  const [fromText, toText] = words;
  // Bare: this year so far; otherwise exactly two dates.
  if (words.length !== 0 && words.length !== 2) return refusal('bad-period');
  const result = await progressReport(turn.deps, turn.origin, fromText && toText ? { fromText, toText } : {});
  if (!result.ok) {
    if (result.reason === 'reversed-period') return say(turn.m.report.reversed(md(fromText ?? ''), md(toText ?? '')));
    return refusal(result.reason, result.reason === 'bad-period' ? undefined : 'report');
  }
  return say(reportMarkdown(turn.origin.board, result.value));
}
