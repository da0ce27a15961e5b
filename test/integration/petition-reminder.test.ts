/**
 * R11: a petition that reached its majority, whose meeting the chair has not called, is not
 * forgotten: PETITION_REMINDER_DAYS (7) days after the majority, at the posting time, the chair
 * and the secretary are reminded as of the agenda (a 1:1 chat, else an @mention in the channel),
 * then every 7 days, until a meeting on its subject is called (cancelled, the reminders go on) or
 * its half year is out. Durable (job `petition.reminder`): a bot down across several moments
 * reminds once at its start, not once per missed week. Over HTTP, in process (app-harness.ts),
 * the clock the test's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, people, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { englishFile, mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
const { isPetitionCard, petitionIdOf, support, petition } = petitionsOf(() => h!);
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The demo board file with another posting time, in a folder of its own (its id is its name: the same board). */
function boardFileWithPostingTime(time: string): string {
  dir = mkdtempSync(join(tmpdir(), 'petition-reminder-'));
  const file = join(dir, 'demo.yaml');
  const text = readFileSync(DEMO_CONFIG_PATH, 'utf8');
  expect(text).toContain('postingTime: "09:00"');
  writeFileSync(file, text.replace('postingTime: "09:00"', `postingTime: "${time}"`));
  return file;
}



const MAJORITY = [people.henrik, people.mette, people.lars];
const reminders = (marker = 'Påmindelse: Et flertal') => h!.connector.posts().filter((p) => h!.connector.textOf(p).includes(marker));
const textOf = (p: PostedActivity) => literal(h!.connector.textOf(p));
const audited = async () => (await h!.store.listAudit({ action: 'petition.reminder' })).map((e) => ({ actor: e.actor, subject: e.subject }));

const BUDGET =
  'Påmindelse: Et flertal af bestyrelsens medlemmer krævede tirsdag den 1. december 2026 et ekstraordinært møde om »Budget 2027«, men mødet er endnu ikke indkaldt. Fastsæt venligst tidspunktet med »ekstraordinært møde <dato> <tid> Budget 2027«.';

describe('R11: the chair and the secretary are reminded of a demanded meeting not called', () => {
  it('R11: 7 days after the majority at the posting time, then weekly, @mentioning the chairs and the secretary; audited once per moment; once the meeting is called, no more', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', MAJORITY);
    // A minute before 09.00 (Copenhagen) on 8 December: nothing yet.
    await h.at('2026-12-08T07:59:00Z');
    expect(reminders()).toEqual([]);
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    const [first] = reminders();
    expect(textOf(first!)).toBe(`<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: ${BUDGET}`);
    expect((first!.entities as { mentioned: { id: string } }[]).map((e) => e.mentioned.id).sort()).toEqual(['29:anne', '29:karsten', '29:pia']);
    // Ticking again the same day posts nothing more.
    await h.pass(60_000);
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(2);
    expect(await audited()).toEqual([
      { actor: 'system', subject: `petition:${petitionIdOf(card)}` },
      { actor: 'system', subject: `petition:${petitionIdOf(card)}` },
    ]);
    await mk(h).tell(people.anne, 'ekstraordinært møde 12-01-2027 14:00 budget 2027');
    await h.at('2026-12-22T08:00:30Z');
    await h.at('2027-01-19T08:00:30Z');
    expect(reminders()).toHaveLength(2);
  });

  it('R11: as the agenda reminder: to the 1:1 chat of one who has written to the bot there (Karsten), to the others as @mentions in the channel', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await h.send(personalMessage(h.connector.url, people.karsten, 'hjælp'));
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.at('2026-12-08T08:00:30Z');
    const personal = reminders().filter((p) => p.conversationId === 'a:1:karsten');
    expect(personal.map(textOf)).toEqual([BUDGET]);
    const channel = reminders().filter((p) => p.conversationId === CHANNEL_ID);
    expect(channel.map(textOf)).toEqual([`<at>Anne Andersen</at> og <at>Pia Poulsen</at>: ${BUDGET}`]);
  });

  it('R11: the bot down across four moments: its start reminds once, not four times; a restart sends nothing again; the next comes a week on', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.restart('2026-12-29T10:00:00Z');
    expect(reminders()).toHaveLength(1);
    expect(await audited()).toHaveLength(1);
    await h.restart('2026-12-29T11:00:00Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2027-01-05T07:59:00Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2027-01-05T08:00:30Z');
    expect(reminders()).toHaveLength(2);
  });

  it('R11: the meeting called on it is cancelled: the demand stands again, and the reminders go on', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await mk(h).tell(people.anne, 'ekstraordinært møde 10-12-2026 14:00 Budget 2027');
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toEqual([]);
    await mk(h).tell(people.anne, 'aflys møde 10-12-2026');
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(1);
  });

  it('R11: no reminder before the majority, none for a petition without one; the reminders stop at the end of the half year (09.00 in summer time too)', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik]);
    await petition(people.lars, 'Legepladsen');
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toEqual([]);
    // The majority on Wednesday 9 December: the first reminder on Wednesday 16 December.
    await h.at('2026-12-09T12:00:00Z');
    await support(people.mette, card);
    await support(people.soeren, card);
    await h.at('2026-12-16T07:59:00Z');
    expect(reminders()).toEqual([]);
    await h.at('2026-12-16T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    expect(textOf(reminders()[0]!)).toContain('krævede onsdag den 9. december 2026 et ekstraordinært møde');
    // Half a year after it was asked (Wednesday 2 June 2027 11.00 Copenhagen): the last reminder is that morning, 09.00 summer time.
    await h.at('2027-06-02T06:59:00Z');
    const before = reminders().length;
    await h.at('2027-06-02T07:00:30Z');
    expect(reminders()).toHaveLength(before + 1);
    await h.at('2027-06-09T07:00:30Z');
    await h.at('2027-06-16T07:00:30Z');
    expect(reminders()).toHaveLength(before + 1);
    expect((await h.store.getJob(`petition:${petitionIdOf(card)}:reminder`))?.status).toBe('done');
  });

  it('R11: a majority reached before reminders existed (no job planned): the start plans them, and reminds at once when a moment is past', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.store.cancelJob(`petition:${petitionIdOf(card)}:reminder`);
    await h.restart('2026-12-20T10:00:00Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-22T08:00:30Z');
    expect(reminders()).toHaveLength(2);
  });
  it('R11: a reminder job that failed for good (its retries spent: the database away for hours) is planned again at the next start, as the lapse job is: the reminders do not stop for the rest of the half year', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', MAJORITY);
    const key = `petition:${petitionIdOf(card)}:reminder`;
    // Everything due before it runs; then the reminder's run fails for good (as after its last retry).
    await h.at('2026-12-08T07:59:00Z');
    const claimed = await h.store.claimDueJobs(new Date('2026-12-08T08:00:30Z'), 100);
    for (const job of claimed) await h.store.failJob(job.id, 'database away', job.key === key ? undefined : new Date('2026-12-08T08:00:30Z'));
    expect((await h.store.getJob(key))?.status).toBe('failed');
    await h.restart('2026-12-08T10:00:00Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(2);
  });
});

describe('R11: the reminder follows the board file', () => {
  it('R11: the posting time changed to 12:00 before the first reminder: it comes at 12.00, once', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.restart('2026-12-02T09:00:00Z', boardFileWithPostingTime('12:00'));
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toEqual([]);
    await h.at('2026-12-08T11:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T11:00:30Z');
    expect(reminders()).toHaveLength(2);
  });
  it('R11: the posting time changed to 12:00 after that morning\'s reminder at 09.00: not reminded again at 12.00 that day; the next week at 12.00', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.at('2026-12-08T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.restart('2026-12-08T09:00:00Z', boardFileWithPostingTime('12:00'));
    await h.at('2026-12-08T11:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T11:00:30Z');
    expect(reminders()).toHaveLength(2);
  });

  it('R11: the posting time changed to 09:00 from 12:00, the bot started at 10.00 on the day of a reminder not yet sent: it reminds at once, not a week later', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.restart('2026-12-02T09:00:00Z', boardFileWithPostingTime('12:00'));
    await h.restart('2026-12-08T09:00:00Z', DEMO_CONFIG_PATH);
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-08T11:00:30Z');
    expect(reminders()).toHaveLength(1);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toHaveLength(2);
  });
});

describe('R11: an English board', () => {
  it('R11: the reminder is in English', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() });
    const { say, tell } = mk(h);
    await say(people.anne, 'use this channel');
    const since = h.connector.mark();
    await tell(people.birgitte, 'request extraordinary meeting Water damage');
    const card = await h.connector.waitForPost(isPetitionCard, { since });
    await support(people.lars, card);
    await h.at('2026-12-08T09:00:30Z');
    const [reminder] = reminders('Reminder: On');
    expect(textOf(reminder!)).toBe(
      '<at>Anne Andersen</at> and <at>Pia Poulsen</at>: Reminder: On Tuesday 1 December 2026 a majority of the board\'s members demanded an extraordinary meeting on "Water damage", but it has not yet been called. Please set the date with "extraordinary <date> <time> Water damage".',
    );
  });
});
