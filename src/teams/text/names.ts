/** The board's people and organisations in posts: names from the board file, always literal (markdown.ts). */
import { type Board, findOrganisation, nameOfPerson } from '../../domain/kernel/board.js';
import type { Dissent } from '../../domain/conclusion.js';
import { md, mdParagraphs } from './markdown.js';

/** A person's name as Markdown (literal); one who has left the board by the name last known. */
export function personName(board: Board, personId: string | undefined): string {
  if (!personId) return '';
  return md(nameOfPerson(board, personId) ?? personId);
}

/** "Name (ID)" as Markdown (literal). */
export function organisationLabel(board: Board, id: string): string {
  const org = findOrganisation(board, id);
  return org ? `${md(org.name)} (${md(org.id)})` : md(id);
}

/** A dissent on a card: who, then the member's own text in a block of its own, literal (R8). */
export function dissentOnCard(board: Board, by: (name: string, org: string) => string, dissent: Dissent) {
  return { by: by(personName(board, dissent.personId), md(dissent.organisationId)), text: mdParagraphs(dissent.text) };
}
