/**
 * R13, R9: the day-before reminder names the meeting's place (a room, an address or a Teams
 * link: `møde <dato> <tid> <sted>`) when it has one, so that a member reading it on a phone need
 * not scroll up to the agenda card for where to go. Danish and English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the day-before reminder names the place', () => {
  it('R13, R9: a meeting with a place: the reminder under the agenda says where; one without says no place', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const { tell, all } = mk(h);
    await tell(people.pia, 'møde 10-12-2026 14:00 Rådhuset, mødelokale 2');
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await h.at('2026-12-09T08:00:30Z');
    const reminder = (day: string) => all().filter((t) => t.startsWith(`Påmindelse: ordinært møde i morgen, ${day}`));
    expect(reminder('torsdag den 10. december 2026')).toEqual(['Påmindelse: ordinært møde i morgen, torsdag den 10. december 2026 kl. 14.00. Dagsordenen står herover.\n\nSted: Rådhuset, mødelokale 2']);
    await h.at('2026-12-16T08:00:30Z');
    expect(reminder('torsdag den 17. december 2026')).toEqual(['Påmindelse: ordinært møde i morgen, torsdag den 17. december 2026 kl. 14.00. Dagsordenen står herover.']);
  });

  it('R13, R9: the same in English, the place a Teams link, linked', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell, all } = mk(h);
    await say(people.anne, 'use this channel');
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0';
    await tell(people.pia, `meeting 10-12-2026 14:00 ${link}`);
    await h.at('2026-12-09T09:00:30Z');
    const reminder = all().filter((t) => t.startsWith('Reminder: ordinary meeting tomorrow'));
    expect(reminder).toHaveLength(1);
    expect(h.connector.posts().map((p) => JSON.stringify(p)).join()).toContain(`Place: [Meeting link](${link})`);
  });
});

describe('a place that is a link (a Teams meeting)', () => {
  it('R9: is a link on a phone: its address whole as the link\'s target (not escaped as text: »meeting\\_abc«), in the answer, on the agenda card and in the reminder', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0?context=%7b%22Tid%22%7d';
    const answer = h.connector.textOf(await (await import('../support/conversation.js')).ask(h, h.connector, people.pia, `møde 10-12-2026 14:00 ${link}`));
    expect(answer).toContain(`Sted: [Mødelink](${link})`);
    await h.at('2026-12-09T08:00:30Z');
    const raw = h.connector.posts().map((p) => JSON.stringify(p));
    expect(raw.filter((t) => t.includes('Påmindelse: ordinært møde i morgen')).join()).toContain(`Sted: [Mødelink](${link})`);
    expect(raw.filter((t) => t.includes('Dagsorden')).join()).toContain(`[Mødelink](${link})`);
  });
});
