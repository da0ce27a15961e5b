/** Saying something to the bot in the channel and reading its answer in the same thread. */
import { type ChannelAccount, type ChannelMessageOptions, channelMessage } from './activities.js';
import { type Harness, type HarnessOptions, startInstalledHarness } from './app-harness.js';
import type { FakeConnector, PostedActivity } from './fake-connector.js';

/** The bot as a test reaches it: in this process (app-harness.ts) or as a child process (bot-process.ts). */
export interface BotEndpoint {
  send(activity: unknown): Promise<{ status: number }>;
}

/**
 * Sends a channel message and resolves with the bot's first reply in that thread —
 * not with a scheduled post that happens to arrive meanwhile in the channel.
 */
export async function ask(
  bot: BotEndpoint,
  connector: FakeConnector,
  from: ChannelAccount,
  text: string,
  opts: ChannelMessageOptions = {},
): Promise<PostedActivity> {
  const since = connector.mark();
  const activity = channelMessage(connector.url, from, text, opts);
  const res = await bot.send(activity);
  if (res.status >= 300) throw new Error(`the bot answered HTTP ${res.status}`);
  // Not a typing indicator: on a busy machine Teams AI sends one before a slow answer.
  return connector.waitForPost((p) => p.type !== 'typing' && p.conversationId === activity.conversation.id, { since });
}

/**
 * The demo board's bot at `clockStart` in this process (app-harness.ts), installed in the
 * board channel by the chair, with its welcome posted.
 */
export async function startInstalledBoard(
  clockStart: string,
  options: Omit<HarnessOptions, 'clockStart'> = {},
): Promise<{ connector: FakeConnector; bot: Harness }> {
  const bot = await startInstalledHarness(clockStart, options);
  return { connector: bot.connector, bot };
}
