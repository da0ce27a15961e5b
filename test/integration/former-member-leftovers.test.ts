/**
 * A member leaves mid-year: taken out of the board file, the bot restarted. What they left
 * behind that looks ahead is not left hanging: the reminder of a task they owned reaches the
 * chair and the secretary, who can close it (R16), and apologies they sent for a meeting still
 * to come are no longer the board's (the card, the day-before reminder and the minutes name the
 * board's people). The record of what was before stays (former-members.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The demo board file with Lars Lund (BK) replaced by Bente Berg (BK): he has left, she has joined. */
function boardFileWithoutLars(): string {
  dir = mkdtempSync(join(tmpdir(), 'former-leftovers-'));
  const yaml = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace(
    /  - name: Lars Lund\n(    .*\n){4}/,
    '  - name: Bente Berg\n    aadObjectId: 00000000-0000-4000-8000-00000000000b\n    organisation: BK\n    roles: [member]\n',
  );
  if (yaml.includes('Lars Lund')) throw new Error('the demo board file changed: Lars Lund is still in it');
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('a member who has left: what they left behind that looks ahead', () => {
  it('R16: the reminder of a task whose owner has left the board goes to the chair and the secretary, naming the owner, instead of to no one', async () => {
    // Tuesday 8 February 2028, 09.00 in Copenhagen.
    h = await startInstalledHarness('2028-02-08T08:00:00Z');
    const { tell, all } = mk(h);
    await tell(people.anne, 'opgave 20-02-2028 Lars Lund: Skriv til beboerbladet');
    await h.restart('2028-02-10T09:00:00Z', boardFileWithoutLars());
    const since = h.connector.posts().length;
    await h.at('2028-02-20T08:00:30Z');
    const reminders = all().slice(since).filter((t) => t.includes('Skriv til beboerbladet'));
    expect(reminders).toEqual([
      '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: Påmindelse: Opgaven »Skriv til beboerbladet« har frist i dag, søndag den 20. februar 2028. Den ansvarlige, Lars Lund, er ikke længere i bestyrelsen. Formandskabet eller sekretæren kan markere den som udført på opgavens kort i bestyrelsens kanal eller give opgaven til en anden med »opgave«.',
    ]);
  });

  it('R16: apologies sent by a member who has since left, for a meeting still to come, are on neither the attendance card, the day-before reminder nor the minutes; those for a meeting held stay in its minutes', async () => {
    h = await startInstalledHarness('2028-02-08T08:00:00Z');
    const { tell, all } = mk(h);
    await tell(people.pia, 'møde 09-02-2028 10:00');
    await tell(people.pia, 'møde 10-03-2028 14:00 Rådhuset');
    await h.send(personalMessage(h.connector.url, people.lars, 'afbud 09-02-2028'));
    await h.send(personalMessage(h.connector.url, people.lars, 'afbud 10-03-2028 Rejse'));
    await tell(people.birgitte, 'afbud 10-03-2028');
    await h.restart('2028-02-10T09:00:00Z', boardFileWithoutLars());
    const since = h.connector.posts().length;
    await h.at('2028-03-05T08:00:30Z');
    await h.at('2028-03-09T08:00:30Z');
    await h.at('2028-03-10T13:00:30Z');
    await h.send(channelMessage(h.connector.url, people.pia, 'deltager Anne Andersen'));
    await tell(people.pia, 'referat');
    const said = all().slice(since);
    expect(said.find((t) => t.startsWith('Påmindelse: ordinært møde i morgen'))).toContain('Afbud indtil nu: Birgitte Bach.');
    expect(said.find((t) => t.startsWith('Fremmøde'))).toContain('Afbud: Birgitte Bach\n');
    expect(said.find((t) => t.startsWith('Referat'))).toContain('**Afbud**\nBirgitte Bach (SB).');
    expect(said.filter((t) => t.includes('Lars Lund'))).toEqual([]);
    // Those he sent for a meeting held while he sat on the board are its record.
    await tell(people.pia, 'referat 09-02-2028');
    expect(all().find((t) => t.includes('**Referat – Ordinært møde onsdag den 9. februar 2028 kl. 10.00**'))).toContain('**Afbud**\nLars Lund (BK).');
  });

  it('R16: the apologies of one who has left, dropped at the restart, are in the audit log, each naming the meeting and the person; a second restart drops nothing more', async () => {
    h = await startInstalledHarness('2028-02-08T08:00:00Z');
    const { tell } = mk(h);
    await tell(people.pia, 'møde 10-03-2028 14:00 Rådhuset');
    await tell(people.pia, 'møde 11-04-2028 14:00 Rådhuset');
    await h.send(personalMessage(h.connector.url, people.lars, 'afbud 10-03-2028 Rejse'));
    await h.send(personalMessage(h.connector.url, people.lars, 'afbud 11-04-2028'));
    await tell(people.birgitte, 'afbud 10-03-2028');
    const file = boardFileWithoutLars();
    await h.restart('2028-02-10T09:00:00Z', file);
    const meetings = (await h.store.listMeetings({ status: 'planned' })).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const dropped = await h.store.listAudit({ action: 'apology.dropped' });
    expect(dropped.map((e) => ({ at: e.at.toISOString(), actor: e.actor, subject: e.subject, data: e.data }))).toEqual(
      meetings.map((meeting) => ({ at: '2028-02-10T09:00:00.000Z', actor: 'system', subject: `meeting:${meeting.id}`, data: { meetingId: meeting.id, personId: people.lars.aadObjectId } })),
    );
    expect((await h.store.listApologies(meetings[0]!.id)).map((a) => a.personId)).toEqual([people.birgitte.aadObjectId]);
    await h.restart('2028-02-11T09:00:00Z', file);
    expect(await h.store.listAudit({ action: 'apology.dropped' })).toHaveLength(2);
  });
});
