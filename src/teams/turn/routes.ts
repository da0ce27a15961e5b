/**
 * The routes of a turn: a text command through the command tables, a card action through
 * the verbs' table. Each identifies the actor, asks where the bot answers (scope.ts), lets
 * the handler reply, and sends what the change queued.
 */
import type { Application } from '@microsoft/teams-ai/lib/Application.js';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Messages } from '../../i18n/index.js';
import { boundChannelId } from '../../usecases/binding.js';
import type { VerbSpec } from '../feature.js';
import { md } from '../text/markdown.js';
import { answerWithMessage } from './invoke.js';
import { type TurnSetting, makeTurn } from './make.js';
import type { People } from './people.js';
import { answerInvoke, say, sendReply } from './reply.js';
import { answersHere, whereFrom } from './scope.js';

export interface Routing extends TurnSetting {
  readonly m: Messages;
  readonly people: People;
  readonly log: Logger;
  readonly verbs: Readonly<Record<string, VerbSpec>>;
  /** Called after a change was committed, to send what it queued and run what fell due. */
  readonly onCommitted: () => void;
}

/** PRODUCT §1.1: the bound channel and 1:1 chats only; elsewhere the refusal to say, naming nobody. */
function refusalHere(r: Routing, ctx: TurnContext, anywhere: boolean, bound: string | undefined, asked: object): string | undefined {
  const where = whereFrom(ctx.activity, bound);
  if (answersHere(anywhere, where)) return undefined;
  r.log.info({ where, ...asked, activityId: ctx.activity.id }, 'refused: not the board\'s channel');
  return where === 'unbound' ? r.m.refusal['not-bound'] : r.m.trust.elsewhere;
}

/** An unknown text: "did you mean help?" when its first words are a typo of a command, else where to look. */
function unknownText(r: Routing, text: string) {
  const suggestion = r.commands.suggest(text, r.board.locale);
  return say(suggestion ? r.m.help.didYouMean(md(text), suggestion) : r.m.unknownCommand(md(text)));
}

export async function onMessage(r: Routing, ctx: TurnContext): Promise<void> {
  const person = await r.people.identify(ctx, (text) => ctx.sendActivity(text));
  if (!person) return;
  const matched = r.commands.match(ctx.activity.text ?? '');
  const bound = await boundChannelId(r.deps);
  const command = matched.kind === 'command' ? matched.spec.name : matched.kind;
  const refusal = refusalHere(r, ctx, matched.kind === 'command' && matched.spec.anywhere === true, bound, { command });
  if (refusal) return void (await ctx.sendActivity(refusal));
  const { turn, committed } = makeTurn(ctx, person, r, bound);
  const reply =
    matched.kind === 'command'
      ? await matched.spec.handle(turn, matched.args)
      : matched.kind === 'empty'
        ? say(r.commands.help(r.board, person))
        : unknownText(r, matched.text);
  await sendReply(ctx, r.m, reply, matched.kind === 'command' ? { command: matched.spec.name, action: matched.spec.action } : {});
  if (committed()) r.onCommitted();
}

export function routeVerbs(app: Application, r: Routing): void {
  for (const [verb, spec] of Object.entries(r.verbs)) {
    app.adaptiveCards.actionExecute(verb, async (ctx) => {
      const answerRefusal = (text: string) => answerWithMessage(ctx, text);
      try {
        const parsed = spec.data.safeParse(ctx.activity.value?.action?.data ?? {});
        if (!parsed.success) {
          r.log.warn({ verb, activityId: ctx.activity.id, issues: parsed.error.issues }, 'refused: malformed card data');
          await answerRefusal(r.m.refusal['malformed-data']);
          return '';
        }
        const person = await r.people.identify(ctx, answerRefusal);
        if (!person) return '';
        const bound = await boundChannelId(r.deps);
        const refusal = refusalHere(r, ctx, false, bound, { verb });
        if (refusal) {
          await answerRefusal(refusal);
          return '';
        }
        const { turn, committed } = makeTurn(ctx, person, r, bound);
        await answerInvoke(ctx, r.m, await spec.handle(turn, parsed.data), { action: verb });
        if (committed()) r.onCommitted();
      } catch (err) {
        r.log.error({ err, verb, activityId: ctx.activity.id }, 'card action failed');
        await answerRefusal(r.m.refusal.error);
      }
      return '';
    });
  }
  // Any other invoke — an unknown verb, a card action without one, an invoke this bot does not
  // offer — gets a clean answer that changes nothing, instead of HTTP 501.
  app.activity(ActivityTypes.Invoke, async (ctx) => {
    const action = (ctx.activity.value as { action?: { verb?: unknown } } | null | undefined)?.action;
    r.log.warn({ name: ctx.activity.name, verb: typeof action?.verb === 'string' ? action.verb : undefined, activityId: ctx.activity.id }, 'refused: unhandled invoke');
    if (ctx.activity.name === 'adaptiveCard/action') {
      const known = typeof action?.verb === 'string' && action.verb !== '';
      await answerWithMessage(ctx, r.m.refusal[known ? 'unknown-action' : 'malformed-data']);
    } else {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    }
  });
}
