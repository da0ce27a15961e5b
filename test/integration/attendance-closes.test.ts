/**
 * R16: the attendance card offers *Jeg deltager* on the meeting's day only. At midnight after
 * it (the board's zone) the card is updated without the button, which would only be refused
 * (»Mødet er slut …«), and says how the secretary corrects the attendance; what the secretary
 * records afterwards updates it, still without the button. Over HTTP, in process
 * (app-harness.ts), the clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const isAttendanceCard = (p: PostedActivity) => p.replyToId === undefined && h.connector.textOf(p).startsWith('Fremmøde\n');
/** The attendance card as it stands now (posted, then updated): its text and whether it has *Jeg deltager*. */
function attendanceCardNow(): { text: string; joinable: boolean } {
  const posted = h.connector.posts().filter(isAttendanceCard).at(-1);
  expect(posted, 'the attendance card').toBeDefined();
  const activity = h.connector.message(posted!.id)!.activity;
  return { text: literal(h.connector.textOf(activity)), joinable: JSON.stringify(activity).includes('attendance.join') };
}

describe('R16: the attendance card after the meeting\'s day', () => {
  it('R16: the card posted at the start has »Jeg deltager«; after midnight it is updated without it, with who took part', async () => {
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T13:00:00Z'); // 14.00: the meeting begins
    const opened = attendanceCardNow();
    expect(opened.joinable).toBe(true);
    const meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(h.connector.posts().filter(isAttendanceCard).at(-1)))![1]!;
    await h.send(cardAction(h.connector.url, people.anne, 'attendance.join', { meetingId }));
    await h.at('2026-12-03T22:30:00Z'); // 23.30 the same day: still open
    expect(attendanceCardNow().joinable).toBe(true);

    await h.at('2026-12-03T23:00:00Z'); // midnight: the day is over
    const closed = attendanceCardNow();
    expect(closed.joinable).toBe(false);
    expect(closed.text).toContain('Til stede: Anne Andersen');
    expect(closed.text).toContain('Mødet er afholdt. Sekretæren kan rette fremmødet med »deltager <navn>« og »fjern deltager <navn>«.');
    expect(closed.text).not.toContain('Tryk »Jeg deltager«');
    // Nothing of this is a board action: the record has no entry for it.
    expect(await h.store.listAudit({ action: 'attendance.closed' })).toHaveLength(0);
  });

  it('R16: the secretary\'s correction the next day updates the card, still without »Jeg deltager«', async () => {
    await h.at('2026-12-04T09:00:00Z');
    await tell(people.pia, 'deltager 03-12-2026 Lars Lund');
    await h.pass(1_000); // a card is updated at most once a second
    const card = attendanceCardNow();
    expect(card.text).toContain('Anne Andersen og Lars Lund');
    expect(card.joinable).toBe(false);
  });
});

describe('R16: an attendance card posted by a version without the close', () => {
  it('R16: after a restart on the meeting\'s day it still loses »Jeg deltager« at midnight', async () => {
    await h.close();
    h = await startInstalledHarness('2026-12-08T08:00:00Z');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T13:00:00Z');
    expect(attendanceCardNow().joinable).toBe(true);
    // The store as the earlier version left it: the card posted, no close planned.
    const [meeting] = await h.store.listMeetings({});
    await h.store.cancelJob(`meeting:${meeting!.id}:attendance-close`);
    await h.restart('2026-12-10T15:00:00Z');
    await h.at('2026-12-10T23:00:00Z');
    await h.pass(1_000);
    expect(attendanceCardNow().joinable).toBe(false);
  });
});
