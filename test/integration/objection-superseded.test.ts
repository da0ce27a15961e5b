/**
 * R7: after an objection the chair puts the conclusion to a vote or concludes the item anew. An
 * objected conclusion the chair has left behind (a new conclusion or a vote on its item, made or
 * under way), or whose item was reopened since (`genoptag`), can no longer go to a vote: an
 * objection to it, pressed on a card not yet updated on a phone, is refused saying why. Before, it
 * was taken and announced with the chair @mentioned and told »Formandskabet kan sætte den til
 * afstemning med ét tryk på kortet«, a press the bot then refused. Its card says so once the
 * chair has left it behind, and no longer offers *Sæt til afstemning*.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { englishFile } from '../support/english-board.js';

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
const announcements = () => h!.connector.posts().filter((p) => /^(Indsigelse|Objection):/.test(h!.connector.textOf(p))).length;

/** Item 5 »Budget« concluded at its meeting of 26 November and objected to by Lars: the conclusion's id. */
async function objected(): Promise<string> {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
  await say(people.pia, 'møde 26-11-2026 14:00');
  await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
  await say(people.anne, 'udsend dagsorden');
  await h.at('2026-11-26T14:05:00+01:00');
  await say(people.anne, 'konklusion 5 Budgettet godkendes.');
  const conclusionId = lastCardId('Konklusion', 'conclusionId');
  await press(people.lars, 'conclusion.object', { conclusionId, reason: 'For dyrt' });
  return conclusionId;
}

const SUPERSEDED = 'Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet, så denne konklusion tager ikke imod flere indsigelser. Intet er ændret.';

describe('R7: an objection to a conclusion the chair has left behind', () => {
  it('R7: concluded anew (open, then decided): Søren\'s objection to the first is refused, nothing announced or stored', async () => {
    const first = await objected();
    await say(people.anne, 'konklusion 5 Budgettet godkendes med ændringer.');
    const before = announcements();
    expect(await press(people.soeren, 'conclusion.object', { conclusionId: first, reason: 'Også for dyrt' })).toMatchObject({ value: SUPERSEDED });
    await press(people.anne, 'conclusion.close', { conclusionId: lastCardId('Konklusion', 'conclusionId') });
    expect(await press(people.mette, 'conclusion.object', { conclusionId: first })).toMatchObject({ value: SUPERSEDED });
    expect(announcements()).toBe(before);
    expect((await h!.store.listObjections(first)).map((o) => o.personId)).toHaveLength(1);
  });

  it('R7: a vote opened on the item instead: an objection to the conclusion is refused', async () => {
    const first = await objected();
    await say(people.anne, 'afstemning 5');
    expect(await press(people.soeren, 'conclusion.object', { conclusionId: first })).toMatchObject({ value: SUPERSEDED });
    expect(await h!.store.listObjections(first)).toHaveLength(1);
  });

  it('R7, R18: its item reopened (genoptag) after another decision: refused saying the item was reopened', async () => {
    const first = await objected();
    await say(people.anne, 'konklusion 5 Budgettet godkendes med ændringer.');
    await press(people.anne, 'conclusion.close', { conclusionId: lastCardId('Konklusion', 'conclusionId') });
    await say(people.anne, 'genoptag 5');
    const before = announcements();
    expect(await press(people.henrik, 'conclusion.object', { conclusionId: first })).toMatchObject({
      value: 'Punktet er genoptaget, efter konklusionen blev givet, så den tager ikke imod flere indsigelser. Formandskabet kan give en ny konklusion. Intet er ændret.',
    });
    expect(announcements()).toBe(before);
    expect(await h!.store.listObjections(first)).toHaveLength(1);
  });

  it('R7: a second objection while the conclusion still waits for the chair is taken, as before', async () => {
    const first = await objected();
    await press(people.soeren, 'conclusion.object', { conclusionId: first });
    expect(await h!.store.listObjections(first)).toHaveLength(2);
  });

  it('R7: on an English board, in English', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 26-11-2026 14:00');
    await say(people.pia, 'item 26-11-2026 Budget decision');
    await say(people.anne, 'send agenda');
    await h.at('2026-11-26T14:05:00Z');
    await say(people.anne, 'conclude 5 The budget is approved.');
    const first = lastCardId('Conclusion', 'conclusionId');
    await press(people.lars, 'conclusion.object', { conclusionId: first });
    await say(people.anne, 'conclude 5 The budget is approved with changes.');
    expect(await press(people.birgitte, 'conclusion.object', { conclusionId: first })).toMatchObject({
      value: 'The chair has since made a new conclusion or opened a vote on the item, so this conclusion takes no more objections. Nothing was changed.',
    });
    expect(await h.store.forBoard('forum').listObjections(first)).toHaveLength(1);
  });
});

describe('R7: the card of a conclusion the chair has left behind', () => {
  const cardPostOf = (conclusionId: string) => h!.connector.posts().find((p) => JSON.stringify(p).includes(conclusionId) && h!.connector.textOf(p).startsWith('Konklusion'))!;
  const lastUpdateOf = (postId: string) => h!.connector.updates().filter((u) => u.id === postId).at(-1);

  for (const [how, command] of [['concluded anew', 'konklusion 5 Budgettet godkendes med ændringer.'], ['a vote opened on the item', 'afstemning 5']] as const) {
    it(`R7: ${how}: the first conclusion's card says the chair has left it behind, without Sæt til afstemning`, async () => {
      const first = await objected();
      const post = cardPostOf(first);
      await say(people.anne, command);
      await h!.pass(1_000);
      const update = lastUpdateOf(post.id);
      expect(update).toBeDefined();
      const text = h!.connector.textOf(update!);
      expect(text).toContain('Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet. Denne konklusion sættes ikke til afstemning.');
      expect(text).not.toContain('Formandskabet kan sætte konklusionen til afstemning.');
      expect(JSON.stringify(update)).not.toContain('conclusion.vote');
    });
  }
});
