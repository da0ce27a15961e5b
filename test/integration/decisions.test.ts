/**
 * Issue "Decisions by consent, next year's dates in one poll, and minutes from the record",
 * walked over HTTP as Teams would, the bot in process (app-harness.ts), restarted on its
 * store at later instants of its manual clock.
 */
import Holidays from 'date-holidays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import { type FakeConnector, type PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

let connector: FakeConnector;
let bot: Harness;

const cet = (local: string) => `${local}+01:00`;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard(cet('2027-11-10T10:00:00')));
});

afterAll(async () => {
  await bot?.close();
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

describe('the meeting of 25 November 2027', () => {
  it('is planned with two items for decision', async () => {
    await say(people.pia, 'møde 25-11-2027 14:00');
    expect(await say(people.pia, 'punkt Ny delaftale om beskæftigelse beslutning')).toMatch(/^Punkt 5 /);
    expect(await say(people.pia, 'punkt Budget 2028 beslutning')).toMatch(/^Punkt 6 /);
    await bot.restart(cet('2027-11-25T14:05:00'));
  });
});

describe('decisions by consent (R7) and dissents (R8)', () => {
  let decidedByChair: string;
  let objected: string;
  let byWindow: string;
  let voteCard: PostedActivity;

  it('R7: only the chair concludes; the conclusion card has Indsigelse, Særstandpunkt and Afslut', async () => {
    expect(await say(people.henrik, 'konklusion 5 Vi er enige')).toBe('Kun formandskabet kan fremsætte en konklusion. Intet er ændret.');
    expect(await say(people.anne, 'konklusion 42 Noget')).toMatch(/^Der er intet punkt 42 på dagsordenen til mødet [a-zø]+dag den \d+\. [a-z]+ \d{4}\. Intet er ændret\.$/);
    const card = await post(people.anne, 'konklusion 5 Bestyrelsen godkender den nye delaftale om beskæftigelse.', (p) => connector.textOf(p).startsWith('Konklusion'));
    expect(card.conversationId).toBe(CHANNEL_ID);
    expect(literal(connector.textOf(card))).toContain('Punkt »Ny delaftale om beskæftigelse«');
    expect(allActions(content(card)).map((a) => a.title)).toEqual(['Indsigelse', 'Gør indsigelse', 'Særstandpunkt', 'Gem særstandpunktet', 'Afslut']);
    decidedByChair = dataOf(content(card), 'conclusion.close').conclusionId;
  });

  it('R7: with no objection, the chair\'s close declares the item decided', async () => {
    expect(await act(people.henrik, 'conclusion.close', { conclusionId: decidedByChair })).toMatchObject({ type: MESSAGE, value: 'Kun formandskabet kan afslutte en konklusion. Intet er ændret.' });
    const since = connector.mark();
    const res = await act(people.anne, 'conclusion.close', { conclusionId: decidedByChair });
    expect(res.type).toBe(CARD);
    const decided = await connector.waitForPost((p) => literal(connector.textOf(p)).startsWith('Afgjort: Punkt »Ny delaftale om beskæftigelse«.'), { since });
    expect(connector.textOf(decided)).toContain('Bestyrelsen godkender den nye delaftale om beskæftigelse.');
    expect(connector.textOf(decided)).toContain('afsluttede punktet uden indsigelser');
    expect(await act(people.henrik, 'conclusion.object', { conclusionId: decidedByChair })).toMatchObject({ type: MESSAGE, value: 'Konklusionen er afsluttet. Intet er ændret.' });
  });

  it('R7: an objection is announced at once, naming who objected for which organisation, with the reason given (issue 13.4)', async () => {
    const card = await post(people.karsten, 'konklusion 6 Budget 2028 godkendes som fremlagt.', (p) => connector.textOf(p).startsWith('Konklusion'));
    objected = dataOf(content(card), 'conclusion.object').conclusionId;
    expect(await act(people.pia, 'conclusion.object', { conclusionId: objected })).toMatchObject({ type: MESSAGE });
    const since = connector.mark();
    const res = await act(people.henrik, 'conclusion.object', { conclusionId: objected, reason: 'Budgettet mangler *boligsociale* midler.' });
    expect(res.type).toBe(CARD);
    const announcement = await connector.waitForPost((p) => connector.textOf(p).startsWith('Indsigelse:'), { since });
    expect(literal(connector.textOf(announcement))).toContain('Henrik Holm (SAB) gør indsigelse mod konklusionen på punkt »Budget 2028«');
    expect(literal(connector.textOf(announcement))).toContain('Begrundelse: Budgettet mangler *boligsociale* midler.');
    expect(await act(people.anne, 'conclusion.close', { conclusionId: objected })).toMatchObject({ type: MESSAGE, value: expect.stringMatching(/^Der er gjort indsigelse/) });

    // PRODUCT §2: the objection's reason may come as `text`, as a dissent's does.
    const since2 = connector.mark();
    expect((await act(people.mette, 'conclusion.object', { conclusionId: objected, text: 'Vi mangler tal for 2029.' })).type).toBe(CARD);
    const second = await connector.waitForPost((p) => connector.textOf(p).startsWith('Indsigelse:'), { since: since2 });
    expect(literal(connector.textOf(second))).toContain('Begrundelse: Vi mangler tal for 2029.');
  });

  it('R8: a member enters a dissent on the conclusion in their own words', async () => {
    expect(await act(people.mette, 'conclusion.dissent', { conclusionId: objected, text: '   ' })).toMatchObject({ type: MESSAGE, value: 'Skriv dit særstandpunkt i feltet, før du trykker.' });
    const res = await act(people.mette, 'conclusion.dissent', { conclusionId: objected, text: 'Skælskør Boligselskab ønsker budgettet udskudt til januar.' });
    expect(connector.textOf(res.value)).toContain('Særstandpunkt fra Mette Møller (SBS):\nSkælskør Boligselskab ønsker budgettet udskudt til januar.');
  });

  it('R7: one press by the chair opens a formal vote on the same text', async () => {
    expect(await act(people.lars, 'conclusion.vote', { conclusionId: objected })).toMatchObject({ type: MESSAGE });
    const since = connector.mark();
    const res = await act(people.anne, 'conclusion.vote', { conclusionId: objected });
    expect(connector.textOf(res.value)).toContain('Sat til afstemning.');
    voteCard = await connector.waitForPost((p) => connector.textOf(p).startsWith('Afstemning'), { since });
    expect(connector.textOf(voteCard)).toContain('Budget 2028 godkendes som fremlagt.');
    expect(await act(people.anne, 'conclusion.vote', { conclusionId: objected })).toMatchObject({ type: MESSAGE, value: 'Konklusionen er allerede sat til afstemning.' });
  });

  it('R5, R6, R8: the vote is held; a member whose organisation voted against adds a dissent', async () => {
    const motionId = dataOf(content(voteCard), 'vote.cast').motionId;
    for (const [who, choice] of [[people.anne, 'for'], [people.birgitte, 'for'], [people.henrik, 'against'], [people.mette, 'abstain'], [people.lars, 'against']] as const) {
      await act(who, 'vote.cast', { motionId, choice });
    }
    const since = connector.mark();
    await act(people.karsten, 'vote.close', { motionId, confirm: true });
    await act(people.anne, 'vote.close', { motionId, confirm: true });
    await connector.waitForPost((p) => String(p.text).startsWith('Ikke vedtaget: 2 for, 2 imod, 1 undlader'), { since });
    // SBS abstained: no dissent (SB, which voted for the motion not adopted, might: R8).
    expect(await act(people.mette, 'vote.dissent', { motionId, text: 'Uenig' })).toMatchObject({ type: MESSAGE, value: expect.stringMatching(/^Særstandpunkt på en afstemning kan kun/) });
    const res = await act(people.lars, 'vote.dissent', { motionId, text: 'BoligKorsør kan ikke bære sin andel af budgettet.' });
    expect(res.type).toBe(CARD);
    expect(connector.textOf(res.value)).toContain('Lars Lund (BK):\nBoligKorsør kan ikke bære sin andel af budgettet.');
  });

  it('R7: a conclusion posted in the meeting stays open until the chair closes it (objectionWindowInMeeting: untilClosed)', async () => {
    const card = await post(people.anne, 'konklusion 3 Bestyrelsen tager orienteringen om økonomien til efterretning.', (p) => connector.textOf(p).startsWith('Konklusion'));
    byWindow = dataOf(content(card), 'conclusion.close').conclusionId;
    expect(connector.textOf(card)).toContain('Er der ingen indsigelse, er punktet afgjort, når formandskabet afslutter det på mødet.');
    const decidedPosts = () => connector.posts().filter((p) => literal(connector.textOf(p)).startsWith('Afgjort: Punkt »Økonomi«'));
    await bot.restart(cet('2027-11-27T15:00:00'));
    expect(decidedPosts()).toHaveLength(0); // two days on, no window has decided it
    const since = connector.mark();
    await act(people.anne, 'conclusion.close', { conclusionId: byWindow });
    await connector.waitForPost((p) => literal(connector.textOf(p)).startsWith('Afgjort: Punkt »Økonomi«'), { since });
    expect(decidedPosts()).toHaveLength(1);
  });
});

describe('minutes from the record (R16)', () => {
  let minutesCard: PostedActivity;

  it('R16: only the secretary drafts minutes: before she has, the chair\'s »referat« says so, and drafts nothing', async () => {
    expect(await say(people.anne, 'referat')).toBe('Der er endnu intet referat af mødet torsdag den 25. november 2027. Sekretæren skriver det.');
  });

  it('R16, R8: referat lists the conclusions and the vote with each organisation\'s vote and the dissents, word for word', async () => {
    // R16: attendance is recorded, not guessed from who voted: the secretary adds the chair.
    expect(await say(people.pia, 'deltager Anne Andersen')).toBe('Anne Andersen er tilføjet som deltager i mødet torsdag den 25. november 2027.');
    minutesCard = await post(people.pia, 'referat', (p) => connector.textOf(p).startsWith('Referat'));
    const text = connector.textOf(minutesCard);
    expect(text).toContain('Referat – Ordinært møde torsdag den 25. november 2027 kl. 14.00');
    expect(text).toContain('Konklusion: Bestyrelsen godkender den nye delaftale om beskæftigelse.');
    expect(text).toContain('Konklusion: Bestyrelsen tager orienteringen om økonomien til efterretning.');
    expect(text).toContain('Afgjort uden indsigelser.');
    expect(text).toContain('Indsigelse fra Henrik Holm (SAB) og Mette Møller (SBS).');
    expect(literal(text)).toContain('Begrundelse for indsigelsen fra Henrik Holm:\nBudgettet mangler *boligsociale* midler.');
    expect(literal(text)).toContain('Begrundelse for indsigelsen fra Mette Møller:\nVi mangler tal for 2029.');
    expect(text).toContain('Afstemning: Budget 2028 godkendes som fremlagt.');
    expect(text).toContain('Ikke vedtaget: 2 for, 2 imod, 1 undlader');
    expect(text).toContain('- Fællesorganisationens Boligforening (FOB): for (Anne Andersen)');
    expect(text).toContain('- BoligKorsør (BK): imod (Lars Lund)');
    expect(text).toContain('- Har ikke stemt: Slagelse Kommune (KOM)');
    expect(text).toContain('Særstandpunkt fra Mette Møller (SBS):\nSkælskør Boligselskab ønsker budgettet udskudt til januar.');
    expect(text).toContain('Særstandpunkt fra Lars Lund (BK):\nBoligKorsør kan ikke bære sin andel af budgettet.');
    expect(text).toMatch(/Organisationer: .*Fællesorganisationens Boligforening \(FOB\)/);
  });

  it('is also a Markdown file the card links to', async () => {
    const file = (minutesCard.attachments as any[]).find((a) => a.contentType === 'text/markdown');
    expect(file.name).toBe('referat-2027-11-25.md');
    const url = new URL(file.contentUrl);
    const res = await bot.get(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('Særstandpunkt fra Lars Lund (BK):\n\n> BoligKorsør kan ikke bære sin andel af budgettet.');
    expect((await bot.get('/minutes/00000000-0000-4000-8000-000000000000.md')).status).toBe(404);
  });

  it('R16: the secretary corrects; the chair approves after the objection window; approved minutes refuse edits', async () => {
    expect(await say(people.pia, 'ret referat Rettet referat.\n\nAfsnit to.')).toBe('Referatet af mødet torsdag den 25. november 2027 er rettet.');
    const meetingId = dataOf(content(minutesCard), 'minutes.approve').meetingId;
    expect(await act(people.anne, 'minutes.approve', { meetingId })).toMatchObject({ type: MESSAGE, value: expect.stringMatching(/^Referatet kan godkendes fra mandag den 29\. november 2027/) });
    await bot.restart(cet('2027-11-29T16:00:00'));
    expect(await act(people.henrik, 'minutes.approve', { meetingId })).toMatchObject({ type: MESSAGE, value: 'Kun formandskabet kan godkende referatet. Intet er ændret.' });
    const approved = await act(people.karsten, 'minutes.approve', { meetingId });
    expect(approved.type).toBe(CARD);
    expect(literal(connector.textOf(approved.value))).toMatch(/Godkendt mandag den 29\. november 2027 kl\. 16\.00 \(Karsten Kjær\)/);
    expect(await act(people.anne, 'minutes.approve', { meetingId })).toMatchObject({ type: MESSAGE, value: 'Referatet er godkendt og kan ikke ændres.' });
    const url = new URL((minutesCard.attachments as any[]).find((a) => a.contentType === 'text/markdown').contentUrl);
    const path = url.pathname + url.search;
    expect(await say(people.pia, 'ret referat Ny tekst efter godkendelsen.')).toMatch(/^Referatet af mødet torsdag den 25\. november 2027 var godkendt og ændres ikke/);
    // The approved version's file is as it was, under its head (R16).
    expect(String((await bot.get(path)).body)).toMatch(/\n\nGodkendt mandag den 29\. november 2027 kl\. 16\.00 \(Karsten Kjær\)\.\n\nRettet referat\.\n\nAfsnit to\.\n$/);
  });
});

describe('next year\'s dates in one poll (R10)', () => {
  let pollId: string;
  let pollCardId: string;
  let proposed: string[];

  it('R10: mødedatoer 2028 proposes no weekend, no Danish public holiday and no July date', async () => {
    expect(await say(people.henrik, 'mødedatoer 2028')).toBe('Kun formandskabet og sekretæren kan planlægge mødedatoer. Intet er ændret.');
    const card = await post(people.pia, 'modedatoer 2028', (p) => connector.textOf(p).startsWith('Mødedatoer for 2028'));
    const choiceSet = content(card).body.find((b: any) => b.type === 'Input.ChoiceSet');
    proposed = choiceSet.choices.map((c: any) => c.value);
    pollId = dataOf(content(card), 'dates.answer').pollId;
    pollCardId = card.id;
    expect(proposed.length).toBeGreaterThanOrEqual(4);
    const holidays = new Holidays('DK');
    for (const iso of proposed) {
      const day = new Date(`${iso}T12:00:00Z`);
      expect([0, 6], iso).not.toContain(day.getUTCDay());
      expect(day.getUTCMonth(), iso).not.toBe(6);
      const holiday = holidays.isHoliday(day);
      expect(holiday && holiday.some((h) => h.type === 'public'), iso).toBeFalsy();
    }
    const quarters = new Set(proposed.map((d) => Math.floor((Number(d.slice(5, 7)) - 1) / 3)));
    expect(quarters).toEqual(new Set([0, 1, 2, 3]));
  });

  it('members mark the dates they can attend; the card counts organisations per date', async () => {
    const res = await act(people.birgitte, 'dates.answer', { pollId, available: `${proposed[0]},${proposed[2]}` });
    await act(people.soeren, 'dates.answer', { pollId, available: proposed[0] });
    const after = await act(people.henrik, 'dates.answer', { pollId, available: [proposed[0]] });
    expect(res.type).toBe(CARD);
    const choices = after.value.body.find((b: any) => b.type === 'Input.ChoiceSet').choices;
    expect(choices[0].title).toMatch(/ \(2\u00a0af\u00a06\)$/);
    expect(await act(people.gustav, 'dates.answer', { pollId, available: proposed[0] })).toMatchObject({ type: MESSAGE });
    expect(await act(people.henrik, 'dates.answer', { pollId, available: '2028-07-14' })).toMatchObject({ type: MESSAGE, value: 'Vælg blandt de foreslåede datoer. Intet er ændret.' });
  });

  it('the card a member gets back shows their own ticks; the channel card shows counts only', async () => {
    const choiceSet = (card: any) => card.body.find((b: any) => b.type === 'Input.ChoiceSet');
    const since = connector.mark();
    const mine = await act(people.lars, 'dates.answer', { pollId, available: `${proposed[2]},${proposed[1]}` });
    expect(mine.type).toBe(CARD);
    expect(choiceSet(mine.value).value).toBe(`${proposed[1]},${proposed[2]}`);
    await bot.pass(UPDATE_INTERVAL_MS); // the poll card was updated within this second: this update is held back
    const update = await connector.waitForUpdate((p) => connector.textOf(p).startsWith('Mødedatoer for 2028'), { since });
    expect(choiceSet(content(update)).value ?? '').toBe('');
    expect(choiceSet(content(update)).choices.map((c: any) => c.title)).toEqual(choiceSet(mine.value).choices.map((c: any) => c.title));
    // The update replaces every copy, the member's too: their client refreshes the card and gets their ticks again.
    expect(content(update).refresh.action).toMatchObject({ verb: 'dates.refresh', data: { pollId } });
    expect(content(update).refresh.userIds.length).toBeGreaterThan(0);
    const refreshed = await act(people.lars, 'dates.refresh', { pollId });
    expect(choiceSet(refreshed.value).value).toBe(`${proposed[1]},${proposed[2]}`);
    expect(choiceSet((await act(people.soeren, 'dates.refresh', { pollId })).value).value).toBe(proposed[0]);
    // Answering again with nothing ticked: the card comes back with nothing ticked.
    const none = await act(people.lars, 'dates.answer', { pollId, available: '' });
    expect(none.type).toBe(CARD);
    expect(choiceSet(none.value).value ?? '').toBe('');
  });

  it('R10: *Bekræft datoer* is on the card the chair gets back, not on a member\'s (the channel card keeps it: clients that do not refresh)', async () => {
    const confirmVerbs = (card: any): string[] =>
      (card.actions ?? []).flatMap((a: any) => (a.type === 'Action.ShowCard' ? a.card.actions.map((x: any) => x.verb) : []));
    expect(confirmVerbs((await act(people.lars, 'dates.refresh', { pollId })).value)).toEqual([]);
    expect(confirmVerbs((await act(people.henrik, 'dates.answer', { pollId, available: proposed[3]! })).value)).toEqual([]);
    expect(confirmVerbs((await act(people.anne, 'dates.refresh', { pollId })).value)).toEqual(['dates.confirm']);
    expect(confirmVerbs((await act(people.karsten, 'dates.answer', { pollId, available: proposed[3]! })).value)).toEqual(['dates.confirm']);
    await bot.pass(UPDATE_INTERVAL_MS); // the channel card's newest state
    expect(confirmVerbs(content(connector.message(pollCardId)!.activity as unknown as PostedActivity))).toEqual(['dates.confirm']);
  });

  it('R9, R10: the chair confirms four dates, which creates four meetings with their agenda deadlines; confirming twice is refused', async () => {
    const four = [proposed[0], proposed[2], proposed[4], proposed[6]] as string[];
    expect(await act(people.henrik, 'dates.confirm', { pollId, dates: four.join(',') })).toMatchObject({ type: MESSAGE, value: 'Kun formandskabet kan bekræfte mødedatoerne. Intet er ændret.' });
    expect(await act(people.anne, 'dates.confirm', { pollId, dates: four.slice(0, 3).join(',') })).toMatchObject({ type: MESSAGE, value: expect.stringMatching(/^Vælg mindst fire datoer/) });
    const since = connector.mark();
    const res = await act(people.anne, 'dates.confirm', { pollId, dates: four.join(',') });
    expect(res.type).toBe(CARD);
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Mødedatoerne for 2028 er fastlagt:'), { since });
    expect(await act(people.karsten, 'dates.confirm', { pollId, dates: four.join(',') })).toMatchObject({ type: MESSAGE, value: 'Mødedatoerne er allerede bekræftet. Intet er ændret.' });
    const meetings = await say(people.lars, 'møder');
    expect(meetings.split('\n').filter((l) => l.startsWith('- Ordinært møde') && l.includes('2028'))).toHaveLength(4);
    expect(meetings).toMatch(/dagsorden senest/);
  });

  it('R10: the annual reminder stops once the dates are set', async () => {
    const reminders = () => connector.posts().filter((p) => connector.textOf(p).includes('Mødedatoerne for 2028 er ikke fastlagt')).length;
    const before = reminders();
    expect(before).toBeGreaterThan(0); // 10 and 24 November reminded: the dates were not set then
    await bot.restart(cet('2027-12-08T09:00:30'));
    await say(people.anne, 'hjælp');
    expect(reminders()).toBe(before);
  });

  it('R13: the first 2028 meeting\'s agenda goes out at its deadline', async () => {
    const first = proposed[0]!;
    const [y, m, d] = first.split('-').map(Number) as [number, number, number];
    const deadline = new Date(Date.UTC(y, m - 1, d - 5, 8, 0, 30)); // 09:00:30 CET five days before
    await bot.restart(deadline.toISOString());
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Dagsorden') && connector.textOf(p).includes('2028') && p.conversationId === CHANNEL_ID);
  });
});

describe('the progress summary (R18)', () => {
  it('R18: status lists the decisions of a period', async () => {
    const text = await say(people.karsten, 'status 01-11-2027 31-12-2027');
    expect(text).toContain('Status for perioden mandag den 1. november 2027 – fredag den 31. december 2027');
    expect(text).toContain('Møder holdt: 1');
    // Each decision with its day (a year's report holds several meetings' standing items).
    expect(text).toMatch(/^- \S+ den \d+\. \S+ \d{4}: »Budget 2028 godkendes som fremlagt\.« – Ikke vedtaget: 2 for, 2 imod, 1 undlader$/m);
    expect(text).toContain('Afgjort ved konsensus: 2');
    expect(literal(text)).toMatch(/^- \S+ den \d+\. \S+ \d{4}: Punkt »Ny delaftale om beskæftigelse« – Bestyrelsen godkender den nye delaftale om beskæftigelse\.$/m);
    expect(await say(people.karsten, 'status 2027')).toMatch(/^Angiv en periode med to datoer/);
  });
});

describe('approving the minutes by consent at the next meeting (R7, R16)', () => {
  it('R16: the decided standing item "Godkendelse af referat" approves the previous meeting\'s minutes', async () => {
    const minutes = await post(people.pia, 'referat 25-11-2027', (p) => connector.textOf(p).startsWith('Referat'));
    expect(connector.textOf(minutes)).toContain('Rettelse til referatet (version 2).');
    expect(connector.textOf(minutes)).not.toContain('Godkendt');
    // The first 2028 meeting (10 February), during the meeting.
    await bot.restart(cet('2028-02-10T14:10:00'));
    const card = await post(people.anne, 'konklusion 2 Referatet fra mødet den 25. november 2027 godkendes.', (p) => connector.textOf(p).startsWith('Konklusion'));
    expect(literal(connector.textOf(card))).toContain('Punkt 2. Godkendelse af referat fra sidste møde');
    await act(people.anne, 'conclusion.close', { conclusionId: dataOf(content(card), 'conclusion.close').conclusionId });
    const shown = await post(people.pia, 'referat 25-11-2027', (p) => connector.textOf(p).startsWith('Referat'));
    expect(literal(connector.textOf(shown))).toMatch(/Godkendt torsdag den 10\. februar 2028 kl\. 14\.10 \(af bestyrelsen ved konsensus\)/);
    expect(allActions(content(shown)).map((a) => a.title)).toEqual(['Hent som Word-dokument', 'Hent som Markdown-fil']);
  });
});
