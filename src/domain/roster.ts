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
}

export interface RosterMatch {
  readonly person: Person;
  readonly teamsUserId: string;
}

/** The board's people found on the roster, each once (the first member that matches). */
export function matchRoster(board: Board, members: readonly RosterMember[]): RosterMatch[] {
  const lower = (s: string | undefined) => s?.trim().toLowerCase() || undefined;
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
