/**
 * Where the bot may answer (PRODUCT §1.1: "board information is given only in the bound
 * channel and in 1:1 chats with the board's own people"). The one rule for every command
 * and card action; the router asks it before any handler runs.
 */
import type { Activity } from 'botbuilder';
import { channelIdOf } from './identity.js';

/**
 * - `board`: the bound channel, or a 1:1 chat (the person is known to be the board's by then);
 * - `unbound`: a channel or group chat while no channel is bound yet;
 * - `elsewhere`: a group chat, another team's channel, another channel of the board's team.
 */
export type Where = 'board' | 'unbound' | 'elsewhere';

/** `boundChannelId`: the channel the board is bound to, if it is. */
export function whereFrom(activity: Partial<Activity>, boundChannelId: string | undefined): Where {
  if (activity.conversation?.conversationType === 'personal') return 'board';
  const channelId = channelIdOf(activity);
  if (boundChannelId !== undefined && channelId === boundChannelId) return 'board';
  return boundChannelId !== undefined ? 'elsewhere' : 'unbound';
}

/**
 * Outside the board's places only what is answered anywhere is handled (`brug denne kanal`:
 * it is how the chair or the secretary binds or moves the board; it reveals nothing).
 * Everything else, help included, gets a short answer that says where the bot answers and names nobody.
 */
export function answersHere(anywhere: boolean, where: Where): boolean {
  return where === 'board' || anywhere;
}
