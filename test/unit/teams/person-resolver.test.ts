/**
 * Who a person configured with an e-mail only is: Teams is asked once (TeamsInfo.getMember),
 * and a turn waits for it at most MEMBER_LOOKUP_TIMEOUT_MS (a Bot Connector that does not
 * answer used to hold the turn, and Teams' request, for minutes).
 */
import type { TurnContext } from 'botbuilder';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '../../../src/domain/kernel/board.js';
import { MEMBER_LOOKUP_TIMEOUT_MS, type MemberLookup, PersonResolver } from '../../../src/teams/turn/person-resolver.js';
import { demoBoard } from '../../support/usecase-deps.js';

const log = pino({ level: 'silent' });
const first = demoBoard.people[0]!;
/** The demo board with its first person known by e-mail only. */
const board: Board = { ...demoBoard, people: [{ ...first, aadObjectId: undefined, email: 'Anne@Example.dk' }, ...demoBoard.people.slice(1)] } as Board;
const turn = { activity: { from: { id: '29:anne', aadObjectId: 'AAD-ANNE' } } } as unknown as TurnContext;

afterEach(() => vi.useRealTimers());

describe('PersonResolver: a person known by e-mail only', () => {
  it('is found by the e-mail Teams gives, and Teams is asked once', async () => {
    const lookup = vi.fn<MemberLookup>(async () => ({ email: 'anne@example.dk' }));
    const resolver = new PersonResolver(board, log, lookup);
    expect((await resolver.resolve(turn))?.id).toBe(first.id);
    expect((await resolver.resolve(turn))?.id).toBe(first.id);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('is given up after MEMBER_LOOKUP_TIMEOUT_MS when Teams does not answer, and asked for again on the next turn', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lookup = vi.fn<MemberLookup>(() => new Promise(() => undefined));
    const resolver = new PersonResolver(board, log, lookup);
    let settled = false;
    const found = resolver.resolve(turn).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(MEMBER_LOOKUP_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await found).toBeUndefined();
    lookup.mockImplementation(async () => ({ userPrincipalName: 'ANNE@example.dk' }));
    expect((await resolver.resolve(turn))?.id).toBe(first.id);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

});
