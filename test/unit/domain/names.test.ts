/** How commands read a board person's name (`opgave`, `deltager`, `fjern deltager`): one rule, in domain/kernel/board.ts; what `deltager` and `fjern deltager` make of it. */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { type Person, personByName } from '../../../src/domain/kernel/board.js';
import { type Attendee, attendeeNamed, recordedAs, recordedAttendee } from '../../../src/domain/minutes.js';
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

describe('the attendee a name means (R16)', () => {
  const at = { meetingId: 'm', by: who('Pia'), now: new Date('2027-06-10T12:00:00Z') };
  const base = { meetingId: 'm', addedBy: who('Pia').id, addedAt: at.now };

  it('deltager records the board person a name points to, else someone from outside under the name as written', () => {
    // With the organisation she votes for, kept for the minutes.
    expect(attendeeNamed(board, 'mette', at)).toEqual({ ok: true, value: { ...base, name: 'Mette Møller', personId: who('Mette').id, organisationId: 'SBS' } });
    expect(attendeeNamed(board, 'Ekstern  Konsulent', at)).toEqual({ ok: true, value: { ...base, name: 'Ekstern Konsulent' } });
    const twoMettes = { ...board, people: [...board.people, { ...who('Mette'), id: 'mette-2', name: 'Mette Madsen' }] };
    expect(attendeeNamed(twoMettes, 'Mette', at)).toEqual({ ok: false, reason: 'ambiguous-name' });
  });

  it('someone is recorded once: the same person, or the same outside name however written', () => {
    const recorded: Attendee[] = [{ ...base, name: 'Søren Skov', personId: who('Søren').id }, { ...base, name: 'Ekstern Konsulent' }];
    expect(recordedAs(recorded, { ...base, name: 'Søren Skov', personId: who('Søren').id })).toBe(recorded[0]);
    expect(recordedAs(recorded, { ...base, name: 'ekstern konsulent' })).toBe(recorded[1]);
    expect(recordedAs(recorded, { ...base, name: 'Søren Skov' })).toBeUndefined();
  });

  it('fjern deltager finds a name recorded as written first (an outside name, from before names were read so), else the board person', () => {
    const mette: Attendee = { ...base, name: 'Mette Møller', personId: who('Mette').id };
    const written: Attendee = { ...base, name: 'Mette' };
    expect(recordedAttendee(board, [mette, written], 'mette')).toEqual({ ok: true, value: written });
    expect(recordedAttendee(board, [mette], 'mette')).toEqual({ ok: true, value: mette });
    expect(recordedAttendee(board, [mette], 'Mette Moller')).toEqual({ ok: true, value: mette });
    expect(recordedAttendee(board, [mette], 'Lars')).toEqual({ ok: true, value: undefined });
  });
});
