/**
 * The sends of a turn to the Bot Connector (a reply, a card posted in answer) bounded in
 * time: a connector that does not answer would otherwise hold the request Teams sent for
 * minutes (the outbox bounds its own sends: outbox/sender.ts SEND_TIMEOUT_MS). Past the
 * bound the send is given up, logged, and the turn goes on as if it had gone; what the
 * command changed is committed already. An invoke's answer is not sent over the network
 * (botbuilder keeps it for the HTTP response) and is never held up here.
 */
import { type Activity, ActivityEventNames, ActivityTypes, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/** How long a reply in a turn may wait for the Bot Connector (Teams waits about 15 s for a bot's answer). */
export const REPLY_TIMEOUT_MS = 15_000;

/** The send handler a turn registers (TurnContext.onSendActivities), on its own for tests. */
export function boundedSendHandler(ms: number, log: Logger) {
  return async (_ctx: TurnContext, activities: Partial<Activity>[], next: () => Promise<ResourceResponse[]>): Promise<ResourceResponse[]> => {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<ResourceResponse[]>((resolve) => {
      timer = setTimeout(() => {
        log.warn({ ms, types: activities.map((a) => a.type) }, 'reply not answered by the Bot Connector in time; given up');
        resolve(activities.map(() => ({ id: '' })));
      }, ms);
    });
    const sent = next();
    sent.catch(() => undefined); // answered after the bound: its failure is nobody's now
    try {
      return await Promise.race([sent, givenUp]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Every turn Teams starts; not the outbox's proactive turns, whose sends it bounds itself and retries when they fail. */
export function boundedSends(ms: number, log: Logger): Middleware {
  return {
    async onTurn(ctx, next) {
      const proactive = ctx.activity.type === ActivityTypes.Event && ctx.activity.name === ActivityEventNames.ContinueConversation;
      if (!proactive) ctx.onSendActivities(boundedSendHandler(ms, log));
      await next();
    },
  };
}
