import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Board } from '../../../src/domain/kernel/board.js';
import { matchRoster } from '../../../src/domain/roster.js';

const demo = loadBoardFile('config/demo.yaml');
const anne = demo.people[0]!;
// A board person configured with an e-mail only (no aadObjectId).
const emailOnly = { id: 'eva@example.dk', name: 'Eva Ek', email: 'Eva@Example.dk', roles: ['member'] as const, organisationId: 'FOB' };
const board: Board = { ...demo, people: [anne, emailOnly] };

describe('matchRoster (PRODUCT §1.1)', () => {
  it('finds people by aadObjectId (any case), else by e-mail or sign-in name; others of the team are ignored', () => {
    const matches = matchRoster(board, [
      { id: '29:x', aadObjectId: '99999999-0000-4000-8000-000000000000', email: 'x@example.dk' },
      { id: '29:anne', aadObjectId: anne.aadObjectId!.toUpperCase() },
      { id: '29:eva', aadObjectId: '11111111-0000-4000-8000-000000000000', userPrincipalName: 'eva@example.DK' },
    ]);
    expect(matches.map((m) => [m.person.id, m.teamsUserId])).toEqual([
      [anne.id, '29:anne'],
      ['eva@example.dk', '29:eva'],
    ]);
  });

  it('an aadObjectId match wins over an e-mail match; nobody on the roster, nobody matched', () => {
    const matches = matchRoster(board, [
      { id: '29:by-mail', email: anne.email! },
      { id: '29:by-aad', aadObjectId: anne.aadObjectId! },
    ]);
    expect(matches).toEqual([{ person: anne, teamsUserId: '29:by-aad' }]);
    expect(matchRoster(board, [])).toEqual([]);
  });
});
