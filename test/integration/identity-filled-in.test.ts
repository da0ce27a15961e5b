/**
 * PRODUCT §5 (configuration), R11, R16: a person first given in the board file by e-mail only (as
 * config/slagelse.yaml ships, and as README allows: "A person given only an email is
 * recognised by asking Teams for the member's e-mail the first time they act"), whose
 * `aadObjectId` the operator fills in later, as README recommends ("People are recognised by
 * from.aadObjectId"). The file names the same person; the bot should go on knowing them.
 * A person's id is (aadObjectId ?? email) (src/config/board.ts), so it changes under them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { botInstalled } from '../support/activities.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
function boardFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'w2-id-')), 'demo.yaml');
  writeFileSync(file, text);
  return file;
}
/** demo.yaml with Lars Lund given by his e-mail only. */
const emailOnly = () => {
  const text = demo.replace(`    aadObjectId: ${people.lars.aadObjectId}\n`, '');
  expect(text).not.toContain(people.lars.aadObjectId);
  return boardFile(text);
};

describe('an aadObjectId filled in for a person known by e-mail', () => {
  it('R11: Lars, who asked for an extraordinary meeting, cannot support it a second time after the restart', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: emailOnly() });
    await h.send(botInstalled(h.connector.url, people.anne));
    await h.send(channelMessage(h.connector.url, people.lars, 'anmod om ekstraordinært møde Huslejen i afd. 7'));
    const card = h.connector.posts().find((p) => h!.connector.textOf(p).startsWith('Anmodning om ekstraordinært møde'))!;
    expect(h.connector.textOf(card)).toContain('1 af 7 medlemmer støtter');
    const petitionId = JSON.stringify(card).match(/"petitionId":"([^"]+)"/)![1]!;

    // The operator fills in Lars's aadObjectId (demo.yaml as it is) and restarts.
    await h.restart('2026-12-01T10:00:00Z', DEMO_CONFIG_PATH);
    const res = await h.send(cardAction(h.connector.url, people.lars, 'petition.support', { petitionId }, { replyToId: card.id }));
    await h.pass(2000);
    const shown = h.connector.textOf((res.body as { value?: unknown }).value ?? res.body);
    // He is the same person: he has supported it already, and it still has one supporter, not two.
    expect(shown).toBe('Du har allerede støttet anmodningen.');
    expect(await h.store.listPetitionSupports(petitionId)).toHaveLength(1);
  });

  it('R16: his open task is still his: its reminder reaches him in his 1:1 chat', async () => {
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: emailOnly() });
    await h.send(botInstalled(h.connector.url, people.anne));
    await h.send(personalMessage(h.connector.url, people.lars, 'opgaver'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 10-12-2026 Lars: Skriv til kommunen'));
    await h.restart('2026-12-01T10:00:00Z', DEMO_CONFIG_PATH);
    await h.at('2026-12-10T08:00:30Z');
    const reminders = h.connector.posts().filter((p) => h!.connector.textOf(p).includes('Opgaven »Skriv til kommunen« har frist i dag'));
    expect(reminders.map((p) => p.conversationId), 'the task reminder went nowhere').toEqual(['a:1:lars']);
  });
});
