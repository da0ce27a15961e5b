/** The minutes as Markdown (R16), in the board's language, from the record. */
import { type Board, findPerson } from '../domain/board.js';
import type { MinutesRecord, VoteRecord } from '../domain/minutes.js';
import { formatDateTime, formatList, messages } from '../i18n/index.js';
import { itemTitle } from './cards/agenda-card.js';
import { organisationLabel } from './cards/vote-card.js';

const nameOf = (board: Board, id: string) => findPerson(board, id)?.name ?? id;

function voteLines(board: Board, vote: VoteRecord): string[] {
  const m = messages(board.locale);
  const { motion, tally, ballots, dissents } = vote;
  const lines = [m.minutes.vote(motion.text)];
  if (!motion.closedAt) {
    lines.push(m.minutes.voteOpen);
  } else {
    lines.push(m.outcome.line(tally.adopted, tally.for, tally.against, tally.abstain));
    const byOrg = new Map(ballots.map((b) => [b.organisationId, b]));
    for (const orgId of motion.organisationIds) {
      const b = byOrg.get(orgId);
      if (b) lines.push(m.minutes.orgVote(organisationLabel(board, orgId), m.choiceWord[b.choice], nameOf(board, b.castBy)));
    }
    if (tally.notVoted.length) lines.push(m.minutes.notVoted(tally.notVoted.map((o) => organisationLabel(board, o)).join(', ')));
  }
  for (const d of dissents) lines.push(m.minutes.dissent(nameOf(board, d.personId), d.organisationId, d.text));
  return lines;
}

export function minutesMarkdown(board: Board, record: MinutesRecord): string {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const { meeting } = record;
  const out: string[] = [`**${m.minutes.heading(m.meeting.kind[meeting.kind], when(meeting.startsAt))}**`, board.name];
  if (meeting.subject) out.push(m.meeting.subject(meeting.subject));
  if (meeting.agendaLate && meeting.agendaSentAt) out.push(m.minutes.lateAgenda(when(meeting.agendaSentAt)));

  const attendance = [];
  if (record.organisations.length) attendance.push(m.minutes.organisations(formatList(record.organisations.map((o) => organisationLabel(board, o)), board.locale)));
  if (record.people.length) attendance.push(m.minutes.people(formatList(record.people.map((id) => nameOf(board, id)), board.locale)));
  if (record.otherAttendees.length) attendance.push(m.minutes.others(formatList(record.otherAttendees, board.locale)));
  out.push(`**${m.minutes.attendance}**\n\n${attendance.length ? attendance.join('\n\n') : m.minutes.nobody}`);

  for (const { item, conclusions, votes } of record.items) {
    const lines: string[] = [];
    for (const { conclusion, objections, dissents } of conclusions) {
      lines.push(m.minutes.conclusion(conclusion.text));
      if (conclusion.status === 'decided') lines.push(m.minutes.decided);
      else if (conclusion.status === 'voted') lines.push(m.minutes.sentToVote);
      else if (conclusion.status === 'open') lines.push(m.minutes.pending);
      if (objections.length) lines.push(m.minutes.objected(formatList(objections.map((o) => `${nameOf(board, o.personId)} (${o.organisationId})`), board.locale)));
      for (const d of dissents) lines.push(m.minutes.dissent(nameOf(board, d.personId), d.organisationId, d.text));
    }
    for (const vote of votes) lines.push(...voteLines(board, vote));
    out.push(`**${item.number}. ${itemTitle(board, item)}** (${m.agenda.kind[item.kind]})\n\n${lines.length ? lines.join('\n\n') : m.minutes.nothing}`);
  }
  if (record.otherVotes.length) {
    out.push(`**${m.minutes.otherVotes}**\n\n${record.otherVotes.flatMap((v) => voteLines(board, v)).join('\n\n')}`);
  }
  return out.join('\n\n');
}
