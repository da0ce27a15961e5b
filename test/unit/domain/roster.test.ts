import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Board } from '../../../src/domain/kernel/board.js';
import { matchRoster } from '../../../src/domain/roster.js';

const demo = loadBoardFile('config/demo.yaml');
const anne = demo.people[0]!;
// A board person configured with an e-mail only (no aadObjectId).
const emailOnly = { id: 'eva@example.dk', name: 'Eva Ek', email: 'Eva@Example.dk', roles: ['member'] as const, organisationId: 'FOB' };
const board: Board = { ...demo, people: [anne, emailOnly] };
/** The board's tenant, as Teams gives a member's. */
const tenantId = demo.tenantId!;

describe('matchRoster (PRODUCT §1.1)', () => {
  it('finds people by aadObjectId (any case), else by e-mail or sign-in name; others of the team are ignored', () => {
    const matches = matchRoster(board, [
      { id: '29:x', aadObjectId: '99999999-0000-4000-8000-000000000000', email: 'x@example.dk', tenantId },
      { id: '29:anne', aadObjectId: anne.aadObjectId!.toUpperCase(), tenantId },
      { id: '29:eva', aadObjectId: '11111111-0000-4000-8000-000000000000', userPrincipalName: 'eva@example.DK', tenantId },
    ]);
    expect(matches.map((m) => [m.person.id, m.teamsUserId])).toEqual([
      [anne.id, '29:anne'],
      ['eva@example.dk', '29:eva'],
    ]);
  });

  it('an aadObjectId match wins over an e-mail match; nobody on the roster, nobody matched', () => {
    const matches = matchRoster(board, [
      { id: '29:by-mail', email: anne.email!, tenantId },
      { id: '29:by-aad', aadObjectId: anne.aadObjectId!, tenantId },
    ]);
    expect(matches).toEqual([{ person: anne, teamsUserId: '29:by-aad' }]);
    expect(matchRoster(board, [])).toEqual([]);
  });

  it('R19: only members of the board\'s tenant are its people: one with the same object id or e-mail from another tenant (a shared channel\'s guest) is nobody', () => {
    const foreign = '99999999-0000-4000-8000-00000000ffff';
    const matches = matchRoster(board, [
      { id: '29:foreign-anne', aadObjectId: anne.aadObjectId!, tenantId: foreign },
      { id: '29:foreign-eva', email: 'eva@example.dk', tenantId: foreign },
      { id: '29:no-tenant-eva', userPrincipalName: 'eva@example.dk' },
    ]);
    expect(matches).toEqual([]);
    const ours = matchRoster(board, [
      { id: '29:foreign-anne', aadObjectId: anne.aadObjectId!, tenantId: foreign },
      { id: '29:anne', aadObjectId: anne.aadObjectId!, tenantId: tenantId.toUpperCase() },
      { id: '29:foreign-eva', email: 'eva@example.dk', tenantId: foreign },
      { id: '29:eva', email: 'eva@example.dk', tenantId },
    ]);
    expect(ours.map((m) => [m.person.id, m.teamsUserId])).toEqual([
      [anne.id, '29:anne'],
      ['eva@example.dk', '29:eva'],
    ]);
  });

  it('R19: a board naming no tenant (local anonymous mode) matches the members whatever their tenant', () => {
    const { tenantId: _, ...open } = board;
    expect(matchRoster(open, [{ id: '29:anne', aadObjectId: anne.aadObjectId!, tenantId: '99999999-0000-4000-8000-00000000ffff' }, { id: '29:eva', email: 'eva@example.dk' }]).map((m) => m.teamsUserId)).toEqual(['29:anne', '29:eva']);
  });
});
