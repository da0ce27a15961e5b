/**
 * What follows from an event: the posts, written to the outbox in the same
 * transaction as the change, and sent from there (outbox-sender.ts).
 */
import { type Activity, CardFactory, type ConversationReference, MessageFactory } from 'botbuilder';
import type { Board } from '../domain/board.js';
import type { ChannelBinding, Repository } from '../store/port.js';
import type { BoardEvent, Publisher } from '../usecases/deps.js';
import { loadVote } from '../usecases/voting.js';
import { outcomeAnnouncement, voteCard } from './cards/vote-card.js';
import { welcomeText } from './presenters.js';

export const outboxKeys = {
  welcome: (channelId: string) => `welcome:${channelId}`,
  voteCard: (motionId: string) => `motion:${motionId}:card`,
  voteCardUpdate: (motionId: string) => `motion:${motionId}:card-update`,
  voteOutcome: (motionId: string) => `motion:${motionId}:outcome`,
};

/** A reference to the channel itself (not a thread): sending to it starts a new post. */
export function channelReference(binding: ChannelBinding): Partial<ConversationReference> {
  const ref = binding.conversationReference as Partial<ConversationReference>;
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

export async function refreshUserIds(repo: Repository): Promise<string[]> {
  return (await repo.listTeamsIdentities()).map((i) => i.teamsUserId);
}

export async function currentVoteCard(board: Board, repo: Repository, motionId: string) {
  const state = await loadVote(repo, motionId);
  if (!state) return undefined;
  return voteCard(board, state.motion, state.ballots, await refreshUserIds(repo));
}

function cardActivity(card: object): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export class OutboxPublisher implements Publisher {
  constructor(
    private readonly board: Board,
    private readonly clock: () => Date,
  ) {}

  async publish(repo: Repository, event: BoardEvent): Promise<void> {
    const binding = await repo.getBinding();
    if (!binding) return;
    const conversation = channelReference(binding);
    const dueAt = this.clock();
    switch (event.type) {
      case 'board.bound':
        await repo.enqueueOutbox({
          key: outboxKeys.welcome(event.channelId),
          kind: 'send',
          conversation,
          activity: MessageFactory.text(welcomeText(this.board)),
          dueAt,
        });
        return;
      case 'vote.opened': {
        const card = await currentVoteCard(this.board, repo, event.motionId);
        if (!card) return;
        await repo.enqueueOutbox({ key: outboxKeys.voteCard(event.motionId), kind: 'send', conversation, activity: cardActivity(card), dueAt });
        return;
      }
      case 'vote.cast':
      case 'vote.closed': {
        const state = await loadVote(repo, event.motionId);
        if (!state) return;
        const card = voteCard(this.board, state.motion, state.ballots, await refreshUserIds(repo));
        await repo.enqueueOutbox({
          key: outboxKeys.voteCardUpdate(event.motionId),
          kind: 'update',
          updatesKey: outboxKeys.voteCard(event.motionId),
          conversation,
          activity: cardActivity(card),
          dueAt,
        });
        if (event.type === 'vote.closed') {
          await repo.enqueueOutbox({
            key: outboxKeys.voteOutcome(event.motionId),
            kind: 'send',
            conversation,
            activity: MessageFactory.text(outcomeAnnouncement(this.board, state.motion, state.ballots)),
            dueAt,
          });
        }
        return;
      }
    }
  }
}
