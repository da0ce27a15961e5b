/**
 * R16, PRODUCT §5: a person the bot has known by their e-mail, and since by their aadObjectId
 * (a version before the id was kept ran after the operator filled the aadObjectId in), keeps the
 * aadObjectId: their newer tasks are theirs under it, and their reminders reach them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('an id kept from the e-mail, though the aadObjectId was used since', () => {
  it('R16: the task Lars was given under his aadObjectId still reminds him after the restart', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    // Weeks ago, while the board file gave Lars by e-mail only, the bot knew him by it (as the
    // released version before the fix stored it); then the operator added his aadObjectId.
    await h.store.rememberTeamsIdentity({ personId: people.lars.email!.toLowerCase(), teamsUserId: people.lars.id, name: 'Lars Lund', seenAt: new Date('2026-11-01T09:00:00Z') });
    // Since then, known by his aadObjectId: he writes to the bot, and is given a task.
    await h.send(personalMessage(h.connector.url, people.lars, 'opgaver'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 10-12-2026 Lars: Skriv til kommunen'));
    // The new version starts (the board file unchanged).
    await h.restart('2026-12-01T10:00:00Z');
    await h.at('2026-12-10T08:00:30Z');
    const reminders = h.connector.posts().filter((p) => h!.connector.textOf(p).includes('Opgaven »Skriv til kommunen« har frist i dag'));
    expect(reminders, 'the task reminder went nowhere').toHaveLength(1);
  });
});
