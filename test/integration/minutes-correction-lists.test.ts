/**
 * R16: a correction the secretary writes as a list. Teams turns a line she begins with »1. «
 * or »- « into a list and sends it as HTML (<ol>/<ul> with <li> items): the minutes keep each
 * item's number or dash as she saw it, literal (no list of the bot's), on the card, in the
 * Markdown file and in the Word document. So too a quotation, a code block and a table she
 * formats in Teams: each its own lines, no word run into the next. Over HTTP, in process
 * (app-harness.ts).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal, paragraphs, render, tags } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const say = async (who: Person, text: string) => literal(h.connector.textOf(await ask(h, h.connector, who, text)));
const CARD = 'application/vnd.microsoft.card.adaptive';

async function fetchFile(url: string) {
  const u = new URL(url);
  const res = await fetch(`${h.url}${u.pathname}${u.search}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('R16: a correction written as a list', () => {
  it('R16: the items of a numbered list (from its start) and of a bulleted one keep their numbers and dashes, literal, in the minutes and their files', async () => {
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T16:00:00Z');
    await tell(people.pia, 'referat');
    // As Teams sends what she typed: a paragraph, a numbered list, a list going on from 3, a bulleted one.
    const html =
      '<p>ret referat Beslutninger:</p><ol><li>Budgettet godkendes.</li><li>Delaftalen udskydes.</li></ol>' +
      '<ol start="3"><li>Næste møde i januar.</li></ol><p>Opgaver:</p><ul><li>Pia sender budgettet.</li><li>Anne ringer til kommunen.</li></ul>';
    expect(await say(people.pia, html)).toBe('Referatet af mødet torsdag den 3. december 2026 er rettet.');
    const expected = ['Beslutninger:', '1. Budgettet godkendes.', '2. Delaftalen udskydes.', '3. Næste møde i januar.', 'Opgaver:', '- Pia sender budgettet.', '- Anne ringer til kommunen.'];

    const card = ((await ask(h, h.connector, people.lars, 'referat')).attachments as any[]).find((a) => a.contentType === CARD)!.content;
    const actions = card.actions as { type: string; title: string; url: string }[];
    const markdown = (await fetchFile(actions.find((a) => a.title === 'Hent som Markdown-fil')!.url)).toString('utf8');
    const body = markdown.slice(markdown.indexOf('Beslutninger'));
    // Each item its own paragraph, shown as she typed it: no list of the Markdown's own.
    expect(tags(render(body)).filter((t) => !['p', '/p'].includes(t))).toEqual([]);
    expect(paragraphs(render(body))).toEqual(expected);

    const xml = await (await JSZip.loadAsync(await fetchFile(actions.find((a) => a.title === 'Hent som Word-dokument')!.url))).file('word/document.xml')!.async('string');
    const word = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter(Boolean);
    expect(word.slice(word.indexOf('Beslutninger:'))).toEqual(expected);
    expect(xml).not.toContain('<w:numPr>');
  });

  it('R16: a quotation, a code block and a table in a correction keep their lines apart, a row\'s cells apart, no word run into the next', async () => {
    const html =
      '<p>ret referat Indledning:</p><blockquote>Formanden bød velkommen.</blockquote><p>Efter citatet.</p>' +
      '<pre><code>Linje et\nLinje to</code></pre><p>Efter koden.</p>' +
      '<table><tbody><tr><td>Budget</td><td>1.200.000 kr.</td></tr><tr><td>Regnskab</td><td>950.000 kr.</td></tr></tbody></table><p>Efter tabellen.</p>';
    expect(await say(people.pia, html)).toBe('Referatet af mødet torsdag den 3. december 2026 er rettet.');
    const card = ((await ask(h, h.connector, people.lars, 'referat')).attachments as any[]).find((a) => a.contentType === CARD)!.content;
    const markdown = (await fetchFile((card.actions as { title: string; url: string }[]).find((a) => a.title === 'Hent som Markdown-fil')!.url)).toString('utf8');
    expect(paragraphs(render(markdown.slice(markdown.indexOf('Indledning'))))).toEqual([
      'Indledning:',
      'Formanden bød velkommen.',
      'Efter citatet.',
      'Linje et',
      'Linje to',
      'Efter koden.',
      'Budget | 1.200.000 kr.',
      'Regnskab | 950.000 kr.',
      'Efter tabellen.',
    ]);
  });
});
