/** Saying something to the bot in the channel and reading its answer in the same thread. */
import { type ChannelAccount, type ChannelMessageOptions, channelMessage } from './activities.js';
import type { BotProcess } from './bot-process.js';
import type { FakeConnector, PostedActivity } from './fake-connector.js';

/**
 * Sends a channel message and resolves with the bot's first reply in that thread —
 * not with a scheduled post that happens to arrive meanwhile in the channel.
 */
export async function ask(
  bot: BotProcess,
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
