/** How commands read a board person's name (`opgave`, `deltager`, `fjern deltager`): one rule, in domain/kernel/board.ts. */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { type Person, personByName } from '../../../src/domain/kernel/board.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';

const board = loadBoardFile(DEMO_CONFIG_PATH);
const who = (first: string): Person => board.people.find((p) => p.name.startsWith(first))!;
const named = (text: string, on = board) => {
  const found = personByName(on, text);
  return found.kind === 'person' ? found.person.name : found.kind === 'ambiguous' ? found.people.map((p) => p.name) : undefined;
};

describe('a board person by name', () => {
  it('finds the whole name in any case and spacing, with the Danish letters or without them', () => {
    expect(named('Søren Skov')).toBe('Søren Skov');
    expect(named('  søren   SKOV ')).toBe('Søren Skov');
    expect(named('Soeren Skov')).toBe('Søren Skov');
    expect(named('Soren Skov')).toBe('Søren Skov');
    expect(named('Mette Moller')).toBe('Mette Møller');
    expect(named('Karsten Kjaer')).toBe('Karsten Kjær');
    expect(named('Gustav Gron')).toBe('Gustav Grøn');
  });

  it('finds a first name no one else on the board has, also without the Danish letters', () => {
    expect(named('Mette')).toBe('Mette Møller');
    expect(named('soren')).toBe('Søren Skov');
    expect(named('SOEREN')).toBe('Søren Skov');
  });

  it('names everyone a shared first name fits; the whole name still finds one of them', () => {
    const twoMettes = { ...board, people: [...board.people, { ...who('Mette'), id: 'mette-2', name: 'Mette Madsen' }] };
    expect(named('Mette', twoMettes)).toEqual(['Mette Møller', 'Mette Madsen']);
    expect(named('mette madsen', twoMettes)).toBe('Mette Madsen');
  });

  it('prefers the spelling written exactly over a looser reading of it', () => {
    const boAndBoe = { ...board, people: [...board.people, { ...who('Lars'), id: 'bo', name: 'Bo Berg' }, { ...who('Lars'), id: 'boe', name: 'Bø Berg' }] };
    expect(named('Bo Berg', boAndBoe)).toBe('Bo Berg');
    expect(named('Bø Berg', boAndBoe)).toBe('Bø Berg');
    expect(named('Boe Berg', boAndBoe)).toBe('Bø Berg');
  });

  it('finds nobody for a name that is no one on the board, or none', () => {
    expect(named('Ekstern Konsulent')).toBeUndefined();
    expect(named('Skov')).toBeUndefined();
    expect(named('   ')).toBeUndefined();
  });
});
