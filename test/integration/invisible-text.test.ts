/**
 * PRODUCT §4: bad input gets a clear answer and changes nothing. A text of nothing visible (a
 * zero width space, a Hangul filler, a word joiner: what trim() keeps) is no text: each command
 * and card action refuses it with the answer it gives when the text is left out, and nothing is
 * stored. Once an invisible dissent was stored, and the member could then add no real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** Texts that show nothing. */
const BLANKS = ['\u200B', '\u3164', ' \u200B\u2060\uFEFF ', '\u115F\u1160', '\u180E \u2064'];

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2027-11-10T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

/** The bot's first post after the message, in the thread or, as a card the command makes, in the channel. */
async function post(from: Person, text: string): Promise<PostedActivity> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, from, text));
  return connector.waitForPost((p) => p.type !== 'typing', { since });
}
const say = async (from: Person, text: string) => connector.textOf(await post(from, text));
const content = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const allActions = (card: any): any[] => (card?.actions ?? []).flatMap((a: any) => (a.type === 'Action.ShowCard' ? [a, ...allActions(a.card)] : [a]));

async function act(from: Person, verb: string, data: Record<string, unknown>) {
  const res = await bot.send(cardAction(connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

/** Each blank in place of the text is answered as the text left out is. */
async function refusedAsMissing(from: Person, command: (text: string) => string): Promise<void> {
  const missing = await say(from, command('').trimEnd());
  for (const blank of BLANKS) expect(await say(from, command(blank)), JSON.stringify(command(blank))).toBe(missing);
}

describe('a text of nothing visible is refused as a missing text, and nothing is stored', () => {
  it('R12: punkt', async () => {
    expect(await say(people.pia, 'møde 25-11-2027 14:00')).toMatch(/^Ordinært møde er planlagt/);
    expect(await say(people.pia, 'punkt')).toBe('Angiv punktets titel.\n\nSkriv fx: punkt Ny delaftale om beskæftigelse beslutning');
    await refusedAsMissing(people.pia, (t) => `punkt ${t}`);
    await refusedAsMissing(people.pia, (t) => `punkt 25-11-2027 ${t}`);
    expect(await say(people.pia, 'punkt Budget 2028 beslutning')).toMatch(/^Punkt 5 »Budget 2028« /);
    expect(await say(people.pia, 'punkt Vinduer beslutning')).toMatch(/^Punkt 6 »Vinduer« /);
  });

  it('R5: afstemning', async () => {
    expect(await say(people.anne, 'afstemning')).toBe('Skriv forslaget efter kommandoen, fx: afstemning Bestyrelsen godkender budgettet for 2027');
    await refusedAsMissing(people.anne, (t) => `afstemning ${t}`);
  });

  it('R11: anmod om ekstraordinært møde, ekstraordinært møde', async () => {
    expect(await say(people.henrik, 'anmod om ekstraordinært møde')).toBe('Angiv mødets emne.\n\nSkriv fx: anmod om ekstraordinært møde Budgetoverskridelse i Korsør');
    await refusedAsMissing(people.henrik, (t) => `anmod om ekstraordinært møde ${t}`);
    expect(await say(people.anne, 'ekstraordinært møde 26-11-2027 14:00')).toBe('Angiv mødets emne.\n\nSkriv fx: ekstraordinært møde 10-12-2026 14:00 Budgetopfølgning');
    await refusedAsMissing(people.anne, (t) => `ekstraordinært møde 26-11-2027 14:00 ${t}`);
  });

  it('R9: a place of nothing visible is no place', async () => {
    const answer = await say(people.pia, `møde 29-11-2027 14:00 ${BLANKS[0]}`);
    expect(answer).toMatch(/^Ordinært møde er planlagt mandag den 29\. november 2027 kl\. 14\.00\./);
    expect(answer).not.toContain('Sted:');
    const meetings = await say(people.pia, 'møder');
    expect(meetings).not.toMatch(/Ekstraordinært/);
  });

  it('R16: opgave, its text or its owner', async () => {
    expect(await say(people.pia, 'opgave 30-11-2027 Lars:')).toBe('Opgaven mangler en tekst efter kolonet. Intet er oprettet.');
    await refusedAsMissing(people.pia, (t) => `opgave 30-11-2027 Lars: ${t}`);
    for (const blank of BLANKS) {
      expect(await say(people.pia, `opgave 30-11-2027 ${blank}: Indhent tilbud`)).toBe(
        'Skriv opgaven sådan: opgave <frist> <navn eller organisation>: <tekst>, fx »opgave 10-12-2026 <navn>: Indhent tilbud på vinduer«.'.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      );
    }
    expect(await say(people.pia, 'opgaver')).toBe('Der er ingen åbne opgaver.');
  });

  it('R16: deltager, konklusion, ret referat at the meeting', async () => {
    await bot.restart('2027-11-25T14:05:00+01:00');
    expect(await say(people.pia, 'deltager')).toBe('Skriv deltagerens navn.\n\nSkriv fx: deltager Gustav Grøn');
    await refusedAsMissing(people.pia, (t) => `deltager ${t}`);
    expect(await say(people.anne, 'konklusion 5')).toBe('Skriv konklusionen efter punktets nummer.\n\nSkriv fx: konklusion 4 Bestyrelsen godkender den nye delaftale.');
    await refusedAsMissing(people.anne, (t) => `konklusion 5 ${t}`);
    expect(await say(people.anne, `konklusion 5 \u200B<br>\u3164`)).toBe(await say(people.anne, 'konklusion 5'));
    expect(await say(people.pia, 'referat')).toBeDefined();
    expect(await say(people.pia, 'ret referat')).toMatch(/^Skriv den rettede tekst efter kommandoen\./);
    await refusedAsMissing(people.pia, (t) => `ret referat ${t}`);
    expect(await say(people.pia, `ret referat \u200B<br>\u2060<br>`)).toBe(await say(people.pia, 'ret referat'));
  });
});

describe('R8: a dissent of nothing visible', () => {
  it('is refused as an empty one, and the member may then add a real one', async () => {
    const card = await post(people.anne, 'konklusion 5 Budget 2028 godkendes som fremlagt.');
    const conclusionId = allActions(content(card)).find((a) => a.verb === 'conclusion.dissent')?.data.conclusionId;
    expect(conclusionId).toBeTruthy();
    for (const text of ['  \u200B ', ...BLANKS]) {
      expect(await act(people.mette, 'conclusion.dissent', { conclusionId, text }), JSON.stringify(text)).toMatchObject({ type: MESSAGE, value: 'Skriv dit særstandpunkt i feltet, før du trykker.' });
    }
    const res = await act(people.mette, 'conclusion.dissent', { conclusionId, text: 'Skælskør Boligselskab ønsker budgettet udskudt \u{1F468}\u200D\u{1F469}\u200D\u{1F467}' });
    expect(res.type).toBe(CARD);
    expect(connector.textOf(res.value)).toContain('Særstandpunkt fra Mette Møller (SBS):\nSkælskør Boligselskab ønsker budgettet udskudt \u{1F468}\u200D\u{1F469}\u200D\u{1F467}');
  });

  it('an objection whose reason shows nothing is made without a reason', async () => {
    const card = await post(people.anne, 'konklusion 6 Vinduerne udskiftes i 2028.');
    const conclusionId = allActions(content(card)).find((a) => a.verb === 'conclusion.object')?.data.conclusionId;
    const since = connector.mark();
    expect((await act(people.henrik, 'conclusion.object', { conclusionId, reason: '\u200B', text: 'Vi mangler tal for 2029.' })).type).toBe(CARD);
    const announcement = await connector.waitForPost((p) => connector.textOf(p).startsWith('Indsigelse:'), { since });
    expect(connector.textOf(announcement)).toContain('Begrundelse: Vi mangler tal for 2029.');
  });
});
