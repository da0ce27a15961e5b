/** Where posts go: the bound channel (a new post each), or a thread under one of them. */
import type { ConversationReference } from 'botbuilder';
import type { ChannelBinding } from '../../store/port.js';

export type Conversation = Partial<ConversationReference>;

/** A reference to the channel itself (not a thread): sending to it starts a new post. */
export function channelReference(binding: ChannelBinding): Conversation {
  const ref = binding.conversationReference as Conversation;
  const { activityId: _thread, ...rest } = ref;
  return {
    ...rest,
    serviceUrl: binding.serviceUrl,
    conversation: {
      ...(ref.conversation ?? {}),
      id: binding.channelId,
      isGroup: true,
      conversationType: 'channel',
      ...(binding.tenantId ? { tenantId: binding.tenantId } : {}),
    } as ConversationReference['conversation'],
  };
}

/** A thread's conversation: replies there sit under the message. */
export function threadReference(conversation: Conversation, rootId: string): Conversation {
  return { ...conversation, conversation: { ...conversation.conversation!, id: `${conversation.conversation!.id};messageid=${rootId}` } };
}
