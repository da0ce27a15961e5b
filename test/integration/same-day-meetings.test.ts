/**
 * Two meetings on one day (an ordinary and an extraordinary one, say): the commands that take
 * `[dato]` name one of them by `[dato [tid]]` (PRODUCT §1.2–§1.5). A date alone that names a day
 * with several meetings is refused, listing them; answers name the meeting they acted on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2026-11-02T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (from: Person, text: string) => literal(connector.textOf(await ask(bot, connector, from, text)));
const agenda = (text: string) => say(people.pia, text);

async function post(from: Person, text: string, match: (p: PostedActivity) => boolean): Promise<string> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, from, text));
  return literal(connector.textOf(await connector.waitForPost(match, { since })));
}

const TWO = (example: string) => `Der er to møder fredag den 20. november 2026: kl. 10.00 og kl. 15.00. Angiv tidspunktet, fx: ${example}. Intet er ændret.`;
const AT_TEN = /fredag den 20\. november 2026 kl\.\s10\.00/;
const AT_THREE = /fredag den 20\. november 2026 kl\.\s15\.00/;

describe('two meetings on one day (PRODUCT §1.2–§1.5: `[dato [tid]]`)', () => {
  it('R9: both meetings of the day are planned, and a third on another day', async () => {
    expect(await say(people.pia, 'møde 20-11-2026 10:00')).toMatch(/^Ordinært møde er planlagt fredag den 20\. november 2026 kl\. 10\.00\./);
    expect(await say(people.anne, 'ekstraordinært møde 20-11-2026 15:00 Helhedsplanen')).toMatch(/^Ekstraordinært møde er planlagt fredag den 20\. november 2026 kl\. 15\.00\./);
    expect(await say(people.pia, 'møde 27-11-2026 14:00')).toMatch(/^Ordinært møde er planlagt fredag den 27\. november 2026 kl\. 14\.00\./);
  });

  it('R12: a date alone that names a day with two meetings is refused, listing them with their times and how to name one; nothing is added', async () => {
    expect(await say(people.pia, 'punkt 20-11-2026 Budget')).toBe(TWO('punkt 20-11-2026 15:00 <titel>'));
    expect(await say(people.pia, 'bilag 20-11-2026 3 https://example.org/regnskab.pdf')).toBe(TWO('bilag 20-11-2026 15:00 <punktnr> <url>'));
    expect(await say(people.pia, 'dagsorden 20-11-2026')).toBe(TWO('dagsorden 20-11-2026 15:00'));
    expect(await say(people.anne, 'afstemning 20-11-2026 3')).toBe(TWO('afstemning 20-11-2026 15:00 <punktnr>'));
    expect(await say(people.anne, 'konklusion 20-11-2026 3 Godkendt')).toBe(TWO('konklusion 20-11-2026 15:00 <punktnr> <tekst>'));
    expect(await say(people.anne, 'genoptag 20-11-2026 3')).toBe(TWO('genoptag 20-11-2026 15:00 <punktnr>'));
    expect(await say(people.anne, 'aflys møde 20-11-2026')).toBe(TWO('aflys møde 20-11-2026 15:00'));
    expect(await agenda('dagsorden 20-11-2026 10:00')).not.toContain('Budget');
    expect(await agenda('dagsorden 20-11-2026 15:00')).not.toContain('Budget');
  });

  it('R12: a date and a time name one of the day\'s meetings, in every form `møde` takes; the answer names it with its time', async () => {
    expect(await say(people.pia, 'punkt 20-11-2026 15:00 Budget')).toMatch(/^Punkt \d+ »Budget« \(til drøftelse\) er sat på dagsordenen til mødet fredag den 20\. november 2026 kl\. 15\.00\.$/);
    expect(await say(people.pia, 'punkt 20-11-2026 kl. 15 Lokaler')).toMatch(/»Lokaler« .* til mødet fredag den 20\. november 2026 kl\. 15\.00\.$/);
    expect(await say(people.pia, 'punkt 20-11-2026 kl 15 Tryghed')).toMatch(/»Tryghed« .* til mødet fredag den 20\. november 2026 kl\. 15\.00\.$/);
    expect(await say(people.pia, 'punkt 20-11-2026 kl.10 Udlejning beslutning')).toMatch(/»Udlejning« \(til beslutning\) .* til mødet fredag den 20\. november 2026 kl\. 10\.00\.$/);
    expect(await say(people.pia, 'punkt 20-11-2026 10.00 Beboerdemokrati')).toMatch(/»Beboerdemokrati« .* til mødet fredag den 20\. november 2026 kl\. 10\.00\.$/);
    const three = await agenda('dagsorden 20-11-2026 kl. 15');
    expect(three).toMatch(AT_THREE);
    expect(three).toContain('Budget');
    expect(three).toContain('Tryghed');
    expect(three).not.toContain('Udlejning');
    const ten = await agenda('dagsorden 20-11-2026 10:00');
    expect(ten).toMatch(AT_TEN);
    expect(ten).toContain('Udlejning');
    expect(ten).not.toContain('Budget');
    expect(await say(people.pia, 'bilag 20-11-2026 15:00 3 https://example.org/regnskab.pdf Regnskab')).toBe('Bilaget er tilføjet punkt 3 »Økonomi« på dagsordenen til mødet fredag den 20. november 2026 kl. 15.00.');
    expect(await agenda('dagsorden 20-11-2026 15:00')).toContain('Regnskab');
    expect(await agenda('dagsorden 20-11-2026 10:00')).not.toContain('Regnskab');
  });

  it('R12: a date and a time that name no meeting are refused, naming the day\'s meetings; nothing is added', async () => {
    expect(await say(people.pia, 'punkt 20-11-2026 12:00 Budget')).toBe('Der er intet møde fredag den 20. november 2026 kl. 12.00. Den dag er der møder kl. 10.00 og kl. 15.00. Intet er ændret.');
    expect(await say(people.pia, 'punkt 27-11-2026 kl. 10 Budget')).toBe('Der er intet møde fredag den 27. november 2026 kl. 10.00. Den dag er der møde kl. 14.00. Intet er ændret.');
    expect(await agenda('dagsorden 27-11-2026')).not.toContain('Budget');
  });

  it('R12: on a day with one meeting a title or an item number after the date is never taken for a time', async () => {
    expect(await say(people.pia, 'punkt 27-11-2026 2027-budgettet')).toMatch(/^Punkt \d+ »2027-budgettet« \(til drøftelse\) er sat på dagsordenen til mødet fredag den 27\. november 2026\.$/);
    expect(await say(people.pia, 'punkt 27-11-2026 14 dages høring')).toMatch(/^Punkt \d+ »14 dages høring« .* til mødet fredag den 27\. november 2026\.$/);
    expect(await say(people.pia, 'bilag 27-11-2026 3 https://example.org/b.pdf Budget')).toBe('Bilaget er tilføjet punkt 3 »Økonomi« på dagsordenen til mødet fredag den 27. november 2026.');
  });

  it('R7, R17: votes and conclusions reach the meeting the date and time name', async () => {
    const number = /^Punkt (\d+) /.exec(await say(people.pia, 'punkt 20-11-2026 15:00 Salg af grund beslutning'))![1];
    expect(await say(people.anne, 'afstemning 20-11-2026 10:00 99')).toMatch(/^Der er intet punkt 99 på dagsordenen til mødet fredag den 20\. november 2026 kl\. 10\.00\. Intet er ændret\.$/);
    const card = await post(people.anne, `afstemning 20-11-2026 kl. 15 ${number}`, (p) => connector.textOf(p).startsWith('Afstemning'));
    expect(card).toContain('Salg af grund');
    const concluded = await post(people.anne, 'konklusion 20-11-2026 15:00 3 Økonomien er taget til efterretning.', (p) => connector.textOf(p).startsWith('Konklusion'));
    expect(concluded).toContain('Økonomien er taget til efterretning.');
    expect(concluded).not.toContain('15:00 3');
  });

  it('R9: `aflys møde <dato> <tid>` cancels only that meeting; the day\'s other meeting is then named by its date alone', async () => {
    expect(await say(people.anne, 'aflys møde 20-11-2026 kl. 11')).toBe('Der er intet møde fredag den 20. november 2026 kl. 11.00. Den dag er der møder kl. 10.00 og kl. 15.00. Intet er ændret.');
    const cancelled = await post(people.anne, 'aflys møde 20-11-2026 kl. 15', (p) => connector.textOf(p).includes('er aflyst'));
    expect(cancelled).toMatch(/^Ekstraordinært møde fredag den 20\. november 2026 kl\. 15\.00 er aflyst\./);
    const listed = await say(people.lars, 'møder');
    expect(listed).toMatch(/fredag den 20\. november 2026 kl\. 10\.00/);
    expect(listed).not.toMatch(/fredag den 20\. november 2026 kl\. 15\.00/);
    expect(await say(people.pia, 'punkt 20-11-2026 Vedligehold')).toMatch(/^Punkt \d+ »Vedligehold« .* til mødet fredag den 20\. november 2026\.$/);
  });

  it('PRODUCT §1 (current meeting): with two meetings today, a command without a date goes to the last one under way (from an hour before its start), else the first; the answer names it with its time', async () => {
    expect(await say(people.anne, 'ekstraordinært møde 20-11-2026 16:00 Helhedsplanen')).toMatch(/^Ekstraordinært møde er planlagt fredag den 20\. november 2026 kl\. 16\.00\./);
    await bot.restart('2026-11-20T08:00:00+01:00');
    expect(await say(people.pia, 'punkt Morgenpunkt')).toMatch(/»Morgenpunkt« .* til mødet fredag den 20\. november 2026 kl\. 10\.00[ .]/);
    await bot.restart('2026-11-20T15:05:00+01:00');
    expect(await say(people.pia, 'punkt Eftermiddagspunkt')).toMatch(/»Eftermiddagspunkt« .* til mødet fredag den 20\. november 2026 kl\. 16\.00[ .]/);
    expect(await agenda('dagsorden 20-11-2026 16:00')).toContain('Eftermiddagspunkt');
  });
});
