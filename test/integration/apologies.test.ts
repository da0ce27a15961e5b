/**
 * R16: apologies ("afbud"). A board person tells ahead that they will not attend a meeting
 * (`afbud [dato] [besked]`, the next meeting without a date), and may withdraw it
 * (`fjern afbud`). The attendance card and the minutes name those who sent apologies; one who is
 * recorded as present after all (*Jeg deltager*, the secretary's `deltager`) is no longer among
 * them. Refused, nothing changes. Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 10.00 in Copenhagen.
  h = await startInstalledHarness('2026-12-01T09:00:00Z');
  await say(people.pia, 'møde 10-12-2026 14:00');
  await say(people.pia, 'møde 17-12-2026 14:00');
});

afterAll(async () => {
  await h?.close();
});

const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));
const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const attendanceCard = () => {
  const updates = h.connector.updates().filter((p) => h.connector.textOf(p).startsWith('Fremmøde'));
  return literal(h.connector.textOf(updates.at(-1) ?? h.connector.posts().find((p) => h.connector.textOf(p).startsWith('Fremmøde'))!));
};

describe('apologies (R16)', () => {
  it('R16: a member sends apologies for the next meeting; sent again with a message, it is one apology', async () => {
    expect(await say(people.birgitte, 'afbud')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await say(people.birgitte, 'afbud Jeg er på kursus')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    const [meeting] = await h.store.listMeetings({});
    expect(await h.store.listApologies(meeting!.id)).toMatchObject([{ personId: people.birgitte.aadObjectId, organisationId: 'SB', message: 'Jeg er på kursus' }]);
    expect(await say(people.lars, 'afbud 10/12 pga. sygdom')).toBe('Dit afbud til mødet torsdag den 10. december 2026 er modtaget og kommer med i referatet.');
    expect(await say(people.henrik, 'afbud 17-12-2026')).toBe('Dit afbud til mødet torsdag den 17. december 2026 er modtaget og kommer med i referatet.');
    expect(await say(people.henrik, 'fjern afbud 17-12-2026')).toBe('Dit afbud til mødet torsdag den 17. december 2026 er trukket tilbage.');
    expect(await say(people.henrik, 'fjern afbud 17-12-2026')).toBe('Du har ikke meldt afbud til mødet torsdag den 17. december 2026. Intet er ændret.');
  });

  it('R16: refused: a day with no meeting, a message too long; nothing changes', async () => {
    expect(await say(people.mette, 'afbud 11-12-2026')).toBe('Der er intet møde fredag den 11. december 2026.');
    expect(await say(people.mette, `afbud ${'x'.repeat(301)}`)).toBe('Beskeden er for lang (højst 300 tegn). Forkort den, og prøv igen.');
    const [meeting] = await h.store.listMeetings({});
    expect((await h.store.listApologies(meeting!.id)).map((a) => a.personId)).toEqual([people.birgitte.aadObjectId, people.lars.aadObjectId]);
  });

  it('R13, R16: the day-before reminder names who has sent apologies so far', async () => {
    await h.at('2026-12-09T08:00:30Z');
    const reminder = h.connector.posts().map((p) => literal(h.connector.textOf(p))).find((t) => t.startsWith('Påmindelse: ordinært møde i morgen'));
    expect(reminder).toContain('Afbud indtil nu: Birgitte Bach og Lars Lund.');
  });

  it('R16: the attendance card names those who sent apologies; one who comes after all is no longer among them', async () => {
    await h.at('2026-12-10T13:00:30Z');
    expect(attendanceCard()).toContain('Afbud: Birgitte Bach og Lars Lund');
    const card = h.connector.posts().find((p) => h.connector.textOf(p).startsWith('Fremmøde'))!;
    const meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    await h.send(cardAction(h.connector.url, people.lars, 'attendance.join', { meetingId }));
    await h.pass(2_000);
    expect(attendanceCard()).toContain('Til stede: Lars Lund');
    expect(attendanceCard()).toContain('Afbud: Birgitte Bach');
    expect(attendanceCard()).not.toContain('Afbud: Birgitte Bach og Lars Lund');
    // Recorded as present, no apologies (the meeting has begun: named by its date).
    expect(await say(people.lars, 'afbud 10-12-2026')).toBe('Du står som deltager i mødet, så der kan ikke meldes afbud. Sekretæren kan rette fremmødet med »fjern deltager <navn>«. Intet er ændret.');
    await h.send(cardAction(h.connector.url, people.anne, 'attendance.join', { meetingId }));
  });

  it('R16: the minutes name those who sent apologies, with their organisation; after the meeting\'s day no apologies are taken', async () => {
    await h.at('2026-12-10T16:00:00Z');
    await tell(people.pia, 'referat');
    const minutes = literal(h.connector.textOf(h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Referat')).at(-1)!));
    expect(minutes).toContain('Deltagere: Anne Andersen og Lars Lund.');
    expect(minutes).toContain('**Afbud**\nBirgitte Bach (SB).');
    await h.at('2026-12-11T09:00:00Z');
    expect(await say(people.mette, 'afbud 10-12-2026')).toBe('Mødet er afholdt, så der kan ikke længere meldes afbud til det. Intet er ændret.');
    // The next meeting is the current one now.
    expect(await say(people.mette, 'afbud')).toBe('Dit afbud til mødet torsdag den 17. december 2026 er modtaget og kommer med i referatet.');
  });

  it('R9, R16: a meeting moved to a later time of its day keeps its apologies', async () => {
    await say(people.soeren, 'afbud 17-12-2026');
    await tell(people.anne, 'flyt møde 17-12-2026 til 17-12-2026 15:00');
    const notice = h.connector.posts().map((p) => literal(h.connector.textOf(p))).find((t) => t.startsWith('Ordinært møde torsdag den 17. december 2026 kl. 14.00 er flyttet til torsdag den 17. december 2026 kl. 15.00.'))!;
    expect(notice).not.toContain('Afbud');
    const moved = (await h.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === '2026-12-17T14:00:00.000Z')!;
    expect((await h.store.listApologies(moved.id)).map((a) => a.personId).sort()).toEqual([people.mette.aadObjectId, people.soeren.aadObjectId].sort());
    await tell(people.anne, 'flyt møde 17-12-2026 15:00 til 17-12-2026 14:00');
  });

  it('R9, R16: a meeting moved drops the apologies sent for its old time, and the notice says to send them again', async () => {
    await tell(people.anne, 'flyt møde 17-12-2026 til 18-12-2026');
    const notice = h.connector.posts().map((p) => literal(h.connector.textOf(p))).find((t) => t.startsWith('Ordinært møde torsdag den 17. december 2026 kl. 14.00 er flyttet til fredag'))!;
    expect(notice).toContain('Afbud til den oprindelige dag er annulleret. Kan du ikke komme på den nye dag, så meld afbud igen med »afbud 18-12-2026«.');
    const moved = (await h.store.listMeetings({ status: 'planned' })).find((m) => m.startsAt.toISOString() === '2026-12-18T13:00:00.000Z')!;
    expect(await h.store.listApologies(moved.id)).toEqual([]);
  });
});
