/**
 * Issue "Foundation and votes", walked over HTTP as Teams would: the bot in this process
 * (createBotApp, app-harness.ts), Teams-shaped activities, a fake Bot Connector on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, FOREIGN_TENANT_ID, type Person, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { type CardJson, votesOn } from '../support/cards.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  bot = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00' });
  connector = bot.connector;
});

afterAll(async () => {
  await bot?.close();
});

type Card = CardJson;

function cardOf(activity: { attachments?: { contentType: string; content: Card }[] }): Card | undefined {
  return activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

function motionIdOf(card: Card): string {
  const action = card.actions?.find((a) => a.verb === 'vote.cast') ?? (card as any).refresh?.action;
  return action.data.motionId;
}

const say = async (from: Person, text: string, opts: Parameters<typeof channelMessage>[3] = {}) =>
  connector.textOf(await ask(bot, connector, from, text, opts));

async function act(from: Person, verb: string, data: Record<string, unknown>, opts: Parameters<typeof cardAction>[4] = {}) {
  const res = await bot.send(cardAction(connector.url, from, verb, data, opts));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: any };
}

async function openVote(chair: Person, text: string): Promise<{ post: PostedActivity; motionId: string }> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, chair, `afstemning ${text}`));
  const post = await connector.waitForPost((p) => cardOf(p as any) && connector.textOf(p).includes(text), { since });
  expect(post.conversationId).toBe(CHANNEL_ID);
  return { post, motionId: motionIdOf(cardOf(post as any)!) };
}

async function refreshed(motionId: string): Promise<Card> {
  const res = await act(people.anne, 'vote.refresh', { motionId });
  expect(res.type).toBe(CARD);
  return res.value;
}

describe('installing the bot (PRODUCT §1.1)', () => {
  it('binds the board to the chosen channel and posts a welcome naming the board, its organisations and the chair', async () => {
    const res = await bot.send(botInstalled(connector.url, people.anne));
    expect(res.status).toBeLessThan(300);
    const welcome = await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));
    expect(welcome.conversationId).toBe(CHANNEL_ID);
    const text = connector.textOf(welcome);
    expect(text).toContain('Den boligsociale bestyrelse i Slagelse');
    for (const org of ['Fællesorganisationens Boligforening', 'Slagelse Boligselskab', 'Slagelse Almennyttige Boligselskab', 'Skælskør Boligselskab', 'BoligKorsør', 'Slagelse Kommune']) {
      expect(text).toContain(org);
    }
    expect(text).toContain('Formandskab: Anne Andersen (FOB) og Karsten Kjær (KOM)');
  });

  it('is idempotent: a second install event posts no second welcome', async () => {
    await bot.send(botInstalled(connector.url, people.anne));
    await say(people.anne, 'hjælp'); // a later reply proves the install turn is done
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Goddag'))).toHaveLength(1);
  });
});

describe('looking things up', () => {
  it('hjælp lists the commands for the asker\'s role', async () => {
    expect(literal(await say(people.anne, 'hjælp'))).toContain('afstemning <forslag>');
    const member = literal(await say(people.henrik, 'hjælp'));
    expect(member).toContain('For, Imod og Undlader');
    expect(member).not.toContain('afstemning <forslag>');
  });

  it('R1, R2, R3: bestyrelse shows the six organisations, their members, the chair and the secretary', async () => {
    const text = await say(people.mette, 'bestyrelse');
    expect(text).toContain('SB – Slagelse Boligselskab: Birgitte Bach og Søren Skov');
    expect(text).toContain('Formandskab: Anne Andersen og Karsten Kjær');
    expect(text).toContain('Sekretær: Pia Poulsen');
    expect(text).toContain('Du er registreret som Mette Møller (medlem)');
  });

  it('answers an unknown command in Danish', async () => {
    expect(await say(people.henrik, 'hvad så')).toContain('Jeg forstod ikke »hvad så«. Skriv »hjælp«');
  });
});

describe('a vote (R5, R6)', () => {
  let motionId: string;
  let cardPost: PostedActivity;

  it('R2: a member cannot open a vote; nothing is posted', async () => {
    const before = connector.posts().length;
    expect(await say(people.birgitte, 'afstemning Vi bygger et nyt kontor')).toBe('Det er kun formandskabet, der kan åbne en afstemning. Intet er ændret.');
    expect(connector.posts()).toHaveLength(before + 1); // only the refusal
  });

  it('the chair opens a vote; the card lists each organisation as not yet voted', async () => {
    ({ post: cardPost, motionId } = await openVote(people.anne, 'Budgettet for 2027 godkendes'));
    const votes = votesOn(cardOf(cardPost as any)!);
    expect(Object.keys(votes)).toHaveLength(6);
    expect(new Set(Object.values(votes))).toEqual(new Set(['Har ikke stemt']));
    expect(connector.textOf(cardPost)).toContain('Åben til fredag den 4. december 2026 kl.\u00a009.00');
  });

  it('R5: members cast their organisation\'s vote; the answer is the updated card naming who cast it', async () => {
    const res = await act(people.anne, 'vote.cast', { motionId, choice: 'for' }, { replyToId: cardPost.id });
    expect(res.type).toBe(CARD);
    expect(votesOn(res.value)['Fællesorganisationens Boligforening']).toBe('For – afgivet af Anne Andersen');
    await act(people.birgitte, 'vote.cast', { motionId, choice: 'for' }, { replyToId: cardPost.id });
    await act(people.henrik, 'vote.cast', { motionId, choice: 'against' }, { replyToId: cardPost.id });
    const last = await act(people.mette, 'vote.cast', { motionId, choice: 'for' }, { replyToId: cardPost.id });
    expect(votesOn(last.value)).toMatchObject({
      'Slagelse Boligselskab': 'For – afgivet af Birgitte Bach',
      'Slagelse Almennyttige Boligselskab': 'Imod – afgivet af Henrik Holm',
      'Skælskør Boligselskab': 'For – afgivet af Mette Møller',
      BoligKorsør: 'Har ikke stemt',
    });
  });

  it('R5: a second member of an organisation changes its one vote; the last cast counts', async () => {
    const res = await act(people.soeren, 'vote.cast', { motionId, choice: 'abstain' });
    expect(votesOn(res.value)['Slagelse Boligselskab']).toBe('Undlader – afgivet af Søren Skov');
    expect(connector.textOf(res.value)).toContain('For: 2 · Imod: 1 · Undlader: 1 · Mangler: 2');
  });

  it('updates the shared card in the channel for everyone, the newest state once its second has passed', async () => {
    // The votes above came within one second (the clock stands still): their card's update is held back.
    await bot.pass(UPDATE_INTERVAL_MS);
    const update = await connector.waitForUpdate((u) => u.id === cardPost.id && connector.textOf(u).includes('Undlader – afgivet af Søren Skov'));
    expect(update.conversationId.split(';')[0]).toBe(CHANNEL_ID);
  });

  it('R3, R4: the secretary, a guest and a stranger are refused with a message and change nothing', async () => {
    const before = votesOn(await refreshed(motionId));
    const cases: [Person, RegExp][] = [
      [people.pia, /^Sekretæren betjener bestyrelsen, men stemmer ikke/],
      [people.gustav, /^Gæster deltager uden stemmeret/],
      [people.stranger, /^Du står ikke på bestyrelsens liste/],
    ];
    for (const [who, message] of cases) {
      const res = await act(who, 'vote.cast', { motionId, choice: 'against' });
      expect(res.type).toBe(MESSAGE);
      expect(res.value).toMatch(message);
    }
    expect(votesOn(await refreshed(motionId))).toEqual(before);
  });

  it('refuses a malformed choice, malformed data, an unknown motion, an unknown verb and a foreign tenant', async () => {
    const before = votesOn(await refreshed(motionId));
    const refusals = [
      [await act(people.lars, 'vote.cast', { motionId, choice: 'ja' }), 'Stemmen skal være For, Imod eller Undlader. Intet er ændret.'],
      [await act(people.lars, 'vote.cast', { choice: 'for' }), 'Handlingen kunne ikke læses. Intet er ændret.'],
      [await act(people.lars, 'vote.cast', { motionId: 'no-such-motion', choice: 'for' }), 'Jeg kan ikke finde den afstemning. Intet er ændret.'],
      [await act(people.lars, 'vote.teleport', { motionId }), 'Den handling kender jeg ikke. Intet er ændret.'],
      [await act(people.lars, 'vote.cast', { motionId, choice: 'for' }, { tenantId: FOREIGN_TENANT_ID }), 'Denne bot betjener kun bestyrelsens egen organisation. Henvendelsen er afvist.'],
    ] as const;
    for (const [res, text] of refusals) {
      expect(res.type).toBe(MESSAGE);
      expect(res.value).toBe(text);
    }
    expect(votesOn(await refreshed(motionId))).toEqual(before);
    expect(before.BoligKorsør).toBe('Har ikke stemt');
  });

  it('refuses a message from a foreign tenant', async () => {
    expect(await say(people.anne, 'afstemning Fremmed forslag', { tenantId: FOREIGN_TENANT_ID })).toMatch(/Henvendelsen er afvist/);
  });

  it('the same activity delivered twice has one effect', async () => {
    const first = cardAction(connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'for' });
    await bot.send(first);
    await act(people.soeren, 'vote.cast', { motionId, choice: 'abstain' });
    const again = await bot.send(first); // Teams redelivers Birgitte's press
    expect(again.body.type).toBe(CARD);
    expect(votesOn(await refreshed(motionId))['Slagelse Boligselskab']).toBe('Undlader – afgivet af Søren Skov');
  });

  it('only the chair closes the vote', async () => {
    const res = await act(people.henrik, 'vote.close', { motionId });
    expect(res).toMatchObject({ type: MESSAGE, value: 'Det er kun formandskabet, der kan lukke afstemningen. Intet er ændret.' });
  });

  it('nothing is lost on kill -9: after a restart the votes are all there', async () => {
    const before = votesOn(await refreshed(motionId));
    await act(people.karsten, 'vote.cast', { motionId, choice: 'against' });
    await bot.crash('2026-12-01T10:00:00+01:00');
    const after = votesOn(await refreshed(motionId));
    expect(after).toEqual({ ...before, 'Slagelse Kommune': 'Imod – afgivet af Karsten Kjær' });
  });

  it('R6: the chair closes (confirming, as BoligKorsør has not voted); the channel gets the outcome with counts, each organisation\'s vote and those that did not vote', async () => {
    const since = connector.mark();
    // PRODUCT §1.4: with an organisation missing, Luk afstemning first asks the chair to confirm, naming it; nothing changes.
    const asked = await act(people.anne, 'vote.close', { motionId });
    expect(asked.type).toBe(CARD);
    expect(connector.textOf(asked.value)).toContain('BoligKorsør har ikke stemt endnu. Vil du lukke afstemningen alligevel?');
    expect(asked.value.actions.map((a: { title: string; verb: string; data: unknown }) => [a.title, a.verb, a.data])).toEqual([
      ['For', 'vote.cast', { motionId, choice: 'for' }],
      ['Imod', 'vote.cast', { motionId, choice: 'against' }],
      ['Undlader', 'vote.cast', { motionId, choice: 'abstain' }],
      ['Luk alligevel', 'vote.close', { motionId, confirm: true }],
      ['Lad den være åben', 'vote.refresh', { motionId }],
    ]);
    expect(connector.textOf(await refreshed(motionId))).toContain('Åben til');
    const res = await act(people.anne, 'vote.close', { motionId, confirm: true });
    expect(res.type).toBe(CARD);
    expect(connector.textOf(res.value)).toContain('Ikke vedtaget: 2 for, 2 imod, 1 undlader');
    const outcome = await connector.waitForPost((p) => /^(Ikke vedtaget|Vedtaget):/.test(String(p.text)), { since });
    expect(outcome.conversationId).toBe(CHANNEL_ID);
    const lines = String(outcome.text).split(/\n+/);
    expect(lines[0]).toBe('Ikke vedtaget: 2 for, 2 imod, 1 undlader');
    expect(outcome.text).toContain('Fællesorganisationens Boligforening (FOB): for (afgivet af Anne Andersen)');
    expect(outcome.text).toContain('Slagelse Boligselskab (SB): undlader (afgivet af Søren Skov)');
    expect(outcome.text).toContain('Slagelse Almennyttige Boligselskab (SAB): imod (afgivet af Henrik Holm)');
    expect(outcome.text).toContain('Slagelse Kommune (KOM): imod (afgivet af Karsten Kjær)');
    expect(outcome.text).toContain('Har ikke stemt: BoligKorsør (BK)');
    await bot.pass(UPDATE_INTERVAL_MS);
    await connector.waitForUpdate((u) => u.id === cardPost.id && connector.textOf(u).includes('Ikke vedtaget: 2 for, 2 imod, 1 undlader'), { since });
  });

  it('a closed vote refuses further votes and a second close', async () => {
    expect(await act(people.lars, 'vote.cast', { motionId, choice: 'for' })).toMatchObject({ type: MESSAGE, value: 'Afstemningen er lukket. Der kan ikke længere stemmes.' });
    expect(await act(people.anne, 'vote.close', { motionId })).toMatchObject({ type: MESSAGE, value: 'Afstemningen er lukket. Der kan ikke længere stemmes.' });
  });
});

describe('votes that close by themselves', () => {
  async function allVote(motionId: string, choices: Record<string, 'for' | 'against' | 'abstain'>) {
    for (const [key, choice] of Object.entries(choices)) await act(people[key as keyof typeof people], 'vote.cast', { motionId, choice });
  }

  it('R6: a vote all six have answered closes by itself; 4–1–1 is adopted', async () => {
    const { motionId } = await openVote(people.karsten, 'Helhedsplanens delaftale om beskæftigelse ændres');
    const since = connector.mark();
    await allVote(motionId, { anne: 'for', birgitte: 'for', henrik: 'for', mette: 'for', lars: 'against', karsten: 'abstain' });
    const outcome = await connector.waitForPost((p) => String(p.text).startsWith('Vedtaget:'), { since });
    expect(String(outcome.text).split('\n')[0]).toBe('Vedtaget: 4 for, 1 imod, 1 undlader');
    // Closed because all had voted: said once, as the close's reason.
    expect(outcome.text).toContain('Lukket, da alle organisationer havde stemt. Afgjort ved simpelt flertal.');
    expect(outcome.text).not.toContain('Alle organisationer har stemt.');
  });

  it('R6: 3–3 is not adopted', async () => {
    const { motionId } = await openVote(people.anne, 'Mødestedet flyttes til Korsør');
    const since = connector.mark();
    await allVote(motionId, { anne: 'for', birgitte: 'for', henrik: 'for', mette: 'against', lars: 'against', karsten: 'against' });
    const outcome = await connector.waitForPost((p) => String(p.text).includes('Ikke vedtaget'), { since });
    expect(String(outcome.text).split('\n')[0]).toBe('Ikke vedtaget: 3 for, 3 imod, 0 undlader');
  });

  it('closes at its deadline (voteDeadlineHours) on the scheduler\'s catch-up after a restart', async () => {
    const { motionId } = await openVote(people.anne, 'Frist for indstillinger forlænges');
    await act(people.lars, 'vote.cast', { motionId, choice: 'for' });
    await bot.restart('2026-12-04T10:30:00+01:00');
    const outcome = await connector.waitForPost((p) => String(p.text).includes('Frist for indstillinger forlænges') && /^Vedtaget:/.test(String(p.text)));
    expect(String(outcome.text).split('\n')[0]).toBe('Vedtaget: 1 for, 0 imod, 0 undlader');
    expect(outcome.text).toContain('Lukket ved fristens udløb');
    expect(outcome.text).toContain('Har ikke stemt: Fællesorganisationens Boligforening (FOB), Slagelse Boligselskab (SB)');
    // Closed when its deadline passed, not when the bot came back: the record (and status) say so.
    const motion = await bot.store.getMotion(motionId);
    expect(motion?.closedAt).toEqual(motion?.deadline);
    expect(motion!.closedAt!.getTime()).toBeLessThan(new Date('2026-12-04T10:30:00+01:00').getTime());
  });
});

describe('binding by command', () => {
  it('a member cannot rebind; the secretary can, in another channel', async () => {
    const other = '19:other-channel@thread.tacv2';
    expect(await say(people.henrik, 'brug denne kanal', { conversationId: `${other};messageid=1` })).toBe('Kun formandskabet og sekretæren kan knytte bestyrelsen til en kanal. Intet er ændret.');
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.pia, 'brug denne kanal', { conversationId: `${other};messageid=2` }));
    const welcome = await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'), { since });
    expect(welcome.conversationId).toBe(other);
  });
});
