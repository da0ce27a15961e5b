/**
 * R8 on a conclusion that no longer decides its item by itself.
 * - Objected and put to a vote (R7): the vote decides, so a dissent belongs on the vote, under the
 *   vote's rule (an organisation that voted against, or for a motion not adopted; once it closed).
 *   *Særstandpunkt* on the conclusion is refused, pointing to the vote's card, and the conclusion's
 *   card no longer offers it. Before, anyone could add one there, even a member whose organisation
 *   voted for the adopted motion.
 * - Its item reopened (`genoptag`, R7, R18): it no longer decides the item; a dissent to it is
 *   refused and its card offers none. The same for a vote reopened so.
 * - Objected and left behind (R7: the chair concluded the item anew, or opened a vote on it): the
 *   new decision takes the place it had; a dissent to it is refused, pointing to the new decision's
 *   card, and its card offers none. Before, its card kept *Særstandpunkt* and a dissent was stored
 *   on a conclusion that no longer decided anything.
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

const MESSAGE = 'application/vnd.microsoft.activity.message';
const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const press = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: unknown };
const lastCard = (start: string) => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith(start)).at(-1)!;
const idIn = (post: unknown, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(post))![1]!;
/** The card as it now stands in the channel (after its updates). */
const nowShown = (post: { id: string }) => JSON.stringify(h!.connector.message(post.id)!.activity);

/** Item 5 »Budget« on the sent agenda of 26 November, and at its meeting the chair's conclusion on it. */
async function concludedAtTheMeeting() {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
  await say(people.pia, 'møde 26-11-2026 14:00');
  await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
  await say(people.anne, 'udsend dagsorden');
  await h.at('2026-11-26T14:05:00+01:00');
  await say(people.anne, 'konklusion 5 Budgettet godkendes.');
  const card = lastCard('Konklusion');
  return { card, conclusionId: idIn(card, 'conclusionId') };
}

/** Lars (BK) objects; the chair puts it to a vote: its card and id. */
async function putToVote(conclusionId: string) {
  await press(people.lars, 'conclusion.object', { conclusionId });
  await press(people.anne, 'conclusion.vote', { conclusionId });
  const vote = lastCard('Afstemning');
  return { vote, motionId: idIn(vote, 'motionId') };
}

/** FOB, SB and SAB for, BK against; the chair closes it: adopted. */
async function adopted(motionId: string) {
  for (const voter of [people.anne, people.birgitte, people.henrik]) await press(voter, 'vote.cast', { motionId, choice: 'for' });
  await press(people.lars, 'vote.cast', { motionId, choice: 'against' });
  await press(people.anne, 'vote.close', { motionId, confirm: true });
}

describe('R8: a dissent on a conclusion put to a vote belongs on the vote', () => {
  it('R8: refused on the conclusion, pointing to the vote\'s card, while the vote is open and after; nothing stored; the card offers no Særstandpunkt', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    const { motionId } = await putToVote(conclusionId);
    const refusal = 'Konklusionen er sat til afstemning, og det er afstemningen, der afgør punktet. Et særstandpunkt tilføjes på afstemningens kort, når afstemningen er lukket. Intet er gemt.';
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB tager forbehold.' })).toMatchObject({ type: MESSAGE, value: refusal });
    await adopted(motionId);
    // Henrik's organisation voted for the adopted motion: no dissent on the vote, nor through the conclusion.
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB tager forbehold.' })).toMatchObject({ type: MESSAGE, value: refusal });
    expect(await press(people.lars, 'conclusion.dissent', { conclusionId, text: 'BK er imod.' })).toMatchObject({ type: MESSAGE, value: refusal });
    expect(await h!.store.listDissents({ conclusionId })).toEqual([]);
    // On the vote, under its rule: Lars (against) may.
    expect((await press(people.lars, 'vote.dissent', { motionId, text: 'BK er imod.' })).type).toBe('application/vnd.microsoft.card.adaptive');
    await h!.pass(2_000);
    const shown = nowShown(card);
    expect(shown).toContain('Afgjort ved afstemning: vedtaget.');
    expect(shown).not.toContain('"verb":"conclusion.dissent"');
  });

  it('R8: a dissent entered before the objection stays on the conclusion', async () => {
    const { conclusionId } = await concludedAtTheMeeting();
    await press(people.mette, 'conclusion.dissent', { conclusionId, text: 'SBS ønsker budgettet udskudt.' });
    await putToVote(conclusionId);
    expect((await h!.store.listDissents({ conclusionId })).map((d) => d.text)).toEqual(['SBS ønsker budgettet udskudt.']);
  });

  it('R8: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 26-11-2026 14:00');
    await say(people.pia, 'item 26-11-2026 Budget decision');
    await say(people.anne, 'send agenda');
    await h.at('2026-11-26T14:05:00Z');
    await say(people.anne, 'conclude 5 The budget is approved.');
    const conclusionId = idIn(lastCard('Conclusion'), 'conclusionId');
    await press(people.lars, 'conclusion.object', { conclusionId });
    await press(people.anne, 'conclusion.vote', { conclusionId });
    expect(await press(people.birgitte, 'conclusion.dissent', { conclusionId, text: 'Reservations.' })).toMatchObject({
      type: MESSAGE,
      value: 'The conclusion has been put to a vote, and the vote decides the item. A dissent is added on the vote\'s card once the vote has closed. Nothing was saved.',
    });
  });
});

describe('R8: a dissent on an objected conclusion the chair has left behind (concluded anew, or a vote opened on its item)', () => {
  const LEFT_BEHIND =
    'Formandskabet har siden givet en ny konklusion eller åbnet en afstemning på punktet, så denne konklusion afgør ikke punktet, og der tilføjes ikke særstandpunkter til den. Et særstandpunkt hører til på kortet for den nye afgørelse. Intet er gemt.';

  it('R8: concluded anew: refused on the old card, nothing stored; the old card no longer offers Særstandpunkt; the new conclusion takes it', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    await press(people.lars, 'conclusion.object', { conclusionId });
    await h!.pass(2_000);
    // Objected and waiting for the chair, it still stands: a dissent may be added.
    expect(nowShown(card)).toContain('"verb":"conclusion.dissent"');
    await say(people.anne, 'konklusion 5 Budgettet godkendes med ændringer.');
    const renewed = idIn(lastCard('Konklusion'), 'conclusionId');
    await h!.pass(2_000);
    expect(nowShown(card)).toContain('Formandskabet har siden givet en ny konklusion');
    expect(nowShown(card)).not.toContain('"verb":"conclusion.dissent"');
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' })).toMatchObject({ type: MESSAGE, value: LEFT_BEHIND });
    expect(await h!.store.listDissents({ conclusionId })).toEqual([]);
    // Decided, the new one stands; the old one is still left behind.
    await press(people.anne, 'conclusion.close', { conclusionId: renewed });
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' })).toMatchObject({ type: MESSAGE, value: LEFT_BEHIND });
    expect((await press(people.henrik, 'conclusion.dissent', { conclusionId: renewed, text: 'SAB er imod.' })).type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await h!.store.listDissents({ conclusionId: renewed })).map((d) => d.text)).toEqual(['SAB er imod.']);
    expect(await h!.store.listDissents({ conclusionId })).toEqual([]);
  });

  it('R8: a vote opened on the item instead: refused on the old card, nothing stored; a dissent entered before stays', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    await press(people.mette, 'conclusion.dissent', { conclusionId, text: 'SBS ønsker budgettet udskudt.' });
    await press(people.lars, 'conclusion.object', { conclusionId });
    await say(people.anne, 'afstemning 5');
    await h!.pass(2_000);
    expect(nowShown(card)).not.toContain('"verb":"conclusion.dissent"');
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' })).toMatchObject({ type: MESSAGE, value: LEFT_BEHIND });
    expect((await h!.store.listDissents({ conclusionId })).map((d) => d.text)).toEqual(['SBS ønsker budgettet udskudt.']);
  });

  it('R8: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 26-11-2026 14:00');
    await say(people.pia, 'item 26-11-2026 Budget decision');
    await say(people.anne, 'send agenda');
    await h.at('2026-11-26T14:05:00Z');
    await say(people.anne, 'conclude 5 The budget is approved.');
    const conclusionId = idIn(lastCard('Conclusion'), 'conclusionId');
    await press(people.lars, 'conclusion.object', { conclusionId });
    await say(people.anne, 'conclude 5 The budget is approved with changes.');
    expect(await press(people.birgitte, 'conclusion.dissent', { conclusionId, text: 'Reservations.' })).toMatchObject({
      type: MESSAGE,
      value: 'The chair has since made a new conclusion or opened a vote on the item, so this conclusion does not decide it, and no dissent is added to it. A dissent belongs on the card of the new decision. Nothing was saved.',
    });
    expect(await h.store.listDissents({ conclusionId })).toEqual([]);
  });
});

describe('R8, R18: a dissent on a decision whose item was reopened (`genoptag`)', () => {
  it('R8: on the reopened conclusion: refused, nothing stored; its card offers no Særstandpunkt', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    await press(people.anne, 'conclusion.close', { conclusionId });
    await say(people.anne, 'genoptag 5');
    await h!.pass(2_000);
    expect(nowShown(card)).toContain('afgørelsen gælder ikke længere');
    expect(nowShown(card)).not.toContain('"verb":"conclusion.dissent"');
    expect(await press(people.henrik, 'conclusion.dissent', { conclusionId, text: 'SAB er imod.' })).toMatchObject({
      type: MESSAGE,
      value: 'Punktet er genoptaget, efter konklusionen blev givet, så den afgør ikke længere punktet, og der tilføjes ikke særstandpunkter til den. Intet er gemt.',
    });
    expect(await h!.store.listDissents({ conclusionId })).toEqual([]);
  });

  it('R8: on the reopened vote: refused to a member who might have dissented before, nothing stored; its card offers no Særstandpunkt', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
    await say(people.anne, 'udsend dagsorden');
    await h.at('2026-11-26T14:05:00+01:00');
    await say(people.anne, 'afstemning 5');
    const vote = lastCard('Afstemning');
    const motionId = idIn(vote, 'motionId');
    await adopted(motionId);
    await h.pass(2_000);
    expect(nowShown(vote)).toContain('"verb":"vote.dissent"');
    await say(people.anne, 'genoptag 5');
    await h.pass(2_000);
    expect(nowShown(vote)).toContain('afgørelsen gælder ikke længere');
    expect(nowShown(vote)).not.toContain('"verb":"vote.dissent"');
    expect(await press(people.lars, 'vote.dissent', { motionId, text: 'BK er imod.' })).toMatchObject({
      type: MESSAGE,
      value: 'Punktet er genoptaget efter afstemningen, så den afgør ikke længere punktet, og der tilføjes ikke særstandpunkter til den. Intet er gemt.',
    });
    expect(await h.store.listDissents({ motionId })).toEqual([]);
  });
});
