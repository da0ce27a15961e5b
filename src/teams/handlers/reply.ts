/** Answers in the thread a command was written in. */
import type { HandlerContext, RefusalKey } from './context.js';
import { refusalText } from './context.js';

export const reply = (hc: HandlerContext, text: string) => hc.ctx.sendActivity(text);

/** A refusal in the board's language, with a correct example when one helps. */
export const refuseWith = (hc: HandlerContext, key: RefusalKey, example?: string) =>
  reply(hc, example ? `${refusalText(hc.m, key)}\n\n${example}` : refusalText(hc.m, key));
