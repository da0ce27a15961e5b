/** An English board file (Europe/London by default) and a directory with it beside the demo board: for tests of an English board and of two boards. `mk`: the usual say/tell helpers on a harness. */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { people, channelMessage, type ChannelAccount } from './activities.js';
import type { Harness } from './app-harness.js';
import { ask } from './conversation.js';
import { literal } from './markdown.js';
import { DEMO_CONFIG_PATH } from './paths.js';

export const ENGLISH = (tz = 'Europe/London', extra = '') => `
board:
  id: forum
  name: Housing Forum
  locale: en
  timezone: ${tz}
  tenantId: 00000000-0000-4000-8000-0000000000d0
${extra}
organisations:
  - { id: A, name: Alpha Housing }
  - { id: B, name: Beta Homes }
  - { id: C, name: Gamma Council }
people:
  - { name: Anne Andersen, aadObjectId: ${people.anne.aadObjectId}, organisation: A, roles: [member, chair] }
  - { name: Birgitte Bach, aadObjectId: ${people.birgitte.aadObjectId}, organisation: B, roles: [member] }
  - { name: Lars Lund, aadObjectId: ${people.lars.aadObjectId}, organisation: C, roles: [member] }
  - { name: Pia Poulsen, aadObjectId: ${people.pia.aadObjectId}, roles: [secretary] }
`;

export function englishFile(tz?: string, extra?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'english-board-'));
  const file = join(dir, 'forum.yaml');
  writeFileSync(file, ENGLISH(tz, extra));
  return file;
}

export function twoBoardsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'two-boards-'));
  writeFileSync(join(dir, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('board:\n', 'board:\n  id: slagelse\n'));
  writeFileSync(join(dir, 'forum.yaml'), ENGLISH());
  return dir;
}

export const mk = (h: Harness) => ({
  say: async (who: ChannelAccount, text: string, conversationId?: string) =>
    literal(h.connector.textOf(await ask(h, h.connector, who, text, conversationId ? { conversationId } : {}))),
  tell: async (who: ChannelAccount, text: string, conversationId?: string) =>
    void (await h.send(channelMessage(h.connector.url, who, text, conversationId ? { conversationId } : {}))),
  all: () => [...h.connector.posts(), ...h.connector.updates()].map((p) => literal(h.connector.textOf(p))),
  dump: (since = 0) => h.connector.posts().slice(since).map((p) => `[${p.conversationId}] ${literal(h.connector.textOf(p))}`).join('\n-----\n'),
});
