/**
 * R7, R9, R10, R13: what hangs on a moved meeting's time follows it: the reminder of conclusions left
 * open, the lines that name it on its items' vote and conclusion cards, the confirmed date poll's
 * calendar file; a sent agenda's yearly items stay in their year (such a meeting is not moved into
 * another); a clock the new day skips is named. Found by a review of `flyt møde`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const textOf = (p: PostedActivity) => literal(String((p as { text?: string }).text ?? ''));
const tell = async (who: Person, text: string) => void expect((await h!.send(channelMessage(h!.connector.url, who, text))).status).toBeLessThan(300);
const show = async (who: Person, text: string) => literal(h!.connector.textOf(await ask(h!, h!.connector, who, text)));
const say = async (who: Person, text: string) => literal(String(((await ask(h!, h!.connector, who, text)) as { text?: string }).text ?? ''));

describe('moving a meeting: what follows it', () => {
  it('1:1 chat: the chair who moves a meeting from her 1:1 chat is told it was done (as konklusion/afstemning/udsend dagsorden do)', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    const res = await h.send(personalMessage(h.connector.url, people.anne, 'flyt møde 10-12-2026 til 17-12-2026'));
    expect(res.status).toBeLessThan(300);
    // The move happened (the notice is in the channel)...
    expect(h.connector.posts().some((p) => textOf(p).includes('er flyttet til torsdag den 17. december 2026'))).toBe(true);
    // ...but the 1:1 chat where she asked gets no answer at all.
    const inChat = h.connector.posts().filter((p) => p.conversationId === 'a:1:anne' && p.type !== 'typing').map(textOf);
    expect(inChat).toEqual(['Ordinært møde er flyttet til torsdag den 17. december 2026 kl. 14.00. Bestyrelsen har fået besked i kanalen.']);
  });

  it('R7, R16: on its day a meeting is not moved to another day: a conclusion made then stays its, and its reminder comes the day after', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    // 13.30 on the day, within the hour before the start: "during" the meeting, the conclusion stays open until closed.
    await h.at('2026-12-10T12:30:00Z');
    await tell(people.anne, 'konklusion 3 Økonomien tages til efterretning.');
    expect(await say(people.anne, 'flyt møde 10-12-2026 til 17-12-2026')).toBe(
      'På mødedagen kan mødet kun flyttes til et andet tidspunkt samme dag: det, der allerede er sket i dag, hører til dets referat. Intet er ændret.',
    );
    expect(h.connector.posts().some((p) => textOf(p).includes('er flyttet'))).toBe(false);
    const reminders = () => h!.connector.posts().map((p) => literal(h!.connector.textOf(p))).filter((t) => t.includes('stadig åben'));
    await h.at('2026-12-11T08:00:30Z');
    expect(reminders()).toHaveLength(1);
  });
});

describe('moving a meeting: what names it', () => {
  it('a vote opened on an item of the meeting before it was moved: its card, re-rendered after the move (closed), still names the old date', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    const added = await say(people.pia, 'punkt 10-12-2026 Lokalefordeling 2027 beslutning');
    const n = /punkt (\d+)/i.exec(added)?.[1] ?? /(\d+)\./.exec(added)?.[1];
    expect(n, added).toBeDefined();
    await tell(people.anne, `afstemning 10-12-2026 ${n}`);
    await tell(people.anne, 'flyt møde 10-12-2026 til 17-12-2026');
    // The vote's deadline (72 h) passes: the card is updated as closed, rendered after the move.
    await h.at('2026-12-04T10:00:00Z');
    const card = h.connector.messages().map((m) => literal(JSON.stringify(m.activity))).find((t) => t.includes('Lokalefordeling 2027') && t.includes('Afstemning'));
    expect(card).toBeDefined();
    expect(card).toContain('Lukket');
    // It still names the meeting at its old date, which no longer exists.
    expect(card).not.toContain('dagsordenen til mødet torsdag den 10. december 2026');
    expect(card).toContain('dagsordenen til mødet torsdag den 17. december 2026');
  });
});

describe('moving a meeting: R10 and another year', () => {
  it('R10: a December meeting whose sent agenda carries next year\'s dates is not moved into January; 2027\'s last meeting keeps the item', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await tell(people.pia, 'møde 28-12-2026 14:00');
    await tell(people.pia, 'møde 09-12-2027 14:00');
    expect(await show(people.lars, 'dagsorden 09-12-2027')).toContain('Mødedatoer for det kommende år');
    // The 28 December agenda goes out (23 December), carrying R10's item for 2027's dates.
    await h.at('2026-12-23T08:00:30Z');
    expect(await show(people.lars, 'dagsorden 28-12-2026')).toContain('Mødedatoer for det kommende år');
    expect(await say(people.anne, 'flyt møde 28-12-2026 til 05-01-2027')).toBe(
      'Dagsordenen til mødet er udsendt, så mødet kan ikke flyttes til et andet år. Aflys det, og planlæg et nyt møde. Intet er ændret.',
    );
    expect(h.connector.posts().some((p) => textOf(p).includes('er flyttet'))).toBe(false);
    // Within its year it moves.
    await tell(people.anne, 'flyt møde 28-12-2026 til 29-12-2026');
    expect(h.connector.posts().some((p) => textOf(p).includes('er flyttet til tirsdag den 29. december 2026'))).toBe(true);
    expect(await show(people.lars, 'dagsorden 09-12-2027')).toContain('Mødedatoer for det kommende år');
  });
});

describe('moving a meeting: the date poll\'s calendar file', () => {
  it('R10: a meeting the confirmed poll planned, moved to another day, is still in the year\'s calendar file (at its new time)', async () => {
    h = await startInstalledHarness('2027-05-20T10:00:00+02:00');
    await tell(people.anne, 'mødedatoer 2027');
    const pollCard = h.connector.posts().find((p) => h!.connector.textOf(p).startsWith('Mødedatoer for 2027'))!;
    const pollId = JSON.stringify(pollCard).match(/"pollId":"([^"]+)"/)![1]!;
    const res = await h.send(cardAction(h.connector.url, people.anne, 'dates.confirm', { pollId, dates: '2027-06-10,2027-08-12,2027-09-09,2027-12-09' }));
    expect(res.status).toBe(200);
    const announced = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Mødedatoerne for 2027 er fastlagt'));
    const md = String((announced as { text?: string }).text);
    const at = md.indexOf('[Føj møderne i 2027 til kalenderen](');
    expect(at).toBeGreaterThanOrEqual(0);
    const start = md.indexOf('(', at) + 1;
    const u = new URL(md.slice(start, md.indexOf(')', start)).replace(/&amp;/g, '&'));
    const year = async () => (await (await fetch(`${h!.url}${u.pathname}${u.search}`)).text()).replace(/\r\n[ \t]/g, '');
    expect((await year()).match(/BEGIN:VEVENT/g)).toHaveLength(4);
    await tell(people.anne, 'flyt møde 12-08-2027 til 19-08-2027');
    expect(h.connector.posts().some((p) => textOf(p).includes('er flyttet til torsdag den 19. august 2027'))).toBe(true);
    const after = await year();
    // The moved meeting is the same event (UID), now at its new time: the year's file should carry the change.
    expect(after.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(after).toContain('20270819T140000');
  });
});

describe('moving a meeting: DST and its kept time', () => {
  it('moving a 02.30 meeting to the spring-forward Sunday without a new time: the refusal should name the clock that does not exist', async () => {
    h = await startInstalledHarness('2026-03-01T09:00:00Z');
    await tell(people.pia, 'møde 22-03-2026 02:30');
    const answer = await say(people.anne, 'flyt møde 22-03-2026 til 29-03-2026');
    expect(answer).toContain('findes ikke');
    expect(answer).toContain('02.30');
  });

});
