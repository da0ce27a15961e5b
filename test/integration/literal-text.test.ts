/**
 * PRODUCT §4, "user text never forges anything", over HTTP as Teams would: Markdown, links,
 * HTML and line breaks that members type reach the cards, the announcements and the minutes
 * file as their literal text. The cards' TextBlocks and the file are rendered with a
 * CommonMark renderer to see what a person would see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import { type FakeConnector, type PostedActivity } from '../support/fake-connector.js';
import { lines, normalise, paragraphs, render, tags, visible } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** A dissent that tries to end itself and forge a new item and an outcome, with a link and HTML. */
const FORGED_DISSENT = 'uenig»\n\n**9. Forged item**\n\nVedtaget: 6 for…\n[klik](javascript:alert(1)) <b>x</b>';
const FORGED_MOTION = '<b>Budget</b> **fed** [klik](javascript:alert(1)) & _kursiv_';
const FORGED_TITLE = '# Forged [klik](javascript:alert(1)) <b>x</b>';
const FORGED_PLACE = '<i>Rådhuset</i> [kort](javascript:alert(1))';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2027-02-15T10:00:00+01:00'));
});

afterAll(async () => {
  await bot?.close();
});

/** What Teams sends for a typed text: HTML, with the person's own < > & encoded. */
const typed = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, typed(text)));
const cardOf = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const allActions = (card: any): any[] => (card?.actions ?? []).flatMap((a: any) => (a.type === 'Action.ShowCard' ? [a, ...allActions(a.card)] : [a]));
const dataOf = (card: any, verb: string) => allActions(card).find((a) => a.verb === verb)?.data;

async function post(from: Person, text: string, match: (p: PostedActivity) => boolean): Promise<PostedActivity> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, from, typed(text)));
  return connector.waitForPost(match, { since });
}

async function act(from: Person, verb: string, data: Record<string, unknown>) {
  const res = await bot.send(cardAction(connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}

/** Every TextBlock of a card, with the style of the container it sits in. */
function textBlocks(node: any, style = 'default'): { text: string; style: string }[] {
  if (Array.isArray(node)) return node.flatMap((n) => textBlocks(n, style));
  if (!node || typeof node !== 'object') return [];
  if (node.type === 'TextBlock') return [{ text: String(node.text), style }];
  const inner = node.type === 'Container' && node.style ? node.style : style;
  return [...textBlocks(node.body, inner), ...textBlocks(node.items, inner)];
}

/** What a member's text may never become: a link, emphasis, a heading, a list, HTML, code. */
const FORGED_TAGS = ['a', 'strong', 'em', 'b', 'i', 'h1', 'h2', 'h3', 'ol', 'ul', 'li', 'code', 'pre', 'table', 's', 'del', 'img', 'script', 'blockquote', 'hr'];

/** No TextBlock of the card renders to anything but plain paragraphs. */
function expectPlainCard(card: any): void {
  for (const block of textBlocks(card)) {
    const html = render(block.text);
    expect(tags(html).filter((t) => FORGED_TAGS.includes(t.replace('/', ''))), `${block.text} → ${html}`).toEqual([]);
  }
}

/** The card's boxed TextBlocks (a member's dissent), as the lines a person sees. */
const boxedLines = (card: any) => textBlocks(card).filter((b) => b.style === 'emphasis').map((b) => paragraphs(render(b.text)));

let motionId: string;
let itemNumber: number;
let conclusionId: string;

describe('a meeting, an item and a vote whose texts are Markdown and HTML', () => {
  it('the answers to the secretary show her title literally', async () => {
    expect(await say(people.pia, `møde 02-03-2027 14:00 ${FORGED_PLACE}`)).toContain('planlagt');
    const added = await say(people.pia, `punkt ${FORGED_TITLE} beslutning`);
    itemNumber = Number(/^Punkt (\d+) /.exec(added)?.[1]);
    expect(itemNumber).toBeGreaterThan(0);
    expect(visible(render(added))).toContain(`»${FORGED_TITLE}«`);
    expect(tags(render(added))).toEqual(['p', '/p']);
  });

  it('the agenda card shows the title, the place and an attachment title literally; only the attachment is a link', async () => {
    await say(people.pia, `bilag ${itemNumber} https://intranet.example.dk/budget.pdf [x](javascript:alert(1)) **Budget**`);
    const shown = await ask(bot, connector, people.pia, typed('dagsorden'));
    const card = cardOf(shown);
    const texts = textBlocks(card).map((b) => b.text);
    const rendered = texts.map((t) => render(t));
    expect(rendered.map(visible)).toContain(`${itemNumber}. ${FORGED_TITLE} (til beslutning)`);
    expect(rendered.map(visible)).toContain(`Sted: ${FORGED_PLACE}`);
    const links = rendered.flatMap((html) => [...html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)]);
    expect(links.map((l) => [l[1], visible(l[2]!)])).toEqual([['https://intranet.example.dk/budget.pdf', '[x](javascript:alert(1)) **Budget**']]);
    for (const html of rendered) expect(tags(html).filter((t) => ['strong', 'em', 'h1', 'ol', 'b', 'i'].includes(t))).toEqual([]);
  });

  it('the vote card and the outcome announcement show the motion literally', async () => {
    await bot.restart('2027-03-02T14:05:00+01:00');
    // The vote card (the catch-up after the restart may post the late agenda meanwhile).
    const opened = await post(people.anne, `afstemning ${FORGED_MOTION}`, (p) => !!cardOf(p) && connector.textOf(p).startsWith('Afstemning'));
    const card = cardOf(opened);
    expectPlainCard(card);
    expect(textBlocks(card).map((b) => visible(render(b.text)))).toContain(FORGED_MOTION);
    motionId = dataOf(card, 'vote.cast').motionId;
    const since = connector.mark();
    for (const [who, choice] of [[people.anne, 'for'], [people.karsten, 'for'], [people.birgitte, 'for'], [people.mette, 'for'], [people.lars, 'for'], [people.henrik, 'against']] as const) {
      expect((await act(who, 'vote.cast', { motionId, choice })).type).toBe(CARD);
    }
    const outcome = await connector.waitForPost((p) => connector.textOf(p).startsWith('Vedtaget: 5 for'), { since });
    const html = render(connector.textOf(outcome));
    expect(paragraphs(html)).toContain(`Forslag: ${FORGED_MOTION}`);
    expect(tags(html).filter((t) => FORGED_TAGS.includes(t))).toEqual([]);
  });
});

describe('R8: a dissent that tries to forge an item and an outcome', () => {
  it('the vote card shows the member\'s text in a box of its own, line for line, literally', async () => {
    const res = await act(people.henrik, 'vote.dissent', { motionId, text: FORGED_DISSENT });
    expect(res.type, JSON.stringify(res.value)).toBe(CARD);
    expectPlainCard(res.value);
    expect(boxedLines(res.value)).toEqual([lines(FORGED_DISSENT)]);
    expect(JSON.stringify(res.value)).not.toContain('**9. Forged item**');
  });

  it('the conclusion card shows a dissent the same way', async () => {
    const posted = await post(people.anne, `konklusion ${itemNumber} Bestyrelsen er **enig**.\n[klik](javascript:alert(1))`, (p) => connector.textOf(p).startsWith('Konklusion'));
    conclusionId = dataOf(cardOf(posted), 'conclusion.close').conclusionId;
    expectPlainCard(cardOf(posted));
    const res = await act(people.mette, 'conclusion.dissent', { conclusionId, text: FORGED_DISSENT });
    expect(res.type).toBe(CARD);
    expectPlainCard(res.value);
    expect(boxedLines(res.value)).toEqual([lines(FORGED_DISSENT)]);
    expect(textBlocks(res.value).map((b) => visible(render(b.text))).some((t) => t.startsWith(`Punkt »${FORGED_TITLE}« – dagsordenen til mødet`))).toBe(true);
  });
});

describe('R16: the minutes card and the minutes file', () => {
  let file: string;
  let filePath: string;

  it('the minutes card shows each dissent in a box, line for line, and no forged heading or link', async () => {
    const minutes = await post(people.pia, 'referat', (p) => connector.textOf(p).startsWith('Referat'));
    const card = cardOf(minutes);
    expect(boxedLines(card)).toEqual([lines(FORGED_DISSENT), lines(FORGED_DISSENT)]);
    for (const block of textBlocks(card)) {
      const html = render(block.text);
      expect(tags(html).filter((t) => ['a', 'em', 'h1', 'h2', 'ol', 'b', 'i', 'code', 'blockquote'].includes(t)), html).toEqual([]);
      // Bold is the minutes' own headings only.
      for (const bold of html.matchAll(/<strong>([\s\S]*?)<\/strong>/g)) expect(visible(bold[1]!)).not.toMatch(/Forged item|fed|enig/);
    }
    const url = new URL((minutes.attachments as any[]).find((a) => a.contentType === 'text/markdown').contentUrl);
    filePath = `${url.pathname}${url.search}`;
    const res = await bot.get(filePath);
    expect(res.status).toBe(200);
    file = String(res.body);
  });

  it('the file quotes the member\'s dissent line for line; nothing of it is outside the quotation', () => {
    const html = render(file);
    const quotes = [...html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((q) => paragraphs(q[1]!));
    expect(quotes).toEqual([lines(FORGED_DISSENT), lines(FORGED_DISSENT)]);
    const outside = html.replace(/<blockquote>[\s\S]*?<\/blockquote>/g, '');
    expect(paragraphs(outside).filter((p) => p.startsWith('Vedtaget: 6 for') || p.includes('Forged item'))).toEqual([]);
    expect(tags(html).filter((t) => ['a', 'em', 'h1', 'h2', 'ol', 'b', 'i', 'code', 'script'].includes(t))).toEqual([]);
    for (const bold of html.matchAll(/<strong>([\s\S]*?)<\/strong>/g)) expect(visible(bold[1]!)).not.toMatch(/Forged item|\*\*/);
  });

  it('the file shows the item title, the motion and the conclusion literally', () => {
    const html = render(file);
    const shown = paragraphs(html);
    expect(shown).toContain(`${itemNumber}. ${FORGED_TITLE} (til beslutning)`);
    expect(shown).toContain(`Afstemning: ${FORGED_MOTION}`);
    expect(shown).toContain(normalise('Konklusion: Bestyrelsen er **enig**. [klik](javascript:alert(1))'));
    expect(file).not.toContain('<b>');
  });

  it('a correction is the secretary\'s lines, literal, with its line breaks', async () => {
    const correction = '# Rettet **referat**\n- punkt et\n[klik](javascript:alert(1))';
    expect(await say(people.pia, `ret referat ${correction}`)).toMatch(/^Referatet af mødet \S+ den \d+\. \S+ \d{4} er rettet\.$/);
    // Under the file's head (R16: the meeting, the board, the status), which the bot writes.
    const [meeting, board, status, ...text] = String((await bot.get(filePath)).body).split('\n\n');
    expect([meeting, board, status]).toEqual([expect.stringMatching(/^\*\*Referat – Ordinært møde /), 'Den boligsociale bestyrelse i Slagelse', expect.stringMatching(/^Udkast, senest ændret /)]);
    const html = render(text.join('\n\n'));
    expect(tags(html).filter((t) => t !== 'p' && t !== '/p'), html).toEqual([]);
    expect(paragraphs(html)).toEqual(lines(correction));
  });
});
