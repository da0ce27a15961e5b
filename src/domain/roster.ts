/**
 * The team's roster (PRODUCT §1.1): Teams' members matched to the board's people by
 * `aadObjectId`, else by e-mail (or the sign-in name, which is usually the e-mail), so that
 * the bot can @mention every board person, also those who never wrote to it.
 */
import type { Board, Person } from './kernel/board.js';

/** A member of the team as Teams lists it (TeamsChannelAccount), reduced to what matching needs. */
export interface RosterMember {
  /** Teams' `29:…` id: what an @mention and a card refresh need. */
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  /** The member's own tenant (a shared channel's or a guest's may be another than the team's). */
  readonly tenantId?: string;
}

export interface RosterMatch {
  readonly person: Person;
  readonly teamsUserId: string;
}

/**
 * The board's people found on the roster, each once (the first member that matches). R19: a person
 * is the pair (tenant, id): for a board of a tenant only that tenant's members are looked at, so a
 * member of another tenant with the same object id or e-mail (a shared channel, a guest) is nobody.
 */
export function matchRoster(board: Board, allMembers: readonly RosterMember[]): RosterMatch[] {
  const lower = (s: string | undefined) => s?.trim().toLowerCase() || undefined;
  const tenant = lower(board.tenantId);
  const members = tenant === undefined ? allMembers : allMembers.filter((m) => lower(m.tenantId) === tenant);
  const matches: RosterMatch[] = [];
  for (const person of board.people) {
    const aad = lower(person.aadObjectId);
    const email = lower(person.email);
    const member =
      (aad ? members.find((m) => lower(m.aadObjectId) === aad) : undefined) ??
      (email ? members.find((m) => lower(m.email) === email || lower(m.userPrincipalName) === email) : undefined);
    if (member?.id) matches.push({ person, teamsUserId: member.id });
  }
  return matches;
}
