/** Saying something to the bot in the channel and reading its answer in the same thread. */
import { type ChannelAccount, type ChannelMessageOptions, botInstalled, channelMessage, people } from './activities.js';
import { type BotProcess, startBot } from './bot-process.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from './fake-connector.js';

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
  return connector.waitForPost((p) => p.conversationId === activity.conversation.id, { since });
}

/**
 * A fake connector and the demo board's bot at `clockStart` as a child process, installed in
 * the board channel by the chair, with its welcome posted.
 */
export async function startInstalledBoard(clockStart: string): Promise<{ connector: FakeConnector; bot: BotProcess }> {
  const connector = await startFakeConnector();
  const bot = await startBot({ clockStart });
  await bot.send(botInstalled(connector.url, people.anne));
  await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));
  return { connector, bot };
}
