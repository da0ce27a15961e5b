/** The minutes as Markdown (R16), in the board's language, from the record. Every user text in it is literal. */
import type { Board } from '../../domain/kernel/board.js';
import { localIsoDate } from '../../domain/kernel/calendar.js';
import { type Dissent, stands } from '../../domain/conclusion.js';
import { type Meeting, heldMeetingAgenda } from '../../domain/meeting.js';
import type { ConclusionRecord, MinutesRecord, VoteRecord } from '../../domain/minutes.js';
import { formatDateTime, formatList, messages } from '../../i18n/index.js';
import { itemTitle } from '../agenda/card.js';
import { organisationLabel, personName as nameOf } from '../text/names.js';
import { md, mdQuote } from '../text/markdown.js';

/** R8: who dissents, then the member's own words as a quotation. */
function dissentLines(board: Board, dissent: Dissent): string[] {
  return [messages(board.locale).minutes.dissentBy(nameOf(board, dissent.personId), md(dissent.organisationId)), mdQuote(dissent.text)];
}

/** When something was settled on another day than the meeting's (a deadline, an objection window): that moment, said; else undefined. */
function onAnotherDay(board: Board, meeting: Meeting, at: Date | undefined): string | undefined {
  if (!at || localIsoDate(at, board.timezone) === localIsoDate(meeting.startsAt, board.timezone)) return undefined;
  return formatDateTime(at, board.locale, board.timezone);
}

/** A conclusion's lines; `between`: taken between meetings, so it names its item and its decision is always dated. */
function conclusionLines(board: Board, meeting: Meeting, record: ConclusionRecord, between: boolean): string[] {
  const m = messages(board.locale);
  const { conclusion, objections, dissents } = record;
  const lines = [between ? m.minutes.conclusionOnItem(md(conclusion.itemLabel), md(conclusion.text)) : m.minutes.conclusion(md(conclusion.text))];
  if (conclusion.status === 'decided') {
    const decidedOn = between && conclusion.decidedAt ? formatDateTime(conclusion.decidedAt, board.locale, board.timezone) : onAnotherDay(board, meeting, conclusion.decidedAt);
    lines.push(decidedOn ? m.minutes.decidedOn(decidedOn) : m.minutes.decided);
  } else if (conclusion.status === 'voted') lines.push(m.minutes.sentToVote);
  else if (conclusion.status === 'open') lines.push(m.minutes.pending);
  if (objections.length) lines.push(m.minutes.objected(formatList(objections.map((o) => `${nameOf(board, o.personId)} (${md(o.organisationId)})`), board.locale)));
  // PRODUCT §1.5: an objection's reason, the objector's own words, quoted.
  for (const o of objections.filter((x) => x.reason)) lines.push(m.minutes.objectionReason(nameOf(board, o.personId)), mdQuote(o.reason!));
  for (const d of dissents) lines.push(...dissentLines(board, d));
  return lines;
}

/** A vote's lines; `between`: taken between meetings, so its closing is always dated. */
function voteLines(board: Board, meeting: Meeting, vote: VoteRecord, between: boolean): string[] {
  const m = messages(board.locale);
  const { motion, tally, ballots, dissents } = vote;
  const lines = [m.minutes.vote(md(motion.text))];
  if (!motion.closedAt) {
    lines.push(between ? m.minutes.voteOpenSince(formatDateTime(motion.openedAt, board.locale, board.timezone)) : m.minutes.voteOpen);
  } else {
    lines.push(m.outcome.line(tally.adopted, tally.for, tally.against, tally.abstain));
    // Closed after the meeting's day (at its deadline): the minutes do not read as if decided at the meeting.
    const closedOn = between ? formatDateTime(motion.closedAt, board.locale, board.timezone) : onAnotherDay(board, meeting, motion.closedAt);
    if (closedOn) lines.push(m.minutes.closedOn(closedOn));
    const byOrg = new Map(ballots.map((b) => [b.organisationId, b]));
    for (const orgId of motion.organisationIds) {
      const b = byOrg.get(orgId);
      if (b) lines.push(m.minutes.orgVote(organisationLabel(board, orgId), m.choiceWord[b.choice], nameOf(board, b.castBy)));
    }
    if (tally.notVoted.length) lines.push(m.minutes.notVoted(tally.notVoted.map((o) => organisationLabel(board, o)).join(', ')));
  }
  for (const d of dissents) lines.push(...dissentLines(board, d));
  return lines;
}

/**
 * The paragraphs minutes drafted from the record open with, and a download of any version of
 * them heads with (teams/minutes/file.ts): the title with the meeting, the board, an
 * extraordinary meeting's subject.
 */
export function minutesOpening(board: Board, meeting: Meeting): string[] {
  const m = messages(board.locale);
  const when = formatDateTime(meeting.startsAt, board.locale, board.timezone);
  return [`**${m.minutes.heading(m.meeting.kind[meeting.kind], when)}**`, md(board.name), ...(meeting.subject ? [m.meeting.subject(md(meeting.subject))] : [])];
}

export function minutesMarkdown(board: Board, record: MinutesRecord): string {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const { meeting } = record;
  const out: string[] = minutesOpening(board, meeting);
  // R13: minutes are of a meeting held, so an agenda not sent by now never went out.
  const agenda = heldMeetingAgenda(meeting);
  if (agenda === 'late') out.push(m.minutes.lateAgenda(when(meeting.agendaSentAt!)));
  if (agenda === 'not-sent') out.push(m.minutes.agendaNotSent);

  const attendance = [];
  if (record.organisations.length) attendance.push(m.minutes.organisations(formatList(record.organisations.map((o) => organisationLabel(board, o)), board.locale)));
  if (record.people.length) attendance.push(m.minutes.people(formatList(record.people.map((id) => nameOf(board, id)), board.locale)));
  if (record.otherAttendees.length) attendance.push(m.minutes.others(formatList(record.otherAttendees.map(md), board.locale)));
  // R16: those who sent apologies, with the organisation they represented.
  out.push(`**${m.minutes.attendance}**\n\n${attendance.length ? attendance.join('\n\n') : m.minutes.nobody}`);
  // R16: those who sent apologies, with the organisation they represented: a section of its own (they were not present).
  const apologies = (record.apologies ?? []).map((a) => (a.organisationId ? `${nameOf(board, a.personId)} (${md(a.organisationId)})` : nameOf(board, a.personId)));
  if (apologies.length) out.push(`**${m.minutes.apologiesHeading}**\n\n${formatList(apologies, board.locale)}.`);

  // R7, R16: a decision the chair reopened (`genoptag`) says so, and what came after it follows it.
  const reopened = (decision: { readonly reopenedAt?: Date }): string[] => (stands(decision) ? [] : [m.minutes.reopened(when(decision.reopenedAt!))]);
  // The decisions of an item, or those taken between meetings (`between`), in the order they were made.
  const decisionLines = (conclusions: readonly ConclusionRecord[], votes: readonly VoteRecord[], between = false): string[] =>
    [
      ...conclusions.map((c) => ({ at: c.conclusion.concludedAt, lines: [...conclusionLines(board, meeting, c, between), ...reopened(c.conclusion)] })),
      ...votes.map((vote) => ({ at: vote.motion.openedAt, lines: [...voteLines(board, meeting, vote, between), ...reopened(vote.motion)] })),
    ]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .flatMap((e) => e.lines);
  for (const { item, conclusions, votes } of record.items) {
    const lines = decisionLines(conclusions, votes);
    const added = item.addedAfterSending ? ` – ${m.agenda.addedAfterSending}` : '';
    out.push(`**${item.number}. ${md(itemTitle(board, item))}** (${m.agenda.kind[item.kind]})${added}\n\n${lines.length ? lines.join('\n\n') : m.minutes.nothing}`);
  }
  if (record.otherVotes.length) {
    out.push(`**${m.minutes.otherVotes}**\n\n${record.otherVotes.flatMap((v) => voteLines(board, meeting, v, false)).join('\n\n')}`);
  }
  // R16: what was decided between meetings, which no meeting's record holds: votes on no item on
  // days without a meeting, and the decisions on the items of meetings cancelled (each named).
  const between = [
    ...decisionLines([], record.votesBetween ?? [], true),
    ...(record.cancelledBetween ?? []).flatMap((c) => [m.minutes.cancelledMeeting(when(c.meeting.startsAt)), ...decisionLines(c.conclusions, c.votes, true)]),
  ];
  if (between.length) out.push(`**${m.minutes.decisionsBetween}**\n\n${between.join('\n\n')}`);
  for (const section of record.sections ?? []) out.push(`**${section.title}**\n\n${section.text}`);
  return out.join('\n\n');
}
