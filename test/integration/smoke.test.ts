/**
 * The bot as `npm start` runs it (src/main.ts in a child process, SQLite in its DATA_DIR,
 * CLOCK_START), one smoke test per flow: votes, meetings and agendas, petitions,
 * conclusions, minutes, date polls. Time moves by restarting on the same DATA_DIR; the
 * first restart follows a kill -9. The flows' behaviour in detail is tested in process
 * (the other files here, on createBotApp); this walks main.ts's wiring end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type BotProcess, cleanupBots, startBot } from '../support/bot-process.js';
import { votesOn } from '../support/cards.js';
import { ask } from '../support/conversation.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const cet = (local: string) => `${local}+01:00`;
/** A bound for a test that (re)starts src/main.ts: a few seconds idle, 20 s and more on a busy 2-core machine. */
const RESTART_MS = 120_000;

let connector: FakeConnector;
let bot: BotProcess;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startBot({ clockStart: cet('2027-11-10T10:00:00') });
}, RESTART_MS);

afterAll(async () => {
  await cleanupBots();
  await connector?.close();
});

const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, text));
const content = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const allActions = (card: any): any[] => (card?.actions ?? []).flatMap((a: any) => (a.type === 'Action.ShowCard' ? [a, ...allActions(a.card)] : [a]));
const dataOf = (card: any, verb: string) => allActions(card).find((a) => a.verb === verb)?.data;

async function post(from: Person, text: string, match: (p: PostedActivity) => boolean): Promise<PostedActivity> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, from, text));
  return connector.waitForPost(match, { since });
}

async function act(from: Person, verb: string, data: Record<string, unknown>) {
  const res = await bot.send(cardAction(connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

describe('main.ts end to end (smoke)', () => {
  let motionId: string;

  it('installs: the board channel gets the welcome', async () => {
    expect((await bot.send(botInstalled(connector.url, people.anne))).status).toBeLessThan(300);
    const welcome = await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));
    expect(welcome.conversationId).toBe(CHANNEL_ID);
  });

  it('meetings and agendas: a meeting is planned and an item put on its agenda', async () => {
    expect((await say(people.pia, 'møde 25-11-2027 14:00')).split('\n\n')[0]).toBe(
      'Ordinært møde er planlagt torsdag den 25. november 2027 kl. 14.00. Dagsordenen udsendes senest lørdag den 20. november 2027 kl. 09.00.',
    );
    expect(await say(people.pia, 'punkt Ny delaftale om beskæftigelse beslutning')).toMatch(/^Punkt 5 »Ny delaftale om beskæftigelse« \(til beslutning\)/);
  });

  it('votes: the chair opens one, two organisations vote and get the card back', async () => {
    const card = await post(people.anne, 'afstemning Budgettet for 2028 godkendes', (p) => connector.textOf(p).startsWith('Afstemning'));
    motionId = dataOf(content(card), 'vote.cast').motionId;
    const first = await act(people.birgitte, 'vote.cast', { motionId, choice: 'for' });
    expect(first.type).toBe(CARD);
    expect(votesOn(first.value)['Slagelse Boligselskab']).toBe('For – afgivet af Birgitte Bach');
    expect(votesOn((await act(people.lars, 'vote.cast', { motionId, choice: 'against' })).value).BoligKorsør).toBe('Imod – afgivet af Lars Lund');
  });

  it('petitions: the asker and three more members make the majority announcement', async () => {
    const card = await post(people.birgitte, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør', (p) => connector.textOf(p).startsWith('Anmodning om ekstraordinært møde'));
    const { petitionId } = dataOf(content(card), 'petition.support');
    const since = connector.mark();
    // The asker counts as the first supporter (issue 13.4).
    for (const who of [people.henrik, people.mette, people.lars]) expect((await act(who, 'petition.support', { petitionId })).type).toBe(CARD);
    const announcement = await connector.waitForPost((p) => connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'), { since });
    expect(connector.textOf(announcement)).toContain('(4 af 7) kræver et ekstraordinært møde om »Budgetoverskridelse i Korsør«');
  });

  it('after a kill -9 and a restart at the agenda deadline: the votes survived, the vote closes at its deadline, the agenda goes out', async () => {
    bot = await bot.restart({ signal: 'SIGKILL', clockStart: cet('2027-11-20T09:00:30') });
    const outcome = await connector.waitForPost((p) => /^(Vedtaget|Ikke vedtaget):/.test(String(p.text)) && String(p.text).includes('Budgettet for 2028'));
    expect(String(outcome.text).split('\n')[0]).toBe('Ikke vedtaget: 1 for, 1 imod, 0 undlader');
    expect(outcome.text).toContain('Lukket ved fristens udløb');
    expect(outcome.text).toContain('Slagelse Boligselskab (SB): for (afgivet af Birgitte Bach)');
    const agenda = await connector.waitForPost((p) => p.conversationId === CHANNEL_ID && connector.textOf(p).startsWith('Dagsorden'));
    expect(literal(connector.textOf(agenda))).toContain('5. Ny delaftale om beskæftigelse (til beslutning)');
  }, RESTART_MS);

  it('conclusions: during the meeting the chair concludes an item and closes it without objections', async () => {
    bot = await bot.restart({ clockStart: cet('2027-11-25T14:05:00') });
    const card = await post(people.anne, 'konklusion 5 Bestyrelsen godkender den nye delaftale om beskæftigelse.', (p) => connector.textOf(p).startsWith('Konklusion'));
    const since = connector.mark();
    expect((await act(people.anne, 'conclusion.close', { conclusionId: dataOf(content(card), 'conclusion.close').conclusionId })).type).toBe(CARD);
    const decided = await connector.waitForPost((p) => literal(connector.textOf(p)).startsWith('Afgjort: Punkt 5.'), { since });
    expect(connector.textOf(decided)).toContain('afsluttede punktet uden indsigelser');
  }, RESTART_MS);

  it('minutes: the secretary\'s referat lists the conclusion and links its Markdown file', async () => {
    const minutes = await post(people.pia, 'referat', (p) => connector.textOf(p).startsWith('Referat'));
    expect(connector.textOf(minutes)).toContain('Referat – Ordinært møde torsdag den 25. november 2027 kl. 14.00');
    expect(connector.textOf(minutes)).toContain('Konklusion: Bestyrelsen godkender den nye delaftale om beskæftigelse.');
    const file = (minutes.attachments as any[]).find((a) => a.contentType === 'text/markdown');
    const url = new URL(file.contentUrl);
    const res = await bot.get(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('Bestyrelsen godkender den nye delaftale om beskæftigelse.');
  });

  it('date polls: next year\'s dates are proposed, answered and confirmed', async () => {
    const card = await post(people.pia, 'mødedatoer 2028', (p) => connector.textOf(p).startsWith('Mødedatoer for 2028'));
    const proposed: string[] = content(card).body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
    const { pollId } = dataOf(content(card), 'dates.answer');
    expect((await act(people.henrik, 'dates.answer', { pollId, available: proposed[0] })).type).toBe(CARD);
    const since = connector.mark();
    const four = [proposed[0], proposed[2], proposed[4], proposed[6]].join(',');
    expect((await act(people.anne, 'dates.confirm', { pollId, dates: four })).type).toBe(CARD);
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Mødedatoerne for 2028 er fastlagt:'), { since });
    expect(await act(people.karsten, 'dates.confirm', { pollId, dates: four })).toMatchObject({ type: MESSAGE, value: 'Mødedatoerne er allerede bekræftet. Intet er ændret.' });
  });
});
