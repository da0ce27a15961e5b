/**
 * R7: a conclusion made during its meeting stays open until the chair closes it. The day after
 * the meeting, at postingTime, the chair is reminded of those still open (once per meeting), so
 * that they do not reach the minutes, and their approval, as open; none when all are closed.
 * Over HTTP, in process (app-harness.ts), the clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const lastConclusionCard = () => h.connector.posts().filter((p) => h.connector.textOf(p).startsWith('Konklusion')).at(-1)!;
const reminders = () => h.connector.posts().map((p) => literal(h.connector.textOf(p))).filter((t) => t.includes('stadig åben'));

describe('R7: conclusions left open after their meeting', () => {
  it('R7: the day after the meeting at 09.00 the chair is reminded of the conclusion still open, not of the one closed', async () => {
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-03T13:10:00Z'); // 14.10, at the meeting
    await tell(people.anne, 'konklusion 1 Dagsordenen godkendes.');
    await h.send(cardAction(h.connector.url, people.anne, 'conclusion.close', { conclusionId: idIn(lastConclusionCard(), 'conclusionId') }));
    await tell(people.anne, 'konklusion 3 Økonomien tages til efterretning.');
    await h.at('2026-12-04T07:59:00Z');
    expect(reminders()).toEqual([]);
    await h.at('2026-12-04T08:00:00Z'); // Friday 09.00
    expect(reminders()).toEqual([
      '<at>Anne Andersen</at> og <at>Karsten Kjær</at>: Konklusionen på punkt 3. Økonomi fra mødet torsdag den 3. december 2026 kl. 14.00 er stadig åben for indsigelser. Formandskabet afslutter punktet med »Afslut« på kortet; indtil da står det som åbent i referatet.',
    ]);
  });

  it('R7: a meeting whose conclusions were all closed gets no reminder', async () => {
    await h.at('2026-12-10T13:10:00Z');
    await tell(people.anne, 'konklusion 3 Regnskabet godkendes.');
    await h.send(cardAction(h.connector.url, people.anne, 'conclusion.close', { conclusionId: idIn(lastConclusionCard(), 'conclusionId') }));
    const before = reminders().length;
    await h.at('2026-12-11T09:00:00Z');
    expect(reminders()).toHaveLength(before);
  });
});

describe('R7: the reminder of conclusions left open, in agenda order, with the objected ones, at the board file\'s postingTime', () => {
  let b: Harness;
  let dir: string | undefined;
  afterAll(async () => {
    await b?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  /** The demo board file with another postingTime. */
  const withPostingTime = (time: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-posting-'));
    const file = join(dir, 'demo.yaml');
    const text = readFileSync(DEMO_CONFIG_PATH, 'utf8');
    expect(text).toContain('postingTime: "09:00"');
    writeFileSync(file, text.replace('postingTime: "09:00"', `postingTime: "${time}"`));
    return file;
  };
  const tellB = async (who: Person, text: string) => void (await b.send(channelMessage(b.connector.url, who, text)));
  const cardOf = (start: string) => b.connector.posts().filter((p) => b.connector.textOf(p).startsWith('Konklusion') && b.connector.textOf(p).includes(start)).at(-1)!;
  const remindersB = () => b.connector.posts().map((p) => literal(b.connector.textOf(p))).filter((t) => t.includes('fra mødet torsdag den 3. december'));

  it('R7: after a restart with postingTime 12.00 it comes at 12.00; the open ones in agenda order, then the one objected to', async () => {
    b = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tellB(people.pia, 'møde 03-12-2026 14:00');
    await b.at('2026-12-03T13:10:00Z');
    await tellB(people.anne, 'konklusion 3 Økonomien tages til efterretning.');
    await tellB(people.anne, 'konklusion 1 Dagsordenen godkendes.');
    await tellB(people.anne, 'konklusion 4 Indikatorerne tages til efterretning.');
    await b.send(cardAction(b.connector.url, people.lars, 'conclusion.object', { conclusionId: idIn(cardOf('Konklusion\n'), 'conclusionId') }));
    // The operator moves postingTime to 12.00 that evening, and restarts.
    await b.restart('2026-12-03T19:00:00Z', withPostingTime('12:00'));
    await b.at('2026-12-04T08:30:00Z'); // 09.30: the old time has passed
    expect(remindersB()).toEqual([]);
    await b.at('2026-12-04T11:00:00Z'); // 12.00
    const [reminder] = remindersB();
    expect(reminder).toContain('Konklusionerne på punkt 1. Godkendelse af dagsorden og 3. Økonomi fra mødet torsdag den 3. december 2026 kl. 14.00 er stadig åbne for indsigelser.');
    expect(reminder).toMatch(/\n\nKonklusionen på punkt 4\. [^\n]+ fra mødet torsdag den 3\. december 2026 kl\. 14\.00 har fået indsigelse og er ikke afgjort\. Formandskabet sætter den til afstemning på kortet eller fremsætter en ny konklusion\.$/);
  });
});
