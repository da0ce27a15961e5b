/**
 * The Teams application (teams-ai): routing only. Installs bind the board (turn/install.ts);
 * messages go through the command tables, card actions through the verbs' table (turn/routes.ts).
 */
// teams-ai's own files, not its index: the index loads the AI stack (OpenAI, gpt-tokenizer) this bot never uses.
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ActivityTypes } from 'botbuilder';
import type { Logger } from 'pino';
import type { FileLinks } from '../files/links.js';
import type { Committed, Deps } from '../usecases/deps.js';
import type { CommandIndex } from './commands/index.js';
import type { VerbSpec } from './feature.js';
import type { OutboxPublisher } from './outbox/publisher.js';
import { type BoardDirectory, inLanguagesOf } from './turn/boards.js';
import { fromTeams } from './turn/identity.js';
import { onInstall } from './turn/install.js';
import { answerWithMessage } from './turn/invoke.js';
import { type Routing, onMessage, routeVerbs } from './turn/routes.js';

export interface TeamsAppOptions {
  readonly deps: Deps & { readonly publisher: OutboxPublisher };
  /** The boards this app serves (R19). */
  readonly boards: BoardDirectory;
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly log: Logger;
  /** Called after a change was committed, to send what it queued (and run a job it planned for now). */
  readonly onCommitted: (committed: Committed) => void;
  /** Signed links to the bot's files (minutes, agenda). */
  readonly links: FileLinks;
  readonly commands: CommandIndex;
  readonly verbs: Readonly<Record<string, VerbSpec>>;
}

export function createTeamsApp(options: TeamsAppOptions): Application {
  const { deps, boards, log } = options;
  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const routing: Routing = { ...options };

  // Only Teams says who a person is (docs/teams.md, Identities): any other channel gets a short answer, and nothing changes.
  app.turn('beforeTurn', async (ctx) => {
    if (fromTeams(ctx.activity)) return true;
    log.warn({ channelId: ctx.activity.channelId, type: ctx.activity.type, activityId: ctx.activity.id }, 'refused: not from Teams');
    const text = inLanguagesOf(boards.list, (m) => m.trust.teamsOnly);
    if (ctx.activity.type === ActivityTypes.Message) await ctx.sendActivity(text);
    else if (ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action') await answerWithMessage(ctx, text);
    else if (ctx.activity.type === ActivityTypes.Invoke) await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    return false;
  });

  app.activity(ActivityTypes.ConversationUpdate, async (ctx) => {
    const botId = ctx.activity.recipient?.id;
    if (ctx.activity.membersAdded?.some((member) => member.id === botId)) await onInstall(ctx, deps, boards, log, options.onCommitted);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = (ctx.activity as { action?: string }).action;
    if (!action || action.startsWith('add')) await onInstall(ctx, deps, boards, log, options.onCommitted);
  });

  app.activity(ActivityTypes.Message, (ctx) => onMessage(routing, ctx));
  routeVerbs(app, routing);

  app.error(async (ctx, err) => {
    log.error({ err, activityId: ctx.activity.id, type: ctx.activity.type }, 'turn failed');
    if (ctx.activity.type === ActivityTypes.Message) await ctx.sendActivity(boards.m.refusal.error).catch(() => undefined);
  });

  return app;
}
