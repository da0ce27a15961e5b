/** What every handler gets: who acts on which board, the use cases' dependencies for this turn, and the catalogue. */
import type { Person } from '../../domain/kernel/board.js';
import type { FileLinks } from '../../files/links.js';
import type { Messages } from '../../i18n/index.js';
import type { BindRequest } from '../../usecases/binding.js';
import type { Deps } from '../../usecases/deps.js';
import type { Origin } from '../../usecases/runner.js';
import type { AdaptiveCardJson } from '../cards/render.js';

export interface Turn {
  readonly person: Person;
  readonly origin: Origin;
  readonly m: Messages;
  /** The use cases' dependencies for this turn: what it publishes is kept for `posted`. */
  readonly deps: Deps;
  /** Signed links to the bot's files (minutes, agenda). */
  readonly links: FileLinks;
  /** The message's text with its line breaks kept (for text taken literally). */
  readonly richText: string;
  /** Whether the board is bound to a channel. */
  readonly bound: boolean;
  /** Whether it came from the board's bound channel (not a 1:1 chat, not another channel). */
  readonly inBoundChannel: boolean;
  /** The channel it came from, for `brug denne kanal`; undefined outside a channel. */
  readonly bindRequest?: BindRequest;
  /** `hjaelp` for this person: the commands their role allows (made from the command tables). */
  help(): string;
  /** The card this turn's change posted under `key` (rendered once, for the invoke answer too). */
  posted(key: string): AdaptiveCardJson | undefined;
}
