/** Personal reminders (PRODUCT §1.1): to the 1:1 chat where the bot has one, else an @mention in the channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, people, personalMessage } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import { type FakeConnector } from '../support/fake-connector.js';
import { render, visible } from '../support/markdown.js';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2027-02-01T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

describe('personal reminders', () => {
  it('R12: the reminder to prepare the agenda goes to Karsten\'s 1:1 chat, and to the others as @mentions in the channel', async () => {
    // Karsten has written to the bot in a 1:1 chat; Anne and Pia only in the channel.
    const since = connector.mark();
    await bot.send(personalMessage(connector.url, people.karsten, 'hjælp'));
    const help = await connector.waitForPost((p) => p.type !== 'typing', { since });
    expect(help.conversationId).toBe('a:1:karsten');
    await ask(bot, connector, people.pia, 'møde 18-02-2027 14:00');

    await bot.restart('2027-02-11T09:00:30+01:00');
    const personal = await connector.waitForPost((p) => p.conversationId === 'a:1:karsten' && connector.textOf(p).startsWith('Påmindelse: Dagsordenen'));
    expect(connector.textOf(personal)).toContain('torsdag den 18. februar 2027 kl. 14.00');
    const channel = await connector.waitForPost((p) => p.conversationId === CHANNEL_ID && connector.textOf(p).includes('Påmindelse: Dagsordenen'));
    expect(connector.textOf(channel)).toMatch(/^<at>Anne Andersen<\/at> og <at>Pia Poulsen<\/at>: Påmindelse/);
    // The mentions stay tags; the catalogue's placeholders show (not read as HTML tags).
    expect(visible(render(connector.textOf(channel)))).toContain('Tilføj punkter med »punkt <titel> [beslutning|orientering|drøftelse]« og bilag med »bilag <punktnr> <url>«.');
    expect(visible(render(connector.textOf(personal)))).toContain('»bilag <punktnr> <url>«');
    expect((channel.entities as { mentioned: { id: string } }[]).map((e) => e.mentioned.id).sort()).toEqual(['29:anne', '29:pia']);
    expect(connector.textOf(channel)).not.toContain('Karsten');
  });
});
