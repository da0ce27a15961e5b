/** The bot added to a team or a chat (PRODUCT §1.1): an install by the board's officers binds the board. */
import { type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Logger } from 'pino';
import type { Board } from '../../domain/kernel/board.js';
import { bindOnInstall } from '../../usecases/binding.js';
import type { Deps } from '../../usecases/deps.js';
import { actingPerson, activityTenantId, isForeignTenant } from './identity.js';
import { bindRequestOf } from './make.js';
import type { People } from './people.js';

export async function onInstall(ctx: TurnContext, deps: Deps, board: Board, people: People, log: Logger, committed: () => void): Promise<void> {
  if (isForeignTenant(board, ctx.activity)) {
    log.warn({ tenant: activityTenantId(ctx.activity) }, 'install from a foreign tenant ignored');
    return;
  }
  const request = bindRequestOf(ctx);
  if (!request) {
    // Installed in a personal scope: nothing to bind, but the 1:1 chat can carry personal reminders.
    if (ctx.activity.conversation?.conversationType === 'personal') {
      const person = actingPerson(board, ctx.activity);
      if (person) await people.remember(ctx, person);
    }
    return;
  }
  const installer = await people.resolve(ctx);
  if (installer) await people.remember(ctx, installer);
  const conversation = { key: (ctx.activity.conversation?.id ?? request.channelId).split(';')[0]!, reference: TC.getConversationReference(ctx.activity) };
  const origin = { board, ...(installer ? { installer } : {}), ...(ctx.activity.id ? { activityId: ctx.activity.id } : {}) };
  const outcome = await bindOnInstall(deps, origin, request, conversation);
  if (outcome !== 'unchanged') committed();
}
