/** Answers to Universal Actions (PRODUCT §2), sent by us rather than by teams-ai (docs/teams.md: refresh bug). */
import { ActivityTypes, type TurnContext } from 'botbuilder';

export const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

async function answer(ctx: TurnContext, type: string, value: unknown): Promise<void> {
  await ctx.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type, value } },
  });
}

export const answerWithCard = (ctx: TurnContext, card: object) => answer(ctx, CARD_RESPONSE, card);
export const answerWithMessage = (ctx: TurnContext, text: string) => answer(ctx, MESSAGE_RESPONSE, text);
