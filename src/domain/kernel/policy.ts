/**
 * THE role policy (R1–R5, PRODUCT §1–2): who may do what. Every command and card action
 * names its action; the use-case runner asks `can` once, before anything else, and help
 * shows each person only what `can` allows. The refusal codes are stable strings that
 * the shell turns into text.
 */
import { type Person, hasRole, isChair, isSecretary, isVotingMember } from './board.js';
import { type Result, ok, refuse } from './result.js';

/** Who an action is for. */
type Rule =
  /** Anyone on the board (guests included). */
  | 'anyone'
  /** R2: the chair. */
  | 'chair'
  /** R2, R3: the chair or the programme manager (the secretary). */
  | 'officer'
  /** R3: the secretary. */
  | 'secretary'
  /** R1, R5: a member of an organisation (who votes for it). */
  | 'member'
  /** A member, or the secretary (who plans the meetings, R10). */
  | 'member-or-secretary'
  /** R5: a member votes; the secretary (R3) and guests (R4) are told why they cannot. */
  | 'voter';

const RULES = {
  'board.read': 'anyone',
  'board.bind': 'officer',
  'vote.open': 'chair',
  'vote.cast': 'voter',
  'vote.close': 'chair',
  'vote.dissent': 'member',
  'meeting.plan': 'officer',
  'meeting.cancel': 'officer',
  'agenda.edit': 'officer',
  'agenda.send': 'officer',
  'petition.open': 'member',
  'petition.support': 'member',
  'conclusion.make': 'chair',
  'conclusion.object': 'member',
  'conclusion.dissent': 'member',
  'conclusion.close': 'chair',
  'conclusion.vote': 'chair',
  'dates.plan': 'officer',
  'dates.answer': 'member-or-secretary',
  'dates.confirm': 'chair',
  'minutes.write': 'secretary',
  'minutes.approve': 'chair',
  /** R16: a board person records that they take part in a meeting (*Jeg deltager*). */
  'attendance.join': 'anyone',
  'task.make': 'officer',
  /** The task's owner, the chair or the secretary: who owns it is the tasks' rule (domain/tasks.ts). */
  'task.done': 'anyone',
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

export type RoleRefusal =
  | 'not-chair'
  | 'not-chair-or-secretary'
  | 'not-secretary'
  | 'not-a-member'
  | 'not-member-or-secretary'
  | 'secretary-cannot-vote'
  | 'guest-cannot-vote';

/** The refusals `can` may give for `action` (a use case's refusal type includes them). */
export type RefusalOf<A extends Action> = (typeof RULES)[A] extends 'anyone'
  ? never
  : (typeof RULES)[A] extends 'chair'
    ? 'not-chair'
    : (typeof RULES)[A] extends 'officer'
      ? 'not-chair-or-secretary'
      : (typeof RULES)[A] extends 'secretary'
        ? 'not-secretary'
        : (typeof RULES)[A] extends 'voter'
          ? 'not-a-member' | 'secretary-cannot-vote' | 'guest-cannot-vote'
          : (typeof RULES)[A] extends 'member-or-secretary'
            ? 'not-member-or-secretary'
            : 'not-a-member';

/** Whether `person` may do `action`; the scheduler ('system') may do everything. */
export function can<A extends Action>(person: Person | 'system', action: A): Result<true, RefusalOf<A>> {
  if (person === 'system') return ok(true);
  const refusal = check(person, RULES[action]);
  return refusal ? (refuse(refusal) as { ok: false; reason: RefusalOf<A> }) : ok(true);
}

function check(person: Person, rule: Rule): RoleRefusal | undefined {
  switch (rule) {
    case 'anyone':
      return undefined;
    case 'chair':
      return isChair(person) ? undefined : 'not-chair';
    case 'officer':
      return isChair(person) || isSecretary(person) ? undefined : 'not-chair-or-secretary';
    case 'secretary':
      return isSecretary(person) ? undefined : 'not-secretary';
    case 'member':
      return isVotingMember(person) ? undefined : 'not-a-member';
    case 'member-or-secretary':
      return isVotingMember(person) || isSecretary(person) ? undefined : 'not-member-or-secretary';
    case 'voter':
      if (isVotingMember(person)) return undefined;
      if (hasRole(person, 'secretary')) return 'secretary-cannot-vote';
      if (hasRole(person, 'guest')) return 'guest-cannot-vote';
      return 'not-a-member';
  }
}
