/** What follows from binding: the welcome in the bound channel, or the notice to an install that bound nothing. */
import type { BindingEvent } from '../../usecases/binding.js';
import { type Conversation, channelReference } from '../outbox/conversation.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Reactions, textPost } from '../outbox/posts.js';
import { welcomeText } from './text.js';

export const boardReactions: Reactions<BindingEvent> = {
  'board.bound': (event, ctx) => [
    textPost(outboxKeys.welcome(event.channelId), ctx.channel, welcomeText(ctx.board)),
    // The channel left: its cards' buttons are refused from now on, so it is told why.
    ...(event.left ? [textPost(outboxKeys.moved(event.left.channelId, event.at), channelReference(event.left), ctx.m.bind.moved)] : []),
  ],
  // To the conversation the install came from (no binding needed); each notice once per conversation.
  'install.notice': {
    anywhere: true,
    react: (event, ctx) => [
      textPost(
        outboxKeys.installNotice(event.conversationKey, event.notice),
        event.conversationReference as Conversation,
        event.notice === 'officers-bind' ? ctx.m.trust.installByOfficers : ctx.m.trust.installElsewhere,
      ),
    ],
  },
};
