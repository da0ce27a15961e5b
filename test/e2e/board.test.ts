/**
 * End to end in the Microsoft 365 Agents Playground with headless Chromium: the board's
 * channel as the chair Anne Andersen sees it. She plans a meeting, opens a vote and votes;
 * the other five organisations' members vote through the playground's invoke route, and
 * her page shows the card updated for everyone and the outcome. A members' petition gets
 * its majority. She puts an item with two attachments on the agenda, gives a task and
 * answers next year's date poll; the bot is restarted at the agenda deadline and her page
 * shows the agenda, then at the meeting's start (attendance), she concludes the item and
 * the secretary writes the minutes. Screenshots of each step go to
 * test-results/e2e/<timestamp>/, and every card at 390 and 1,400 px as
 * card-<name>-<width>.png (docs/playground.md, "Cards at 390 px").
 *
 * Run: npm run test:e2e (Debian chromium at /usr/bin/chromium: scripts/e2e-prereqs.sh).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanupBots } from '../support/bot-process.js';
import { type Client, card, normalise, openClient, openConversation, post, postToBot, waitForTexts } from './client.js';
import { tasks as tasksDa } from '../../src/i18n/da/tasks.js';
import { board, literal, m, organisation, welcomeLines, when } from './expected.js';
import { CARD, CHANNEL_ID, CHANNEL_NAME, type StreamEvent, type TestBed, TEAM_NAME, cardOf, makeResultsDir, startTestBed, textOf, threadOf } from './playground.js';

const BOT_NAME = 'Bestyrelsesbot';

// ----------------------------------------------------------------------- time ----
// The bot's clock starts at CLOCK_START (Friday 20 August 2027, 10:00 Copenhagen) and runs on
// in real time. All dates below are in August 2027 (CEST, +02:00): no DST change in between.
const CLOCK_START = '2027-08-20T10:00:00+02:00';
const addDays = (isoDate: string, days: number): string => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};
const ddmmyyyy = (isoDate: string) => isoDate.split('-').reverse().join('-');
/** The planned ordinary meeting: 10 days after the clock starts, 14:00. */
const MEETING_DATE = addDays(CLOCK_START.slice(0, 10), 10); // 2027-08-30, a Monday
const MEETING_AT = `${MEETING_DATE}T14:00:00+02:00`;
/** R13: the agenda goes out 5 days before the meeting at 09:00; the bot is restarted just after. */
const AGENDA_DUE = `${addDays(MEETING_DATE, -5)}T09:00:00+02:00`; // Wednesday 25 August 2027
const AGENDA_DEADLINE = AGENDA_DUE.replace('09:00:00', '09:00:30');

const MOTION = 'Budgettet for 2027 godkendes';
/** The meeting has started (14:00): the bot is restarted just after, for the attendance card. */
const MEETING_STARTED = MEETING_AT.replace('14:00:00', '14:00:30');
/** The item Anne puts on the agenda (the first after the four standing items) and its attachments. */
const ITEM = 'Nyt tag på Slotsgade 12–18';
const ITEM_NO = 5;
const ATTACHMENTS = [
  { url: 'https://intranet.example.dk/bestyrelse/2027/tilbud-tag-slotsgade.pdf', title: 'Tilbud på nyt tag fra Slagelse Tømrerforretning' },
  { url: 'https://intranet.example.dk/bestyrelse/2027/tilstandsrapport.pdf', title: 'Tilstandsrapport 2027' },
];
const TASK = 'Indhent tre tilbud på udskiftning af vinduerne i afdeling Motalavej';
const TASK_DUE = addDays(CLOCK_START.slice(0, 10), 7); // 2027-08-27, a Friday
const CONCLUSION = 'Bestyrelsen vælger tilbuddet fra Slagelse Tømrerforretning, og arbejdet sættes i gang i foråret 2028.';
/** The secretary (config/demo.yaml): not one of the playground's users, she writes through its custom activity route. */
const PIA = { id: '29:pia', name: 'Pia Poulsen', aadObjectId: '00000000-0000-4000-8000-000000000008' };
const taskTexts = tasksDa;
const attendanceTexts = m.attendance;
const PETITION_SUBJECT = 'Budgetoverskridelse';

/**
 * Anne (the playground's current user) and the other five organisations' members, as the
 * playground's mock data has them (.m365agentsplayground.yml); their organisations are the
 * demo board's (config/demo.yaml).
 */
const person = (id: string, name: string, orgId: string) => ({ id, name, org: organisation(orgId) });
const anne = person('29:anne', 'Anne Andersen', 'FOB');
const members = {
  karsten: person('29:karsten', 'Karsten Kjær', 'KOM'),
  birgitte: person('29:birgitte', 'Birgitte Bach', 'SB'),
  henrik: person('29:henrik', 'Henrik Holm', 'SAB'),
  mette: person('29:mette', 'Mette Møller', 'SBS'),
  lars: person('29:lars', 'Lars Lund', 'BK'),
};
type Choice = 'for' | 'against' | 'abstain';
/** Who votes what: 4 for, 1 against, 1 abstains. Anne votes in the page, the others by invoke. */
const ballots: { who: ReturnType<typeof person>; choice: Choice }[] = [
  { who: anne, choice: 'for' },
  { who: members.karsten, choice: 'for' },
  { who: members.birgitte, choice: 'for' },
  { who: members.henrik, choice: 'against' },
  { who: members.mette, choice: 'abstain' },
  { who: members.lars, choice: 'for' },
];
/** Voting members of the demo board (SB has two): a petition needs more than half of them. */
const VOTING_MEMBERS = board.people.filter((p) => p.roles.includes('member')).length;
const PETITION_NEEDED = Math.floor(VOTING_MEMBERS / 2) + 1;

/** A row of the vote card as the page shows it: the organisation, then its vote, then who cast it. */
const cardRow = (org: { name: string }, choice: string, by: string) =>
  new RegExp(`${literal(org.name)} ${literal(choice)}\\b.{0,40}?${literal(by)}`);

let bed: TestBed;
let client: Client;
let resultsDir: string;
let failed = false;
let step = 0;

/** Screenshot "NN-name.png" in the results folder. */
const shot = (name: string) => client.shot(`${String(++step).padStart(2, '0')}-${name}`);

beforeAll(async () => {
  resultsDir = makeResultsDir();
  console.log(`e2e: screenshots and logs in ${resultsDir}`);
  bed = await startTestBed({ clockStart: CLOCK_START, resultsDir });
  client = await openClient(bed.url, resultsDir);
}, 120_000);

afterAll(async () => {
  // Each on its own: a failure in one must not leave the others running.
  await client?.close().catch((err) => console.error('e2e: closing Chromium failed', err));
  await bed?.stop().catch((err) => console.error('e2e: stopping the playground/bot failed', err));
  await cleanupBots();
  console.log(`e2e: screenshots and logs in ${resultsDir}`);
}, 60_000);

beforeEach((ctx) => {
  // The steps build on each other: after a failure the rest would only time out.
  if (failed) ctx.skip();
  ctx.onTestFailed(async () => {
    failed = true;
    await client?.shot(`failure-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
  });
});

/** The stream event of the bot's post of a card showing `text` (for its message id and buttons). */
function cardPost(text: string, since = 0): Promise<StreamEvent> {
  return bed.stream.waitFor((e) => e.action === 'createMessage' && !!cardOf(e) && textOf(e).includes(text), {
    since,
    what: `card post with »${text}«`,
  });
}

/** The card's button with this title (verb and data), as the web client would send it. */
function button(e: StreamEvent, title: string): { verb: string; data: Record<string, unknown> } {
  const action = (cardOf(e)?.actions ?? []).find((a: { title?: string }) => a.title === title);
  if (!action?.verb) throw new Error(`the card has no button »${title}«: ${JSON.stringify(cardOf(e)?.actions)}`);
  return { verb: action.verb, data: action.data ?? {} };
}

/** Another member presses a button on a card in the channel (the playground's invoke route). */
async function press(who: { id: string }, e: StreamEvent, title: string): Promise<void> {
  const { verb, data } = button(e, title);
  const answer = await bed.invokeAs(who.id, threadOf(e), e.message!.messageId, verb, data);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  // A card back is success; a refusal comes back as a message (type ….activity.message).
  expect(answer.body?.type, `${who.id} pressed »${title}«: ${JSON.stringify(answer.body)}`).toBe(CARD);
}

describe.sequential('the board in the Agents Playground (Anne Andersen, chair, FOB)', () => {
  it('Anne opens the channel »Bestyrelsesmøder«; the bot welcomes the board there', async () => {
    const { page } = client;
    await openConversation(page, `${TEAM_NAME} - ${CHANNEL_NAME}`);
    // Opening the channel installs the bot there (the playground sends install events for
    // each conversation the page opens): the board is bound to it and welcomed. The Personal
    // Chat's install event on page load binds nothing: a 1:1 chat has no channel.
    const lines = welcomeLines();
    const text = await waitForTexts(post(page, lines[0]!), lines, 'the welcome in the channel');
    expect(text).toContain(BOT_NAME);
    for (const org of board.organisations) expect(normalise(text)).toContain(`${org.name} (${org.id})`);
    await shot('welcome');
  });

  it(`Anne plans the ordinary meeting on ${ddmmyyyy(MEETING_DATE)} at 14:00; the answer gives the agenda deadline`, async () => {
    const { page } = client;
    const command = `møde ${ddmmyyyy(MEETING_DATE)} 14:00`;
    await postToBot(page, BOT_NAME, command);
    const answer = m.meeting.planned(m.meeting.kind.ordinary, when(MEETING_AT), when(AGENDA_DUE));
    expect(answer).toContain('mandag den 30. august 2027 kl. 14.00');
    expect(answer).toContain('onsdag den 25. august 2027 kl. 09.00');
    await waitForTexts(post(page, `${BOT_NAME} ${command}`), [answer], 'the answer in the thread of her post');
    await shot('meeting-planned');
  });

  let voteCard: StreamEvent;

  it('Anne opens the vote; the vote card shows the six organisations and the buttons', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `afstemning ${MOTION}`);
    voteCard = await cardPost(MOTION, since);
    expect(voteCard.actionConversationId?.split(';')[0]).toBe(CHANNEL_ID);
    const shown = card(page, MOTION);
    await waitForTexts(
      shown,
      [
        m.voteCard.title,
        MOTION,
        ...board.organisations.map((org) => `${org.name} ${m.voteCard.notVoted}`),
        m.voteCard.counts(0, 0, 0, board.organisations.length),
      ],
      'the new vote card',
    );
    for (const name of [m.choice.for, m.choice.against, m.choice.abstain, m.voteCard.close]) {
      await shown.getByRole('button', { name, exact: true }).waitFor({ state: 'visible' });
    }
    await shot('vote-card');
    await client.shotWidths('card-vote-open', shown);
  });

  it(`Anne presses »${m.choice.for}«: FOB's vote is on her card, cast by her`, async () => {
    const { page } = client;
    const shown = card(page, MOTION);
    // Her click goes through the web client's invoke; its answer is her card.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke') && r.request().method() === 'POST'),
      shown.getByRole('button', { name: m.choice.for, exact: true }).click(),
    ]);
    expect(answer.status()).toBe(200);
    await waitForTexts(shown, [cardRow(anne.org, m.choice.for, anne.name), m.voteCard.counts(1, 0, 0, 5)], 'her vote on the card');
    await shot('vote-anne');
    await client.shotWidths('card-vote-anne', shown);
  });

  it('the five other members vote; Anne\'s page shows every organisation\'s vote and who cast it, and the vote closes by itself', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    // One at a time, as people do; the last of the six closes the vote.
    for (const { who, choice } of ballots.filter((b) => b.who !== anne)) await press(who, voteCard, m.choice[choice]);

    // The bot updates the card for everyone (PUT through the connector) …
    await bed.stream.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === voteCard.message!.messageId && textOf(e).includes(m.closeReason['all-voted']),
      { since, what: 'the closed vote card (update)' },
    );
    // … and Anne's page shows it: each organisation's vote and who cast it, closed, the outcome.
    const shown = card(page, MOTION);
    const text = await waitForTexts(
      shown,
      [
        ...ballots.map(({ who, choice }) => cardRow(who.org, m.choice[choice], who.name)),
        m.voteCard.counts(4, 1, 1, 0),
        m.closeReason['all-voted'],
        'Vedtaget: 4 for, 1 imod, 1 undlader',
      ],
      'the vote card updated for everyone',
    );
    expect(normalise(text)).not.toContain(m.voteCard.notVoted);
    // Closed: no more voting buttons.
    await expect.poll(() => shown.getByRole('button', { name: m.choice.for, exact: true }).count()).toBe(0);
    await shot('vote-closed');
    await client.shotWidths('card-vote-closed', shown);

    // The outcome, announced in the channel as a post of its own; its first line is exactly
    // PRODUCT §1.4's outcome line.
    const outcome = post(page, m.outcome.motion(MOTION));
    const announced = await waitForTexts(
      outcome,
      [
        'Vedtaget: 4 for, 1 imod, 1 undlader',
        m.outcome.motion(MOTION),
        ...ballots.map(({ who, choice }) => m.outcome.orgVote(`${who.org.name} (${who.org.id})`, m.choiceWord[choice], who.name)),
        // Closed because all had voted: the close's reason says so (once).
        m.closeReason['all-voted'],
      ],
      'the outcome post',
    );
    expect(normalise(announced)).toContain(BOT_NAME);
    expect(await outcome.getByRole('paragraph').first().innerText()).toBe('Vedtaget: 4 for, 1 imod, 1 undlader');
    await outcome.scrollIntoViewIfNeeded();
    await shot('vote-outcome');
  });

  let petitionCard: StreamEvent;

  it('Anne, a member for FOB, asks for an extraordinary meeting; the petition card with »Støt« is posted', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `anmod om ekstraordinært møde ${PETITION_SUBJECT}`);
    petitionCard = await cardPost(m.petition.subject(PETITION_SUBJECT), since);
    const shown = card(page, m.petition.subject(PETITION_SUBJECT));
    await waitForTexts(
      shown,
      [m.petition.title, m.petition.subject(PETITION_SUBJECT), m.petition.askedBy(anne.name), m.petition.explain(PETITION_NEEDED, VOTING_MEMBERS)],
      'the petition card',
    );
    await shown.getByRole('button', { name: m.petition.support, exact: true }).waitFor({ state: 'visible' });
    await shot('petition');
    await client.shotWidths('card-petition', shown);
  });

  it('three more members press »Støt« (Anne, who asked, counts as the first); Anne\'s page shows the majority announcement', async () => {
    const { page } = client;
    const supporters = [members.karsten, members.birgitte, members.henrik];
    expect(supporters).toHaveLength(PETITION_NEEDED - 1);
    for (const who of supporters) await press(who, petitionCard, m.petition.support);

    const announcement = m.petition.announcement(PETITION_NEEDED, VOTING_MEMBERS, PETITION_SUBJECT);
    expect(announcement).toContain('Et flertal af bestyrelsens medlemmer (4 af 7)');
    await waitForTexts(post(page, announcement), [announcement, anne.name, 'Pia Poulsen'], 'the majority announcement');
    await waitForTexts(
      card(page, m.petition.subject(PETITION_SUBJECT)),
      [m.petition.supporters(PETITION_NEEDED, VOTING_MEMBERS), m.petition.majority],
      'the petition card updated',
    );
    await post(page, announcement).scrollIntoViewIfNeeded();
    await shot('petition-majority');
    await client.shotWidths('card-petition-majority', card(page, m.petition.subject(PETITION_SUBJECT)));
  });

  it('Anne puts an item for decision on the agenda and attaches two documents to it', async () => {
    const { page } = client;
    const command = `punkt ${ITEM} beslutning`;
    await postToBot(page, BOT_NAME, command);
    await waitForTexts(post(page, `${BOT_NAME} ${command}`), [`Punkt ${ITEM_NO} »${ITEM}«`], 'the item added');
    for (const a of ATTACHMENTS) {
      const attach = `bilag ${ITEM_NO} ${a.url} ${a.title}`;
      await postToBot(page, BOT_NAME, attach);
      await waitForTexts(post(page, `${BOT_NAME} ${attach}`), [m.agenda.attachmentAdded(ITEM_NO, ITEM, when(MEETING_AT).replace(/ kl\. .*$/, ''))], 'the attachment added');
    }
  });

  it('Anne gives Birgitte a task with a deadline; the task card is posted', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `opgave ${ddmmyyyy(TASK_DUE)} Birgitte Bach: ${TASK}`);
    await cardPost(TASK, since);
    const shown = card(page, TASK);
    await waitForTexts(shown, [taskTexts.card.title, TASK, taskTexts.card.owner(members.birgitte.name), taskTexts.card.due('fredag den 27. august 2027')], 'the task card');
    await shown.getByRole('button', { name: taskTexts.card.doneButton, exact: true }).waitFor({ state: 'visible' });
    await client.shotWidths('card-task', shown);
  });

  it('Anne proposes next year\'s dates; she ticks two in the page and saves: the card she gets back keeps her ticks', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, 'mødedatoer 2028');
    await cardPost(m.dates.title(2028), since);
    const shown = card(page, m.dates.title(2028));
    await waitForTexts(shown, [m.dates.title(2028), m.dates.available], 'the date poll');
    await client.shotWidths('card-dates', shown);
    const boxes = shown.getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke') && r.request().method() === 'POST'),
      shown.getByRole('button', { name: m.dates.save, exact: true }).click(),
    ]);
    expect(answer.status()).toBe(200);
    // The card her click gets back has her own two dates ticked (the choice set's value).
    const back = JSON.stringify(await answer.json());
    const ticked = /"id":"available"[^}]*?"value":"([^"]*)"/.exec(back)?.[1] ?? /"value":"([^"]*)"[^}]*?"id":"available"/.exec(back)?.[1];
    expect(ticked?.split(',')).toHaveLength(2);
    await waitForTexts(shown, [m.dates.answered(anne.name)], 'her answer on the card');
    // The bot then updates the channel's card (counts, nobody's ticks) for everyone. Teams
    // refreshes it for each member (refresh.userIds, verb dates.refresh) and her ticks come
    // back; the playground does not refresh cards, so here the page shows the counts.
    await client.shotWidths('card-dates-answered', shown);
  });

  it('the bot restarts at the agenda deadline (5 days before, 09:00); Anne\'s page shows the agenda with »Økonomi«', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await bed.restartBot(AGENDA_DEADLINE);
    const heading = m.agenda.heading(m.meeting.kind.ordinary, when(MEETING_AT));
    await cardPost(heading, since);
    const shown = card(page, heading);
    const text = await waitForTexts(shown, [m.agenda.title, heading, m.agenda.standing.economy], 'the agenda card');
    expect(normalise(text)).toContain('Dagsorden');
    expect(normalise(text)).toContain('Økonomi');
    expect(normalise(text)).not.toContain(m.agenda.late);
    for (const a of ATTACHMENTS) await shown.getByRole('link', { name: a.title }).first().waitFor({ state: 'visible' });
    await shot('agenda');
    await client.shotWidths('card-agenda', shown);
  });

  it('the meeting starts: the attendance card is posted; Anne presses »Jeg deltager«', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await bed.restartBot(MEETING_STARTED);
    await cardPost(attendanceTexts.title, since);
    const shown = card(page, attendanceTexts.title);
    await waitForTexts(shown, [attendanceTexts.title, attendanceTexts.none], 'the attendance card');
    await client.shotWidths('card-attendance', shown);
    await shown.getByRole('button', { name: attendanceTexts.join, exact: true }).click();
    await waitForTexts(shown, [attendanceTexts.present(anne.name)], 'Anne present');
    await client.shotWidths('card-attendance-joined', shown);
  });

  it('Anne concludes the item; the conclusion card is posted with »Indsigelse«', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `konklusion ${ITEM_NO} ${CONCLUSION}`);
    await cardPost(CONCLUSION, since);
    const shown = card(page, CONCLUSION);
    await waitForTexts(shown, [m.conclusion.title, CONCLUSION], 'the conclusion card');
    await client.shotWidths('card-conclusion', shown);
  });

  it('the secretary writes the minutes (as Pia Poulsen, through the playground\'s custom activity); the minutes card is posted', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await bed.sayAs(PIA, CHANNEL_ID, 'referat');
    const heading = m.minutes.heading(m.meeting.kind.ordinary, when(MEETING_AT));
    await cardPost(heading, since);
    const shown = card(page, heading);
    await waitForTexts(shown, [heading, m.minutes.conclusion(CONCLUSION)], 'the minutes card');
    await client.shotWidths('card-minutes', shown);
  });
});
