/**
 * R1, R5: the organisations that vote on a motion are those on the board when the vote opened. A
 * member of an organisation the board file added since presses *For*: told that their organisation
 * was not on the board when the vote opened, so it does not vote on it; before, they were told that
 * only the board's members can vote, which they are. Nothing changes.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { ENGLISH, englishFile } from '../support/english-board.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const press = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: unknown };
const lastCardId = (start: string, key: string) => {
  const card = h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith(start)).at(-1)!;
  return new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(card))![1]!;
};

/** `text` as a board file of its own. */
function boardFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'organisation-added-')), name);
  writeFileSync(file, text);
  return file;
}

describe('R5: a member of an organisation added after the vote opened', () => {
  it('R1, R5: Sune, of Nyt Boligselskab added since, is told his organisation was not on the board when the vote opened; no ballot', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00+01:00', boardConfig: DEMO_CONFIG_PATH });
    await say(people.anne, 'brug denne kanal');
    await say(people.anne, 'afstemning Bestyrelsen køber en bus');
    const motionId = lastCardId('Afstemning', 'motionId');
    // The board file gains an organisation, Nyt Boligselskab (NB), and its member Sune.
    const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');
    const added = demo
      .replace(/^organisations:\n/m, 'organisations:\n  - { id: NB, name: Nyt Boligselskab }\n')
      .replace(/^people:\n/m, `people:\n  - { name: Sune Fremmed, aadObjectId: ${people.stranger.aadObjectId}, organisation: NB, roles: [member] }\n`);
    expect(added).toContain('id: NB');
    expect(added).toContain('Sune Fremmed');
    await h.restart(undefined, boardFile('demo.yaml', added));
    expect(await press(people.stranger, 'vote.cast', { motionId, choice: 'for' })).toMatchObject({
      value: 'Din organisation var ikke med i bestyrelsen, da afstemningen blev åbnet, og stemmer derfor ikke om dette forslag. Intet er ændret.',
    });
    expect(await h.store.listBallots(motionId)).toEqual([]);
  });

  it('R1, R5: on an English board, in English', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.anne, 'vote The forum buys a bus');
    const motionId = lastCardId('Vote', 'motionId');
    const more = ENGLISH()
      .replace('organisations:\n', 'organisations:\n  - { id: D, name: Delta Trust }\n')
      .replace('people:\n', `people:\n  - { name: Henrik Holm, aadObjectId: ${people.henrik.aadObjectId}, organisation: D, roles: [member] }\n`);
    await h.restart(undefined, boardFile('forum.yaml', more));
    expect(await press(people.henrik, 'vote.cast', { motionId, choice: 'for' })).toMatchObject({
      value: 'Your organisation was not on the board when this vote was opened, so it does not vote on this motion. Nothing was changed.',
    });
    expect(await h.store.forBoard('forum').listBallots(motionId)).toEqual([]);
  });
});
