import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, parseCommand } from '../../../src/teams/commands/parse.js';

describe('parsing commands', () => {
  it('reads the Danish commands and their English aliases', () => {
    expect(parseCommand('hjælp')).toEqual({ name: 'help' });
    expect(parseCommand('help')).toEqual({ name: 'help' });
    expect(parseCommand('bestyrelse')).toEqual({ name: 'board' });
    expect(parseCommand('board')).toEqual({ name: 'board' });
    expect(parseCommand('brug denne kanal')).toEqual({ name: 'bind' });
    expect(parseCommand('use this channel')).toEqual({ name: 'bind' });
    expect(parseCommand('afstemning Budgettet for 2027 godkendes')).toEqual({ name: 'vote', motion: 'Budgettet for 2027 godkendes' });
    expect(parseCommand('vote Approve the budget')).toEqual({ name: 'vote', motion: 'Approve the budget' });
    expect(parseCommand('afstemning 3')).toEqual({ name: 'vote', itemNumber: 3 });
  });

  it('is case-insensitive and accepts commands without Danish letters', () => {
    expect(parseCommand('HJÆLP')).toEqual({ name: 'help' });
    expect(parseCommand('hjaelp')).toEqual({ name: 'help' });
    expect(parseCommand('Hjælp!')).toEqual({ name: 'help' });
    expect(parseCommand('AFSTEMNING Æblerne fordeles')).toEqual({ name: 'vote', motion: 'Æblerne fordeles' });
  });

  it('strips the mention and Teams HTML', () => {
    expect(cleanText('<at>Bestyrelsesbot</at>&nbsp;afstemning <p>Ny  plan</p>')).toBe('afstemning Ny plan');
    expect(parseCommand('<at>Bestyrelsesbot</at> hjælp')).toEqual({ name: 'help' });
  });

  it('keeps the motion text as written, with Danish letters', () => {
    expect(parseCommand('afstemning Økonomien for Skælskør og Korsør godkendes')).toEqual({
      name: 'vote',
      motion: 'Økonomien for Skælskør og Korsør godkendes',
    });
  });

  it('reports what it did not understand', () => {
    expect(parseCommand('hej med dig')).toEqual({ name: 'unknown', text: 'hej med dig' });
    expect(parseCommand('   ')).toEqual({ name: 'empty' });
    expect(parseCommand('afstemning')).toEqual({ name: 'vote', motion: '' });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseCommand(text)).not.toThrow();
      }),
    );
  });
});
