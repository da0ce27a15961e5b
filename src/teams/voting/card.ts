/** The vote card and the outcome announcement (PRODUCT §1.4). */
import { type Board, type Person, findOrganisation } from '../../domain/kernel/board.js';
import { type Dissent, mayDissentOnVote, takesDissents } from '../../domain/conclusion.js';
import { can } from '../../domain/kernel/policy.js';
import { type Ballot, type Motion, absoluteMajority, isOpen, mayCast, tally } from '../../domain/voting.js';
import { formatDateTime, formatList, messages } from '../../i18n/index.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { md, timeUnbroken } from '../text/markdown.js';
import { dissentOnCard, organisationLabel, personName } from '../text/names.js';

/** The vote card (PRODUCT §1.4): each organisation, its current vote and who cast it. */
export function voteCard(
  board: Board,
  motion: Motion,
  ballots: readonly Ballot[],
  refreshUserIds: readonly string[],
  dissents: readonly Dissent[] = [],
  /**
   * `confirmClose`: the chair pressed *Luk afstemning* with organisations missing: ask to confirm, naming them (PRODUCT §1.4).
   * `now`: a card shown to one person (a refresh, an answer): past its deadline it is no longer open, closed or not yet.
   * `viewer`: the card of one person (a refresh): only the buttons they may press (the channel's card has them all).
   */
  options: { readonly confirmClose?: boolean; readonly now?: Date; readonly viewer?: Person } = {},
): AdaptiveCardJson {
  const m = messages(board.locale);
  const t = tally(motion, ballots);
  const byOrg = new Map(ballots.map((b) => [b.organisationId, b]));
  const rows = motion.organisationIds.map((orgId) => {
    const ballot = byOrg.get(orgId);
    const organisation = md(findOrganisation(board, orgId)?.name ?? orgId);
    const vote = ballot
      ? `${m.choice[ballot.choice]} – ${m.voteCard.castBy(personName(board, ballot.castBy))}`
      : m.voteCard.notVoted;
    return { organisation, vote, voted: ballot !== undefined };
  });
  // Past its deadline and not yet closed by its job (at the next minute): no buttons, and says the outcome comes.
  const expired = isOpen(motion) && options.now !== undefined && options.now.getTime() >= motion.deadline.getTime();
  const open = isOpen(motion) && !expired;
  const missing = formatList(t.notVoted.map((orgId) => md(findOrganisation(board, orgId)?.name ?? orgId)), board.locale);
  const confirmText = open && options.confirmClose && t.notVoted.length > 0 ? m.voteCard.confirmClose(missing, t.notVoted.length) : '';
  // The time stays with »kl.« on a phone's narrow card.
  const when = (d: Date) => timeUnbroken(formatDateTime(d, board.locale, board.timezone));
  const closed = open
    ? m.voteCard.openUntil(when(motion.deadline))
    : expired
      ? m.voteCard.deadlinePassed(when(motion.deadline))
      : m.voteCard.closedAt(closeReasonText(board, motion), when(motion.closedAt!));
  // Who sees which buttons: everyone all of them on the channel's card; one person those the rules let them press.
  const viewer = options.viewer;
  const mayVote = !viewer || (can(viewer, 'vote.cast').ok && options.now !== undefined && mayCast(motion, viewer, options.now).ok);
  const mayClose = !viewer || can(viewer, 'vote.close').ok;
  const mayDissent = !viewer || (can(viewer, 'vote.dissent').ok && mayDissentOnVote(viewer, motion, ballots, dissents).ok);
  // R7, R18: reopened (`genoptag`): its decision no longer stands.
  const status = motion.reopenedAt ? `${closed} ${m.voteCard.reopened(when(motion.reopenedAt))}` : closed;
  return renderCard('vote', {
    motionId: motion.id,
    refreshUserIds: refreshUserIds.slice(0, 60),
    title: m.voteCard.title,
    item: motion.agendaItem?.heading ? md(motion.agendaItem.heading) : '',
    motionText: md(motion.text),
    status,
    rows,
    counts: m.voteCard.counts(t.for, t.against, t.abstain, t.notVoted.length),
    outcome: open || expired ? '' : m.outcome.line(t.adopted, t.for, t.against, t.abstain),
    isOpen: open,
    mayVote,
    mayClose,
    confirmText,
    rule: m.voteCard.oneVoteEach,
    dissentHeading: m.dissent.heading,
    dissents: dissents.map((d) => dissentOnCard(board, m.dissent.by, d)),
    // R8: after the vote, members of organisations that voted against (or for a motion not adopted) may add a dissent; not once its item was reopened.
    showDissent: takesDissents(motion, ballots).ok,
    mayDissent,
    dissentHint: t.adopted ? m.dissent.hint : m.dissent.hintNotAdopted,
    labels: {
      for: m.choice.for,
      against: m.choice.against,
      abstain: m.choice.abstain,
      close: m.voteCard.close,
      closeAnyway: m.voteCard.closeAnyway,
      keepOpen: m.voteCard.keepOpen,
      dissent: m.dissent.vote,
      dissentSubmit: m.dissent.submit,
      dissentPlaceholder: m.dissent.placeholder,
    },
  });
}

export function closeReasonText(board: Board, motion: Motion): string {
  const m = messages(board.locale);
  switch (motion.closeReason) {
    case 'chair':
      return m.closeReason.chair(personName(board, motion.closedBy));
    case 'all-voted':
      return m.closeReason['all-voted'];
    default:
      return m.closeReason.deadline;
  }
}

/**
 * The announcement (PRODUCT §1.4): the first line is exactly
 * "Vedtaget: 4 for, 1 imod, 1 undlader", then the item voted on (if any) and the motion, each
 * organisation's vote, then those that did not vote.
 */
export function outcomeAnnouncement(board: Board, motion: Motion, ballots: readonly Ballot[]): string {
  const m = messages(board.locale);
  const t = tally(motion, ballots);
  const byOrg = new Map(ballots.map((b) => [b.organisationId, b]));
  const orgLabel = (id: string) => organisationLabel(board, id);
  // On an item: which item of which meeting, as the card names it.
  const item = motion.agendaItem?.heading ? [md(motion.agendaItem.heading)] : [];
  const lines = [m.outcome.line(t.adopted, t.for, t.against, t.abstain), ...item, m.outcome.motion(md(motion.text))];
  for (const orgId of motion.organisationIds) {
    const b = byOrg.get(orgId);
    if (b) lines.push(m.outcome.orgVote(orgLabel(orgId), m.choiceWord[b.choice], personName(board, b.castBy)));
  }
  // Closed because all had voted, the close's reason says so: not twice.
  if (t.notVoted.length) lines.push(m.outcome.notVoted(t.notVoted.map(orgLabel).join(', ')));
  else if (motion.closeReason !== 'all-voted') lines.push(m.outcome.allVoted);
  const total = motion.organisationIds.length;
  const majority = motion.majority === 'absolute' ? m.outcome.majorityNote.absolute(absoluteMajority(total), total) : m.outcome.majorityNote.simple;
  lines.push(`${closeReasonText(board, motion)}. ${majority}`);
  return lines.join('\n\n');
}
