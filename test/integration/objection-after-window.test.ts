/**
 * R7: a conclusion made outside its meeting is decided when its objection window ends without an
 * objection; the window decides, not the scheduler's minute. *Indsigelse* tapped after the window
 * ended (a card a phone has not updated), before the scheduler's next minute has decided it, is
 * refused saying the window ended and the item is decided, and the window decides it then, as its
 * job would (when the window ended, announced once): the card stops offering *Indsigelse* at once.
 * Before, the answer was »Konklusionen er afsluttet« while the conclusion still stood open, and
 * the card went on offering *Indsigelse* until the scheduler came by.
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
const posted = (start: string) => h!.connector.posts().map((p) => h!.connector.textOf(p)).filter((t) => t.startsWith(start));

const LATE = 'Fristen for indsigelser er udløbet, så punktet er afgjort uden indsigelser. Din indsigelse er ikke gemt.';

/** Item 5 »Budget« of the meeting on 26 November, concluded two days before: its window ends 26 November 10.00. */
async function concludedBefore() {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
  await say(people.pia, 'møde 26-11-2026 14:00');
  await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
  await say(people.anne, 'udsend dagsorden');
  await h.at('2026-11-24T10:00:00+01:00');
  await say(people.anne, 'konklusion 26-11-2026 5 Budgettet godkendes.');
  const card = lastCard('Konklusion');
  return { card, conclusionId: idIn(card, 'conclusionId') };
}

describe('R7: Indsigelse tapped after the objection window, before the scheduler decided the item', () => {
  it('R7: refused saying the window ended; the window decides it then, when it ended; announced once; the card offers no Indsigelse', async () => {
    const { card, conclusionId } = await concludedBefore();
    h!.clock.set('2026-11-26T10:00:30+01:00');
    expect(await press(people.henrik, 'conclusion.object', { conclusionId, reason: 'For sent?' })).toMatchObject({ type: MESSAGE, value: LATE });
    const [conclusion] = await h!.store.listConclusions({});
    expect(conclusion).toMatchObject({ status: 'decided', decidedBy: 'window', decidedAt: conclusion!.objectionDeadline });
    expect(await h!.store.listObjections(conclusionId)).toEqual([]);
    // Not Henrik's act: the window's.
    expect((await h!.store.listAudit({ action: 'conclusion.decided' })).map((a) => a.actor)).toEqual(['system']);
    await h!.pass(60_000);
    const decided = posted('Afgjort: Punkt 5');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toContain('Fristen for indsigelser udløb uden indsigelser.');
    const shown = JSON.stringify(h!.connector.message(card.id)!.activity);
    expect(shown).toContain('Afgjort.');
    expect(shown).not.toContain('"verb":"conclusion.object"');
    // Once decided by its window, a later tap gets the same answer.
    expect(await press(people.mette, 'conclusion.object', { conclusionId })).toMatchObject({ type: MESSAGE, value: LATE });
  });

  it('R7: one the chair closed is answered as closed, as before', async () => {
    const { conclusionId } = await concludedBefore();
    await press(people.anne, 'conclusion.close', { conclusionId });
    expect(await press(people.henrik, 'conclusion.object', { conclusionId })).toMatchObject({ type: MESSAGE, value: 'Konklusionen er afsluttet. Intet er ændret.' });
  });

  it('R7: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 26-11-2026 14:00');
    await say(people.pia, 'item 26-11-2026 Budget decision');
    await say(people.anne, 'send agenda');
    await h.at('2026-11-24T10:00:00Z');
    await say(people.anne, 'conclude 26-11-2026 5 The budget is approved.');
    const conclusionId = idIn(lastCard('Conclusion'), 'conclusionId');
    h.clock.set('2026-11-26T10:00:30Z');
    expect(await press(people.birgitte, 'conclusion.object', { conclusionId })).toMatchObject({
      type: MESSAGE,
      value: 'The objection period has ended, so the item is decided without objections. Your objection was not saved.',
    });
    expect((await h.store.forBoard('forum').listConclusions({}))[0]).toMatchObject({ status: 'decided', decidedBy: 'window' });
  });
});
