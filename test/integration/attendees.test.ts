/**
 * The secretary's `deltager <navn>` and `fjern deltager <navn>` (R16): a board person is found
 * as `opgave` finds one (whole name, a first name no one else has, spelt without Danish
 * letters); a name that is nobody on the board is a guest from outside, and the answer says so.
 * They act on today's meeting from an hour before its start (as *Jeg deltager*), else on the
 * last held one, and every answer names the meeting (PRODUCT §1.3).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function board(clockStart: string, boardConfig?: string): Promise<Harness> {
  h = await startInstalledHarness(clockStart, boardConfig ? { boardConfig } : {});
  return h;
}

const say = async (bot: Harness, from: Person, text: string) => bot.connector.textOf(await ask(bot, bot.connector, from, text));
const names = async (bot: Harness, meetingId: string) => (await bot.store.listAttendees(meetingId)).map((a) => `${a.name}${a.personId ? '' : ' (other)'}`).sort();
const meetingAt = async (bot: Harness, iso: string) => (await bot.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.getTime() === new Date(iso).getTime())!;

/** The demo board file with a second Mette (Skælskør Boligselskab's second member). */
function boardWithTwoMettes(): string {
  dir = mkdtempSync(join(tmpdir(), 'attendees-'));
  const extra = [
    '  - name: Mette Madsen',
    '    aadObjectId: 00000000-0000-4000-8000-000000000010',
    '    email: mette.madsen@sbs.example.dk',
    '    organisation: SBS',
    '    roles: [member]',
  ];
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, `${readFileSync(DEMO_CONFIG_PATH, 'utf8').trimEnd()}\n${extra.join('\n')}\n`);
  return file;
}

const JUNE_10 = 'torsdag den 10. juni 2027';

describe('deltager finds a board person as opgave does (R16)', () => {
  it('R16: a first name no one else has and a name spelt without æ, ø, å are the board person; a name that is nobody on the board is a guest, and the answer says so', async () => {
    const bot = await board('2027-06-01T10:00:00+02:00');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    await bot.at('2027-06-10T14:10:00+02:00');
    const meeting = await meetingAt(bot, '2027-06-10T14:00:00+02:00');

    expect(await say(bot, people.pia, 'deltager Mette')).toBe(`Mette Møller er tilføjet som deltager i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'deltager Soren Skov')).toBe(`Søren Skov er tilføjet som deltager i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'deltager  henrik   holm ')).toBe(`Henrik Holm er tilføjet som deltager i mødet ${JUNE_10}.`);
    // An @mention, as one writes on a phone: the person mentioned.
    expect(await say(bot, people.pia, 'deltager <at>Lars Lund</at>')).toBe(`Lars Lund er tilføjet som deltager i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'fjern deltager <at>Lars Lund</at>')).toBe(`Lars Lund er fjernet fra deltagerne i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'deltager Ekstern Konsulent')).toBe(`Ekstern Konsulent er ikke i bestyrelsen og er tilføjet som øvrig deltager i mødet ${JUNE_10}.`);
    // The same person or guest again, however spelt: refused, naming the meeting.
    expect(await say(bot, people.pia, 'deltager Soeren Skov')).toBe(`Søren Skov er allerede registreret som deltager i mødet ${JUNE_10}. Intet er ændret.`);
    expect(await say(bot, people.pia, 'deltager ekstern konsulent')).toBe(`Ekstern Konsulent er allerede registreret som deltager i mødet ${JUNE_10}. Intet er ændret.`);
    expect(await names(bot, meeting.id)).toEqual(['Ekstern Konsulent (other)', 'Henrik Holm', 'Mette Møller', 'Søren Skov']);

    // fjern deltager reads names the same way.
    expect(await say(bot, people.pia, 'fjern deltager Henrik')).toBe(`Henrik Holm er fjernet fra deltagerne i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'fjern deltager ekstern konsulent')).toBe(`Ekstern Konsulent er fjernet fra deltagerne i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'fjern deltager Lars')).toBe(`Lars Lund står ikke som deltager i mødet ${JUNE_10}. Intet er ændret.`);
    expect(await say(bot, people.pia, 'fjern deltager Ingen Navnesen')).toBe(`Ingen blandt deltagerne i mødet ${JUNE_10} hedder »Ingen Navnesen«. Intet er ændret.`);
    expect(await names(bot, meeting.id)).toEqual(['Mette Møller', 'Søren Skov']);

    // The minutes: Mette's and Søren's organisations, no »Øvrige: Mette«.
    await bot.at('2027-06-10T17:00:00+02:00');
    const since = bot.connector.mark();
    await bot.send(channelMessage(bot.connector.url, people.pia, 'referat'));
    const minutes = bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Referat'), { since }));
    expect(minutes).toContain('**Til stede**\nOrganisationer: Slagelse Boligselskab (SB) og Skælskør Boligselskab (SBS).\nDeltagere: Mette Møller og Søren Skov.\n**1.');
    expect(minutes).not.toContain('Øvrige');
  });

  it('R16: a first name two board people share is refused naming them, by deltager and fjern deltager alike; the whole name is taken', async () => {
    const bot = await board('2027-06-01T10:00:00+02:00', boardWithTwoMettes());
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    await bot.at('2027-06-10T14:10:00+02:00');
    const meeting = await meetingAt(bot, '2027-06-10T14:00:00+02:00');

    const refusedFor = 'Flere i bestyrelsen hedder »Mette«: Mette Møller og Mette Madsen. Skriv hele navnet. Intet er ændret.';
    expect(await say(bot, people.pia, 'deltager Mette')).toBe(refusedFor);
    expect(await names(bot, meeting.id)).toEqual([]);
    expect(await say(bot, people.pia, 'deltager Mette Madsen')).toBe(`Mette Madsen er tilføjet som deltager i mødet ${JUNE_10}.`);
    expect(await say(bot, people.pia, 'fjern deltager mette')).toBe(refusedFor.replace('»Mette«', '»mette«'));
    expect(await say(bot, people.pia, 'fjern deltager mette madsen')).toBe(`Mette Madsen er fjernet fra deltagerne i mødet ${JUNE_10}.`);
    // opgave names them too, and makes no task.
    expect(await say(bot, people.pia, 'opgave 20-06-2027 Mette: Skriv notatet')).toBe(refusedFor.replace('Intet er ændret.', 'Intet er oprettet.'));
    expect(await bot.store.listAudit({ action: 'task.made' })).toEqual([]);
  });
});

describe('deltager acts on today\'s meeting from an hour before its start (R16, PRODUCT §1.3)', () => {
  it('R16: at 13.15 for a 14.00 meeting the person is recorded at that meeting, not the last one; before that hour at the last held one; each answer names its meeting', async () => {
    const bot = await board('2027-05-01T10:00:00+02:00');
    await say(bot, people.pia, 'møde 27-05-2027 kl. 14');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    const may = await meetingAt(bot, '2027-05-27T14:00:00+02:00');
    const june = await meetingAt(bot, '2027-06-10T14:00:00+02:00');

    await bot.at('2027-06-10T12:30:00+02:00');
    expect(await say(bot, people.pia, 'deltager Lars Lund')).toBe('Lars Lund er tilføjet som deltager i mødet torsdag den 27. maj 2027.');
    await bot.at('2027-06-10T13:15:00+02:00');
    expect(await say(bot, people.pia, 'deltager Henrik Holm')).toBe(`Henrik Holm er tilføjet som deltager i mødet ${JUNE_10}.`);
    expect(await names(bot, june.id)).toEqual(['Henrik Holm']);
    expect(await names(bot, may.id)).toEqual(['Lars Lund']);
    expect(await say(bot, people.pia, 'fjern deltager Mette')).toBe(`Mette Møller står ikke som deltager i mødet ${JUNE_10}. Intet er ændret.`);
    expect(await say(bot, people.pia, 'fjern deltager Lars Lund')).toBe(`Lars Lund står ikke som deltager i mødet ${JUNE_10}. Intet er ændret.`);
    expect(await say(bot, people.pia, 'fjern deltager Henrik Holm')).toBe(`Henrik Holm er fjernet fra deltagerne i mødet ${JUNE_10}.`);
    expect(await names(bot, june.id)).toEqual([]);
    expect(await names(bot, may.id)).toEqual(['Lars Lund']);
  });

  it('R16: with two meetings that day, the one whose hour has begun is meant, named by its time', async () => {
    const bot = await board('2027-05-01T10:00:00+02:00');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 10');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    const morning = await meetingAt(bot, '2027-06-10T10:00:00+02:00');
    const afternoon = await meetingAt(bot, '2027-06-10T14:00:00+02:00');

    await bot.at('2027-06-10T12:00:00+02:00');
    expect(await say(bot, people.pia, 'deltager Birgitte')).toBe(`Birgitte Bach er tilføjet som deltager i mødet ${JUNE_10} kl. 10.00.`);
    await bot.at('2027-06-10T13:15:00+02:00');
    expect(await say(bot, people.pia, 'deltager Birgitte')).toBe(`Birgitte Bach er tilføjet som deltager i mødet ${JUNE_10} kl. 14.00.`);
    expect(await names(bot, morning.id)).toEqual(['Birgitte Bach']);
    expect(await names(bot, afternoon.id)).toEqual(['Birgitte Bach']);
  });
});

describe('deltager before any meeting (R16)', () => {
  it('R16: with no meeting begun yet, deltager and fjern deltager say there is no meeting to record attendance for, and change nothing', async () => {
    const bot = await board('2027-03-01T10:00:00+01:00');
    await say(bot, people.pia, 'møde 11-03-2027 14:00');
    expect(await say(bot, people.pia, 'deltager Lars Lund')).toBe('Der er endnu intet møde at registrere fremmøde for. Intet er ændret.');
    expect(await say(bot, people.pia, 'fjern deltager Lars Lund')).toBe('Der er endnu intet møde at registrere fremmøde for. Intet er ændret.');
    expect(await names(bot, (await bot.store.listMeetings({}))[0]!.id)).toEqual([]);
  });
});

describe('deltager [dato] and fjern deltager [dato] (R16): a meeting named by its date', () => {
  it('fixes the last meeting\'s attendance in the hour before the next one; a meeting not begun, or no meeting on the date, is refused, changing nothing', async () => {
    const bot = await board('2027-05-01T10:00:00+02:00');
    await say(bot, people.pia, 'møde 20-05-2027 kl. 14');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    await bot.at('2027-05-20T14:30:00+02:00');
    await say(bot, people.pia, 'deltager Lars Lund');
    const may = await meetingAt(bot, '2027-05-20T14:00:00+02:00');
    expect(await names(bot, may.id)).toEqual(['Lars Lund']);

    // 10 June, 10.00: June's meeting has not begun; naming it is refused, saying so.
    await bot.at('2027-06-10T10:00:00+02:00');
    expect(await say(bot, people.pia, 'deltager 10/6 Henrik Holm')).toBe('Mødet torsdag den 10. juni 2027 er ikke begyndt endnu. Deltagere kan registreres fra en time før start. Intet er ændret.');
    expect(await say(bot, people.pia, 'fjern deltager 10-06-2027 kl. 14 Henrik Holm')).toBe('Mødet torsdag den 10. juni 2027 er ikke begyndt endnu. Deltagere kan registreres fra en time før start. Intet er ændret.');
    // 13.15: today's meeting is the one by default; May's is named by its date.
    await bot.at('2027-06-10T13:15:00+02:00');
    expect(await say(bot, people.pia, 'fjern deltager 20-05-2027 Lars Lund')).toBe('Lars Lund er fjernet fra deltagerne i mødet torsdag den 20. maj 2027.');
    expect(await say(bot, people.pia, 'deltager 20/5 Henrik Holm')).toBe('Henrik Holm er tilføjet som deltager i mødet torsdag den 20. maj 2027.');
    expect(await names(bot, may.id)).toEqual(['Henrik Holm']);
    expect(await say(bot, people.pia, 'deltager 21-05-2027 Henrik Holm')).toMatch(/^Der (var|er) intet møde fredag den 21\. maj 2027/);
    expect(await say(bot, people.pia, 'deltager 24-06-2027 Henrik Holm')).toBe('Der er intet møde torsdag den 24. juni 2027.');
    expect((await bot.store.listAttendees((await meetingAt(bot, '2027-06-10T14:00:00+02:00')).id))).toEqual([]);
    expect(await names(bot, may.id)).toEqual(['Henrik Holm']);
  });
});

describe('an @mention in a command is the person Teams knows by that id (R16)', () => {
  it('a display name written otherwise than in the board file (»Bach, Birgitte«) is the board person, not a guest', async () => {
    const bot = await board('2027-06-01T10:00:00+02:00');
    await say(bot, people.pia, 'møde 10-06-2027 kl. 14');
    // Birgitte has written to the bot: her Teams id is known.
    await say(bot, people.birgitte, 'hjælp');
    await bot.at('2027-06-10T14:10:00+02:00');
    const mention = { type: 'mention', text: '<at>Bach, Birgitte</at>', mentioned: { id: people.birgitte.id, name: 'Bach, Birgitte' } };
    const message = channelMessage(bot.connector.url, people.pia, 'deltager <at>Bach, Birgitte</at>');
    message.entities = [...(message.entities ?? []), mention];
    const since = bot.connector.mark();
    await bot.send(message);
    const reply = await bot.connector.waitForPost((p) => p.replyToId !== undefined && bot.connector.textOf(p).includes('deltager'), { since });
    expect(bot.connector.textOf(reply)).toBe(`Birgitte Bach er tilføjet som deltager i mødet ${JUNE_10}.`);
  });
});
