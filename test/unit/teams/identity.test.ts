import { describe, expect, it } from 'vitest';
import { channelIdOf } from '../../../src/teams/turn/identity.js';

describe('the channel an activity is in', () => {
  it('is the selected channel of a team install, without the thread suffix of a channel message', () => {
    expect(channelIdOf({ conversation: { id: '19:general@thread.tacv2', conversationType: 'channel' } as never, channelData: { team: { id: 'T' }, settings: { selectedChannel: { id: '19:board@thread.tacv2' } } } })).toBe('19:board@thread.tacv2');
    expect(channelIdOf({ conversation: { id: '19:board@thread.tacv2;messageid=123', conversationType: 'channel' } as never })).toBe('19:board@thread.tacv2');
  });

  it('is none in a personal or group chat, whatever channelData says (the playground sends selectedChannel for a 1:1 chat)', () => {
    expect(channelIdOf({ conversation: { id: 'a:1:anne', conversationType: 'personal' } as never, channelData: { settings: { selectedChannel: { id: 'a:1:anne' } } } })).toBeUndefined();
    expect(channelIdOf({ conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat' } as never })).toBeUndefined();
  });
});
