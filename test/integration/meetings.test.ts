/**
 * Issue "Meetings, agendas and the scheduler", walked over HTTP as Teams would, on one
 * store, the bot in process (app-harness.ts), restarted at later instants of its manual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import { type FakeConnector, type PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let connector: FakeConnector;
let bot: Harness;

/** Local Copenhagen time (CEST in August/September). */
const at = (local: string) => `${local}+02:00`;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard(at('2027-08-20T10:00:00')));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, text));

const isAgendaCard = (p: PostedActivity) => connector.textOf(p).startsWith('Dagsorden') && p.conversationId === CHANNEL_ID;
const agendaPostsFor = (heading: string) => connector.posts().filter((p) => isAgendaCard(p) && connector.textOf(p).includes(heading));

/** Restart at a later moment and wait until the catch-up tick has sent what fell due. */
async function restartAt(local: string): Promise<void> {
  await bot.restart(at(local));
}

describe('meetings (R9, R11) and agendas (R12–R15)', () => {
  it('R9: the secretary schedules an ordinary meeting 19 days ahead; the answer gives the agenda deadline', async () => {
    expect((await say(people.pia, 'møde 08-09-2027 14:00')).split('\n\n')[0]).toBe(
      'Ordinært møde er planlagt onsdag den 8. september 2027 kl. 14.00. Dagsordenen udsendes senest fredag den 3. september 2027 kl. 09.00.',
    );
  });

  it('R12: the secretary adds an item for decision to the next meeting', async () => {
    const text = await say(people.pia, 'punkt Ny delaftale om beskæftigelse beslutning');
    expect(text).toMatch(/^Punkt \d+ »Ny delaftale om beskæftigelse« \(til beslutning\) er sat på dagsordenen til mødet onsdag den 8\. september 2027\.$/);
  });

  it('refuses bad dates and times with a correct example, and changes nothing', async () => {
    expect(await say(people.pia, 'møde 31-02-2027 14:00')).toBe('Den dato findes ikke. Brug fx 10-12-2026.\n\nSkriv fx: møde 10-12-2026 14:00');
    expect(await say(people.pia, 'møde 01-01-2027 14:00')).toMatch(/^Tidspunktet er allerede passeret\..*\n\nSkriv fx: møde 10-12-2026 14:00$/s);
    expect(await say(people.pia, 'møde i morgen')).toMatch(/^Datoen kan ikke læses\./);
    expect(await say(people.pia, 'møde 10-10-2027 kl. 25')).toMatch(/^Tidspunktet kan ikke læses\. Brug fx 14:00, 14\.00 eller kl\. 14\./);
    expect(await say(people.pia, 'møde')).toMatch(/^Angiv en dato\.\n\nSkriv fx: møde 10-12-2026 14:00$/);
    expect((await say(people.anne, 'møder')).replace(/ – \[Føj til kalender\]\([^)]*\)/g, '')).toMatch(/^Kommende møder:\n\n- Ordinært møde onsdag den 8\. september 2027 kl\. 14\.00 – dagsorden senest fredag den 3\. september 2027 kl\. 09\.00$/);
  });

  it('R11: a plain member cannot call an extraordinary meeting', async () => {
    expect(await say(people.henrik, 'ekstraordinært møde 22-08-2027 14:00 Akut budgetsituation')).toBe('Kun formandskabet og sekretæren kan indkalde til et ekstraordinært møde. Intet er ændret.');
    expect(agendaPostsFor('Ekstraordinært møde')).toHaveLength(0);
  });

  it('R11, R13, R14: the chair calls one two days ahead; its agenda, with Økonomi, goes out at once marked "Udsendt for sent"', async () => {
    const since = connector.mark();
    const answer = await say(people.anne, 'ekstraordinaert mode 22/08/2027 kl. 14 Akut budgetsituation');
    expect(answer).toMatch(/^Ekstraordinært møde er indkaldt søndag den 22\. august 2027 kl\. 14\.00\. Fristen for dagsordenen er overskredet/);
    const agenda = await connector.waitForPost(isAgendaCard, { since });
    const text = literal(connector.textOf(agenda));
    expect(text).toContain('Udsendt for sent');
    expect(text).toContain('Ekstraordinært møde søndag den 22. august 2027 kl. 14.00');
    expect(text).toContain('Emne: Akut budgetsituation');
    expect(text).toContain('Økonomi (til orientering)');
    expect(text).toContain('Fristen for udsendelse var tirsdag den 17. august 2027 kl. 09.00.');
  });

  it('R13: nothing is posted early for the ordinary meeting', () => {
    expect(agendaPostsFor('Ordinært møde')).toHaveLength(0);
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Påmindelse'))).toHaveLength(0);
  });
});

describe('a members\' petition (R11)', () => {
  let petitionId: string;
  let card: PostedActivity;

  it('a member asks; the petition card with Støt is posted in the channel', async () => {
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.birgitte, 'anmod om ekstraordinært møde Budgetoverskridelse i Korsør'));
    card = await connector.waitForPost((p) => connector.textOf(p).startsWith('Anmodning om ekstraordinært møde'), { since });
    expect(card.conversationId).toBe(CHANNEL_ID);
    const action = (card.attachments as any[])[0].content.actions[0];
    expect(action).toMatchObject({ title: 'Støt', verb: 'petition.support' });
    petitionId = action.data.petitionId;
    // Issue 13.4: the asker counts as its first supporter.
    expect(connector.textOf(card)).toContain('1 af 7 medlemmer støtter.');
    expect(connector.textOf(card)).toContain('Støttet af: Birgitte Bach.');
  });

  it('R11: three of seven voting members support it (the asker among them): no announcement; support twice counts once; the secretary does not count', async () => {
    const asker = await bot.send(cardAction(connector.url, people.birgitte, 'petition.support', { petitionId }, { replyToId: card.id }));
    expect(asker.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Du har allerede støttet anmodningen.' });
    for (const who of [people.henrik, people.mette]) {
      const res = await bot.send(cardAction(connector.url, who, 'petition.support', { petitionId }, { replyToId: card.id }));
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    }
    const twice = await bot.send(cardAction(connector.url, people.henrik, 'petition.support', { petitionId }));
    expect(twice.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Du har allerede støttet anmodningen.' });
    const secretary = await bot.send(cardAction(connector.url, people.pia, 'petition.support', { petitionId }));
    expect(secretary.body.type).toBe('application/vnd.microsoft.activity.message');
    const soeren = await bot.send(cardAction(connector.url, people.soeren, 'petition.support', { petitionId: 'nope' }));
    expect(soeren.body.value).toBe('Jeg kan ikke finde den anmodning. Intet er ændret.');
    await bot.pass(UPDATE_INTERVAL_MS); // the supports came within one second: the card's newest state goes out after it
    await connector.waitForUpdate((u) => u.id === card.id && connector.textOf(u).includes('3 af 7 medlemmer støtter.'));
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'))).toHaveLength(0);
  });

  it('R11: the fourth support brings the majority announcement, asking the chair and secretary to set the date', async () => {
    const since = connector.mark();
    await bot.send(cardAction(connector.url, people.lars, 'petition.support', { petitionId }, { replyToId: card.id }));
    const announcement = await connector.waitForPost((p) => connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'), { since });
    const text = connector.textOf(announcement);
    expect(text).toContain('Et flertal af bestyrelsens medlemmer (4 af 7) kræver et ekstraordinært møde om »Budgetoverskridelse i Korsør«.');
    expect(text).toContain('Anne Andersen');
    expect(text).toContain('Pia Poulsen');
    expect(text).toContain('fastsæt venligst tidspunktet');
    expect((announcement.entities as any[]).some((e) => e.type === 'mention' && e.mentioned.id === '29:anne')).toBe(true);
    await bot.send(cardAction(connector.url, people.soeren, 'petition.support', { petitionId }));
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Et flertal af bestyrelsens medlemmer'))).toHaveLength(1);
  });
});

describe('the scheduler (R10, R13)', () => {
  it('R12, R13: 7 days before at 09:00 the chair and the secretary are reminded; R10: the date-planning reminder arrives on datePlanningStart', async () => {
    await restartAt('2027-09-01T09:00:30');
    const reminder = await connector.waitForPost((p) => connector.textOf(p).includes('Påmindelse: Dagsordenen til mødet onsdag den 8. september 2027'));
    expect(connector.textOf(reminder)).toContain('skal udsendes senest fredag den 3. september 2027 kl. 09.00');
    expect(connector.textOf(reminder)).toMatch(/Anne Andersen.*Karsten Kjær.*Pia Poulsen/);
    const dates = await connector.waitForPost((p) => connector.textOf(p).includes('Mødedatoerne for 2028 er ikke fastlagt'));
    expect(dates.conversationId).toBe(CHANNEL_ID);
    expect(agendaPostsFor('Ordinært møde')).toHaveLength(0);
  });

  it('R13, R14, R15: 5 days before at 09:00 the agenda is posted once, with the item and the standing items, not late', async () => {
    await restartAt('2027-09-03T09:00:30');
    const agenda = await connector.waitForPost((p) => isAgendaCard(p) && connector.textOf(p).includes('Ordinært møde onsdag den 8. september 2027'));
    // What a person sees: the item numbers' dots are escaped so as not to start a numbered list.
    const text = literal(connector.textOf(agenda));
    expect(text).not.toContain('Udsendt for sent');
    const lines = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toEqual([
      '1. Godkendelse af dagsorden (til beslutning)',
      '2. Godkendelse af referat fra sidste møde (til beslutning)',
      '3. Økonomi (til orientering)',
      '4. Årlig opfølgning på indikatorer i LBF-portalen og målopfyldelse i den strategiske aftale (til drøftelse)',
      '5. Ny delaftale om beskæftigelse (til beslutning)',
      '6. Mødedatoer for det kommende år (til beslutning)',
      '7. Eventuelt (til orientering)',
    ]);
  });

  it('R13: restarting later the same day posts nothing again', async () => {
    await restartAt('2027-09-03T15:00:00');
    await say(people.anne, 'hjælp'); // the catch-up ran before the bot answered
    expect(agendaPostsFor('Ordinært møde onsdag den 8. september 2027')).toHaveLength(1);
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Mødedatoerne for 2028'))).toHaveLength(1);
  });

  it('the day before, a reminder is posted under the agenda', async () => {
    await restartAt('2027-09-07T09:00:30');
    const agenda = agendaPostsFor('Ordinært møde onsdag den 8. september 2027')[0]!;
    const reminder = await connector.waitForPost((p) => connector.textOf(p).startsWith('Påmindelse: ordinært møde i morgen'));
    expect(reminder.conversationId).toBe(`${CHANNEL_ID};messageid=${agenda.id}`);
  });

  it('R9, R10: the date-planning reminder comes again two weeks later, and still after a single meeting of next year is planned (the dates are not fixed by one)', async () => {
    await restartAt('2027-09-15T09:00:30');
    await connector.waitFor(() => connector.posts().filter((p) => connector.textOf(p).includes('Mødedatoerne for 2028')).length === 2);
    expect(await say(people.pia, 'møde 2028-03-09 14:00')).toMatch(/^Ordinært møde er planlagt torsdag den 9\. marts 2028 kl\. 14\.00/);
    await restartAt('2027-09-29T09:00:30');
    await say(people.anne, 'hjælp');
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Mødedatoerne for 2028'))).toHaveLength(3);
  });
});

describe('the outbox (PRODUCT §4)', () => {
  it('with the connector answering 429 then 200, the post arrives exactly once', async () => {
    // botbuilder's client retries 429 three times itself: four failures reach the outbox once.
    connector.failNext(4, 429, { 'Retry-After': '0' });
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, 'afstemning Udskyd budgetrevisionen'));
    // The outbox tries again after its backoff (about a second): time moves on, the scheduler ticks.
    bot.clock.advance(2000);
    await bot.tick();
    const post = await connector.waitForPost((p) => connector.textOf(p).includes('Udskyd budgetrevisionen'), { since, timeoutMs: 15_000 });
    expect(connector.requests.filter((r) => r.seq >= since && r.failed && r.status === 429).length).toBe(4);
    await say(people.anne, 'hjælp');
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Udskyd budgetrevisionen'))).toEqual([post]);
  });
});
