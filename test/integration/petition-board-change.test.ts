/**
 * R11 and an operator's edit: the board file changed while a petition gathers support (a member
 * added, or one who left taken out), and the bot restarted. The petition's card shows the count
 * against the majority the board now needs (»mindst 5 af 9«) from the start, not from the next
 * »Støt«; a majority the change brings about (more than half of the voting members, as persons) is
 * decided at the start, announced once and audited. A start that changes nothing updates nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
const { isPetitionCard, textNow, petitionIdOf, support, petition } = petitionsOf(() => h!);
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const updatesOf = (posted: PostedActivity) => h!.connector.updates().filter((u) => h!.connector.textOf(u).startsWith('Anmodning') && JSON.stringify(u).includes(petitionIdOf(posted))).length;


const member = (name: string, id: string, organisation: string) => `  - name: ${name}\n    aadObjectId: 00000000-0000-4000-8000-0000000000${id}\n    organisation: ${organisation}\n    roles: [member]\n`;

/** The demo board file (7 voting members) without `leaving` (and an organisation they leave empty) and with `joining` (lines of `member`), in a folder of its own. */
function boardFile(change: { readonly leaving?: readonly string[]; readonly joining?: readonly string[] }): string {
  dir ??= mkdtempSync(join(tmpdir(), 'petition-board-change-'));
  let yaml = readFileSync(DEMO_CONFIG_PATH, 'utf8');
  for (const name of change.leaving ?? []) {
    const without = yaml.replace(new RegExp(`  - name: ${name}\\n(    .*\\n){4}`), '');
    if (without === yaml) throw new Error(`the demo board file changed: no ${name} to take out`);
    yaml = without;
  }
  // An organisation left without a member goes too (R1: each has a member to cast its vote).
  yaml = yaml.replace(/  - \{ id: (\w+), name: .*\}\n/g, (line, id: string) => (yaml.includes(`organisation: ${id}\n`) ? line : ''));
  yaml = yaml.replace('  # The programme manager', `${(change.joining ?? []).join('')}  # The programme manager`);
  const file = join(mkdtempSync(join(dir, 'file-')), 'demo.yaml'); // its id is its name: the same board
  writeFileSync(file, yaml);
  return file;
}

describe('R11: the petition card after the board file changed', () => {
  it('R11: two members added (9, so 5 needed): the card says »2 af 9« and »mindst 5 af 9« from the start; a second start with the same file updates nothing', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Vandskaden i afd. 2', [people.henrik]);
    expect(textNow(card)).toContain('2 af 7 medlemmer støtter.');
    expect(textNow(card)).toContain('mindst 4 af 7');
    const file = boardFile({ joining: [member('Bente Berg', '0b', 'BK'), member('Ole Olsen', '0c', 'KOM')] });
    await h.restart('2026-12-02T09:00:00Z', file);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('2 af 9 medlemmer støtter.');
    expect(textNow(card)).toContain('mindst 5 af 9');
    const updates = updatesOf(card);
    await h.restart('2026-12-03T09:00:00Z', file);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(updatesOf(card)).toBe(updates);
    // Four supports are not yet a majority of nine (they were of seven); the fifth is.
    for (const who of [people.mette, people.lars]) await support(who, card);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('4 af 9 medlemmer støtter.');
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toEqual([]);
    await support(people.soeren, card);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toEqual([expect.stringContaining('(5 af 9)')]);
  });

  it('R11: two members who had not supported it taken out (5, so 3 needed): the three supports are a majority at the start, announced once, audited and shown on the card', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik, people.mette]);
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toEqual([]);
    const file = boardFile({ leaving: ['Lars Lund', 'Søren Skov'] });
    await h.restart('2026-12-02T09:00:00Z', file);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toEqual([
      expect.stringContaining('Et flertal af bestyrelsens medlemmer (3 af 5) kræver et ekstraordinært møde om »Budget 2027«.'),
    ]);
    expect(textNow(card)).toContain('Flertal opnået.');
    expect(textNow(card)).toContain('3 af 5 medlemmer støtter.');
    const [stored] = await h.store.listPetitions({ createdFrom: new Date(0) });
    expect(stored?.majorityAt?.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect((await h.store.listAudit({ action: 'petition.majority' })).map((e) => e.actor)).toEqual(['system']);
    await h.restart('2026-12-03T09:00:00Z', file);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toHaveLength(1);
  });

  it('R11: a supporter who has left counts no more, on the card as in the majority: »2 af 6«, and a third support is not a majority of six', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const card = await petition(people.birgitte, 'Legepladsen', [people.henrik, people.lars]);
    expect(textNow(card)).toContain('3 af 7 medlemmer støtter.');
    await h.restart('2026-12-02T09:00:00Z', boardFile({ leaving: ['Lars Lund'] }));
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('2 af 6 medlemmer støtter.');
    expect(textNow(card)).toContain('mindst 4 af 6');
    expect(textNow(card)).not.toContain('Lars Lund');
    await support(people.mette, card);
    await h.pass(UPDATE_INTERVAL_MS);
    expect(textNow(card)).toContain('3 af 6 medlemmer støtter.');
    expect(mk(h).all().filter((t) => t.startsWith('Et flertal'))).toEqual([]);
  });
});
