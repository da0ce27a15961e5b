/**
 * R8: "A member who disagrees may have a dissent entered in the minutes." When a motion is not
 * adopted, the organisations outvoted are those that voted for it: their members may enter a
 * dissent too (besides those whose organisation voted against, PRODUCT §1.4). On an adopted
 * motion, a member whose organisation voted for it is still refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { literal } from '../support/markdown.js';

let h: Harness;
afterAll(async () => { await h?.close(); });
const act = async (who: typeof people.anne, verb: string, data: Record<string, unknown>) => (await h.send(cardAction(h.connector.url, who, verb, data))).body as { type: string; value: unknown };

describe('R8: dissent on a motion that was not adopted', () => {
  it('a member of an organisation outvoted (voted for a rejected motion) may enter a dissent', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning Bestyrelsen køber ny bus'));
    const card = h.connector.posts().filter((p) => JSON.stringify(p.attachments ?? []).includes('vote.cast')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    await act(people.anne, 'vote.cast', { motionId, choice: 'for' }); // FOB for
    await act(people.henrik, 'vote.cast', { motionId, choice: 'against' }); // SAB against
    await act(people.mette, 'vote.cast', { motionId, choice: 'against' }); // SBS against
    await act(people.anne, 'vote.close', { motionId, confirm: true });
    expect(h.connector.posts().map((p) => literal(h.connector.textOf(p)))).toContainEqual(expect.stringMatching(/^Ikke vedtaget: 1 for, 2 imod, 0 undlader/));
    // Anne (FOB) was outvoted: she disagrees with the board's decision.
    const answer = await act(people.anne, 'vote.dissent', { motionId, text: 'FOB finder bussen nødvendig.' });
    expect(literal(h.connector.textOf(answer.value))).not.toContain('kan kun tilføjes af medlemmer fra organisationer, der stemte imod');
    expect((await h.store.listDissents({ motionId })).map((d) => d.text)).toEqual(['FOB finder bussen nødvendig.']);
    // The card says who may.
    await h.pass(1_000);
    expect(literal(JSON.stringify(h.connector.updates()))).toContain('Medlemmer fra organisationer, der stemte for eller imod, kan få et særstandpunkt ført til referat.');
  });

  it('R8: on an adopted motion, a member whose organisation voted for it is refused, and nothing is saved', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning Bestyrelsen holder julefrokost'));
    const card = h.connector.posts().filter((p) => JSON.stringify(p.attachments ?? []).includes('vote.cast')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    await act(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await act(people.henrik, 'vote.cast', { motionId, choice: 'for' });
    await act(people.mette, 'vote.cast', { motionId, choice: 'against' });
    await act(people.anne, 'vote.close', { motionId, confirm: true });
    const answer = await act(people.henrik, 'vote.dissent', { motionId, text: 'SAB er uenig.' });
    expect(literal(JSON.stringify(answer))).toContain('Særstandpunkt på en afstemning kan kun tilføjes af medlemmer fra organisationer, der stemte imod, eller som stemte for et forslag, der ikke blev vedtaget. Intet er gemt.');
    expect(await h.store.listDissents({ motionId })).toEqual([]);
  });
});
