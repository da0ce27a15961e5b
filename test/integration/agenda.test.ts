/** Agenda commands over HTTP: dagsorden, punkt, bilag, udsend dagsorden, afstemning <punktnr>, aflys møde. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import { type FakeConnector, type PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2026-11-02T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

const sayFull = (from: Person, text: string) => ask(bot, connector, from, text);
const say = async (from: Person, text: string) => connector.textOf(await sayFull(from, text));
const cardOf = (p: PostedActivity) => (p.attachments as any[] | undefined)?.[0]?.content;

describe('preparing an agenda (R12, R13)', () => {
  it('plans two meetings and lists them with their deadlines', async () => {
    await say(people.pia, 'møde 03-12-2026 kl. 14');
    await say(people.pia, 'møde 10-12-2026 14.00');
    // Each line also links the meeting's calendar invitation (calendar-and-word.test.ts).
    expect((await say(people.lars, 'møder')).replace(/ – \[Føj til kalender\]\([^)]*\)/g, '')).toBe(
      [
        'Kommende møder:',
        '- Ordinært møde torsdag den 3. december 2026 kl. 14.00 – dagsorden senest lørdag den 28. november 2026 kl. 09.00\n- Ordinært møde torsdag den 10. december 2026 kl. 14.00 – dagsorden senest lørdag den 5. december 2026 kl. 09.00',
      ].join('\n\n'),
    );
  });

  it('R12, R15: items go on the next meeting, after the standing items (the LBF follow-up is on the first meeting of the year); members cannot add them', async () => {
    expect(await say(people.henrik, 'punkt Noget andet')).toBe('Kun formandskabet og sekretæren kan sætte punkter på dagsordenen. Intet er ændret.');
    expect(await say(people.pia, 'punkt Budget 2027 beslutning')).toMatch(/^Punkt 5 »Budget 2027« \(til beslutning\) er sat på dagsordenen til mødet torsdag den 3\. december 2026/);
    expect(await say(people.anne, 'punkt Status fra følgegrupperne orientering')).toMatch(/^Punkt 6 »Status fra følgegrupperne« \(til orientering\)/);
    expect(await say(people.anne, 'punkt')).toBe('Angiv punktets titel.\n\nSkriv fx: punkt Ny delaftale om beskæftigelse beslutning');
  });

  it('R13: bilag adds a link to an item; bad links are refused', async () => {
    expect(await say(people.pia, 'bilag 5 https://intranet.example.dk/budget-2027.pdf Budgetforslag 2027')).toBe('Bilaget er tilføjet punkt 5 »Budget 2027« på dagsordenen til mødet torsdag den 3. december 2026.');
    expect(await say(people.pia, 'bilag 5 ftp://example.dk/x')).toMatch(/^Bilaget skal være et link, der begynder med https:\/\//);
    expect(await say(people.pia, `bilag 5 https://example.dk/${'a'.repeat(2_000)}`)).toBe('Linket er for langt (højst 2.000 tegn). Brug et kortere link, og prøv igen.');
    expect(await say(people.pia, 'bilag 42 https://example.dk/x')).toMatch(/^Der er intet punkt 42 på dagsordenen til mødet [a-zø]+dag den \d+\. [a-z]+ \d{4}\. Intet er ændret\.$/);
    // With a date, the answer names that meeting, not the next one (issue 10, point 2).
    expect(await say(people.pia, 'bilag 10-12-2026 42 https://example.dk/x')).toBe('Der er intet punkt 42 på dagsordenen til mødet torsdag den 10. december 2026. Intet er ændret.');
  });

  it('R12, R14, R16: bilag attaches to standing items too (the minutes to approve, Økonomi, Eventuelt), named in the answer', async () => {
    expect(await say(people.pia, 'bilag 2 https://intranet.example.dk/referat-oktober.pdf Referat oktober')).toBe('Bilaget er tilføjet punkt 2 »Godkendelse af referat fra sidste møde« på dagsordenen til mødet torsdag den 3. december 2026.');
    expect(await say(people.pia, 'bilag 3 https://intranet.example.dk/regnskab-q3.pdf Regnskab 3. kvartal')).toBe('Bilaget er tilføjet punkt 3 »Økonomi« på dagsordenen til mødet torsdag den 3. december 2026.');
    expect(await say(people.anne, 'bilag 7 https://intranet.example.dk/indbydelse.pdf')).toBe('Bilaget er tilføjet punkt 7 »Eventuelt« på dagsordenen til mødet torsdag den 3. december 2026.');
  });

  it('dagsorden shows the draft with its items, attachments and an Udsend button for the secretary', async () => {
    const post = await sayFull(people.pia, 'dagsorden');
    const text = literal(connector.textOf(post));
    expect(text).toContain('Ordinært møde torsdag den 3. december 2026 kl. 14.00');
    expect(text).toContain('4. Årlig opfølgning på indikatorer i LBF-portalen og målopfyldelse i den strategiske aftale (til drøftelse)');
    expect(text).toContain('5. Budget 2027 (til beslutning)');
    expect(text).toContain('Bilag: [Budgetforslag 2027](https://intranet.example.dk/budget-2027.pdf)');
    // R12, R14: a standing item's attachment under its own item; one without a title is "Bilag 1".
    const standing = cardOf(post).body.find((b: any) => b.type === 'Container').items as any[];
    const under = (start: string) => standing.find((c) => literal(c.items[0].text).startsWith(start)).items.map((b: any) => literal(String(b.text)));
    expect(under('3. Økonomi')).toContain('Bilag: [Regnskab 3. kvartal](https://intranet.example.dk/regnskab-q3.pdf)');
    expect(under('2. Godkendelse af referat')).toContain('Bilag: [Referat oktober](https://intranet.example.dk/referat-oktober.pdf)');
    expect(under('7. Eventuelt')).toContain('Bilag: [Bilag 1](https://intranet.example.dk/indbydelse.pdf)');
    // Issue 13.5: the attachment is listed under its own item, a link in the text's own size (a target for a finger).
    const items = cardOf(post).body.find((b: any) => b.type === 'Container').items as any[];
    const item5 = items.find((c) => literal(c.items[0].text).startsWith('5. Budget 2027'));
    const link = item5.items.find((b: any) => String(b.text).startsWith('Bilag: ['));
    expect(link).toMatchObject({ type: 'TextBlock', wrap: true });
    expect(link.size).toBeUndefined();
    expect(text).toContain('Udkast – ikke udsendt endnu. Udsendes senest lørdag den 28. november 2026 kl. 09.00.');
    expect(cardOf(post).actions.filter((a: any) => a.type !== 'Action.OpenUrl')).toEqual([expect.objectContaining({ verb: 'agenda.send', title: 'Udsend dagsorden' })]);
    const memberView = await sayFull(people.henrik, 'dagsorden 10/12');
    expect(connector.textOf(memberView)).toContain('Ordinært møde torsdag den 10. december 2026');
    expect(cardOf(memberView).actions.map((a: any) => a.type)).toEqual(['Action.OpenUrl']); // only the calendar invitation
    expect(await say(people.henrik, 'dagsorden 11/12')).toBe('Der er intet møde fredag den 11. december 2026.');
  });

  it('R13: udsend dagsorden sends it early, once, not late; the deadline job then sends nothing', async () => {
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, 'udsend dagsorden'));
    const agenda = await connector.waitForPost((p) => connector.textOf(p).startsWith('Dagsorden') && p.conversationId === CHANNEL_ID, { since });
    expect(connector.textOf(agenda)).not.toContain('Udsendt for sent');
    expect(connector.textOf(agenda)).toContain('Udsendt mandag den 2. november 2026');
    // PRODUCT §1.3: answers name the meeting they acted on.
    expect(await say(people.anne, 'udsend dagsorden')).toBe('Dagsordenen til mødet torsdag den 3. december 2026 er allerede udsendt mandag den 2. november 2026. Intet er ændret.');
    const viaCard = await bot.send(cardAction(connector.url, people.pia, 'agenda.send', { meetingId: cardOf(agenda).actions?.[0]?.data?.meetingId ?? 'x' }));
    expect(viaCard.status).toBe(200);
    await bot.restart('2026-11-28T09:30:00+01:00');
    await say(people.anne, 'hjælp');
    expect(connector.posts().filter((p) => connector.textOf(p).startsWith('Dagsorden') && connector.textOf(p).includes('3. december') && p.conversationId === CHANNEL_ID)).toHaveLength(1);
  });

  it('an item added after the agenda went out updates the posted agenda', async () => {
    const agenda = connector.posts().find((p) => connector.textOf(p).startsWith('Dagsorden') && connector.textOf(p).includes('3. december') && p.conversationId === CHANNEL_ID)!;
    await say(people.pia, 'punkt Hastesag om lokaler drøftelse');
    await connector.waitForUpdate((u) => u.id === agenda.id && connector.textOf(u).includes('Hastesag om lokaler (til drøftelse)'));
  });

  it('R12, R13: an attachment added after the agenda went out is marked »Tilføjet efter udsendelse« on the posted agenda, and the board is told under it', async () => {
    const agenda = connector.posts().find((p) => connector.textOf(p).startsWith('Dagsorden') && connector.textOf(p).includes('3. december') && p.conversationId === CHANNEL_ID)!;
    const since = connector.mark();
    expect(await say(people.pia, 'bilag 3 https://intranet.example.dk/regnskab-rettet.pdf Rettet regnskab')).toBe(
      'Bilaget er tilføjet punkt 3 »Økonomi« på dagsordenen til mødet torsdag den 3. december 2026 efter udsendelse og er mærket »Tilføjet efter udsendelse«. Den udsendte dagsorden er opdateret, og bestyrelsen har fået besked i dens tråd.',
    );
    await bot.pass(UPDATE_INTERVAL_MS); // the agenda's card was updated within the second: its newest state goes out after it
    const updated = await connector.waitForUpdate((u) => u.id === agenda.id && connector.textOf(u).includes('Rettet regnskab'));
    const text = literal(connector.textOf(updated));
    expect(text).toContain('Bilag: [Rettet regnskab](https://intranet.example.dk/regnskab-rettet.pdf) – Tilføjet efter udsendelse');
    // What went out with the agenda is not marked.
    expect(text).toContain('Bilag: [Regnskab 3. kvartal](https://intranet.example.dk/regnskab-q3.pdf)');
    expect(text).not.toContain('Bilag: [Regnskab 3. kvartal](https://intranet.example.dk/regnskab-q3.pdf) –');
    const notice = await connector.waitForPost((p) => connector.textOf(p).startsWith('Bilaget »Rettet regnskab«'), { since });
    expect(literal(connector.textOf(notice))).toBe('Bilaget »Rettet regnskab« er tilføjet punkt 3 »Økonomi« efter udsendelse. Dagsordenen herover er opdateret.');
  });
});

describe('votes on agenda items (R17)', () => {
  it('R17: the chair opens a vote on an item for decision; its title is the motion', async () => {
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, 'afstemning 5'));
    const card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'), { since });
    expect(literal(connector.textOf(card))).toContain('5. Budget 2027');
  });

  it('refuses a vote on an item that is not for decision, or that does not exist', async () => {
    // PRODUCT §1.3: the answer names the meeting.
    expect(await say(people.anne, 'afstemning 6')).toMatch(/^Punkt 6 på dagsordenen til mødet \S+ den \d+\. \S+ \d{4} er ikke til beslutning/);
    expect(await say(people.anne, 'genoptag 6')).toMatch(/^Punkt 6 på dagsordenen til mødet \S+ den \d+\. \S+ \d{4} er ikke afgjort, så der er intet at genoptage\. Intet er ændret\.$/);
    expect(await say(people.anne, 'afstemning 99')).toMatch(/^Der er intet punkt 99 på dagsordenen til mødet [a-zø]+dag den \d+\. [a-z]+ \d{4}\. Intet er ændret\.$/);
    expect(await say(people.birgitte, 'afstemning 5')).toBe('Det er kun formandskabet, der kan åbne en afstemning. Intet er ændret.');
  });
});

describe('cancelling a meeting', () => {
  it('the chair cancels; the board is told and its agenda does not go out', async () => {
    expect(await say(people.henrik, 'aflys møde 10-12-2026')).toBe('Kun formandskabet og sekretæren kan aflyse møder. Intet er ændret.');
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.karsten, 'aflys møde 10-12-2026'));
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Ordinært møde torsdag den 10. december 2026 kl. 14.00 er aflyst.'), { since });
    await bot.restart('2026-12-05T10:00:00+01:00');
    expect(await say(people.anne, 'møder')).toBe('Der er ingen planlagte møder.');
    const sent = connector.posts().filter((p) => p.conversationId === CHANNEL_ID && connector.textOf(p).startsWith('Dagsorden') && connector.textOf(p).includes('10. december'));
    expect(sent).toEqual([]);
  });
});

describe('the place of a meeting', () => {
  it('a meeting planned with a place shows it on its agenda', async () => {
    // The answer says what was read as the place.
    expect(await say(people.pia, 'møde 14-01-2027 13:00 Rådhuset, mødelokale 2')).toMatch(/^Ordinært møde er planlagt torsdag den 14\. januar 2027 kl\. 13\.00\..*\n\nSted: Rådhuset, mødelokale 2\n\n\[Føj til kalender\]/);
    expect(await say(people.pia, 'dagsorden 14-01-2027')).toContain('Sted: Rådhuset, mødelokale 2');
  });
});
