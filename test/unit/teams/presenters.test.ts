import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { COMMANDS } from '../../../src/features.js';
import { boardText, welcomeText } from '../../../src/teams/board/text.js';

const helpText = COMMANDS.help;

const board = loadBoardFile('config/demo.yaml');
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;

describe('help for each role (PRODUCT §1.8: commands for your role)', () => {
  it('R2: the chair sees how to open votes, conclude and prepare meetings', () => {
    const text = helpText(board, person(1));
    for (const word of ['»afstemning <forslag>«', '»konklusion <punktnr> <tekst>«', '»møde <dato> <tid>«', '»mødedatoer <år>«', '»brug denne kanal [bestyrelsens id]«']) expect(text).toContain(word);
    // R16: she reads the minutes (»referat«), the secretary writes them.
    expect(text).toContain('»referat [dato]«');
    expect(text).not.toContain('»ret referat');
  });

  it('R3: the secretary sees the minutes and the preparation, and that she does not vote', () => {
    const text = helpText(board, person(8));
    for (const word of ['»referat [dato]«', '»ret referat [dato] <tekst>«', '»deltager [dato] <navn>«', '»punkt [dato] <titel>', '»fjern deltager [dato] <navn>«', 'Som sekretær stemmer du ikke.']) expect(text).toContain(word);
    expect(text).not.toContain('»afstemning <forslag>«');
    expect(text).not.toContain('Stem med knapperne');
  });

  it('R1, R4: a member sees voting and petitions; a guest sees that guests do not vote', () => {
    const member = helpText(board, person(4));
    expect(member).toContain('Stem med knapperne For, Imod og Undlader');
    expect(member).toContain('»anmod om ekstraordinært møde <emne>«');
    expect(member).not.toContain('»møde <dato> <tid>«');
    expect(helpText(board, person(9))).toContain('Som gæst kan du følge med, men ikke stemme.');
  });

  it('the welcome and the board overview name the organisations and the chair', () => {
    expect(welcomeText(board)).toContain('Formandskab: Anne Andersen (FOB) og Karsten Kjær (KOM).');
    expect(boardText(board)).toContain('SB – Slagelse Boligselskab: Birgitte Bach og Søren Skov');
  });

  it('R1: the overview counts the organisations of the board it is about', () => {
    expect(boardText(board)).toContain('Organisationer (én stemme hver, i alt seks):');
    const five = { ...board, organisations: board.organisations.slice(0, 5) };
    expect(boardText(five)).toContain('Organisationer (én stemme hver, i alt fem):');
    expect(boardText({ ...five, locale: 'en' })).toContain('Organisations (one vote each, five in all):');
  });
});
