/**
 * R13 and an operator's edit: the board file's `postingTime` (or time zone, or agenda lead
 * days) changed and the bot restarted moves the posts already planned for the meetings to
 * come, to where the file now puts them; the agenda deadline the bot shows and the moment it
 * posts stay one. A post that fell due while the bot was down still goes out at once.
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

/** The demo board's file with `postingTime` set to `time`. */
function boardFileWithPostingTime(time: string): string {
  dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-file-change-'));
  const file = join(dir, 'demo.yaml'); // its id is its name: the same board
  const text = readFileSync(DEMO_CONFIG_PATH, 'utf8');
  expect(text).toContain('postingTime: "09:00"');
  writeFileSync(file, text.replace('postingTime: "09:00"', `postingTime: "${time}"`));
  return file;
}

const agendaPosts = () => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Dagsorden'));

describe('R13: a changed postingTime moves the posts already planned', () => {
  it('R13: the agenda planned for 09:00 on its deadline goes out at 12:00 once the file says 12:00, as `møder` then says', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 14-12-2026 14:00'));
    await h.restart('2026-12-02T09:00:00+01:00', boardFileWithPostingTime('12:00'));
    const message = channelMessage(h.connector.url, people.pia, 'møder');
    await h.send(message);
    const listed = h.connector.textOf(h.connector.posts().find((p) => p.replyToId === message.id)!);
    expect(listed).toContain('onsdag den 9. december 2026 kl. 12.00');
    const [meeting] = await h.store.listMeetings({});
    const job = await h.store.getJob(`meeting:${meeting!.id}:agenda-post`);
    expect(job?.dueAt.toISOString()).toBe('2026-12-09T11:00:00.000Z');
    await h.at('2026-12-09T09:30:00+01:00');
    expect(agendaPosts()).toHaveLength(0);
    await h.at('2026-12-09T12:00:30+01:00');
    expect(agendaPosts()).toHaveLength(1);
    expect((await h.store.getMeeting(meeting!.id))?.agendaLate).toBeFalsy();
  });

  it('R13: a reminder that fell due while the bot was down still goes out at the start, though the new time would have left it out', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    await h.send(channelMessage(h.connector.url, people.pia, 'møde 14-12-2026 14:00'));
    const [meeting] = await h.store.listMeetings({});
    // The agenda reminder (7 days before, 09:00: 7 December) is missed; the bot starts at 10:00 on the 7th with 08:00 as the time.
    await h.restart('2026-12-07T10:00:00+01:00', boardFileWithPostingTime('08:00'));
    const reminder = await h.store.getJob(`meeting:${meeting!.id}:agenda-reminder`);
    expect(reminder?.status).toBe('done');
    const posted = h!.connector.posts().filter((p) => h!.connector.textOf(p).includes('Påmindelse: Dagsordenen til mødet mandag den 14. december 2026'));
    expect(posted.length).toBeGreaterThan(0);
  });

  it('R16: a task\'s reminder on its due day moves with the posting time too', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
    await h.send(channelMessage(h.connector.url, people.pia, 'opgave 10-12-2026 Lars Lund: Bestil lokalet'));
    await h.restart('2026-12-02T09:00:00+01:00', boardFileWithPostingTime('12:00'));
    const card = h.connector.posts().find((p) => JSON.stringify(p).includes('"taskId"'))!;
    const taskId = /"taskId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    expect((await h.store.getJob(`task.reminder:${taskId}`))?.dueAt.toISOString()).toBe('2026-12-10T11:00:00.000Z');
  });
});
