/** `anmod om ekstraordinaert moede <emne>` (R11): any member asks; the card goes to the channel. */
import { startPetition } from '../../usecases/petitions.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal } from '../turn/reply.js';

export async function petitionCommand(turn: Turn, args: { readonly subject: string }): Promise<Reply> {
  const result = await startPetition(turn.deps, turn.origin, args.subject);
  if (!result.ok) return refusal(result.reason, result.reason === 'empty-subject' ? 'petition' : undefined);
  return nothing;
}
