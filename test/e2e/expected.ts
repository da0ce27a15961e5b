/**
 * What the page should show, in the bot's own words: the demo board (config/demo.yaml) and
 * the bot's message catalogue (src/i18n). The integration tests pin the exact wording; the
 * e2e test checks that what the bot says reaches the client and is shown there, so a
 * rewording in the catalogue does not break it. Contract texts (PRODUCT §1.4's outcome line)
 * are written out in the test itself.
 */
import { loadBoardFile } from '../../src/config/board.js';
import { type Organisation, findOrganisation } from '../../src/domain/kernel/board.js';
import { formatDateTime, messages } from '../../src/i18n/index.js';
import { welcomeText } from '../../src/teams/board/text.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

export const board = loadBoardFile(DEMO_CONFIG_PATH);
export const m = messages(board.locale);

/** "mandag den 30. august 2027 kl. 14.00", in the board's time zone. */
export const when = (at: Date | string): string => formatDateTime(new Date(at), board.locale, board.timezone);

export function organisation(id: string): Organisation {
  const org = findOrganisation(board, id);
  if (!org) throw new Error(`config/demo.yaml has no organisation ${id}`);
  return org;
}

/**
 * The lines a person sees of a Markdown text the bot posts: one per paragraph or line, list
 * items without their "- " (the client draws the bullets).
 */
export function visibleLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim().replace(/^[-*] /, ''))
    .filter(Boolean);
}

/** The welcome the bot posts in the channel it binds to, as lines. */
export const welcomeLines = (): string[] => visibleLines(welcomeText(board));

/** Escapes a text for use inside a RegExp. */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
