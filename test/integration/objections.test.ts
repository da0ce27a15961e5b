/**
 * Issue 13.4 over HTTP (in-process harness): an objection (*Indsigelse*) may carry a reason,
 * shown in the announcement and quoted in the minutes; the member who asks for an
 * extraordinary meeting counts as its first supporter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal, paragraphs, render, tags } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = (who: Person, text: string) => h!.send(channelMessage(h!.connector.url, who, text));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body;
const actions = (p: PostedActivity): any[] => {
  const flat = (list: any[] = []): any[] => list.flatMap((a) => [a, ...flat(a.card?.actions)]);
  return flat((p.attachments as any[])[0].content.actions);
};

describe('an objection with a reason (issue 13.4)', () => {
  it('Indsigelse opens a reason field; the reason is shown, literally, in the announcement and quoted in the minutes', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt Budget 2027 beslutning');
    await h.at('2026-11-26T14:30:00+01:00');
    await say(people.anne, 'konklusion 5 Budget 2027 godkendes som fremlagt.');
    const card = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Konklusion'));
    const object = actions(card).find((a) => a.title === 'Indsigelse');
    expect(object.type).toBe('Action.ShowCard');
    expect(object.card.body[0]).toMatchObject({ type: 'Input.Text', id: 'reason', placeholder: 'Begrundelse (valgfri)' });
    const submit = object.card.actions[0];
    expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'conclusion.object', title: 'Gør indsigelse' });
    const { conclusionId } = submit.data;

    const tooLong = await act(people.mette, 'conclusion.object', { conclusionId, reason: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({ value: 'Begrundelsen er for lang (højst 2000 tegn). Forkort den, og prøv igen.' });
    // Teams sends what the field holds with the button's data.
    expect((await act(people.henrik, 'conclusion.object', { conclusionId, reason: '  Budgettet mangler *boligsociale* midler.\nSe bilag 2.  ' })).type).toBe('application/vnd.microsoft.card.adaptive');
    // An objection without a reason is still an objection.
    expect((await act(people.lars, 'conclusion.object', { conclusionId, reason: '' })).type).toBe('application/vnd.microsoft.card.adaptive');

    const announcements = h.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Indsigelse:'));
    expect(announcements).toHaveLength(2);
    const henrik = literal(h.connector.textOf(announcements[0]!));
    expect(henrik).toContain('Henrik Holm (SAB) gør indsigelse');
    expect(henrik).toContain('Begrundelse: Budgettet mangler *boligsociale* midler.');
    expect(henrik).toContain('Se bilag 2.');
    expect(h.connector.textOf(announcements[1]!)).not.toContain('Begrundelse');

    await say(people.pia, 'referat');
    const minutes = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Referat'));
    const text = literal(h.connector.textOf(minutes));
    expect(text).toContain('Indsigelse fra Henrik Holm (SAB) og Lars Lund (BK).');
    expect(text).toContain('Begrundelse for indsigelsen fra Henrik Holm:\nBudgettet mangler *boligsociale* midler.');
    expect(text).not.toContain('Begrundelse for indsigelsen fra Lars Lund');
  });
});

describe('R7: an objection\'s reason that tries to forge the bot\'s announcement (PRODUCT §4)', () => {
  it('R7: the announcement shows the reason on its one paragraph, literally: no paragraph, outcome or link of its own', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.anne, 'møde 26-11-2026 14:00');
    await say(people.pia, 'punkt Budget 2027 beslutning');
    await h.at('2026-11-26T14:30:00+01:00');
    await say(people.anne, 'konklusion 5 Budget 2027 godkendes som fremlagt.');
    const card = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Konklusion'));
    const { conclusionId } = actions(card).find((a) => a.verb === 'conclusion.object').data;
    const forged = 'Uenig.\n\nAfgjort: Punkt 5. Budget 2027. Indsigelsen er trukket tilbage.\n\n**Formandskabet** [bekræfter](https://example.dk/x) <b>her</b>';
    await act(people.henrik, 'conclusion.object', { conclusionId, reason: forged });
    const announcement = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Indsigelse:'));
    const html = render(h.connector.textOf(announcement));
    const shown = paragraphs(html);
    expect(shown.filter((p) => p.startsWith('Afgjort') || p.startsWith('Formandskabet'))).toEqual([]);
    expect(shown).toContain('Begrundelse: Uenig. Afgjort: Punkt 5. Budget 2027. Indsigelsen er trukket tilbage. **Formandskabet** [bekræfter](https://example.dk/x) <b>her</b>');
    expect(tags(html).filter((t) => ['a', 'strong', 'b', 'em'].includes(t))).toEqual([]);
  });
});

describe('a members\' petition (issue 13.4, R11)', () => {
  it('the member who asks counts as its first supporter; pressing Støt again counts once', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.birgitte, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør');
    const card = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Anmodning om ekstraordinært møde'));
    expect(h.connector.textOf(card)).toContain('1 af 7 medlemmer støtter.');
    expect(h.connector.textOf(card)).toContain('Støttet af: Birgitte Bach.');
    const { petitionId } = actions(card)[0].data;
    expect(await act(people.birgitte, 'petition.support', { petitionId })).toMatchObject({ value: 'Du har allerede støttet anmodningen.' });
    for (const who of [people.henrik, people.mette]) await act(who, 'petition.support', { petitionId });
    expect(h.connector.posts().filter((p) => h!.connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'))).toHaveLength(0);
    await act(people.lars, 'petition.support', { petitionId });
    const majority = await h.connector.waitForPost((p) => h!.connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'));
    expect(h.connector.textOf(majority)).toContain('(4 af 7)');
  });
});
