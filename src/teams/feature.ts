/**
 * What a feature brings to Teams: its command table (commands/table.ts), its card verbs
 * (data schema, handler), its help notes and its reactions to events (posts).
 * src/features.ts lists the features.
 */
import type { z } from 'zod';
import type { At, Contribution, Contributions } from '../usecases/contributions.js';
import type { BoardEvent } from '../usecases/event.js';
import type { JobDefinition } from '../usecases/jobs.js';
import type { CommandSpec, HelpNote } from './commands/table.js';
import type { Post, ReactionContext, Reactions } from './outbox/posts.js';
import type { Turn } from './turn/context.js';
import type { Reply } from './turn/reply.js';

export interface VerbSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The card action's data (PRODUCT §2); anything else is refused as malformed, changing nothing. */
  readonly data: S;
  handle(turn: Turn, data: z.infer<S>): Promise<Reply>;
}

export const verb = <S extends z.ZodTypeAny>(data: S, handle: (turn: Turn, data: z.infer<S>) => Promise<Reply>): VerbSpec<S> => ({ data, handle });

export interface TeamsFeature<E extends BoardEvent = never> {
  readonly name: string;
  readonly commands?: readonly CommandSpec<any>[];
  readonly verbs?: Readonly<Record<string, VerbSpec>>;
  readonly helpNotes?: readonly HelpNote[];
  readonly reactions?: Reactions<E>;
  /**
   * This feature's cards that still take presses (an open vote's), rendered as they stand now
   * under their keys: when the board moves to another channel, each of them that was posted is
   * posted there anew (outbox/publisher.ts), since the channel left no longer answers its buttons.
   */
  readonly liveCards?: (at: At & { readonly contributions: Contributions }, ctx: ReactionContext) => Promise<readonly Post[]>;
}

/**
 * A feature as src/features.ts registers it: its Teams part, its jobs, and what it adds
 * to other features' output (agenda items, minutes sections, status sections).
 */
export interface Feature {
  readonly teams: TeamsFeature<never>;
  readonly jobs?: readonly JobDefinition[];
  readonly contributions?: Contribution;
}
