/**
 * Finds the board person behind an activity: by `from.aadObjectId` (stable), or —
 * for people configured with an e-mail only — by the e-mail Teams gives for the
 * member (TeamsInfo.getMember), remembered for the life of the process. A person is
 * the pair (tenant, object id), never the object id alone: from another tenant than
 * the board's, nobody is the board's (R19), and Teams is not asked; a member Teams
 * names with the e-mail is the person only when Teams gives the board's tenant as theirs.
 */
import { type TurnContext, TeamsInfo } from 'botbuilder';
import type { Logger } from 'pino';
import { type Board, type Person, findPersonByAadObjectId } from '../../domain/kernel/board.js';
import { isForeignTenant } from './identity.js';

/** How long a turn waits for Teams to say who a member is (Teams waits about 15 s for the whole turn). */
export const MEMBER_LOOKUP_TIMEOUT_MS = 5_000;

/** The member's addresses and own tenant as Teams knows them. */
export type MemberLookup = (ctx: TurnContext, userId: string) => Promise<{ email?: string; userPrincipalName?: string; tenantId?: string }>;

const teamsLookup: MemberLookup = (ctx, userId) => TeamsInfo.getMember(ctx, userId);

export class PersonResolver {
  private readonly byAad = new Map<string, Person | undefined>();
  private readonly emailOnly: readonly Person[];

  constructor(
    private readonly board: Board,
    private readonly log: Logger,
    private readonly lookup: MemberLookup = teamsLookup,
    private readonly timeoutMs = MEMBER_LOOKUP_TIMEOUT_MS,
  ) {
    this.emailOnly = board.people.filter((p) => p.email && !p.aadObjectId);
  }

  async resolve(ctx: TurnContext): Promise<Person | undefined> {
    // The one place that says who acts: every board lookup (boardsOf, identify, an install) comes here.
    if (isForeignTenant(this.board, ctx.activity)) return undefined;
    const from = ctx.activity.from;
    const direct = findPersonByAadObjectId(this.board, from?.aadObjectId);
    if (direct || this.emailOnly.length === 0 || !from?.aadObjectId || !from.id) return direct;
    const aad = from.aadObjectId.toLowerCase();
    if (this.byAad.has(aad)) return this.byAad.get(aad);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Bounded: a Bot Connector that does not answer would hold the turn (and Teams' request) for minutes.
      const tooLate = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Teams did not answer the member lookup in ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const asked = this.lookup(ctx, from.id);
      asked.catch(() => undefined); // answered after the bound: nobody waits for it now
      const member = await Promise.race([asked, tooLate]);
      // R19: the member's own tenant too (a shared channel's or a guest's may be another than the activity's).
      const ofTheBoard = this.board.tenantId === undefined || member.tenantId?.toLowerCase() === this.board.tenantId;
      const addresses = [member.email, member.userPrincipalName].filter((a): a is string => !!a).map((a) => a.toLowerCase());
      const person = ofTheBoard ? this.emailOnly.find((p) => addresses.includes(p.email!.toLowerCase())) : undefined;
      this.byAad.set(aad, person);
      if (person) this.log.info({ person: person.id }, 'person recognised by e-mail');
      return person;
    } catch (err) {
      // Not remembered: the next turn asks again.
      this.log.warn({ err, aadObjectId: aad }, 'could not look up the member in Teams');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
