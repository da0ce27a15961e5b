/**
 * Who is acting: the tenant and the person checked for every activity (docs/teams.md:
 * Identities), and Teams' ids for the person remembered (mentions, card refresh, 1:1 chats).
 */
import { type TurnContext, TurnContext as TC } from 'botbuilder';
import type { Logger } from 'pino';
import type { Board, Person } from '../../domain/kernel/board.js';
import { messages } from '../../i18n/index.js';
import { rememberPerson } from '../../usecases/binding.js';
import type { Deps } from '../../usecases/deps.js';
import { activityTenantId, isForeignTenant } from './identity.js';
import { PersonResolver } from './person-resolver.js';

export class People {
  private readonly resolver: PersonResolver;
  /** What this process has remembered already (one write per person, Teams id and chat). */
  private readonly seen = new Set<string>();

  constructor(
    private readonly deps: Deps,
    private readonly board: Board,
    private readonly log: Logger,
  ) {
    this.resolver = new PersonResolver(board, log);
  }

  resolve(ctx: TurnContext): Promise<Person | undefined> {
    return this.resolver.resolve(ctx);
  }

  /** Remembers Teams' ids for the person (mentions, card refresh) and their 1:1 chat (personal reminders). */
  async remember(ctx: TurnContext, person: Person): Promise<void> {
    const userId = ctx.activity.from?.id;
    const personal = ctx.activity.conversation?.conversationType === 'personal';
    const key = `${person.id}|${userId}|${personal ? ctx.activity.conversation.id : ''}`;
    if (!userId || this.seen.has(key)) return;
    await rememberPerson(this.deps, this.board, person, { userId, ...(personal ? { personalChat: TC.getConversationReference(ctx.activity) } : {}) });
    this.seen.add(key);
  }

  /**
   * R19: the tenant check alone, for what is answered before the person is known (a card press
   * whose data cannot be read): true when the activity is from another tenant (refused, and answered
   * as anything from there is).
   */
  async refusesTenant(ctx: TurnContext, refuseWith: (text: string) => Promise<unknown>): Promise<boolean> {
    if (!isForeignTenant(this.board, ctx.activity)) return false;
    this.log.warn({ tenant: activityTenantId(ctx.activity), activityId: ctx.activity.id }, 'refused: foreign tenant');
    await refuseWith(messages(this.board.locale).refusal['foreign-tenant']);
    return true;
  }

  /** Tenant and person checks shared by every route; undefined when refused (and answered). */
  async identify(ctx: TurnContext, refuseWith: (text: string) => Promise<unknown>): Promise<Person | undefined> {
    const m = messages(this.board.locale);
    if (await this.refusesTenant(ctx, refuseWith)) return undefined;
    const person = await this.resolve(ctx);
    if (!person) {
      this.log.warn({ aadObjectId: ctx.activity.from?.aadObjectId, activityId: ctx.activity.id }, 'refused: not on the board');
      await refuseWith(m.refusal.stranger);
      return undefined;
    }
    await this.remember(ctx, person);
    return person;
  }
}
