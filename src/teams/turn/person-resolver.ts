/**
 * Finds the board person behind an activity: by `from.aadObjectId` (stable), or —
 * for people configured with an e-mail only — by the e-mail Teams gives for the
 * member (TeamsInfo.getMember), remembered for the life of the process.
 */
import { type TurnContext, TeamsInfo } from 'botbuilder';
import type { Logger } from 'pino';
import { type Board, type Person, findPersonByAadObjectId } from '../../domain/kernel/board.js';

export class PersonResolver {
  private readonly byAad = new Map<string, Person | undefined>();
  private readonly emailOnly: readonly Person[];

  constructor(
    private readonly board: Board,
    private readonly log: Logger,
  ) {
    this.emailOnly = board.people.filter((p) => p.email && !p.aadObjectId);
  }

  async resolve(ctx: TurnContext): Promise<Person | undefined> {
    const from = ctx.activity.from;
    const direct = findPersonByAadObjectId(this.board, from?.aadObjectId);
    if (direct || this.emailOnly.length === 0 || !from?.aadObjectId || !from.id) return direct;
    const aad = from.aadObjectId.toLowerCase();
    if (this.byAad.has(aad)) return this.byAad.get(aad);
    try {
      const member = await TeamsInfo.getMember(ctx, from.id);
      const addresses = [member.email, member.userPrincipalName].filter((a): a is string => !!a).map((a) => a.toLowerCase());
      const person = this.emailOnly.find((p) => addresses.includes(p.email!.toLowerCase()));
      this.byAad.set(aad, person);
      if (person) this.log.info({ person: person.id }, 'person recognised by e-mail');
      return person;
    } catch (err) {
      this.log.warn({ err, aadObjectId: aad }, 'could not look up the member in Teams');
      return undefined;
    }
  }
}
