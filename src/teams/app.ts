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
import type { BoardDirectory } from './turn/boards.js';
import { onInstall } from './turn/install.js';
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
