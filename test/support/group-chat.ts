/** A message in a group chat the bot was added to: no team, no channel (docs/teams.md: Routing). */
import { BOT, BOT_MENTION, type ChannelAccount, GROUP_CHAT_ID, type PersonalMessageOptions, type TeamsActivity, personalMessage } from './activities.js';

/** A message in the group chat, addressed to the bot with an @mention. */
export function groupChatMessage(serviceUrl: string, from: ChannelAccount, text: string, opts: PersonalMessageOptions = {}): TeamsActivity {
  const activity = personalMessage(serviceUrl, from, `${BOT_MENTION} ${text}`, opts);
  return {
    ...activity,
    conversation: { id: GROUP_CHAT_ID, conversationType: 'groupChat', isGroup: true, tenantId: activity.conversation.tenantId! },
    entities: [{ type: 'mention', text: BOT_MENTION, mentioned: { ...BOT } }],
  };
}
