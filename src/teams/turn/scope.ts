/**
 * Where the bot may answer (PRODUCT §1.1: "board information is given only in the bound
 * channel and in 1:1 chats with the board's own people"). The one rule for every command
 * and card action; the router asks it before any handler runs.
 */
import type { Activity } from 'botbuilder';
import type { Command } from '../commands/parse.js';
import { channelIdOf } from './identity.js';
import type { Verb } from '../verbs.js';

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

export type Asked = { readonly command: Command['name'] } | { readonly verb: Verb };

/**
 * Outside the board's places only `brug denne kanal` is handled (it is how the chair or
 * the secretary binds or moves the board; it reveals nothing). Everything else, help
 * included, gets a short answer that says where the bot answers and names nobody.
 */
export function answersHere(asked: Asked, where: Where): boolean {
  if (where === 'board') return true;
  return 'command' in asked && asked.command === 'bind';
}
