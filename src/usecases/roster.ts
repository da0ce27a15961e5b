/**
 * PRODUCT §1.1: on binding and once a day the bot reads the team's roster and remembers
 * Teams' ids for the board's people, so that every reminder can @mention the people it
 * concerns — also a chair who never wrote to the bot.
 */
import { z } from 'zod';
import { localIsoDate } from '../domain/kernel/calendar.js';
import { type Board, type FormerPerson, type Person, findPerson } from '../domain/kernel/board.js';
import { matchRoster } from '../domain/roster.js';
import { type Deps, boardStore } from './deps.js';
import { type JobContext, defineJob } from './jobs.js';

export const ROSTER_JOB = 'roster.read';
const DAY_MS = 24 * 3_600_000;

/** One reading a day (the local date), and one right after each binding. */
export const rosterJobKeys = {
  daily: (board: Board, at: Date) => `${ROSTER_JOB}:${localIsoDate(at, board.timezone)}`,
  bound: (at: Date) => `${ROSTER_JOB}:bound:${at.toISOString()}`,
};

/**
 * Who sees a card refresh by itself (the vote card, the date poll): the Teams ids of the
 * board's people the bot knows (not of those who have left the board).
 */
export async function refreshAudience(deps: Deps, board: Board): Promise<string[]> {
  return (await boardStore(deps, board).listTeamsIdentities()).filter((i) => findPerson(board, i.personId)).map((i) => i.teamsUserId);
}

/** The board's people the bot knows by these Teams ids (an @mention names one by its id), by id. */
export async function peopleByTeamsId(deps: Pick<Deps, 'store'>, board: Board, teamsUserIds: readonly string[]): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  const asked = new Set(teamsUserIds);
  for (const known of await boardStore(deps, board).listTeamsIdentities()) {
    const person = asked.has(known.teamsUserId) ? findPerson(board, known.personId) : undefined;
    if (person) found.set(known.teamsUserId, person);
  }
  return found;
}

/**
 * The board as its record needs it, read at start (the file changes only with one):
 * - a person known by e-mail whose aadObjectId the operator added since keeps the id the bot
 *   knew them by (their e-mail; a person's id is their aadObjectId only when the file gave it
 *   from the start): their votes, supports, tasks and 1:1 chat stay theirs, and they do not
 *   count twice (R11);
 * - Board.formerPeople: the people the bot has known who are no longer in the board file, by the
 *   name it last knew them by, so that what they did is shown under their names, not under ids.
 */
export async function withFormerPeople(deps: Pick<Deps, 'store'>, given: Board): Promise<Board> {
  const identities = await boardStore(deps, given).listTeamsIdentities();
  const seen = new Set(identities.map((known) => known.personId));
  const board = withKeptIds(given, seen);
  const former = new Map<string, FormerPerson & { readonly seenAt: number }>();
  for (const known of identities) {
    if (findPerson(board, known.personId) || !known.name) continue;
    const seenAt = known.seenAt.getTime();
    if ((former.get(known.personId)?.seenAt ?? -Infinity) < seenAt) former.set(known.personId, { id: known.personId, name: known.name, seenAt });
  }
  if (former.size === 0) return board;
  return { ...board, formerPeople: [...former.values()].map(({ id, name }) => ({ id, name })) };
}

/** The people whose e-mail the bot has known as their id (`seen`) keep it, though the file now gives their aadObjectId. */
function withKeptIds(board: Board, seen: ReadonlySet<string>): Board {
  const kept = (person: Person): Person => {
    const byEmail = person.email?.toLowerCase();
    // Known by its aadObjectId too (a version before this one ran with it): the id it has now stays.
    if (!byEmail || !person.aadObjectId || person.id === byEmail || !seen.has(byEmail) || seen.has(person.id)) return person;
    // Not when another person of the file has that id.
    return board.people.some((other) => other !== person && other.id === byEmail) ? person : { ...person, id: byEmail };
  };
  const people = board.people.map(kept);
  return people.every((p, i) => p === board.people[i]) ? board : { ...board, people };
}

/** Reads the roster now; how many of the board's people it found (undefined: not bound, or no roster to read). */
export async function readRoster(deps: Deps, board: Board): Promise<number | undefined> {
  const store = boardStore(deps, board);
  const binding = await store.getBinding();
  if (!binding || !deps.roster) return undefined;
  const members = await deps.roster.members(binding);
  const matches = matchRoster(board, members);
  const now = deps.clock();
  for (const { person, teamsUserId } of matches) {
    await store.rememberTeamsIdentity({ personId: person.id, teamsUserId, name: person.name, seenAt: now });
  }
  return matches.length;
}

/** The next daily reading, planned if it is not (on start, and after each reading). */
export async function ensureRosterReading({ deps, board }: JobContext, after?: Date): Promise<void> {
  const store = boardStore(deps, board);
  if (!(await store.getBinding())) return;
  const now = deps.clock();
  const today = rosterJobKeys.daily(board, now);
  if (!after && !(await store.getJob(today))) {
    await store.scheduleJob({ key: today, kind: ROSTER_JOB, dueAt: now });
    return;
  }
  const base = after && after.getTime() + DAY_MS > now.getTime() ? after : now;
  const next = new Date(base.getTime() + DAY_MS);
  const key = rosterJobKeys.daily(board, next);
  if (!(await store.getJob(key))) await store.scheduleJob({ key, kind: ROSTER_JOB, dueAt: next });
}

export const rosterJobs = [
  /** The roster, read on binding and once a day; the next reading is planned each time. */
  defineJob({
    kind: ROSTER_JOB,
    payload: z.unknown(),
    run: async (context, _payload, job) => {
      try {
        await readRoster(context.deps, context.board);
      } finally {
        // A reading that failed is retried by the scheduler; tomorrow's is planned either way.
        await ensureRosterReading(context, job.dueAt);
      }
    },
  }),
];
