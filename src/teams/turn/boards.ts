/**
 * The boards one deployment serves (R19), and which board an activity is for: the board
 * its channel is bound to; in a 1:1 chat the person's board (named first, `<board-id>
 * <command>`, when they sit on several); in an unbound channel the board `brug denne
 * kanal <board-id>` names, or the only one. Everything after this is one board's.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Board, Person } from '../../domain/kernel/board.js';
import { can } from '../../domain/kernel/policy.js';
import { type Messages, messages } from '../../i18n/index.js';
import { boardOfChannel } from '../../usecases/binding.js';
import type { Deps } from '../../usecases/deps.js';
import { md } from '../text/markdown.js';
import { channelIdOf, isForeignTenant } from './identity.js';
import { People } from './people.js';

/** Where an activity goes: a board (and the text meant for it), or a refusal to say. */
export type Located =
  | {
      readonly board: Board;
      /** The text for the board's command tables (without a leading board id). */
      readonly text: string;
      /** A 1:1 chat with someone on several boards: the answer names the board. */
      readonly named: boolean;
      /** The board's bound channel, when the activity came from it (then not read again). */
      readonly boundChannelId?: string;
      /** A 1:1 chat with someone on no board: the board of their tenant that refuses them, none of theirs. */
      readonly stranger?: true;
    }
  | { readonly refusal: string };

/** `brug denne kanal` without an id: the one board the writer may bind (they chair it or are its secretary). */
export const ANY_OF_MINE = Symbol('the board the writer may bind');

export class BoardDirectory {
  readonly list: readonly Board[];
  private readonly byId: ReadonlyMap<string, Board>;
  private readonly byAad = new Map<string, Board[]>();
  private readonly withEmailOnly: readonly Board[];
  private readonly people = new Map<string, People>();

  constructor(
    boards: readonly Board[],
    private readonly deps: Deps,
    private readonly log: Logger,
  ) {
    if (boards.length === 0) throw new Error('no board to serve');
    this.list = boards;
    this.byId = new Map(boards.map((b) => [b.id, b]));
    for (const board of boards) {
      for (const person of board.people) {
        if (person.aadObjectId) this.byAad.set(person.aadObjectId, [...(this.byAad.get(person.aadObjectId) ?? []), board]);
      }
    }
    this.withEmailOnly = boards.filter((b) => b.people.some((p) => p.email && !p.aadObjectId));
  }

  get(id: string): Board | undefined {
    return this.byId.get(id);
  }

  /** The board when only one is served (everything then works as for one board). */
  get sole(): Board | undefined {
    return this.list.length === 1 ? this.list[0] : undefined;
  }

  /** The language to answer in before a board is known, and nothing about the sender is either (an error). */
  get m(): Messages {
    return messages(this.list[0]!.locale);
  }

  /**
   * A text said before a board is known (an unbound channel, an unknown board id): in the
   * languages of the boards the sender sits on, or, sitting on none, of every board served;
   * each language once, the first board's first.
   */
  async inTheirLanguages(ctx: TurnContext, text: (m: Messages) => string): Promise<string> {
    const theirs = (await this.boardsOf(ctx)).map(({ board }) => board);
    return inLanguagesOf(theirs.length > 0 ? theirs : this.ofTenant(ctx), text);
  }

  /**
   * The boards of the activity's tenant (and those naming none): what someone on no board is
   * answered by. None there (a tenant no board is of): every board, whose checks refuse it.
   */
  private ofTenant(ctx: TurnContext): readonly Board[] {
    const ours = this.list.filter((board) => !isForeignTenant(board, ctx.activity));
    return ours.length > 0 ? ours : this.list;
  }

  peopleOf(board: Board): People {
    let people = this.people.get(board.id);
    if (!people) this.people.set(board.id, (people = new People(this.deps, board, this.log)));
    return people;
  }

  /**
   * From a 1:1 chat: the chat is remembered on every board the person sits on (personal
   * reminders of each board go there), not only on the board the message was for.
   */
  async rememberPersonalChat(ctx: TurnContext): Promise<void> {
    if (ctx.activity.conversation?.conversationType !== 'personal' || this.list.length === 1) return;
    for (const { board, person } of await this.boardsOf(ctx)) await this.peopleOf(board).remember(ctx, person);
  }

  /** The board a channel is bound to (R19: at most one). */
  async ofChannel(channelId: string): Promise<Board | undefined> {
    const id = await boardOfChannel(this.deps, channelId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * The boards the activity's sender sits on, with who they are on each: only boards of the
   * activity's tenant (a person is the pair (tenant, object id): PersonResolver).
   */
  async boardsOf(ctx: TurnContext): Promise<{ board: Board; person: Person }[]> {
    const aad = ctx.activity.from?.aadObjectId?.toLowerCase();
    const found: { board: Board; person: Person }[] = [];
    const candidates = new Set([...(aad ? (this.byAad.get(aad) ?? []) : []), ...this.withEmailOnly]);
    for (const board of candidates) {
      const person = await this.peopleOf(board).resolve(ctx);
      if (person) found.push({ board, person });
    }
    return found;
  }

  /**
   * Which board the activity is for. `bindTo`: the board id a `brug denne kanal <id>`
   * names (it picks the board, wherever it is written).
   */
  async locate(ctx: TurnContext, text: string, bindTo?: string | typeof ANY_OF_MINE): Promise<Located> {
    if (bindTo === ANY_OF_MINE) {
      // The id left out, as the bot's own notices write the command: the board whose channel this is,
      // the only one, or the one board the writer may bind (as an install by them binds it).
      const here = await this.locate(ctx, text);
      if (!('refusal' in here) || ctx.activity.conversation?.conversationType === 'personal') return here;
      // The board whose file names this channel first (its own officers bind it; anyone else is refused).
      const channelId = channelIdOf(ctx.activity);
      const named = this.list.find((b) => b.channelId !== undefined && b.channelId === channelId);
      if (named) return { board: named, text, named: false };
      const mine = (await this.boardsOf(ctx)).filter(({ person }) => can(person, 'board.bind').ok);
      return mine.length === 1 ? { board: mine[0]!.board, text, named: false } : here;
    }
    if (bindTo !== undefined) {
      // R19: another tenant's board, named, is answered as a board that does not exist (neither it nor its language told).
      const board = this.ours(bindTo, ctx);
      return board ? { board, text, named: false } : { refusal: await this.inTheirLanguages(ctx, (m) => m.refusal['unknown-board']) };
    }
    const type = ctx.activity.conversation?.conversationType;
    if (type === 'personal') return this.inPersonalChat(ctx, text);
    const channelId = channelIdOf(ctx.activity);
    const bound = channelId ? await this.ofChannel(channelId) : undefined;
    if (bound) return { board: bound, text, named: false, boundChannelId: channelId! };
    if (this.sole) return { board: this.sole, text, named: false };
    return { refusal: await this.inTheirLanguages(ctx, (m) => (channelId ? m.trust.unboundChannel : m.trust.elsewhere)) };
  }

  /** The board with this id, unless it is of another tenant than the activity's (R19: then there is none, to them). */
  private ours(id: string, ctx: TurnContext): Board | undefined {
    const board = this.byId.get(id);
    return board && !isForeignTenant(board, ctx.activity) ? board : undefined;
  }

  /**
   * Which board a card pressed in a 1:1 chat is for: the one its data names (`named`, withCardBoard),
   * else the presser's board. A board they do not sit on, though they sit on others, is refused as a
   * command to it is, in their own board's language; a card naming none (from before cards named
   * theirs), pressed by someone on several, is refused saying what to do with a card. (An invoke's
   * answer is plain text: the board's name as the file writes it.)
   */
  async locateCard(ctx: TurnContext, named: unknown): Promise<Located> {
    // Only the boards of the sender's own tenant (boardsOf).
    const mine = await this.boardsOf(ctx);
    if (typeof named === 'string') {
      // Another tenant's board is no board to them: answered (by locate) as an id no board has.
      const board = this.ours(named, ctx);
      if (board && mine.length > 0 && !mine.some((theirs) => theirs.board.id === board.id)) {
        return { refusal: messages(mine[0]!.board.locale).trust.notOnBoardCard(board.name) };
      }
      return this.locate(ctx, '', named);
    }
    if (mine.length > 1) return { refusal: inLanguagesOf(mine.map(({ board }) => board), (m) => m.trust.whichBoardCard) };
    return this.locate(ctx, '');
  }

  private async inPersonalChat(ctx: TurnContext, text: string): Promise<Located> {
    const mine = await this.boardsOf(ctx);
    // A command for a board the writer does not sit on (its id first): said so, in the language of the writer's own board.
    // Another tenant's board, named, is no board to them: the text goes on as one naming an id no board has.
    const other = this.ours(text.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '', ctx);
    if (other && mine.length > 0 && !mine.some(({ board }) => board.id === other.id)) {
      return { refusal: messages(mine[0]!.board.locale).trust.notOnBoard(md(other.name)) };
    }
    // Nobody's board: the first board of their tenant refuses them (a stranger) in its words; of none, the first board (another tenant).
    if (mine.length === 0) return { board: this.ofTenant(ctx)[0]!, text, named: false, stranger: true };
    const [first, ...rest] = text.trim().split(/\s+/);
    // Their one board of several served: its id first, as the README shows it, is understood too (with several, no id is a command's word).
    const prefixed = this.list.length > 1 && first?.toLowerCase() === mine[0]?.board.id;
    if (mine.length === 1) return { board: mine[0]!.board, text: prefixed ? rest.join(' ') : text, named: false };
    const named = mine.find(({ board }) => board.id === first?.toLowerCase());
    if (named) return { board: named.board, text: rest.join(' '), named: true };
    // Asked in each of the person's boards' languages (the bot cannot yet know which is theirs).
    const ask = (m: Messages) => m.trust.whichBoard(mine.map(({ board }) => m.trust.boardLine(md(board.id), md(board.name))).join('\n'));
    return { refusal: inLanguagesOf(mine.map(({ board }) => board), ask) };
  }
}

/** `text` in each language of `boards`, once each, in their order, a blank line between. */
export function inLanguagesOf(boards: readonly Board[], text: (m: Messages) => string): string {
  return [...new Set(boards.map((b) => b.locale))].map((locale) => text(messages(locale))).join('\n\n');
}
