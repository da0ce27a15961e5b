/**
 * End to end in the Microsoft 365 Agents Playground with headless Chromium: the board's
 * channel as the chair Anne Andersen sees it. She plans a meeting, opens a vote and votes;
 * the other five organisations' members vote through the playground's invoke route, and
 * her page shows the card updated for everyone and the outcome. A members' petition gets
 * its majority; then the bot is restarted at the agenda deadline and her page shows the
 * agenda. Screenshots of each step go to test-results/e2e/<timestamp>/.
 *
 * Run: npm run test:e2e (Debian chromium at /usr/bin/chromium: scripts/e2e-prereqs.sh).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanupBots } from '../support/bot-process.js';
import { type Client, card, normalise, openClient, openConversation, post, postToBot, waitForTexts } from './client.js';
import { CARD, CHANNEL_NAME, type StreamEvent, type TestBed, TEAM_NAME, cardOf, makeResultsDir, startTestBed, textOf, threadOf } from './playground.js';

const BOT_NAME = 'Bestyrelsesbot';

// ----------------------------------------------------------------------- time ----
// The bot's clock starts at CLOCK_START (Friday 20 August 2027, 10:00 Copenhagen) and runs on
// in real time. All dates below are in August 2027 (CEST, +02:00): no DST change in between.
const CLOCK_START = '2027-08-20T10:00:00+02:00';
const addDays = (isoDate: string, days: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const ddmmyyyy = (isoDate: string) => isoDate.split('-').reverse().join('-');
/** The planned ordinary meeting: 10 days after the clock starts, 14:00. */
const MEETING_DATE = addDays(CLOCK_START.slice(0, 10), 10); // 2027-08-30, a Monday
/** R13: the agenda goes out 5 days before the meeting at 09:00; the bot is restarted just after. */
const AGENDA_DEADLINE = `${addDays(MEETING_DATE, -5)}T09:00:30+02:00`; // Wednesday 25 August 2027

const MOTION = 'Budgettet for 2027 godkendes';
const PETITION_SUBJECT = 'Budgetoverskridelse';

/** The other five organisations' members, as the playground's mock data names them. */
const members = {
  karsten: { id: '29:karsten', name: 'Karsten Kjær', org: 'Slagelse Kommune' },
  birgitte: { id: '29:birgitte', name: 'Birgitte Bach', org: 'Slagelse Boligselskab' },
  henrik: { id: '29:henrik', name: 'Henrik Holm', org: 'Slagelse Almennyttige Boligselskab' },
  mette: { id: '29:mette', name: 'Mette Møller', org: 'Skælskør Boligselskab' },
  lars: { id: '29:lars', name: 'Lars Lund', org: 'BoligKorsør' },
} as const;
const anne = { id: '29:anne', name: 'Anne Andersen', org: 'Fællesorganisationens Boligforening' } as const;

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
    what: `card post with «${text}»`,
  });
}

/** The data of the card's button with this title, as the client would send it. */
function buttonData(e: StreamEvent, title: string): Record<string, unknown> {
  const action = (cardOf(e)?.actions ?? []).find((a: { title?: string }) => a.title === title);
  if (!action) throw new Error(`the card has no button «${title}»: ${JSON.stringify(cardOf(e)?.actions)}`);
  return action.data ?? {};
}

/** Another member presses a button on a card in the channel. */
async function press(who: { id: string }, e: StreamEvent, verb: string, title: string): Promise<void> {
  const answer = await bed.invokeAs(who.id, threadOf(e), e.message!.messageId, verb, buttonData(e, title));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  // A card back is success; a refusal comes back as a message (type ….activity.message).
  expect(answer.body?.type, `${who.id} pressed «${title}»: ${JSON.stringify(answer.body)}`).toBe(CARD);
}

describe.sequential('the board in the Agents Playground (Anne Andersen, chair, FOB)', () => {
  it('Anne opens the channel «Bestyrelsesmøder»; the bot welcomes the board there', async () => {
    const { page } = client;
    await openConversation(page, `${TEAM_NAME} - ${CHANNEL_NAME}`);
    // Binding the board to this channel. Install events arrive for every conversation the
    // page opens, the Personal Chat first (on page load); the bot binds on the first one it
    // sees. The playground's announcement (scripts/playground.mjs) tells the chair to write
    // this in the channel; it is a no-op ("bruger allerede") when the channel is bound.
    await postToBot(page, BOT_NAME, 'brug denne kanal');
    const welcome = post(page, 'Goddag. Jeg er bestyrelsens bot for');
    const text = await waitForTexts(
      welcome,
      [
        'Goddag. Jeg er bestyrelsens bot for Den boligsociale bestyrelse i Slagelse, og jeg bruger fremover denne kanal.',
        'Organisationerne (én stemme hver):',
        'Fællesorganisationens Boligforening (FOB)',
        'Slagelse Boligselskab (SB)',
        'Slagelse Almennyttige Boligselskab (SAB)',
        'Skælskør Boligselskab (SBS)',
        'BoligKorsør (BK)',
        'Slagelse Kommune (KOM)',
        'Formandskab: Anne Andersen (FOB) og Karsten Kjær (KOM).',
        'Sekretær: Pia Poulsen.',
      ],
      'the welcome in the channel',
    );
    expect(text).toContain(BOT_NAME);
    await shot('welcome');
  });

  it(`Anne plans the ordinary meeting on ${ddmmyyyy(MEETING_DATE)} at 14:00; the answer gives the agenda deadline`, async () => {
    const { page } = client;
    const command = `møde ${ddmmyyyy(MEETING_DATE)} 14:00`;
    await postToBot(page, BOT_NAME, command);
    await waitForTexts(
      post(page, `${BOT_NAME} ${command}`),
      ['Ordinært møde er planlagt mandag den 30. august 2027 kl. 14.00. Dagsordenen udsendes senest onsdag den 25. august 2027 kl. 09.00.'],
      'the answer in the thread of her post',
    );
    await shot('meeting-planned');
  });

  let voteCard: StreamEvent;

  it('Anne opens the vote; the vote card shows the six organisations and the buttons', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `afstemning ${MOTION}`);
    voteCard = await cardPost(MOTION, since);
    expect(voteCard.actionConversationId?.split(';')[0]).toBe('19:board-channel@thread.tacv2');
    const shown = card(page, MOTION);
    await waitForTexts(
      shown,
      [
        'Afstemning',
        MOTION,
        'Åben til mandag den 23. august 2027',
        ...[anne, ...Object.values(members)].map((p) => new RegExp(`${p.org} Har ikke stemt`)),
        'For: 0 · Imod: 0 · Undlader: 0 · Mangler: 6',
      ],
      'the new vote card',
    );
    for (const name of ['For', 'Imod', 'Undlader', 'Luk afstemning']) {
      await shown.getByRole('button', { name, exact: true }).waitFor({ state: 'visible' });
    }
    await shot('vote-card');
  });

  it('Anne presses «For»: FOB\'s vote is on her card, cast by her', async () => {
    const { page } = client;
    const shown = card(page, MOTION);
    await shown.getByRole('button', { name: 'For', exact: true }).click();
    await waitForTexts(shown, [`${anne.org} For – afgivet af ${anne.name}`, 'Mangler: 5'], 'her vote on the card');
    await shot('vote-anne');
  });

  it('the five other members vote; Anne\'s page shows every organisation\'s vote and who cast it, and the vote closes by itself', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    // One at a time, as people do; the last of the six closes the vote.
    await press(members.karsten, voteCard, 'vote.cast', 'For');
    await press(members.birgitte, voteCard, 'vote.cast', 'For');
    await press(members.henrik, voteCard, 'vote.cast', 'Imod');
    await press(members.mette, voteCard, 'vote.cast', 'Undlader');
    await press(members.lars, voteCard, 'vote.cast', 'For');

    // The bot updates the card for everyone (PUT through the connector) …
    await bed.stream.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === voteCard.message!.messageId && textOf(e).includes('Vedtaget'),
      { since, what: 'the closed vote card (update)' },
    );
    // … and Anne's page shows it.
    const shown = card(page, MOTION);
    const text = await waitForTexts(
      shown,
      [
        `${anne.org} For – afgivet af ${anne.name}`,
        `${members.karsten.org} For – afgivet af ${members.karsten.name}`,
        `${members.birgitte.org} For – afgivet af ${members.birgitte.name}`,
        `${members.henrik.org} Imod – afgivet af ${members.henrik.name}`,
        `${members.mette.org} Undlader – afgivet af ${members.mette.name}`,
        `${members.lars.org} For – afgivet af ${members.lars.name}`,
        'For: 4 · Imod: 1 · Undlader: 1 · Mangler: 0',
        'Lukket, da alle organisationer havde stemt',
        'Vedtaget: 4 for, 1 imod, 1 undlader',
      ],
      'the vote card updated for everyone',
    );
    expect(normalise(text)).not.toContain('Har ikke stemt');
    // Closed: no more voting buttons.
    await expect.poll(() => shown.getByRole('button', { name: 'For', exact: true }).count()).toBe(0);
    await shot('vote-closed');

    // The outcome, announced in the channel as a post of its own.
    const outcome = post(page, 'Alle organisationer har stemt.');
    const announced = await waitForTexts(
      outcome,
      [
        'Vedtaget: 4 for, 1 imod, 1 undlader',
        `Forslag: ${MOTION}`,
        'Fællesorganisationens Boligforening (FOB): for (afgivet af Anne Andersen)',
        'Slagelse Kommune (KOM): for (afgivet af Karsten Kjær)',
        'Slagelse Boligselskab (SB): for (afgivet af Birgitte Bach)',
        'Slagelse Almennyttige Boligselskab (SAB): imod (afgivet af Henrik Holm)',
        'Skælskør Boligselskab (SBS): undlader (afgivet af Mette Møller)',
        'BoligKorsør (BK): for (afgivet af Lars Lund)',
        'Alle organisationer har stemt.',
        'Afgjort ved simpelt flertal.',
      ],
      'the outcome post',
    );
    // The first line is exactly the outcome line (PRODUCT §1.4).
    expect(announced.split('\n').map((l) => l.trim()).filter(Boolean)).toContain('Vedtaget: 4 for, 1 imod, 1 undlader');
    await shot('vote-outcome');
  });

  let petitionCard: StreamEvent;

  it('Anne, a member for FOB, asks for an extraordinary meeting; the petition card with «Støt» is posted', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await postToBot(page, BOT_NAME, `anmod om ekstraordinært møde ${PETITION_SUBJECT}`);
    petitionCard = await cardPost('Anmodning om ekstraordinært møde', since);
    const shown = card(page, 'Anmodning om ekstraordinært møde');
    await waitForTexts(
      shown,
      ['Anmodning om ekstraordinært møde', `Emne: ${PETITION_SUBJECT}`, 'Anmodet af Anne Andersen.', 'mindst 4 af 7'],
      'the petition card',
    );
    await shown.getByRole('button', { name: 'Støt', exact: true }).waitFor({ state: 'visible' });
    await shot('petition');
  });

  it('four members press «Støt»; Anne\'s page shows the majority announcement', async () => {
    const { page } = client;
    for (const who of [members.karsten, members.birgitte, members.henrik, members.mette]) {
      await press(who, petitionCard, 'petition.support', 'Støt');
    }
    const announcement = post(page, 'Et flertal af bestyrelsens medlemmer');
    await waitForTexts(
      announcement,
      [
        `Et flertal af bestyrelsens medlemmer (4 af 7) kræver et ekstraordinært møde om «${PETITION_SUBJECT}».`,
        'Anne Andersen',
        'Pia Poulsen',
        'fastsæt venligst tidspunktet',
      ],
      'the majority announcement',
    );
    await waitForTexts(card(page, 'Anmodning om ekstraordinært møde'), ['4 af 7 medlemmer støtter.'], 'the petition card updated');
    await shot('petition-majority');
  });

  it('the bot restarts at the agenda deadline (5 days before, 09:00); Anne\'s page shows the agenda with «Økonomi»', async () => {
    const { page } = client;
    const since = bed.stream.mark();
    await bed.restartBot(AGENDA_DEADLINE);
    await cardPost('Dagsorden', since);
    const shown = card(page, 'Dagsorden');
    const text = await waitForTexts(
      shown,
      ['Dagsorden', 'Ordinært møde mandag den 30. august 2027 kl. 14.00', 'Økonomi'],
      'the agenda card',
    );
    expect(normalise(text)).not.toContain('Udsendt for sent');
    await shot('agenda');
  });
});
