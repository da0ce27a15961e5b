/**
 * A board over a year: a member leaves and is taken out of the board file. What they did
 * stays in the record under their name (R5: the ballot they cast; R16: the minutes), not
 * under the id the store keeps (an Entra object id), and they get no rights back by it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const BIRGITTE_ID = '00000000-0000-4000-8000-000000000003';

let bot: Harness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'former-members-'));
  bot = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00', boardConfig: DEMO_CONFIG_PATH });
  await bot.send(botInstalled(bot.connector.url, people.anne));
});

afterAll(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo board file without Birgitte Bach (SB keeps Søren Skov). */
function boardFileWithoutBirgitte(): string {
  const lines = readFileSync(DEMO_CONFIG_PATH, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes('name: Birgitte Bach'));
  lines.splice(start, 5);
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('a member taken out of the board file (R5, R16: the record keeps their name)', () => {
  it('shows the ballot they cast by their name after the restart, and gives them no vote', async () => {
    const since = bot.connector.mark();
    await bot.send(channelMessage(bot.connector.url, people.anne, 'afstemning Ny legeplads'));
    const post = await bot.connector.waitForPost((p) => bot.connector.textOf(p).includes('Ny legeplads'), { since });
    const card = (post as unknown as { attachments: { contentType: string; content: unknown }[] }).attachments.find((a) => a.contentType === CARD)!.content as { actions: { verb: string; data: { motionId: string } }[] };
    const motionId = card.actions.find((a) => a.verb === 'vote.cast')!.data.motionId;
    const cast = await bot.send(cardAction(bot.connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'for' }));
    expect(JSON.stringify(cast.body)).toContain('afgivet af Birgitte Bach');
    // She attends a meeting, as the secretary records it.
    await bot.send(channelMessage(bot.connector.url, people.anne, 'møde 01-12-2026 10:00'));
    await bot.at('2026-12-01T10:30:00+01:00');
    await bot.send(channelMessage(bot.connector.url, people.pia, 'deltager Birgitte Bach'));
    await bot.send(channelMessage(bot.connector.url, people.pia, 'deltager Anne Andersen'));

    const without = boardFileWithoutBirgitte();
    expect(readFileSync(without, 'utf8')).not.toContain('Birgitte');
    await bot.restart(undefined, without);

    const refreshed = await bot.send(cardAction(bot.connector.url, people.anne, 'vote.refresh', { motionId }));
    const text = JSON.stringify(refreshed.body);
    expect(text).toContain('afgivet af Birgitte Bach');
    expect(text).not.toContain(BIRGITTE_ID);

    // The minutes name her among those present.
    const beforeMinutes = bot.connector.mark();
    await bot.send(channelMessage(bot.connector.url, people.pia, 'referat'));
    const minutes = bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Referat'), { since: beforeMinutes }));
    expect(minutes).toContain('Deltagere: Anne Andersen og Birgitte Bach');
    // Her organisation counted as present, as when her attendance was recorded.
    expect(minutes).toContain('Organisationer: Fællesorganisationens Boligforening (FOB) og Slagelse Boligselskab (SB).');
    expect(minutes).not.toContain(BIRGITTE_ID);

    // The name is for the record only: she is not on the board any more.
    await bot.send(cardAction(bot.connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'against' }));
    const after = JSON.stringify((await bot.send(cardAction(bot.connector.url, people.anne, 'vote.refresh', { motionId }))).body);
    expect(after).toContain('For');
    expect(after).not.toContain('Imod – afgivet af Birgitte Bach');
  });

  it('leaves them out of who sees a new card refresh by itself', async () => {
    const since = bot.connector.mark();
    await bot.send(channelMessage(bot.connector.url, people.anne, 'afstemning Nyt tag'));
    const post = await bot.connector.waitForPost((p) => bot.connector.textOf(p).includes('Nyt tag'), { since });
    const card = (post as unknown as { attachments: { contentType: string; content: { refresh: { userIds: string[] } } }[] }).attachments.find((a) => a.contentType === CARD)!.content;
    expect(card.refresh.userIds).toContain(people.anne.id);
    expect(card.refresh.userIds).not.toContain(people.birgitte.id);
  });
});
