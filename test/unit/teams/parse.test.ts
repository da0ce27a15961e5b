import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand } from '../../../src/features.js';
import { cleanText, richText } from '../../../src/teams/commands/text.js';
import { leadingDate, splitDateTime } from '../../../src/teams/commands/arguments.js';
import { relativeDate } from '../../../src/domain/kernel/calendar.js';
import { concludeArgs } from '../../../src/teams/conclusions/commands.js';

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
    // PRODUCT §4, as typed: "&lt;b&gt; og &amp;amp;" arrives encoded once more, and is read back to what was typed.
    expect(cleanText('afstemning Skriv &amp;lt;b&amp;gt; og &amp;amp;amp; i HTML')).toBe('afstemning Skriv &lt;b&gt; og &amp;amp; i HTML');
    expect(cleanText('afstemning &lt;b&gt; &amp; co')).toBe('afstemning <b> & co');
    expect(parseCommand('<at>Bestyrelsesbot</at> hjælp')).toEqual({ name: 'help' });
  });

  it('keeps the name of a person @mentioned in a command (»deltager @Lars Lund«); drops the bot\'s @mention before the command', () => {
    expect(cleanText('deltager <at>Lars Lund</at>')).toBe('deltager Lars Lund');
    expect(cleanText('opgave 01-04-2027 <at>Birgitte Bach</at>: Udarbejde notat')).toBe('opgave 01-04-2027 Birgitte Bach: Udarbejde notat');
    expect(cleanText('<at>Bestyrelsesbot</at> deltager <at>Lars Lund</at>')).toBe('deltager Lars Lund');
    expect(richText('<at>Bestyrelsesbot</at> konklusion 3 Bestyrelsen beder <at>Pia Poulsen</at> om et notat.')).toBe('konklusion 3 Bestyrelsen beder Pia Poulsen om et notat.');
  });

  it('reads a command copied with the quotation marks around it: »…«, «…», "…", „…“, “…”', () => {
    for (const [open, close] of [['»', '«'], ['«', '»'], ['"', '"'], ['„', '“'], ['“', '”']] as const) {
      expect(parseCommand(`${open}hjælp${close}`)).toEqual({ name: 'help' });
      expect(parseCommand(`<at>Bestyrelsesbot</at> ${open}brug denne kanal${close}`)).toEqual({ name: 'bind' });
      expect(parseCommand(`${open}<at>Bestyrelsesbot</at> brug denne kanal${close}`)).toEqual({ name: 'bind' });
    }
    // Marks inside the text are the user's own and stay.
    expect(parseCommand('afstemning »Plan B« vedtages')).toEqual({ name: 'vote', motion: '»Plan B« vedtages' });
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

describe('spellings without Danish letters (PRODUCT §1)', () => {
  it('reads ø as ø, o or oe, and å as å, a or aa, without breaking other words', () => {
    for (const text of ['mødedatoer 2028', 'modedatoer 2028', 'moededatoer 2028', 'MØDEDATOER 2028']) {
      expect(parseCommand(text), text).toEqual({ name: 'plan-dates', yearText: '2028' });
    }
    for (const text of ['møde 10/12 14:00', 'mode 10/12 14:00', 'moede 10/12 14:00']) {
      expect(parseCommand(text), text).toEqual({ name: 'meeting', args: '10/12 14:00' });
    }
    expect(parseCommand('møder')).toEqual({ name: 'meetings' });
    expect(parseCommand('moeder')).toEqual({ name: 'meetings' });
    expect(parseCommand('ekstraordinaert mode 10/12 14 Budget')).toEqual({ name: 'extraordinary', args: '10/12 14 Budget' });
    expect(parseCommand('punkt Ny plan drøftelse')).toEqual({ name: 'item', title: 'Ny plan', kind: 'discussion' });
    expect(parseCommand('punkt Ny plan droeftelse')).toEqual({ name: 'item', title: 'Ny plan', kind: 'discussion' });
    expect(parseCommand('aflys møde 10/12')).toEqual({ name: 'cancel-meeting', dateText: '10/12' });
    expect(parseCommand('anmod om ekstraordinaert moede Budget')).toEqual({ name: 'petition', subject: 'Budget' });
  });
});

describe('every command the help names is one the bot reads', () => {
  it('hjælp and help list only commands that parse', () => {
    for (const locale of ['da', 'en'] as const) {
      for (const line of COMMANDS.usageLines(locale)) {
        const quoted = /^[»"]([^«"]+)[«"]/.exec(line)?.[1];
        expect(quoted, line).toBeDefined();
        const example = quoted!.replace(/<[^>]+>|\[[^\]]+\]/g, '1').replace(/\s+/g, ' ').trim();
        expect(parseCommand(example).name, `${line} → ${example}`).not.toBe('unknown');
      }
    }
  });
});

describe('the date and time of `møde` and `ekstraordinært møde` (PRODUCT §1.2, §4)', () => {
  it('R9, R11: a word after the date that starts like a time is the time, read or not; any other word begins the place or subject', () => {
    expect(splitDateTime('10/12 14:00 Rådhuset')).toEqual({ dateText: '10/12', timeText: '14:00', rest: 'Rådhuset' });
    expect(splitDateTime('10/12 kl. 14 Budget')).toEqual({ dateText: '10/12', timeText: 'kl. 14', rest: 'Budget' });
    expect(splitDateTime('10/12 kl 15')).toEqual({ dateText: '10/12', timeText: 'kl 15', rest: '' });
    expect(splitDateTime('10/12 kl.16 Budget')).toEqual({ dateText: '10/12', timeText: 'kl.16', rest: 'Budget' });
    // Mistyped: still the time, so that it is refused rather than taken for the place.
    expect(splitDateTime('10/12 15h')).toEqual({ dateText: '10/12', timeText: '15h', rest: '' });
    expect(splitDateTime('10/12 15,30 Budget')).toEqual({ dateText: '10/12', timeText: '15,30', rest: 'Budget' });
    expect(splitDateTime('10/12 kl. 15h')).toEqual({ dateText: '10/12', timeText: 'kl. 15h', rest: '' });
    expect(splitDateTime('10/12 kl')).toEqual({ dateText: '10/12', timeText: 'kl', rest: '' });
    // An hour and its minutes apart: one time (refused), not 15.00 in a place called "30".
    expect(splitDateTime('10/12 15 30')).toEqual({ dateText: '10/12', timeText: '15 30', rest: '' });
    expect(splitDateTime('10/12 kl. 15 30 Rådhuset')).toEqual({ dateText: '10/12', timeText: 'kl. 15 30', rest: 'Rådhuset' });
    expect(splitDateTime('10/12 14:00 30 Rådhuset')).toEqual({ dateText: '10/12', timeText: '14:00', rest: '30 Rådhuset' });
    expect(splitDateTime('10/12 14 Lokale 2')).toEqual({ dateText: '10/12', timeText: '14', rest: 'Lokale 2' });
    // No time: the rest is the rest (the use case refuses the missing time).
    expect(splitDateTime('10/12 Klubhuset')).toEqual({ dateText: '10/12', rest: 'Klubhuset' });
    // English: "at" as kl., and am/pm after the time, whole (never the place or the subject).
    expect(splitDateTime('11-12-2026 2:30 PM Library')).toEqual({ dateText: '11-12-2026', timeText: '2:30 PM', rest: 'Library' });
    expect(splitDateTime('13-12-2026 2:00 pm Roof')).toEqual({ dateText: '13-12-2026', timeText: '2:00 pm', rest: 'Roof' });
    expect(splitDateTime('12-12-2026 11 a.m. Library')).toEqual({ dateText: '12-12-2026', timeText: '11 a.m.', rest: 'Library' });
    expect(splitDateTime('10-12-2026 at 14:00 Town hall')).toEqual({ dateText: '10-12-2026', timeText: 'at 14:00', rest: 'Town hall' });
    expect(splitDateTime('17/12 at 14')).toEqual({ dateText: '17/12', timeText: 'at 14', rest: '' });
    expect(splitDateTime('17/12 at 2 pm')).toEqual({ dateText: '17/12', timeText: 'at 2 pm', rest: '' });
    expect(splitDateTime('17/12 at the town hall')).toEqual({ dateText: '17/12', rest: 'at the town hall' });
    expect(splitDateTime('11-12-2026 at 15 30 Rådhuset')).toEqual({ dateText: '11-12-2026', timeText: 'at 15 30', rest: 'Rådhuset' });
    expect(splitDateTime('10/12')).toEqual({ dateText: '10/12', rest: '' });
  });
});

describe('the dates and times of `flyt møde` and `aflys møde` (R9)', () => {
  it('R9: after a date, a time as møde reads it: a word that starts like one is the time, read or refused as one', () => {
    expect(parseCommand('flyt møde 10-12-2026 at 14 til 11-12-2026 2 pm')).toEqual({ name: 'move-meeting', from: { dateText: '10-12-2026', timeText: 'at 14' }, to: { dateText: '11-12-2026', timeText: '2 pm' } });
    expect(parseCommand('flyt møde 10-12-2026 til 11-12-2026 14')).toEqual({ name: 'move-meeting', from: { dateText: '10-12-2026' }, to: { dateText: '11-12-2026', timeText: '14' } });
    expect(parseCommand('aflys møde 10-12-2026 kl.14')).toEqual({ name: 'cancel-meeting', dateText: '10-12-2026', timeText: 'kl.14' });
    expect(parseCommand('aflys møde 10-12-2026 15 30')).toEqual({ name: 'cancel-meeting', dateText: '10-12-2026', timeText: '15 30' });
    // Words that are no time are not taken; no date after »til« is no new date.
    expect(parseCommand('aflys møde 10-12-2026 pga. sygdom')).toEqual({ name: 'cancel-meeting', dateText: '10-12-2026', unread: 'pga. sygdom' });
    expect(parseCommand('flyt møde 10-12-2026 til kl. 16')).toEqual({ name: 'move-meeting', from: { dateText: '10-12-2026' }, to: {} });
  });
});

describe('a meeting named by its date and time: `[dato [tid]]` (PRODUCT §1.2–§1.5)', () => {
  it('after a date, a word that reads as a time (14:00, 14.00, kl. 14, kl 14, kl.14) names one of the day\'s meetings', () => {
    expect(parseCommand('punkt 20-11-2026 15:00 Budget')).toEqual({ name: 'item', title: 'Budget', dateText: '20-11-2026', timeText: '15:00' });
    expect(parseCommand('punkt 20-11-2026 15.00 Budget beslutning')).toEqual({ name: 'item', title: 'Budget', kind: 'decision', dateText: '20-11-2026', timeText: '15.00' });
    expect(parseCommand('punkt 20-11-2026 kl. 15 Budget')).toEqual({ name: 'item', title: 'Budget', dateText: '20-11-2026', timeText: 'kl. 15' });
    expect(parseCommand('punkt 20-11-2026 kl 15 Budget')).toEqual({ name: 'item', title: 'Budget', dateText: '20-11-2026', timeText: 'kl 15' });
    expect(parseCommand('punkt 20-11-2026 kl.15 Budget')).toEqual({ name: 'item', title: 'Budget', dateText: '20-11-2026', timeText: 'kl.15' });
    expect(parseCommand('afstemning 20-11-2026 15:00 5')).toEqual({ name: 'vote', itemNumber: 5, dateText: '20-11-2026', timeText: '15:00' });
    expect(parseCommand('genoptag 20-11-2026 kl. 15 5')).toEqual({ name: 'reopen', number: 5, dateText: '20-11-2026', timeText: 'kl. 15' });
    expect(parseCommand('aflys møde 20-11-2026 kl. 15')).toEqual({ name: 'cancel-meeting', dateText: '20-11-2026', timeText: 'kl. 15' });
    expect(parseCommand('dagsorden 20-11-2026 15:00')).toEqual({ name: 'agenda', dateText: '20-11-2026', timeText: '15:00' });
    expect(parseCommand('referat 20-11-2026 15:00')).toEqual({ name: 'minutes', dateText: '20-11-2026', timeText: '15:00' });
  });

  it('in English, "at" before the time as kl., and a time with am/pm, name one of the day\'s meetings', () => {
    expect(parseCommand('vote 10/12 at 14:00 5')).toEqual({ name: 'vote', itemNumber: 5, dateText: '10/12', timeText: 'at 14:00' });
    expect(parseCommand('item 10/12 at 14:00 Budget decision')).toEqual({ name: 'item', title: 'Budget', kind: 'decision', dateText: '10/12', timeText: 'at 14:00' });
    expect(concludeArgs('10/12 at 2 pm 5 Agreed')).toEqual({ number: 5, text: 'Agreed', given: true, dateText: '10/12', timeText: 'at 2 pm' });
    expect(parseCommand('agenda 10/12 at 14:00')).toEqual({ name: 'agenda', dateText: '10/12', timeText: 'at 14:00' });
    expect(parseCommand('agenda 10/12 2:30 PM')).toEqual({ name: 'agenda', dateText: '10/12', timeText: '2:30 PM' });
    expect(parseCommand('agenda 10/12 2pm')).toEqual({ name: 'agenda', dateText: '10/12', timeText: '2pm' });
    expect(parseCommand('item 10/12 at the end')).toEqual({ name: 'item', title: 'at the end', dateText: '10/12' });
    // "at" and an hour alone is no meeting's time there: a Danish title may begin so.
    expect(parseCommand('punkt 10-12-2026 at 2 nye medlemmer optages beslutning')).toEqual({ name: 'item', title: 'at 2 nye medlemmer optages', kind: 'decision', dateText: '10-12-2026' });
    expect(parseCommand('genoptag 10/12 at 2 3')).toEqual({ name: 'reopen', dateText: '10/12' });
    expect(parseCommand('vote 10/12 2 5')).toEqual({ name: 'vote', motion: '10/12 2 5' });
  });

  it('a bare number, or a word that merely starts with one, after the date is the command\'s (an item number, a title), never a time', () => {
    expect(parseCommand('punkt 20-11-2026 2027-budgettet')).toEqual({ name: 'item', title: '2027-budgettet', dateText: '20-11-2026' });
    expect(parseCommand('punkt 20-11-2026 14 dages høring')).toEqual({ name: 'item', title: '14 dages høring', dateText: '20-11-2026' });
    expect(parseCommand('afstemning 20-11-2026 5')).toEqual({ name: 'vote', itemNumber: 5, dateText: '20-11-2026' });
    expect(parseCommand('genoptag 20-11-2026 5')).toEqual({ name: 'reopen', number: 5, dateText: '20-11-2026' });
    expect(parseCommand('punkt Klubhuset')).toEqual({ name: 'item', title: 'Klubhuset' });
    expect(parseCommand('punkt 20-11-2026 Klubhuset')).toEqual({ name: 'item', title: 'Klubhuset', dateText: '20-11-2026' });
    expect(parseCommand('aflys møde 20-11-2026')).toEqual({ name: 'cancel-meeting', dateText: '20-11-2026' });
    expect(parseCommand('dagsorden 20-11-2026')).toEqual({ name: 'agenda', dateText: '20-11-2026' });
  });

  it('afbud, dagsorden and referat read a date written out as the bot writes it; the commands with a title do not', () => {
    expect(leadingDate('torsdag den 14. januar 2027 kl. 14.00 Jeg er syg', true)).toEqual({ dateText: '14/1/2027', timeText: 'kl. 14.00', rest: 'Jeg er syg' });
    expect(leadingDate('14. januar Ferie', true)).toEqual({ dateText: '14/1', rest: 'Ferie' });
    expect(leadingDate('14 jan.', true)).toEqual({ dateText: '14/1', rest: '' });
    expect(leadingDate('den 14/1', true)).toEqual({ dateText: '14/1', rest: '' });
    expect(leadingDate('lørdag den 3. oktober', true)).toEqual({ dateText: '3/10', rest: '' });
    expect(leadingDate('lordag den 3. oktober', true)).toEqual({ dateText: '3/10', rest: '' });
    expect(leadingDate('Thursday 14 January 2027', true)).toEqual({ dateText: '14/1/2027', rest: '' });
    expect(leadingDate('January 14th, 2027 at 14:00', true)).toEqual({ dateText: '14/1/2027', timeText: 'at 14:00', rest: '' });
    // A weekday, »den« or a number without a month begins no date: the words stay the message.
    expect(leadingDate('torsdag kommer jeg ikke', true)).toEqual({ rest: 'torsdag kommer jeg ikke' });
    expect(leadingDate('den dag er jeg væk', true)).toEqual({ rest: 'den dag er jeg væk' });
    expect(leadingDate('3 børn er syge', true)).toEqual({ rest: '3 børn er syge' });
    // A title may begin with a date written out: »punkt 1. maj-fejringen« is not a date there.
    expect(leadingDate('1. maj fejres')).toEqual({ rest: '1. maj fejres' });
    expect(parseCommand('dagsorden 14. januar')).toEqual({ name: 'agenda', dateText: '14/1' });
    expect(parseCommand('referat torsdag den 10. december 2026')).toEqual({ name: 'minutes', dateText: '10/12/2026' });
  });

  it('afbud, dagsorden and referat read a day named from today (»i morgen«, »tomorrow«) as a day the clock fixes; the commands with a title do not', () => {
    expect(leadingDate('i morgen kl. 14 Jeg er syg', true)).toEqual({ dateText: relativeDate(1), timeText: 'kl. 14', rest: 'Jeg er syg' });
    expect(leadingDate('I dag', true)).toEqual({ dateText: relativeDate(0), rest: '' });
    expect(leadingDate('idag, syg', true)).toEqual({ dateText: relativeDate(0), rest: 'syg' });
    expect(leadingDate('imorgen', true)).toEqual({ dateText: relativeDate(1), rest: '' });
    expect(leadingDate('i overmorgen Ferie', true)).toEqual({ dateText: relativeDate(2), rest: 'Ferie' });
    expect(leadingDate('Tomorrow, I am away', true)).toEqual({ dateText: relativeDate(1), rest: 'I am away' });
    expect(leadingDate('the day after tomorrow', true)).toEqual({ dateText: relativeDate(2), rest: '' });
    // »i« alone, or »morgen« without it, names no day: the words stay the message.
    expect(leadingDate('i ferie', true)).toEqual({ rest: 'i ferie' });
    expect(leadingDate('morgen', true)).toEqual({ rest: 'morgen' });
    expect(leadingDate('i morgen er der generalforsamling')).toEqual({ rest: 'i morgen er der generalforsamling' });
    expect(parseCommand('dagsorden i morgen')).toEqual({ name: 'agenda', dateText: relativeDate(1) });
    expect(parseCommand('referat i dag')).toEqual({ name: 'minutes', dateText: relativeDate(0) });
  });
});
