/**
 * R16: a meeting that falls through after its start (nobody came, the room fell through) is
 * cancelled on its day with `aflys møde` while nothing of its record exists: no attendee, no
 * vote, conclusion or task given at it, no minutes. Its attendance card then says it is
 * cancelled and takes no more presses, what follows it is dropped, and neither the minutes
 * nor `status` count it as held. With a record it is refused, saying why and what to do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { mk } from '../support/english-board.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const DAY = 'torsdag den 10. december 2026';
const CANCELLED = `Ordinært møde ${DAY} kl. 14.00 er aflyst.`;

/** The meeting of 10 December 2026 at 14.00, planned on 1 December, its agenda sent; the clock at 14.20 on its day (its attendance card posted at 14.00). */
async function fellThrough(): Promise<{ h: Harness; meetingId: string } & ReturnType<typeof mk>> {
  h = await startInstalledHarness('2026-12-01T09:00:00Z');
  const helpers = mk(h);
  await helpers.tell(people.pia, 'møde 10-12-2026 14:00');
  await h.at('2026-12-05T08:00:30Z'); // its agenda goes out
  await h.at('2026-12-10T13:20:00Z');
  const [meeting] = await h.store.listMeetings({});
  return { h, meetingId: meeting!.id, ...helpers };
}

const isAttendanceCard = (bot: Harness) => (p: PostedActivity) => p.replyToId === undefined && bot.connector.textOf(p).startsWith('Fremmøde\n');
/** The attendance card as it stands now (posted, then updated): its text and whether it has *Jeg deltager*. */
function attendanceCardNow(bot: Harness): { text: string; joinable: boolean } {
  const posted = bot.connector.posts().filter(isAttendanceCard(bot)).at(-1);
  expect(posted, 'the attendance card').toBeDefined();
  const activity = bot.connector.message(posted!.id)!.activity;
  return { text: literal(bot.connector.textOf(activity)), joinable: JSON.stringify(activity).includes('attendance.join') };
}

describe('cancelling a meeting on its day after its start (R16)', () => {
  it('R16: with nothing recorded it is cancelled; the board is told, the attendance card says so without »Jeg deltager«, a press on it changes nothing', async () => {
    const { h: bot, meetingId, tell, all } = await fellThrough();
    expect(attendanceCardNow(bot).joinable).toBe(true);
    await tell(people.anne, 'aflys møde 10-12-2026');
    expect((await bot.store.getMeeting(meetingId))?.status).toBe('cancelled');
    expect(all().filter((t) => t.startsWith(`${CANCELLED}\n\n[Fjern fra kalender]`))).toHaveLength(1);
    await bot.pass(1_000);
    const card = attendanceCardNow(bot);
    expect(card.joinable).toBe(false);
    expect(card.text).toContain('Mødet er aflyst, så der registreres ikke fremmøde.');
    // An old copy of the card pressed: a clear answer, and no attendee recorded.
    const answer = await bot.send(cardAction(bot.connector.url, people.lars, 'attendance.join', { meetingId }));
    expect(literal(JSON.stringify((answer.body as { value: unknown }).value))).toContain('Mødet er aflyst. Intet er ændret.');
    expect(await bot.store.listAttendees(meetingId)).toEqual([]);
  });

  it('R16: cancelled after its start, what follows it is dropped, and neither the minutes nor status count it as held', async () => {
    const { h: bot, meetingId, say, tell } = await fellThrough();
    await tell(people.anne, 'aflys møde 10-12-2026');
    // The attendance card's close at midnight is dropped with it.
    expect((await bot.store.getJob(`meeting:${meetingId}:attendance-close`))?.status).toBe('cancelled');
    await bot.at('2026-12-11T09:30:00Z');
    expect(await say(people.pia, 'referat')).not.toContain(DAY);
    expect(await say(people.pia, 'referat 10-12-2026')).toBe(`Der er intet møde ${DAY}.`);
    expect(await say(people.anne, 'status')).not.toContain('10. december');
    expect(await bot.store.listMinutes(meetingId)).toEqual([]);
  });

  it('R16: with an attendee recorded it is refused, saying so and how the secretary takes them off first; then it is cancelled', async () => {
    const { h: bot, meetingId, say, tell } = await fellThrough();
    await bot.send(cardAction(bot.connector.url, people.lars, 'attendance.join', { meetingId }));
    expect(await say(people.anne, 'aflys møde 10-12-2026')).toBe(
      'Der er registreret deltagere i mødet, så det står som afholdt og kan ikke aflyses. Blev mødet ikke holdt, fjerner sekretæren først deltagerne med »fjern deltager <navn>«; derefter kan det aflyses. Intet er ændret.',
    );
    expect((await bot.store.getMeeting(meetingId))?.status).toBe('planned');
    await tell(people.pia, 'fjern deltager Lars Lund');
    await tell(people.anne, 'aflys møde 10-12-2026');
    expect((await bot.store.getMeeting(meetingId))?.status).toBe('cancelled');
  });

  it('R16: with a task, a vote or minutes given at it, it is refused: it stands as held, and the minutes say what happened', async () => {
    const REFUSED =
      'Der er allerede givet opgaver, stemt, konkluderet eller skrevet referat på mødet, og det hører til mødets referat. Mødet står derfor som afholdt og kan ikke aflyses. Skriv i referatet, hvad der skete, med »referat« og »tilføj referat <tekst>«. Intet er ændret.';
    for (const given of [
      'opgave 20-12-2026 Lars Lund: Indhent tilbud på vinduer',
      'afstemning Skal bestyrelsen holde et ekstra møde i januar?',
      'konklusion 3 Økonomien tages til efterretning.',
    ]) {
      const { h: bot, meetingId, say, tell } = await fellThrough();
      await tell(people.anne, given);
      expect(await say(people.anne, 'aflys møde 10-12-2026'), given).toBe(REFUSED);
      expect((await bot.store.getMeeting(meetingId))?.status, given).toBe('planned');
      await bot.close();
      h = undefined;
    }
    const { h: bot, meetingId, say, tell } = await fellThrough();
    await tell(people.pia, 'referat');
    expect(await bot.store.listMinutes(meetingId)).toHaveLength(1);
    expect(await say(people.anne, 'aflys møde 10-12-2026')).toBe(REFUSED);
    expect((await bot.store.getMeeting(meetingId))?.status).toBe('planned');
  });

  it('R16: after its day it is refused: the meeting stands as held', async () => {
    const { h: bot, meetingId, say } = await fellThrough();
    await bot.at('2026-12-11T09:00:00Z');
    expect(await say(people.anne, 'aflys møde 10-12-2026')).toBe('Mødedagen er forbi, så mødet står som afholdt og kan ikke længere aflyses. Intet er ændret.');
    expect((await bot.store.getMeeting(meetingId))?.status).toBe('planned');
  });
});
