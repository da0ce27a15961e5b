/**
 * R16 with R7: the minutes approved by the board's decision on the standing item "approval of
 * the minutes" (by consent, or by an adopted vote), and what that decision means for the item.
 */
import { approvalByDecision, approvalByDecisionOf, behindTheRecord, canEditMinutes, type ItemDecidedBy } from '../domain/minutes.js';
import type { Meeting } from '../domain/meeting.js';
import type { AgendaItemRef } from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { type MinutesEvent, latestOf, redraftedIn } from './minutes.js';
import type { Tx } from './runner.js';

/**
 * R16: the standing item "approval of the minutes" decided at a meeting — by consent, or by
 * an adopted vote (approvalByDecision) — approves the minutes awaiting approval of the meeting
 * before it; past an extraordinary meeting, or one without minutes yet, also those of the
 * meeting before that, which would otherwise never come up again (approvalByDecisionOf). Each
 * is brought up to date first. The channel is told what was approved, and that the meeting
 * just before has no minutes yet, or had them approved already. In the caller's transaction.
 * Any other decision approves nothing.
 *
 * `at`: when the decision was reached (R7: the objection window's end, the vote's deadline),
 * which is when the minutes are approved, also when the scheduler records it later (a minute
 * late, or days late after the bot was down): the approval is the decision's, and
 * minutesApprovedBy finds it by that moment.
 */
export async function approveByDecisionIn(tx: Tx, item: AgendaItemRef, decided: ItemDecidedBy, at: Date): Promise<MinutesEvent[]> {
  const by = approvalByDecision(item.standing, decided);
  if (!by) return [];
  const meeting = await tx.repo.getMeeting(item.meetingId);
  if (!meeting) return [];
  const before = await meetingsBefore(tx.repo, meeting);
  const previous = before[before.length - 1];
  if (!previous) return [];
  const how = decided.kind === 'consent' ? { by: 'consent' } : { by: 'vote', motionId: decided.motionId };
  const approvals: MinutesEvent[][] = [];
  const notices: MinutesEvent[] = [];
  for (const earlier of [...before].reverse()) {
    const first = earlier === previous;
    const versions = await tx.repo.listMinutes(earlier.id);
    const latestListed = versions[versions.length - 1];
    if (first && !latestListed) notices.push({ type: 'minutes.not-drafted', meeting: previous, decidedAt: at, actor: 'system', data: { meetingId: meeting.id } });
    if (first && latestListed?.approvedAt) notices.push({ type: 'minutes.already-approved', meeting: previous, decidedAt: at, actor: 'system', unrecorded: true, data: { meetingId: meeting.id } });
    const step = approvalByDecisionOf(earlier, versions, first);
    const locked = step.approve ? await latestOf(tx.repo, earlier.id, { lock: true }) : undefined;
    if (locked && canEditMinutes(locked) && behindTheRecord(locked)) {
      notices.push({ type: 'minutes.not-approved-behind', minutes: locked, meeting: earlier, decidedAt: at, actor: 'system', data: { meetingId: meeting.id } });
    } else if (locked && canEditMinutes(locked)) {
      // What the board approves is the whole record, also what happened after anyone last looked.
      const { minutes: latest, events } = await redraftedIn(tx, earlier, locked);
      if (await tx.repo.approveMinutes(latest.id, at, by)) {
        const approved = { ...latest, approvedAt: at, approvedBy: by };
        approvals.push([...events, { type: 'minutes.approved', minutes: approved, meeting: earlier, actor: 'system', data: { ...how, meetingId: meeting.id } }]);
      }
    }
    if (!step.further) break;
  }
  // Told in the order the meetings were held, the meeting just before last.
  return [...approvals.reverse().flat(), ...notices];
}

/** The planned meetings before `meeting`, in the order they were held. */
async function meetingsBefore(repo: Repository, meeting: Meeting): Promise<Meeting[]> {
  return (await repo.listMeetings({ status: 'planned', to: meeting.startsAt })).filter((m) => m.id !== meeting.id && m.startsAt.getTime() < meeting.startsAt.getTime());
}

/**
 * R16, R7: the meeting before `meeting` whose minutes the decision on its item "approval of the
 * minutes" approved (`by`: how approveByDecisionIn recorded it, and when), looked for as far back
 * as that decision reaches: approved minutes never change (a correction is a new version), so
 * that item is not reopened once they are. A decision that approved nothing (the chair had
 * approved them on the card) finds none.
 */
export async function minutesApprovedBy(repo: Repository, meeting: Meeting, by: { readonly approvedBy: string; readonly at: Date }): Promise<Meeting | undefined> {
  for (const earlier of (await meetingsBefore(repo, meeting)).reverse()) {
    const versions = await repo.listMinutes(earlier.id);
    // A vote's approval names its motion; consent is told apart by its moment, the decision's.
    if (versions.some((v) => v.approvedBy === by.approvedBy && (by.approvedBy !== 'consent' || v.approvedAt?.getTime() === by.at.getTime()))) return earlier;
    // As far as the decision looked (approvalByDecisionOf): past an extraordinary meeting or one without minutes, never past approved ones.
    if (versions.some((v) => v.approvedAt !== undefined) || (versions.length > 0 && earlier.kind === 'ordinary')) return undefined;
  }
  return undefined;
}
