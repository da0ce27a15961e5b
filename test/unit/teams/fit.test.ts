/** Teams' 40 KB (docs/teams.md): what is over it is shortened, says so, and fits. */
import { CardFactory, MessageFactory } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { literal, render, visible } from '../../support/markdown.js';
import { TEAMS_LIMIT, WIRE_BUDGET, answerJson, cutText, fitActivity, fits, largestFitting, sizeOf } from '../../../src/teams/fit.js';

const card = (texts: string[], data: object = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: texts.map((text) => ({ type: 'TextBlock', text, wrap: true })),
  actions: [{ type: 'Action.Execute', title: 'For', verb: 'vote.cast', data }],
});

describe('fitting an activity into 40 KB', () => {
  it('leaves an activity that fits as it is', () => {
    const activity = MessageFactory.text('Kort svar.');
    expect(fitActivity(activity, 'da')).toEqual({ activity, cut: false });
  });

  it('shortens the long texts of a card, keeps its buttons and their data, and says so on the card', () => {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card(['Afstemning', 'æ'.repeat(60_000), 'Åben til fredag'], { motionId: 'm-1' })));
    expect(sizeOf(activity)).toBeGreaterThan(TEAMS_LIMIT);
    const { activity: fitted, cut } = fitActivity(activity, 'da');
    expect(cut).toBe(true);
    expect(sizeOf(fitted)).toBeLessThanOrEqual(WIRE_BUDGET);
    const content = fitted.attachments![0]!.content as ReturnType<typeof card>;
    expect(content.actions).toEqual([{ type: 'Action.Execute', title: 'For', verb: 'vote.cast', data: { motionId: 'm-1' } }]);
    expect(content.body[0]!.text).toBe('Afstemning');
    expect(content.body[1]!.text).toMatch(/^æ+ …$/);
    expect(content.body.at(-1)!.text).toBe('Indholdet er for langt til Teams og er afkortet her.');
    // The original is untouched.
    expect(sizeOf(activity)).toBeGreaterThan(TEAMS_LIMIT);
  });

  it('shortens a long text message', () => {
    const { activity, cut } = fitActivity(MessageFactory.text('ord '.repeat(20_000)), 'en');
    expect(cut).toBe(true);
    expect(fits(activity, WIRE_BUDGET)).toBe(true);
    expect(activity.text).toMatch(/The content is too long for Teams and is shortened here\.$/);
  });

  it('shortens an invoke answer\'s card', () => {
    const answer = { type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card(['x'.repeat(50_000)]) } } };
    const { activity, cut } = fitActivity(answer, 'da');
    expect(cut).toBe(true);
    expect(sizeOf((activity.value as { body: unknown }).body)).toBeLessThanOrEqual(WIRE_BUDGET);
    expect(JSON.stringify(activity)).toContain('Indholdet er for langt til Teams');
  });

  it('gives the JSON it measured of an invoke answer that fits, to send as it is; none of one it shortened', () => {
    const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card(['Afstemning – åben'], { motionId: 'm-1' }) };
    const answer = { type: 'invokeResponse', value: { status: 200, body } };
    expect(fitActivity(answer, 'da')).toEqual({ activity: answer, cut: false });
    expect(answerJson(body)).toBe(JSON.stringify(body));
    const long = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card(['x'.repeat(50_000)]) };
    const { activity } = fitActivity({ type: 'invokeResponse', value: { status: 200, body: long } }, 'da');
    expect(answerJson(long)).toBeUndefined();
    expect(answerJson((activity.value as { body: unknown }).body)).toBeUndefined();
    expect(answerJson({ ...body })).toBeUndefined();
  });

  it('as a last resort, when no text can be cut, sends only the note', () => {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card(['Kort'], { blob: 'y'.repeat(50_000) })));
    const { activity: fitted, cut } = fitActivity(activity, 'da');
    expect(cut).toBe(true);
    expect(fitted.attachments).toBeUndefined();
    expect(fitted.text).toBe('Indholdet er for langt til Teams og er afkortet her.');
  });
});

describe('the helpers', () => {
  it('largestFitting finds the most that fits', () => {
    const { n, value } = largestFitting(100_000, (k) => 'x'.repeat(k));
    expect(fits(value)).toBe(true);
    expect(fits('x'.repeat(n + 1))).toBe(false);
  });

  it('cutText cuts at a paragraph or a word near the end, with an ellipsis', () => {
    expect(cutText('kort', 10)).toBe('kort');
    expect(cutText('første afsnit her\n\nandet afsnit', 22)).toBe('første afsnit her …');
    expect(cutText('et to tre fire fem seks syv otte ni ti', 36)).toBe('et to tre fire fem seks syv otte ni …');
  });
});

describe('the adapter middleware', () => {
  it('fits every activity a turn sends, replies and invoke answers alike', async () => {
    const { TestAdapter } = await import('botbuilder');
    const { fitToTeams } = await import('../../../src/teams/fit.js');
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity(MessageFactory.text('ord '.repeat(20_000)));
    }).use(fitToTeams('da'));
    await adapter.send('hej').assertReply((reply) => {
      expect(sizeOf(reply)).toBeLessThanOrEqual(WIRE_BUDGET);
      expect(reply.text).toMatch(/Indholdet er for langt til Teams og er afkortet her\.$/);
    });
  });

  it('says so in the language the activity itself names (a board\'s post sent by the outbox, R19), else the turn\'s', async () => {
    const { TestAdapter } = await import('botbuilder');
    const { fitToTeams } = await import('../../../src/teams/fit.js');
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity({ ...MessageFactory.text('word '.repeat(20_000)), locale: 'en' });
      await ctx.sendActivity({ ...MessageFactory.text('ord '.repeat(20_000)), locale: 'da-DK' });
    }).use(fitToTeams('da'));
    await adapter
      .send('hej')
      .assertReply((reply) => expect(reply.text).toMatch(/too long for Teams[^\n]*$/))
      .assertReply((reply) => expect(reply.text).toMatch(/Indholdet er for langt til Teams og er afkortet her\.$/));
  });

  it('shows the catalogue\'s placeholders in every message it sends or updates, mentions and invoke answers left as they are', async () => {
    const { TestAdapter } = await import('botbuilder');
    const { fitToTeams } = await import('../../../src/teams/fit.js');
    const help = '- »punkt <titel> beslutning« – sæt punkter på dagsordenen\n- »mødedatoer <år>«, »opgave <frist> <navn|organisation>: <tekst>«, »<bestyrelsens id> møder«';
    const shown = '- »punkt &lt;titel&gt; beslutning« – sæt punkter på dagsordenen\n- »mødedatoer &lt;år&gt;«, »opgave &lt;frist&gt; &lt;navn|organisation&gt;: &lt;tekst&gt;«, »&lt;bestyrelsens id&gt; møder«';
    const reminder = '<at>Anne Andersen</at> og <AT>Pia Poulsen</AT>: Påmindelse: Tilføj punkter med »punkt <titel>« og bilag med »bilag <punktnr> <url>«. Skriv &lt;b&gt; som 1 < 2 > 0.';
    const updated: Partial<import('botbuilder').Activity>[] = [];
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity(help);
      await ctx.sendActivity(MessageFactory.text(reminder));
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Tilføj med »deltager <navn>«.' } } });
      await ctx.updateActivity({ ...MessageFactory.text('Skriv »afstemning <punktnr>«.'), id: 'a-1' });
    }).use(fitToTeams('da'));
    adapter.updateActivity = async (_ctx, activity) => void updated.push(activity);
    await adapter
      .send('hej')
      .assertReply((reply) => {
        expect(reply.text).toBe(shown);
        expect(literal(reply.text!)).toBe(help);
        expect(visible(render(reply.text!))).toBe('»punkt <titel> beslutning« – sæt punkter på dagsordenen »mødedatoer <år>«, »opgave <frist> <navn|organisation>: <tekst>«, »<bestyrelsens id> møder«');
      })
      .assertReply((reply) =>
        expect(reply.text).toBe('<at>Anne Andersen</at> og <AT>Pia Poulsen</AT>: Påmindelse: Tilføj punkter med »punkt &lt;titel&gt;« og bilag med »bilag &lt;punktnr&gt; &lt;url&gt;«. Skriv &lt;b&gt; som 1 < 2 > 0.'),
      )
      .assertReply((reply) => expect((reply.value as { body: { value: unknown } }).body.value).toBe('Tilføj med »deltager <navn>«.'));
    expect(updated.map((a) => a.text)).toEqual(['Skriv »afstemning &lt;punktnr&gt;«.']);
  });
});
