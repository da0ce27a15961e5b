/**
 * What a feature's reactions say about an event: the posts it makes, each under its key.
 * A post is rendered only when it is written, and of several posts under one key in one
 * change only the last is (a vote that closes on its last ballot renders its card once).
 */
import { type Activity, CardFactory, type Mention, MessageFactory } from 'botbuilder';
import type { Board, Person } from '../../domain/kernel/board.js';
import type { Meeting } from '../../domain/meeting.js';
import type { FileLinks } from '../../files/links.js';
import { type Messages, formatList } from '../../i18n/index.js';
import type { BoardEvent } from '../../usecases/event.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { cardForBoard } from '../cards/board.js';
import type { Conversation } from './conversation.js';
import { updateKey } from './keys.js';
import { mentionsOf } from './mentions.js';
import { md } from '../text/markdown.js';

export interface Post {
  /** The outbox key of a new post; for an update, the key of the post it replaces. */
  readonly key: string;
  readonly update?: boolean;
  readonly conversation: Conversation;
  readonly render: () => Partial<Activity>;
  /**
   * For a reply under a thread whose first post may not be sent yet: that post's key. The reply
   * waits for it and goes into its thread (`conversation` is the channel) (sender.ts).
   */
  readonly repliesTo?: string;
  /** For a reply under a thread: the new post sent instead if the reply fails for good (the thread is gone). */
  readonly fallback?: { readonly conversation: Conversation; readonly render: () => Partial<Activity> };
  /**
   * An update that goes only where the card would show otherwise than the post or update last queued
   * under its key (one given up for good aside): a card brought in line at start (the board file
   * changed, or nothing did).
   */
  readonly unlessShown?: true;
  /**
   * A card's update (or its post): the card as `person` is to see it in a copy a 1:1 reminder carries
   * (their buttons). Each copy of the card is updated with it, in the same change (copies.ts).
   */
  readonly forCopy?: (person: Person) => AdaptiveCardJson;
  /** A post carrying a copy of the card posted under `card`, to `person`: recorded, so that its updates reach it (copies.ts). */
  readonly copyOf?: { readonly card: string; readonly person: string };
  /** A reminder's moment: at or past it, the post is not sent (OutboxInput.staleAt; remindsUntil). */
  readonly staleAt?: Date;
}

/** The outbox key a post is written under. */
export const entryKey = (post: Post) => (post.update ? updateKey(post.key) : post.key);

export interface ReactionContext {
  readonly board: Board;
  /** The change's instant (its clock reading): what a card shows that depends on the time. */
  readonly now: Date;
  readonly m: Messages;
  readonly links: FileLinks;
  /** The bound channel (reactions marked `anywhere` get none). */
  readonly channel: Conversation;
  /** Teams' ids of the board's people who wrote to the bot: a vote card refreshes for them (read once per change). */
  refreshUserIds(): Promise<string[]>;
  mentions(people: readonly Person[]): Promise<{ names: string[]; entities: Mention[] }>;
  /** The Teams message id of the post sent under `key`, once it is sent. */
  sentActivityId(key: string): Promise<string | undefined>;
  /** Whether a post is sent, or queued to be, under `key` (not one given up for good): an update of it will reach it. */
  posted(key: string): Promise<boolean>;
  /** A person's 1:1 chat with the bot, if there is one. */
  personalChat(personId: string): Promise<Conversation | undefined>;
  /** The deployment serves several boards (R19): what goes to a 1:1 chat names its board. */
  readonly severalBoards: boolean;
  /** Another planned meeting is on the meeting's day: a post then names it with its time too (PRODUCT §1.3). */
  sharesDay(meeting: Meeting): Promise<boolean>;
}

export type Reaction<E extends BoardEvent> = (event: E, ctx: ReactionContext) => readonly Post[] | Promise<readonly Post[]>;

/** A feature's reactions, by event type; `anywhere` ones need no bound channel. */
export type Reactions<E extends BoardEvent> = {
  readonly [T in E['type']]?: Reaction<Extract<E, { type: T }>> | { readonly anywhere: true; readonly react: Reaction<Extract<E, { type: T }>> };
};

export const cardActivity = (card: object): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * A card: sent once under `key`, or (update) replacing the card sent under it. `forCopy`: the card as one
 * person sees it, for the copies 1:1 reminders carry (updated with the card: Post.forCopy).
 */
export function cardPost(key: string, conversation: Conversation, card: () => AdaptiveCardJson, update = false, forCopy?: (person: Person) => AdaptiveCardJson): Post {
  return { key, update, conversation, render: () => cardActivity(card()), ...(forCopy ? { forCopy } : {}) };
}

export function textPost(key: string, conversation: Conversation, text: string, entities?: readonly Mention[]): Post {
  return { key, conversation, render: () => ({ ...MessageFactory.text(text), ...(entities ? { entities: [...entities] } : {}) }) };
}

/** What a person's 1:1 chat gets instead of the shared text: words of their own, and a card to act on there. */
export interface PersonalReminder {
  readonly text: string;
  /** Given in the 1:1 chat, its buttons name the board (R19, cards/board.ts). */
  readonly card?: () => AdaptiveCardJson;
  /**
   * The outbox key of the channel's card `card` copies: each update of that card updates this copy too,
   * rendered for the person (its post's `forCopy`), the reminder's words kept (copies.ts).
   */
  readonly copyOf?: string;
}

/**
 * Reaching people (the shared way for any feature's reminders): personal reminders go to the
 * person's 1:1 chat with the bot when there is one, else into one channel message that
 * @mentions the rest (PRODUCT §1.1). Teams' ids come from who wrote to the bot and from the
 * team's roster (usecases/roster.ts), so people who never wrote are @mentioned too. A 1:1
 * chat that fails for good (Teams refuses it: the person removed the app) falls back to an
 * @mention of that person in the channel, with the shared text. `personal`: what the 1:1 chat
 * gets instead of `text` (one message, under the same key: a reminder run again posts nothing twice).
 */
export async function reminderPosts(ctx: ReactionContext, key: string, people: readonly Person[], text: string, personal?: (person: Person) => PersonalReminder): Promise<Post[]> {
  const posts: Post[] = [];
  const inChannel: Person[] = [];
  // R19: in a 1:1 chat, with several boards served, the reminder says whose it is (as a 1:1 answer does).
  const named = (said: string) => (ctx.severalBoards ? `${ctx.m.trust.answerFor(md(ctx.board.name))}\n\n${said}` : said);
  for (const person of people) {
    const chat = await ctx.personalChat(person.id);
    if (!chat) {
      inChannel.push(person);
      continue;
    }
    // A 1:1 chat Teams refuses for good (the person removed the app, 403): an @mention in the channel instead.
    const { names, entities } = await ctx.mentions([person]);
    const mentioned = textPost(`${key}:to:${person.id}`, ctx.channel, `${formatList(names, ctx.board.locale)}: ${text}`, entities);
    const own = personal?.(person);
    const post = own?.card
      ? {
          ...messagePost(`${key}:to:${person.id}`, chat, () => MessageFactory.attachment(CardFactory.adaptiveCard(cardForBoard(own.card!(), ctx.board.id)), named(own.text))),
          ...(own.copyOf ? { copyOf: { card: own.copyOf, person: person.id } } : {}),
        }
      : textPost(`${key}:to:${person.id}`, chat, named(own?.text ?? text));
    posts.push(withFallback(post, mentioned));
  }
  if (inChannel.length === 0) return posts;
  const { names, entities } = await ctx.mentions(inChannel);
  posts.push(textPost(`${key}:channel`, ctx.channel, `${formatList(names, ctx.board.locale)}: ${text}`, entities));
  return posts;
}

/**
 * A reminder's posts, each not sent at or past `until`, the moment it reminds of (the use case's,
 * from the domain: domain/kernel/reminders.ts): one that waited in the outbox that long (Teams did
 * not answer, or the bot was stopped) reminds of nothing any more. Its fallback goes with it.
 */
export function remindsUntil(until: Date, posts: readonly Post[]): Post[] {
  return posts.map((post) => ({ ...post, staleAt: until }));
}

/**
 * `post` (to the channel) as a reply in the thread of the post sent under `parentKey`, sent
 * once that post is: it may be queued in the same catch-up and not sent yet.
 */
export function replyTo(parentKey: string, post: Post): Post {
  return { ...post, repliesTo: parentKey };
}

/** A reply under a thread that becomes `fallback` (a new post) if the thread cannot be replied to. */
export function withFallback(post: Post, fallback: Post): Post {
  return { ...post, fallback: { conversation: fallback.conversation, render: fallback.render } };
}

/** A whole message (a card with a file, a fitted post): sent once under `key`, or replacing the one sent under it. */
export function messagePost(key: string, conversation: Conversation, render: () => Partial<Activity>, update = false): Post {
  return { key, update, conversation, render };
}
