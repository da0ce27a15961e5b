/**
 * The board as the terms of reference ("kommissorium", Organisering) describe it:
 * organisations with one vote each (R1, R5), people with roles (R2–R4), and the
 * policies the kommissorium leaves to the board (docs/rules.md, each rule's policy).
 */

export type Locale = 'da' | 'en';

export type AgendaItemKind = 'decision' | 'information' | 'discussion';

/** The standing items ("faste dagsordenspunkter", R12, R14–R16, R10). */
export type StandingItemKey =
  | 'approve-agenda'
  | 'approve-minutes'
  | 'economy'
  | 'lbf-follow-up'
  | 'next-year-dates'
  | 'any-other-business';

/** A standing item in the board file: a known one by key, or one of the board's own. */
export type StandingItemConfig = StandingItemKey | { readonly title: string; readonly kind: AgendaItemKind };
export type Role = 'member' | 'chair' | 'secretary' | 'guest';
export type MajorityPolicy = 'simple' | 'absolute';

export interface Organisation {
  /** Short code, e.g. "FOB". */
  readonly id: string;
  readonly name: string;
  /** What kind of body it is (e.g. "housing", "municipality"): the chair's shape may name kinds. */
  readonly kind?: string;
}

export interface Person {
  /** Stable id inside the board: the aadObjectId when given, else the e-mail. */
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly email?: string;
  /** The organisation the person represents; none for the secretary and guests. */
  readonly organisationId?: string;
  readonly roles: readonly Role[];
}

export interface Policies {
  readonly majority: MajorityPolicy;
  readonly agendaLeadDays: number;
  readonly agendaReminderDays: number;
  readonly voteDeadlineHours: number;
  /** Hours before a vote's deadline when members of organisations that have not voted are reminded (0: never). */
  readonly voteReminderHours: number;
  readonly objectionHours: number;
  /** "MM-DD" */
  readonly datePlanningStart: string;
  /** "HH:mm" local time */
  readonly postingTime: string;
  /** "HH:mm" local time */
  readonly meetingTime: string;
  readonly lbfFollowUpMeeting: 'first' | 'last';
  /** How many days a link to one of the bot's files (minutes, agenda) works. */
  readonly linkTtlDays: number;
  /**
   * R7: a conclusion posted during a meeting stays open until the chair closes it (`untilClosed`),
   * or is decided when the objection window ends, as one posted outside a meeting is (`window`).
   */
  readonly objectionWindowInMeeting: 'untilClosed' | 'window';
  /** The board's shape (checked when the file is read): exactly this many chairs, when set (R2: 2). */
  readonly chairCount?: number;
  /** One chair from an organisation of each of these kinds, when set (R2: housing, municipality). */
  readonly chairFrom?: readonly string[];
  /** Whether a chair is a voting member (default true). */
  readonly chairMustBeMember: boolean;
  /** Whether the secretary may chair (a coordination group led by the programme manager; default false). */
  readonly secretaryMayChair: boolean;
}

export interface Board {
  /**
   * Which board this is (R19): the file's `board.id`, else its name without the extension
   * (`config/demo.yaml` → `demo`). Every row in the store carries it.
   */
  readonly id: string;
  readonly name: string;
  /** The agenda's standing items, in order (R12); absent = the default list. */
  readonly standingItems?: readonly StandingItemConfig[];
  readonly locale: Locale;
  /** An IANA zone; the board file's default is DEFAULT_TIMEZONE. */
  readonly timezone: string;
  /** R10: the country whose days off the date poll keeps away from (ISO 3166-1 alpha-2, one date-holidays knows); the board file's default is DEFAULT_COUNTRY. */
  readonly country: string;
  readonly tenantId?: string;
  /** The Teams channel the board uses (`19:…@thread.tacv2`): an install there binds the board, whoever installs. */
  readonly channelId?: string;
  readonly policies: Policies;
  readonly organisations: readonly Organisation[];
  readonly people: readonly Person[];
  /**
   * People the board's record names who are no longer in the board file (a member who left):
   * their names as last known, so that the record shows who acted. They have no role and no
   * rights: `findPerson` does not find them.
   */
  readonly formerPeople?: readonly FormerPerson[];
}

export interface FormerPerson {
  readonly id: string;
  readonly name: string;
}

export const DEFAULT_POLICIES: Policies = {
  majority: 'simple',
  agendaLeadDays: 5,
  agendaReminderDays: 7,
  voteDeadlineHours: 72,
  voteReminderHours: 24,
  objectionHours: 48,
  datePlanningStart: '09-01',
  postingTime: '09:00',
  meetingTime: '14:00',
  lbfFollowUpMeeting: 'first',
  linkTtlDays: 30,
  objectionWindowInMeeting: 'untilClosed',
  chairMustBeMember: true,
  secretaryMayChair: false,
};

export function hasRole(person: Person, role: Role): boolean {
  return person.roles.includes(role);
}

/** R5: a person votes for their organisation when they are a member of one. */
export function isVotingMember(person: Person): boolean {
  return hasRole(person, 'member') && person.organisationId !== undefined;
}

/** R2: the chair ("formandskab"). */
export function isChair(person: Person): boolean {
  return hasRole(person, 'chair');
}

/** R3: the programme manager, the board's secretary. */
export function isSecretary(person: Person): boolean {
  return hasRole(person, 'secretary');
}

export function findPersonByAadObjectId(board: Board, aadObjectId: string | undefined): Person | undefined {
  if (!aadObjectId) return undefined;
  const wanted = aadObjectId.toLowerCase();
  return board.people.find((p) => p.aadObjectId?.toLowerCase() === wanted);
}

export function findPersonByEmail(board: Board, email: string | undefined): Person | undefined {
  if (!email) return undefined;
  const wanted = email.toLowerCase();
  return board.people.find((p) => p.email?.toLowerCase() === wanted);
}

export function findPerson(board: Board, personId: string): Person | undefined {
  return board.people.find((p) => p.id === personId);
}

/** A name in any case and spacing: lower case, single spaces. */
const spaced = (text: string): string => text.normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' ');

/** A name as people write it: any case, any spacing, the Danish letters also as spelt without them (ae, oe, aa). */
export function foldName(text: string): string {
  return spaced(text).replace(/\u00e6/g, 'ae').replace(/\u00f8/g, 'oe').replace(/\u00e5/g, 'aa');
}

/** Looser: as typed on a keyboard without the Danish letters (o for the Danish o with a stroke, a for a with a ring) or accents. */
function bareName(text: string): string {
  return spaced(text).replace(/\u00e6/g, 'ae').replace(/\u00f8/g, 'o').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whom a name written in a command points to among the board's people. */
export type PersonByName =
  | { readonly kind: 'person'; readonly person: Person }
  /** Several fit it alike (a first name two people share): the answer names them. */
  | { readonly kind: 'ambiguous'; readonly people: readonly Person[] }
  | { readonly kind: 'nobody' };

const firstWord = (name: string) => name.split(' ')[0];

/**
 * The board person a name points to, as every command reads one (`opgave`, `deltager`,
 * `fjern deltager`): the whole name, else a first name no one else on the board has; in
 * any case and spacing, with or without the Danish letters (Soeren or Soren for the
 * Danish spelling). Each step is tried in turn; the first that fits someone decides.
 */
export function personByName(board: Board, text: string): PersonByName {
  const folded = foldName(text);
  const bare = bareName(text);
  if (!folded) return { kind: 'nobody' };
  const steps: ((p: Person) => boolean)[] = [
    (p) => foldName(p.name) === folded,
    (p) => bareName(p.name) === bare,
    (p) => firstWord(foldName(p.name)) === folded,
    (p) => firstWord(bareName(p.name)) === bare,
  ];
  for (const fits of steps) {
    const found = board.people.filter(fits);
    if (found.length === 1) return { kind: 'person', person: found[0]! };
    if (found.length > 1) return { kind: 'ambiguous', people: found };
  }
  return { kind: 'nobody' };
}

/** The name of a person the record names: one of the board's people, else one who has left it (`formerPeople`). */
export function nameOfPerson(board: Board, personId: string): string | undefined {
  return findPerson(board, personId)?.name ?? board.formerPeople?.find((p) => p.id === personId)?.name;
}

export function findOrganisation(board: Board, organisationId: string | undefined): Organisation | undefined {
  if (!organisationId) return undefined;
  return board.organisations.find((o) => o.id === organisationId);
}

export function chairs(board: Board): Person[] {
  return board.people.filter(isChair);
}

export function secretaries(board: Board): Person[] {
  return board.people.filter(isSecretary);
}

/** R11: "a majority of the members" counts voting members as persons. */
export function votingMembers(board: Board): Person[] {
  return board.people.filter(isVotingMember);
}

export function membersOf(board: Board, organisationId: string): Person[] {
  return board.people.filter((p) => p.organisationId === organisationId && isVotingMember(p));
}

/** The zone of a board whose file names none (board-schema.ts). */
export const DEFAULT_TIMEZONE = 'Europe/Copenhagen';

/** The country whose days off the date poll keeps away from when the board file names none (R10): Denmark. */
export const DEFAULT_COUNTRY = 'DK';
