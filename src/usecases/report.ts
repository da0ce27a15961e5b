/** R18: the decisions of a period, for the political level (`status <fra> <til>`). */
import { type PeriodRefusal, addDays, parsePeriod, toInstant, yearToDate } from '../domain/kernel/calendar.js';
import { type Result, refuse } from '../domain/kernel/result.js';
import { type Conclusion, stands } from '../domain/conclusion.js';
import type { Meeting } from '../domain/meeting.js';
import type { VoteRecord } from '../domain/minutes.js';
import { tally } from '../domain/voting.js';
import { type TextSection, gather } from './contributions.js';
import type { Deps } from './deps.js';
import { type Origin, ask } from './runner.js';

export interface ProgressReport {
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  /** The votes closed in the period whose decision stands. */
  readonly votes: readonly VoteRecord[];
  /** The conclusions decided in the period whose decision stands. */
  readonly conclusions: readonly Conclusion[];
  /** Decisions made in the period that the chair has since reopened (`genoptag`): shown apart, counted in neither list. */
  readonly reopened: { readonly votes: readonly VoteRecord[]; readonly conclusions: readonly Conclusion[] };
  /** The meetings held in the period: planned (not cancelled) and begun by now. */
  readonly meetings: readonly Meeting[];
  /** What other features count for the period (e.g. tasks done and overdue). */
  readonly sections: readonly TextSection[];
}

/** The period from `fromText` to `toText`, both days included; a year-less date is the latest such (PRODUCT §1.8). */
export function progressReport(deps: Deps, origin: Origin, input: { readonly fromText?: string; readonly toText?: string }) {
  return ask(deps, origin, 'board.read', async (read): Promise<Result<ProgressReport, PeriodRefusal | 'bad-period'>> => {
    const { repo, now, board } = read;
    const zone = board.timezone;
    // Bare `status`: this year so far.
    const period = input.fromText && input.toText ? parsePeriod(input.fromText, input.toText, now, zone) : { ok: true as const, value: yearToDate(now, zone) };
    if (!period.ok) return period;
    const start = toInstant(period.value.from, { hour: 0, minute: 0 }, zone);
    const end = toInstant(addDays(period.value.to, 1), { hour: 0, minute: 0 }, zone);
    if (end.getTime() <= start.getTime()) return refuse('bad-period');
    // R18: a decision belongs to the period it was made in: a vote by when it closed, a conclusion by when it was decided.
    const motions = (await repo.listMotions({ closedFrom: start, closedTo: end })).sort(byTime((m) => m.closedAt));
    const votes: VoteRecord[] = [];
    for (const motion of motions) {
      const [ballots, dissents] = await Promise.all([repo.listBallots(motion.id), repo.listDissents({ motionId: motion.id })]);
      votes.push({ motion, ballots, tally: tally(motion, ballots), dissents });
    }
    const decided = (await repo.listConclusions({ decidedFrom: start, decidedTo: end })).filter((c) => c.status === 'decided').sort(byTime((c) => c.decidedAt));
    // R7, R18: a decision the chair reopened is no longer the board's.
    const conclusions = decided.filter(stands);
    const reopened = { votes: votes.filter((v) => !stands(v.motion)), conclusions: decided.filter((c) => !stands(c)) };
    const meetings = (await repo.listMeetings({ from: start, to: end, status: 'planned' })).filter((m) => m.startsAt.getTime() <= now.getTime());
    const sections = await gather(read.contributions.statusSections, read, { from: start, to: end });
    return { ok: true as const, value: { from: start, to: end, votes: votes.filter((v) => stands(v.motion)), conclusions, reopened, meetings, sections } };
  });
}

/** In the order the decisions were made (a stable sort: the store's order among equals). */
const byTime = <T>(of: (x: T) => Date | undefined) => (a: T, b: T) => (of(a)?.getTime() ?? 0) - (of(b)?.getTime() ?? 0);
