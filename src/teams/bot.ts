/**
 * The Teams application: routing only. Each handler identifies the actor, parses
 * the input, calls a use case and turns its result into an answer.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Logger } from 'pino';
import type { Person } from '../domain/board.js';
import { messages } from '../i18n/index.js';
import type { Store } from '../store/port.js';
import { bindChannel } from '../usecases/binding.js';
import type { Deps } from '../usecases/deps.js';
import { castVote, closeVote, openVote } from '../usecases/voting.js';
import { parseCommand } from './commands/parse.js';
import { actingPerson, activityTenantId, channelIdOf, isForeignTenant, teamIdOf } from './identity.js';
import { answerWithCard, answerWithMessage } from './invoke.js';
import { PersonResolver } from './person-resolver.js';
import { boardText, helpText } from './presenters.js';
import { currentVoteCard } from './publisher.js';
import { VERBS, VERB_DATA, type Verb } from './verbs.js';

export interface BotOptions {
  readonly deps: Deps;
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly log: Logger;
  /** Called after a change was committed, to send what it queued. */
  readonly onCommitted: () => void;
}

type RefusalKey = keyof ReturnType<typeof messages>['refusal'];

export function createBot(options: BotOptions): Application {
  const { deps, log } = options;
  const { board } = deps;
  const m = messages(board.locale);
  const refusal = (key: RefusalKey): string => {
    const text = m.refusal[key];
    return typeof text === 'string' ? text : key;
  };

  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const people = new PersonResolver(board, log);
  const seenIdentities = new Set<string>();
  async function remember(store: Store, ctx: TurnContext, person: Person): Promise<void> {
    const teamsUserId = ctx.activity.from?.id;
    if (!teamsUserId || seenIdentities.has(`${person.id}|${teamsUserId}`)) return;
    await store.rememberTeamsIdentity({ personId: person.id, teamsUserId, name: person.name, seenAt: deps.clock() });
    seenIdentities.add(`${person.id}|${teamsUserId}`);
  }

  /** Tenant and person checks shared by every route; undefined when refused (and answered). */
  async function identify(ctx: TurnContext, refuseWith: (text: string) => Promise<unknown>): Promise<Person | undefined> {
    if (isForeignTenant(board, ctx.activity)) {
      log.warn({ tenant: activityTenantId(ctx.activity), activityId: ctx.activity.id }, 'refused: foreign tenant');
      await refuseWith(refusal('foreign-tenant'));
      return undefined;
    }
    const person = await people.resolve(ctx);
    if (!person) {
      log.warn({ aadObjectId: ctx.activity.from?.aadObjectId, activityId: ctx.activity.id }, 'refused: not on the board');
      await refuseWith(refusal('stranger'));
      return undefined;
    }
    await remember(deps.store, ctx, person);
    return person;
  }

  function bindRequest(ctx: TurnContext) {
    const channelId = channelIdOf(ctx.activity);
    if (!channelId) return undefined;
    const tenantId = activityTenantId(ctx.activity);
    const teamId = teamIdOf(ctx.activity);
    return {
      conversationReference: TC.getConversationReference(ctx.activity),
      channelId,
      serviceUrl: ctx.activity.serviceUrl,
      ...(tenantId ? { tenantId } : {}),
      ...(teamId ? { teamId } : {}),
    };
  }

  async function bindOnInstall(ctx: TurnContext): Promise<void> {
    if (isForeignTenant(board, ctx.activity)) {
      log.warn({ tenant: activityTenantId(ctx.activity) }, 'install from a foreign tenant ignored');
      return;
    }
    const request = bindRequest(ctx);
    if (!request) return; // installed in a personal scope: nothing to bind
    const installer = actingPerson(board, ctx.activity);
    const result = await bindChannel(deps, request, { by: 'install', ...(installer ? { installer } : {}) }, { activityId: ctx.activity.id });
    if (result.ok && result.value !== 'unchanged') options.onCommitted();
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
    const reply = (text: string) => ctx.sendActivity(text);
    const person = await identify(ctx, reply);
    if (!person) return;
    const command = parseCommand(ctx.activity.text ?? '');
    const origin = { activityId: ctx.activity.id };
    switch (command.name) {
      case 'empty':
      case 'help':
        await reply(helpText(board, person));
        return;
      case 'board':
        await reply(boardText(board, person));
        return;
      case 'unknown':
        await reply(m.unknownCommand(command.text));
        return;
      case 'bind': {
        const request = bindRequest(ctx);
        if (!request || ctx.activity.conversation?.conversationType !== 'channel') {
          await reply(refusal('channel-only'));
          return;
        }
        const result = await bindChannel(deps, request, { by: 'command', person }, origin);
        if (!result.ok) {
          await reply(refusal(result.reason));
          return;
        }
        if (result.value === 'unchanged') await reply(m.bind.alreadyBound);
        else options.onCommitted();
        return;
      }
      case 'vote': {
        if ('itemNumber' in command) {
          await reply(m.refusal['unknown-item'](command.itemNumber));
          return;
        }
        const result = await openVote(deps, person, command.motion, origin);
        if (!result.ok) {
          await reply(refusal(result.reason === 'not-chair' ? 'not-chair-open' : result.reason));
          return;
        }
        options.onCommitted();
        const binding = await deps.store.getBinding();
        if (binding && channelIdOf(ctx.activity) !== binding.channelId) await reply(m.vote.openedElsewhere);
        return;
      }
    }
  });

  const handlers: Record<Verb, (ctx: TurnContext, person: Person, data: never) => Promise<void>> = {
    'vote.cast': async (ctx, person, data: { motionId: string; choice: string }) => {
      const result = await castVote(deps, person, data, { activityId: ctx.activity.id });
      if (!result.ok) return void (await answerWithMessage(ctx, refusal(result.reason)));
      options.onCommitted();
      await answerWithCard(ctx, (await currentVoteCard(board, deps.store, data.motionId))!);
    },
    'vote.close': async (ctx, person, data: { motionId: string }) => {
      const result = await closeVote(deps, person, data.motionId, { activityId: ctx.activity.id });
      if (!result.ok) return void (await answerWithMessage(ctx, refusal(result.reason === 'not-chair' ? 'not-chair-close' : result.reason)));
      options.onCommitted();
      await answerWithCard(ctx, (await currentVoteCard(board, deps.store, data.motionId))!);
    },
    'vote.refresh': async (ctx, _person, data: { motionId: string }) => {
      const card = await currentVoteCard(board, deps.store, data.motionId);
      if (!card) return void (await answerWithMessage(ctx, refusal('unknown-motion')));
      await answerWithCard(ctx, card);
    },
  };

  for (const verb of VERBS) {
    app.adaptiveCards.actionExecute(verb, async (ctx) => {
      const answerRefusal = (text: string) => answerWithMessage(ctx, text);
      try {
        const parsed = VERB_DATA[verb].safeParse(ctx.activity.value?.action?.data ?? {});
        if (!parsed.success) {
          log.warn({ verb, activityId: ctx.activity.id, issues: parsed.error.issues }, 'refused: malformed card data');
          await answerRefusal(refusal('malformed-data'));
          return '';
        }
        const person = await identify(ctx, answerRefusal);
        if (person) await handlers[verb](ctx, person, parsed.data as never);
      } catch (err) {
        log.error({ err, verb, activityId: ctx.activity.id }, 'card action failed');
        await answerRefusal(refusal('error'));
      }
      return '';
    });
  }
  // Any other verb: a clear refusal instead of HTTP 501.
  app.adaptiveCards.actionExecute(/^.*$/, async (ctx) => {
    log.warn({ verb: ctx.activity.value?.action?.verb, activityId: ctx.activity.id }, 'refused: unknown card verb');
    await answerWithMessage(ctx, refusal('unknown-action'));
    return '';
  });

  app.error(async (ctx, err) => {
    log.error({ err, activityId: ctx.activity.id, type: ctx.activity.type }, 'turn failed');
    if (ctx.activity.type === ActivityTypes.Message) await ctx.sendActivity(refusal('error')).catch(() => undefined);
  });

  return app;
}
