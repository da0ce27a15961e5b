/** Text answers built from the board and the i18n catalogue; names from the board file are literal. */
import { type Board, type Person, chairs, hasRole, membersOf, secretaries } from '../../domain/kernel/board.js';
import { absoluteMajority } from '../../domain/voting.js';
import { countWord, formatList, messages } from '../../i18n/index.js';
import { md } from '../text/markdown.js';

const names = (people: readonly Person[]) => people.map((p) => md(p.name));

export function welcomeText(board: Board): string {
  const m = messages(board.locale);
  const orgLines = board.organisations.map((o) => `- ${md(o.name)} (${md(o.id)})`);
  const chairNames = chairs(board).map((p) => {
    const org = board.organisations.find((o) => o.id === p.organisationId);
    return org ? `${md(p.name)} (${md(org.id)})` : md(p.name);
  });
  const lines = [m.bind.welcome(md(board.name)), [m.bind.organisations, ...orgLines].join('\n'), m.bind.chairedBy(formatList(chairNames, board.locale))];
  const sec = secretaries(board);
  if (sec.length) lines.push(m.bind.secretary(formatList(names(sec), board.locale)));
  lines.push(m.bind.helpHint);
  return lines.join('\n\n');
}

function roleLabel(board: Board, person: Person): string {
  const m = messages(board.locale);
  return formatList(person.roles.map((r) => m.roles[r]), board.locale);
}

export function boardText(board: Board, asker?: Person): string {
  const m = messages(board.locale);
  const orgLines = board.organisations.map((o) => {
    const people = membersOf(board, o.id);
    return `- ${m.board.organisationLine(md(o.id), md(o.name), people.length ? formatList(names(people), board.locale) : m.board.nobody)}`;
  });
  const lines = [`**${m.board.heading(md(board.name))}**`, [m.board.organisations(countWord(board.organisations.length, board.locale)), ...orgLines].join('\n'), m.board.chair(formatList(names(chairs(board)), board.locale))];
  const sec = secretaries(board);
  if (sec.length) lines.push(m.board.secretary(formatList(names(sec), board.locale)));
  const guests = board.people.filter((p) => hasRole(p, 'guest'));
  if (guests.length) lines.push(m.board.guests(formatList(names(guests), board.locale)));
  const total = board.organisations.length;
  lines.push(board.policies.majority === 'absolute' ? m.board.majority.absolute(absoluteMajority(total), total) : m.board.majority.simple);
  if (asker) lines.push(m.board.you(md(asker.name), roleLabel(board, asker)));
  return lines.join('\n\n');
}
