/** `hjaelp`, `bestyrelse`, `brug denne kanal` (PRODUCT §1.1, §1.8): the board itself. */
import { bindChannel } from '../../usecases/binding.js';
import { type CommandSpec, command, noArgs } from '../commands/table.js';
import type { Turn } from '../turn/context.js';
import { type Reply, refusal, say } from '../turn/reply.js';
import { boardText } from './text.js';

/** `brug denne kanal [<board-id>]`: the board id, lowercased (R19: it picks the board; routes.ts). */
const bindArgs = (rest: string): { boardId?: string } => {
  const id = rest.trim().split(/\s+/)[0];
  return id ? { boardId: id.toLowerCase() } : {};
};

async function bindCommand(turn: Turn): Promise<Reply> {
  // In a channel only: a chat is not where the board meets.
  if (!turn.bindRequest) return refusal('channel-only');
  const result = await bindChannel(turn.deps, { ...turn.origin, actor: turn.person }, turn.bindRequest);
  if (!result.ok) return refusal(result.reason);
  return say(result.value === 'unchanged' ? turn.m.bind.alreadyBound : turn.m.bind.rebound);
}

export const boardCommands: readonly CommandSpec[] = [
  command({ name: 'help', action: 'board.read', group: 'lookup', args: noArgs, manifest: { order: 1, personal: true }, handle: async (turn) => say(turn.help()) }),
  command({ name: 'board', action: 'board.read', group: 'lookup', args: noArgs, manifest: { order: 2, personal: true }, handle: async (turn) => say(boardText(turn.origin.board, turn.person)) }),
  command({ name: 'bind', action: 'board.bind', group: 'meetings', args: bindArgs, anywhere: true, manifest: { order: 6 }, handle: bindCommand }),
];
