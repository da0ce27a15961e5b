/**
 * R6: no reminder to vote in the night (README, "Votes"; docs/rules.md R6). The reminder falls
 * `voteReminderHours` before the deadline; when that is between 22.00 and 07.00 in the board's time
 * zone, it goes out at 07.00 that morning, if that still leaves an hour before the deadline, else at
 * 21.00 the evening before. Real HTTP, the fake Bot Connector on 127.0.0.1, an injected clock.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const MOTION = 'Ny vaskeriordning';
const reminders = () => h!.connector.posts().filter((p) => h!.connector.textOf(p).includes('Påmindelse:') && h!.connector.textOf(p).includes(MOTION));

/** The demo board, with `voteReminderHours` set. */
function boardWithReminderHours(hours: number): string {
  dir = mkdtempSync(join(tmpdir(), 'vote-reminder-night-'));
  const file = join(dir, 'demo.yaml');
  const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
  const changed = demo.replace(/^( {2}voteDeadlineHours: 72\n)/m, `$1  voteReminderHours: ${hours}\n`);
  expect(changed).not.toBe(demo);
  writeFileSync(file, changed);
  return file;
}

async function openVoteAt(instant: string, boardConfig?: string): Promise<void> {
  h = await startInstalledHarness(instant, boardConfig ? { boardConfig } : {});
  await h.send(channelMessage(h.connector.url, people.anne, `afstemning ${MOTION}`));
}

describe('a vote reminder that would fall in the night (R6)', () => {
  it('R6: opened Monday 23.30 (deadline Thursday 23.30), the reminder 24 h before falls Wednesday 23.30: it goes out Thursday 07.00 instead', async () => {
    await openVoteAt('2027-02-08T23:30:00+01:00');
    await h!.at('2027-02-10T23:30:30+01:00');
    expect(reminders()).toEqual([]);
    await h!.at('2027-02-11T06:59:00+01:00');
    expect(reminders()).toEqual([]);
    await h!.at('2027-02-11T07:00:00+01:00');
    expect(reminders()).toHaveLength(1);
    expect(h!.connector.textOf(reminders()[0]!)).toContain('torsdag den 11. februar 2027 kl. 23.30');
  });

  it('R6: opened Monday 07.30 with voteReminderHours 3, the reminder falls Thursday 04.30: 07.00 would leave less than an hour before the deadline, so it goes out Wednesday 21.00', async () => {
    await openVoteAt('2027-02-08T07:30:00+01:00', boardWithReminderHours(3));
    await h!.at('2027-02-10T20:59:00+01:00');
    expect(reminders()).toEqual([]);
    await h!.at('2027-02-10T21:00:00+01:00');
    expect(reminders()).toHaveLength(1);
    await h!.at('2027-02-11T07:00:00+01:00');
    expect(reminders()).toHaveLength(1);
  });

  it('R6: a reminder that falls in the day keeps its time (opened Monday 10.00: Wednesday 10.00)', async () => {
    await openVoteAt('2027-02-08T10:00:00+01:00');
    await h!.at('2027-02-10T09:59:00+01:00');
    expect(reminders()).toEqual([]);
    await h!.at('2027-02-10T10:00:00+01:00');
    expect(reminders()).toHaveLength(1);
  });
});
