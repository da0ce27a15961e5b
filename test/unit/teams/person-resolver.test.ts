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
/** Anne's turn from `tenant` (the board's unless told). */
const turnFrom = (tenant = demoBoard.tenantId) => ({ activity: { from: { id: '29:anne', aadObjectId: 'AAD-ANNE' }, channelData: { tenant: { id: tenant } } } }) as unknown as TurnContext;
const turn = turnFrom();

afterEach(() => vi.useRealTimers());

describe('PersonResolver: a person known by e-mail only', () => {
  it('is found by the e-mail Teams gives, and Teams is asked once', async () => {
    const lookup = vi.fn<MemberLookup>(async () => ({ email: 'anne@example.dk', tenantId: demoBoard.tenantId }));
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
    lookup.mockImplementation(async () => ({ userPrincipalName: 'ANNE@example.dk', tenantId: demoBoard.tenantId!.toUpperCase() }));
    expect((await resolver.resolve(turn))?.id).toBe(first.id);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('R19: is nobody from another tenant, and Teams is not asked: a person is the pair (tenant, id)', async () => {
    const lookup = vi.fn<MemberLookup>(async () => ({ email: 'anne@example.dk' }));
    const resolver = new PersonResolver(board, log, lookup);
    expect(await resolver.resolve(turnFrom('99999999-0000-4000-8000-00000000ffff'))).toBeUndefined();
    expect(lookup).not.toHaveBeenCalled();
    // Nor is someone found by their object id from there.
    const second = demoBoard.people[1]!;
    const byId = { activity: { from: { id: '29:x', aadObjectId: second.aadObjectId }, channelData: { tenant: { id: '99999999-0000-4000-8000-00000000ffff' } } } } as unknown as TurnContext;
    expect(await new PersonResolver(demoBoard, log, lookup).resolve(byId)).toBeUndefined();
    expect((await new PersonResolver(demoBoard, log, lookup).resolve({ activity: { ...byId.activity, channelData: { tenant: { id: demoBoard.tenantId } } } } as unknown as TurnContext))?.id).toBe(second.id);
  });

  it('R19: a member Teams names with the e-mail but of another tenant (a shared channel\'s guest), or of no tenant, is nobody on the board', async () => {
    for (const tenantId of ['99999999-0000-4000-8000-00000000ffff', undefined]) {
      const lookup = vi.fn<MemberLookup>(async () => ({ email: 'anne@example.dk', userPrincipalName: 'anne@example.dk', ...(tenantId ? { tenantId } : {}) }));
      expect(await new PersonResolver(board, log, lookup).resolve(turn), String(tenantId)).toBeUndefined();
      expect(lookup).toHaveBeenCalledTimes(1);
    }
    // A board naming no tenant (local anonymous mode): the e-mail is enough.
    const { tenantId: _, ...open } = board;
    const anyTenant = vi.fn<MemberLookup>(async () => ({ email: 'anne@example.dk', tenantId: '99999999-0000-4000-8000-00000000ffff' }));
    const anonymous = { activity: { from: { id: '29:anne', aadObjectId: 'AAD-ANNE' } } } as unknown as TurnContext;
    expect((await new PersonResolver(open as Board, log, anyTenant).resolve(anonymous))?.id).toBe(first.id);
  });
});
