/**
 * The Teams application: routing only. Each route identifies the actor (tenant,
 * person), parses the input and hands it to a handler in handlers/.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Logger } from 'pino';
import type { Person } from '../domain/kernel/board.js';
import type { FileLinks } from '../files/links.js';
import { messages } from '../i18n/index.js';
import { bindOnInstall as bindOnInstallUseCase, boundChannelId } from '../usecases/binding.js';
import type { Deps } from '../usecases/deps.js';
import type { TeamsFeature, VerbSpec } from './feature.js';
import type { OutboxPublisher } from './outbox/publisher.js';
import { makeTurn } from './turn/make.js';
import { answerInvoke, sendReply } from './turn/reply.js';
import { parseCommand } from './commands/parse.js';
import { cardHandlers } from './handlers/cards.js';
import { handlerContext, refusalText } from './handlers/context.js';
import { bindRequestOf, handleCommand } from './handlers/messages.js';
import { actingPerson, activityTenantId, channelIdOf, isForeignTenant, teamIdOf } from './turn/identity.js';
import { answerWithMessage } from './turn/invoke.js';
import { PersonResolver } from './turn/person-resolver.js';
import { type Asked, answersHere, whereFrom } from './turn/scope.js';
import { VERBS, VERB_DATA } from './verbs.js';
import { voteArgs, voteCommand } from './voting/commands.js';
import { petitionCommand } from './petitions/commands.js';
import { concludeArgs, concludeCommand } from './conclusions/commands.js';
import { attendeeCommand, correctMinutesCommand, minutesCommand } from './minutes/commands.js';
import { reportCommand } from './report/commands.js';
import type { Turn } from './turn/context.js';
import type { Reply } from './turn/reply.js';
import type { Command } from './commands/parse.js';

/** The commands the features answer (going: the command tables will route them all). */
function routedCommand(command: Command): ((turn: Turn) => Promise<Reply>) | undefined {
  switch (command.name) {
    case 'vote':
      return (turn) => voteCommand(turn, voteArgs('itemNumber' in command ? String(command.itemNumber) : command.motion));
    case 'petition':
      return (turn) => petitionCommand(turn, { subject: command.subject });
    case 'conclude':
      return (turn) => concludeCommand(turn, concludeArgs(command.args));
    case 'minutes':
      return (turn) => minutesCommand(turn, command.dateText ? { dateText: command.dateText } : {});
    case 'correct-minutes':
      return (turn) => correctMinutesCommand(turn);
    case 'attendee':
      return (turn) => attendeeCommand(turn, { who: command.who });
    case 'report':
      return (turn) => reportCommand(turn, { args: command.args });
    default:
      return undefined;
  }
}

export interface BotOptions {
  readonly deps: Deps & { readonly publisher: OutboxPublisher };
  readonly features: readonly TeamsFeature<never>[];
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly log: Logger;
  /** Called after a change was committed, to send what it queued and run what fell due. */
  readonly onCommitted: () => void;
  /** Signed links to the bot's files (minutes, agenda). */
  readonly links: FileLinks;
}

export function createBot(options: BotOptions): Application {
  const { deps, log } = options;
  const { board } = deps;
  const m = messages(board.locale);

  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const people = new PersonResolver(board, log);
  const seen = new Set<string>();

  /** Remembers Teams' ids for the person (mentions, card refresh) and their 1:1 chat (personal reminders). */
  async function remember(ctx: TurnContext, person: Person): Promise<void> {
    const teamsUserId = ctx.activity.from?.id;
    const personal = ctx.activity.conversation?.conversationType === 'personal';
    const key = `${person.id}|${teamsUserId}|${personal ? ctx.activity.conversation.id : ''}`;
    if (!teamsUserId || seen.has(key)) return;
    const now = deps.clock();
    await deps.store.rememberTeamsIdentity({ personId: person.id, teamsUserId, name: person.name, seenAt: now });
    if (personal) {
      await deps.store.savePersonalConversation(person.id, TC.getConversationReference(ctx.activity), now);
    }
    seen.add(key);
  }

  /** Tenant and person checks shared by every route; undefined when refused (and answered). */
  async function identify(ctx: TurnContext, refuseWith: (text: string) => Promise<unknown>): Promise<Person | undefined> {
    if (isForeignTenant(board, ctx.activity)) {
      log.warn({ tenant: activityTenantId(ctx.activity), activityId: ctx.activity.id }, 'refused: foreign tenant');
      await refuseWith(refusalText(m, 'foreign-tenant'));
      return undefined;
    }
    const person = await people.resolve(ctx);
    if (!person) {
      log.warn({ aadObjectId: ctx.activity.from?.aadObjectId, activityId: ctx.activity.id }, 'refused: not on the board');
      await refuseWith(refusalText(m, 'stranger'));
      return undefined;
    }
    await remember(ctx, person);
    return person;
  }

  const bindRequest = (ctx: TurnContext) => bindRequestOf(ctx, activityTenantId(ctx.activity), teamIdOf(ctx.activity));

  /** PRODUCT §1.1: the bound channel and 1:1 chats only (src/teams/scope.ts); elsewhere the refusal to say, naming nobody. */
  async function refusalHere(ctx: TurnContext, asked: Asked, bound: string | undefined): Promise<string | undefined> {
    const where = whereFrom(ctx.activity, bound);
    if (answersHere(asked, where)) return undefined;
    log.info({ where, ...asked, activityId: ctx.activity.id }, 'refused: not the board\'s channel');
    return where === 'unbound' ? refusalText(m, 'not-bound') : m.trust.elsewhere;
  }

  const featureVerbs = new Map<string, VerbSpec>(options.features.flatMap((f) => Object.entries(f.verbs ?? {})));

  function turnFor(ctx: TurnContext, person: Person, bound: string | undefined) {
    return makeTurn(ctx, person, board, deps, options.links, { boundChannelId: bound, channelId: channelIdOf(ctx.activity), bindRequest: bindRequest(ctx) });
  }

  async function bindOnInstall(ctx: TurnContext): Promise<void> {
    if (isForeignTenant(board, ctx.activity)) {
      log.warn({ tenant: activityTenantId(ctx.activity) }, 'install from a foreign tenant ignored');
      return;
    }
    const request = bindRequest(ctx);
    if (!request) {
      // Installed in a personal scope: nothing to bind, but the 1:1 chat can carry personal reminders.
      if (ctx.activity.conversation?.conversationType === 'personal') {
        const person = actingPerson(board, ctx.activity);
        if (person) await remember(ctx, person);
      }
      return;
    }
    const installer = await people.resolve(ctx);
    if (installer) await remember(ctx, installer);
    const conversation = { key: (ctx.activity.conversation?.id ?? request.channelId).split(';')[0]!, reference: TC.getConversationReference(ctx.activity) };
    const outcome = await bindOnInstallUseCase(deps, request, installer, conversation, ctx.activity.id ? { activityId: ctx.activity.id } : {});
    if (outcome !== 'unchanged') options.onCommitted();
  }

  app.activity(ActivityTypes.ConversationUpdate, async (ctx) => {
    const botId = ctx.activity.recipient?.id;
    if (ctx.activity.membersAdded?.some((member) => member.id === botId)) await bindOnInstall(ctx);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = (ctx.activity as { action?: string }).action;
    if (!action || action.startsWith('add')) await bindOnInstall(ctx);
  });

  app.activity(ActivityTypes.Message, async (ctx) => {
    const person = await identify(ctx, (text) => ctx.sendActivity(text));
    if (!person) return;
    const command = parseCommand(ctx.activity.text ?? '');
    const bound = await boundChannelId(deps);
    const refusal = await refusalHere(ctx, { command: command.name }, bound);
    if (refusal) return void (await ctx.sendActivity(refusal));
    const routed = routedCommand(command);
    if (routed) {
      const { turn, committed } = turnFor(ctx, person, bound);
      await sendReply(ctx, turn.m, await routed(turn));
      if (committed()) options.onCommitted();
      return;
    }
    await handleCommand(handlerContext(ctx, person, deps, options.onCommitted, options.links), command, bindRequest(ctx));
  });

  for (const [verb, spec] of featureVerbs) {
    app.adaptiveCards.actionExecute(verb, async (ctx) => {
      const answerRefusal = (text: string) => answerWithMessage(ctx, text);
      try {
        const parsed = spec.data.safeParse(ctx.activity.value?.action?.data ?? {});
        if (!parsed.success) {
          log.warn({ verb, activityId: ctx.activity.id, issues: parsed.error.issues }, 'refused: malformed card data');
          await answerRefusal(refusalText(m, 'malformed-data'));
          return '';
        }
        const person = await identify(ctx, answerRefusal);
        if (!person) return '';
        const bound = await boundChannelId(deps);
        const refusal = await refusalHere(ctx, { verb: verb as never }, bound);
        if (refusal) {
          await answerRefusal(refusal);
          return '';
        }
        const { turn, committed } = turnFor(ctx, person, bound);
        await answerInvoke(ctx, turn.m, await spec.handle(turn, parsed.data));
        if (committed()) options.onCommitted();
      } catch (err) {
        log.error({ err, verb, activityId: ctx.activity.id }, 'card action failed');
        await answerRefusal(refusalText(m, 'error'));
      }
      return '';
    });
  }

  for (const verb of VERBS) {
    app.adaptiveCards.actionExecute(verb, async (ctx) => {
      const answerRefusal = (text: string) => answerWithMessage(ctx, text);
      try {
        const parsed = VERB_DATA[verb].safeParse(ctx.activity.value?.action?.data ?? {});
        if (!parsed.success) {
          log.warn({ verb, activityId: ctx.activity.id, issues: parsed.error.issues }, 'refused: malformed card data');
          await answerRefusal(refusalText(m, 'malformed-data'));
          return '';
        }
        const person = await identify(ctx, answerRefusal);
        if (!person) return '';
        const refusal = await refusalHere(ctx, { verb }, await boundChannelId(deps));
        if (refusal) {
          await answerRefusal(refusal);
          return '';
        }
        await cardHandlers[verb](handlerContext(ctx, person, deps, options.onCommitted, options.links), parsed.data as never);
      } catch (err) {
        log.error({ err, verb, activityId: ctx.activity.id }, 'card action failed');
        await answerRefusal(refusalText(m, 'error'));
      }
      return '';
    });
  }
  // Any other invoke — an unknown verb, a card action without one, an invoke this bot does not
  // offer — gets a clean answer that changes nothing, instead of HTTP 501.
  app.activity(ActivityTypes.Invoke, async (ctx) => {
    const action = (ctx.activity.value as { action?: { verb?: unknown } } | null | undefined)?.action;
    log.warn({ name: ctx.activity.name, verb: typeof action?.verb === 'string' ? action.verb : undefined, activityId: ctx.activity.id }, 'refused: unhandled invoke');
    if (ctx.activity.name === 'adaptiveCard/action') {
      const known = typeof action?.verb === 'string' && action.verb !== '';
      await answerWithMessage(ctx, refusalText(m, known ? 'unknown-action' : 'malformed-data'));
    } else {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    }
  });

  app.error(async (ctx, err) => {
    log.error({ err, activityId: ctx.activity.id, type: ctx.activity.type }, 'turn failed');
    if (ctx.activity.type === ActivityTypes.Message) await ctx.sendActivity(refusalText(m, 'error')).catch(() => undefined);
  });

  return app;
}
