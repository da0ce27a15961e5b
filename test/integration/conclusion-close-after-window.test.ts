/**
 * R7: a conclusion made outside its meeting is decided when its objection window ends without an
 * objection. The chair's *Afslut* pressed after that (a card a phone has not updated), before the
 * scheduler's next minute has decided it, decides it as the window does: when the window ended,
 * »Fristen for indsigelser udløb uden indsigelser«. Before, it was recorded as the chair's close,
 * at the press, after the window.
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
const posted = (start: string) => h!.connector.posts().map((p) => h!.connector.textOf(p)).filter((t) => t.startsWith(start));

describe('R7: Afslut pressed after the objection window, before the scheduler decided the item', () => {
  it('R7: decided as the window decides it, when the window ended', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
    await say(people.anne, 'udsend dagsorden');
    // Two days before the meeting: outside it, the conclusion gets the 48-hour window.
    await h.at('2026-11-24T10:00:00+01:00');
    await say(people.anne, 'konklusion 26-11-2026 5 Budgettet godkendes.');
    const conclusionId = lastCardId('Konklusion', 'conclusionId');
    h.clock.set('2026-11-26T10:00:30+01:00');
    await press(people.anne, 'conclusion.close', { conclusionId });
    const [conclusion] = await h.store.listConclusions({});
    expect(conclusion).toMatchObject({ status: 'decided', decidedBy: 'window', decidedAt: conclusion!.objectionDeadline });
    await h.pass(1_000);
    const decided = posted('Afgjort: Punkt 5');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toContain('Fristen for indsigelser udløb uden indsigelser.');
  });

  it('R7: on an English board, the same', async () => {
    h = await startHarness({ clockStart: '2026-11-02T10:00:00Z', boardConfig: englishFile() });
    await say(people.anne, 'use this channel');
    await say(people.pia, 'meeting 26-11-2026 14:00');
    await say(people.pia, 'item 26-11-2026 Budget decision');
    await say(people.anne, 'send agenda');
    await h.at('2026-11-24T10:00:00Z');
    await say(people.anne, 'conclude 26-11-2026 5 The budget is approved.');
    const conclusionId = lastCardId('Conclusion', 'conclusionId');
    h.clock.set('2026-11-26T10:00:30Z');
    await press(people.anne, 'conclusion.close', { conclusionId });
    expect((await h.store.forBoard('forum').listConclusions({}))[0]).toMatchObject({ status: 'decided', decidedBy: 'window' });
  });
});
