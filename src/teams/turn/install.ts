/** The bot added to a team or a chat (PRODUCT §1.1): an install by the board's officers binds the board. */
import { type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Logger } from 'pino';
import type { Board } from '../../domain/kernel/board.js';
import { can } from '../../domain/kernel/policy.js';
import { bindOnInstall } from '../../usecases/binding.js';
import type { Committed, Deps } from '../../usecases/deps.js';
import type { BoardDirectory } from './boards.js';
import { activityKeyOf, activityTenantId, channelIdOf, isForeignTenant } from './identity.js';
import { bindRequestOf } from './make.js';

/**
 * R19: which board an install in a channel is for: the board bound there, the board
 * whose file names the channel, the only board, or the one board the installer may bind
 * (they chair it or are its secretary). Undefined: several boards could be meant.
 */
async function boardOfInstall(ctx: TurnContext, boards: BoardDirectory): Promise<Board | undefined> {
  const channelId = channelIdOf(ctx.activity);
  if (!channelId) return boards.sole;
  const bound = await boards.ofChannel(channelId);
  if (bound) return bound;
  const named = boards.list.find((b) => b.channelId === channelId);
  if (named) return named;
  if (boards.sole) return boards.sole;
  const officerOf = (await boards.boardsOf(ctx)).filter(({ person }) => can(person, 'board.bind').ok);
  return officerOf.length === 1 ? officerOf[0]!.board : undefined;
}

export async function onInstall(ctx: TurnContext, deps: Deps, boards: BoardDirectory, log: Logger, committed: (c: Committed) => void): Promise<void> {
  const channel = bindRequestOf(ctx);
  // The boards served: a channel held by a board no longer served is told how to bind it (binding.ts).
  const request = channel && { ...channel, served: boards.list.map((b) => b.id) };
  if (!request) {
    // Installed in a personal scope: nothing to bind, but the 1:1 chat can carry personal reminders (on each of the person's boards, of their tenant).
    if (ctx.activity.conversation?.conversationType === 'personal') {
      for (const { board, person } of await boards.boardsOf(ctx)) await boards.peopleOf(board).remember(ctx, person);
    }
    return;
  }
  const board = await boardOfInstall(ctx, boards);
  if (!board) {
    // Several boards, none of them plainly meant: say how a board is bound here, naming none.
    if (!boards.list.some((b) => !isForeignTenant(b, ctx.activity))) return;
    await ctx.sendActivity(await boards.inTheirLanguages(ctx, (m) => m.trust.installNameTheBoard));
    return;
  }
  if (isForeignTenant(board, ctx.activity)) {
    log.warn({ tenant: activityTenantId(ctx.activity), board: board.id }, 'install from a foreign tenant ignored');
    return;
  }
  const people = boards.peopleOf(board);
  const installer = await people.resolve(ctx);
  if (installer) await people.remember(ctx, installer);
  const conversation = { key: (ctx.activity.conversation?.id ?? request.channelId).split(';')[0]!, reference: TC.getConversationReference(ctx.activity) };
  const activity = activityKeyOf(ctx.activity);
  const origin = { board, ...(installer ? { installer } : {}), ...(activity ? { activity } : {}) };
  const outcome = await bindOnInstall(deps, origin, request, conversation);
  // Binding plans the roster's reading for now.
  if (outcome !== 'unchanged') committed({ dueNow: true });
}
