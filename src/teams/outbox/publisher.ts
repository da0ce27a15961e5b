/**
 * What follows from events: each feature's reactions (teams/<feature>/reactions.ts) say
 * which posts an event makes; this core only dispatches, and writes the posts to the
 * outbox in the use case's transaction. They are sent from there (sender.ts).
 */
import type { Activity } from 'botbuilder';
import { type Board, findPerson } from '../../domain/kernel/board.js';
import { type Meeting, dayAround, sharesItsDay } from '../../domain/meeting.js';
import type { FileLinks } from '../../files/links.js';
import { messages } from '../../i18n/index.js';
import type { ChannelBinding, OutboxInput, Repository, TeamsIdentity } from '../../store/port.js';
import type { Publisher } from '../../usecases/deps.js';
import type { BindingEvent } from '../../usecases/binding.js';
import { type Contributions, NO_CONTRIBUTIONS } from '../../usecases/contributions.js';
import type { BoardEvent } from '../../usecases/event.js';
import type { TeamsFeature } from '../feature.js';
import { type Conversation, channelReference } from './conversation.js';
import { copyUpdates, recordCopy } from './copies.js';
import { mentionsOf } from './mentions.js';
import { updateKey } from './keys.js';
import { type Post, type Reaction, type ReactionContext, type Reactions, cardActivity, entryKey } from './posts.js';

interface Registered {
  readonly react: Reaction<BoardEvent>;
  readonly anywhere: boolean;
}

/** The cards a change posted, by the key of the card (for the invoke answer: the same card, rendered once). */
export type Rendered = Map<string, Partial<Activity>>;

/** A feature's cards that still take presses (TeamsFeature.liveCards). */
type LiveCards = NonNullable<TeamsFeature['liveCards']>;

/** The board moved to another channel (`brug denne kanal` elsewhere): binding.ts's `board.bound` with `left`. */
const moved = (event: BoardEvent): boolean => event.type === 'board.bound' && (event as Extract<BindingEvent, { type: 'board.bound' }>).left !== undefined;

export class OutboxPublisher implements Publisher {
  private readonly reactions = new Map<string, Registered[]>();
  private readonly liveCards: readonly LiveCards[];

  /** `severalBoards`: the deployment serves more than one board (R19: 1:1 posts then name theirs). */
  constructor(
    features: readonly Pick<TeamsFeature<never>, 'reactions' | 'liveCards'>[],
    private readonly links: FileLinks,
    private readonly severalBoards = false,
    /** For the cards posted anew on a move (an agenda shows what the features add to it). */
    private readonly contributions: Contributions = NO_CONTRIBUTIONS,
  ) {
    this.liveCards = features.flatMap((f) => (f.liveCards ? [f.liveCards] : []));
    for (const feature of features) {
      for (const [type, entry] of Object.entries(feature.reactions ?? {}) as [string, Reaction<BoardEvent> | { anywhere: true; react: Reaction<BoardEvent> }][]) {
        const registered = typeof entry === 'function' ? { react: entry, anywhere: false } : { react: entry.react, anywhere: true };
        this.reactions.set(type, [...(this.reactions.get(type) ?? []), registered]);
      }
    }
  }

  async publish(repo: Repository, board: Board, events: readonly BoardEvent[], now: Date, rendered?: Rendered): Promise<void> {
    let binding: Promise<ChannelBinding | undefined> | undefined;
    let identities: Promise<TeamsIdentity[]> | undefined;
    const known = () => (identities ??= repo.listTeamsIdentities());
    const base = {
      board,
      now,
      m: messages(board.locale),
      links: this.links,
      // The board's people only: not those who have left it.
      refreshUserIds: async () => (await known()).filter((i) => findPerson(board, i.personId)).map((i) => i.teamsUserId),
      mentions: async (people: Parameters<ReactionContext['mentions']>[0]) => mentionsOf(await known(), people),
      sentActivityId: async (key: string) => (await repo.getOutbox(key))?.sentActivityId,
      posted: async (key: string) => {
        const entry = await repo.getOutbox(key);
        return entry !== undefined && entry.status !== 'failed';
      },
      personalChat: async (personId: string) => (await repo.getPersonalConversation(personId)) as Conversation | undefined,
      severalBoards: this.severalBoards,
      sharesDay: async (meeting: Meeting) => {
        const near = await repo.listMeetings({ status: 'planned', ...dayAround(meeting.startsAt) });
        return sharesItsDay(meeting, near, board.timezone);
      },
    };
    // Keyed by outbox entry: a later post under the same key replaces an earlier one before either is rendered.
    const posts = new Map<string, Post>();
    // Where the board is bound and its people's Teams ids (cards' refresh, mentions): asked
    // together when a post goes to the channel, so that on PostgreSQL both come in one round trip.
    if (events.some((event) => this.reactions.get(event.type)?.some((r) => !r.anywhere))) {
      // Each awaited where used; a failure fails the transaction's next query too.
      (binding = repo.getBinding()).catch(() => undefined);
      known().catch(() => undefined);
    }
    for (const event of events) {
      for (const { react, anywhere } of this.reactions.get(event.type) ?? []) {
        let channel = {};
        if (!anywhere) {
          const bound = await (binding ??= repo.getBinding());
          if (!bound) continue;
          channel = channelReference(bound);
        }
        for (const post of await react(event, { ...base, channel })) posts.set(entryKey(post), post);
      }
    }
    for (const [key, post] of posts) {
      // Each names its board's language: cut to fit Teams when sent, it says so in it (fit.ts).
      const activity = { ...post.render(), locale: board.locale };
      if (post.unlessShown && (await shownAlready(repo, post.key, activity))) continue;
      rendered?.set(post.key, activity);
      await repo.enqueueOutbox({
        key,
        kind: post.update ? 'update' : 'send',
        conversation: post.conversation,
        activity,
        ...(post.update ? { updatesKey: post.key } : {}),
        ...(post.repliesTo ? { repliesToKey: post.repliesTo } : {}),
        ...(post.fallback ? { fallback: { conversation: post.fallback.conversation, activity: { ...post.fallback.render(), locale: board.locale } } } : {}),
        ...(post.staleAt && !post.update ? { staleAt: post.staleAt } : {}),
        dueAt: now,
      });
      await recordCopy(repo, post);
      // The copies of the card that 1:1 reminders carry follow it, each rendered for its person (copies.ts).
      const copies: OutboxInput[] = [];
      for (const copy of await copyUpdates(repo, board, post)) {
        if (post.unlessShown && (await shownAlready(repo, copy.key, copy.activity))) continue;
        copies.push({ key: updateKey(copy.key), kind: 'update', updatesKey: copy.key, conversation: copy.conversation, activity: copy.activity, dueAt: now });
      }
      await repo.enqueueOutboxUpdates(copies); // in one statement
    }
    if (events.some(moved)) await this.repostLiveCards({ repo, board, now, contributions: this.contributions }, base);
  }

  /**
   * The board has moved: the channel left no longer answers its cards' buttons, so each card
   * that still takes presses (an open vote's) and was posted is posted anew in the bound
   * channel, rendered as it stands now (fresh file links, refresh ids), after this change's own
   * posts; its updates and thread replies go to the new post from then on, and the old post is
   * replaced by a card saying it has moved.
   */
  private async repostLiveCards(at: Parameters<LiveCards>[0], base: Omit<ReactionContext, 'channel'>): Promise<void> {
    const bound = await at.repo.getBinding();
    if (!bound) return;
    const ctx: ReactionContext = { ...base, channel: channelReference(bound) };
    // The card left in the old channel says it has moved, without buttons that would be refused.
    const movedCard = cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: ctx.m.bind.cardMoved, wrap: true }] });
    for (const live of this.liveCards) {
      for (const post of await live(at, ctx)) {
        const reposted = await at.repo.repostOutbox(post.key, post.conversation, { ...post.render(), locale: at.board.locale }, at.now);
        if (!reposted || !reposted.left) continue;
        await at.repo.enqueueOutbox({ key: updateKey(reposted.left), kind: 'update', updatesKey: reposted.left, conversation: post.conversation, activity: { ...movedCard, locale: at.board.locale }, dueAt: at.now });
      }
    }
  }
}

/**
 * Whether `activity` is what the card under `key` shows already: the update last queued under it, or
 * without one the post itself (as stored: JSON), unless that was given up for good.
 */
async function shownAlready(repo: Repository, key: string, activity: unknown): Promise<boolean> {
  const last = (await repo.getOutbox(updateKey(key))) ?? (await repo.getOutbox(key));
  return last !== undefined && last.status !== 'failed' && JSON.stringify(last.activity) === JSON.stringify(activity);
}
