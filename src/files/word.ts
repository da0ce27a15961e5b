/**
 * The minutes as a Word document (PRODUCT §1.7, R16): the head (the board's name, the title,
 * the meeting, the version's status as its card shows it), then the version's own text —
 * attendance, each item with its decision and per-organisation votes, dissents as
 * quotations. Head and text are Markdown (teams/minutes/file.ts: the record, corrections
 * included), read with markdown-it, so what a member wrote stays literal: the bot escaped it
 * when it wrote the Markdown, and the parser gives back exactly those characters.
 * docx and markdown-it load on the first document asked for.
 */
import type { Board } from '../domain/kernel/board.js';
import { languageTag, messages } from '../i18n/index.js';

/** What the document shows, each part Markdown: its head (as teams/minutes/file.ts builds it) and its text. */
export interface MinutesDocumentText {
  readonly head: { readonly board: string; readonly title: string; readonly meeting?: string; readonly subject?: string; readonly status: string };
  readonly body: string;
  /** The version's own times, for Word's »Created« and »Last modified« (else the library writes the moment of the download). */
  readonly dates?: { readonly created: Date; readonly modified: Date };
}

/** The slice of a markdown-it token this file reads. */
interface Token {
  readonly type: string;
  readonly tag: string;
  readonly content: string;
  readonly children: Token[] | null;
  attrGet(name: string): string | null;
}

interface Run {
  readonly text: string;
  readonly bold: boolean;
  readonly italics: boolean;
  readonly link?: string;
  readonly breakBefore?: boolean;
}

interface Block {
  readonly kind: 'paragraph' | 'heading' | 'bullet' | 'numbered';
  readonly quote: boolean;
  readonly runs: readonly Run[];
}

/** Inline tokens as runs with their emphasis. */
function runsOf(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italics = 0;
  let link: string | undefined;
  let breakNext = false;
  const push = (text: string) => {
    runs.push({ text, bold: bold > 0, italics: italics > 0, ...(link ? { link } : {}), ...(breakNext ? { breakBefore: true } : {}) });
    breakNext = false;
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        if (t.content) push(t.content);
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italics += 1;
        break;
      case 'em_close':
        italics -= 1;
        break;
      case 'link_open':
        link = t.attrGet('href') ?? undefined;
        break;
      case 'link_close':
        link = undefined;
        break;
      case 'softbreak':
      case 'hardbreak':
        breakNext = true;
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  return runs;
}

/** The Markdown's blocks: paragraphs, headings and list items, each marked when inside a quotation. */
function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  let quote = 0;
  const lists: ('bullet' | 'numbered')[] = [];
  let heading = false;
  for (const t of tokens) {
    switch (t.type) {
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'bullet_list_open':
        lists.push('bullet');
        break;
      case 'ordered_list_open':
        lists.push('numbered');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'heading_open':
        heading = true;
        break;
      case 'heading_close':
        heading = false;
        break;
      case 'inline': {
        const kind = heading ? 'heading' : (lists.at(-1) ?? 'paragraph');
        blocks.push({ kind, quote: quote > 0, runs: runsOf(t.children ?? []) });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'paragraph', quote: quote > 0, runs: t.content.replace(/\n$/, '').split('\n').map((text, i) => ({ text, bold: false, italics: false, ...(i ? { breakBefore: true } : {}) })) });
        break;
      default:
        break;
    }
  }
  return blocks;
}

/** A paragraph that opens with bold text (an item's number and title, "Til stede") is a heading. */
const startsBold = (block: Block) => block.kind === 'paragraph' && !block.quote && (block.runs[0]?.bold ?? false);

/** The .docx bytes of one version of the minutes. */
/**
 * Without the characters XML 1.0 forbids: a Word file holding one cannot be opened. Typed text
 * is stored without them (teams/text/storable.ts); minutes stored before that may hold some.
 */
const xmlSafe = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** A text in XML, escaped. */
const xmlText = (text: string): string => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** An instant as W3CDTF, to the second, as Word writes it. */
const w3cdtf = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The document's properties (docProps/core.xml) as docx writes them, but with the version's own
 * times: docx stamps »Created« and »Last modified« with the moment it packs the file.
 */
function coreProperties(title: string, { created, modified }: { readonly created: Date; readonly modified: Date }): string {
  const ns = [
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:dcterms="http://purl.org/dc/terms/"',
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  ].join(' ');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ${ns}>` +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>bestyrelsesbot</dc:creator><cp:lastModifiedBy>bestyrelsesbot</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function minutesDocument(board: Board, { head, body: text, dates }: MinutesDocumentText): Promise<Buffer> {
  const [docx, { default: MarkdownIt }] = await Promise.all([import('docx'), import('markdown-it')]);
  const { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun, AlignmentType, LevelFormat } = docx;
  const m = messages(board.locale);
  const parser = new MarkdownIt('commonmark', { html: false, linkify: false });
  const blocks = blocksOf(parser.parse(text, {}) as unknown as Token[]);
  /** A line of the head, as its text (Markdown read, escapes undone). */
  const plain = (line: string) => runsOf((parser.parseInline(line, {}) as unknown as Token[]).flatMap((t) => t.children ?? [])).map((r) => xmlSafe(r.text)).join('');

  const textRuns = (runs: readonly Run[]) =>
    runs.map((r) => {
      const run = new TextRun({ text: xmlSafe(r.text), bold: r.bold, italics: r.italics, ...(r.breakBefore ? { break: 1 } : {}), ...(r.link ? { style: 'Hyperlink' } : {}) });
      return r.link && /^https?:\/\//i.test(r.link) ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
    });

  const heading = [
    new Paragraph({ children: [new TextRun({ text: plain(head.board), color: '555555' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plain(head.title))] }),
    ...(head.meeting ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(plain(head.meeting))] })] : []),
    ...(head.subject ? [new Paragraph({ children: [new TextRun(plain(head.subject))] })] : []),
    new Paragraph({ children: [new TextRun({ text: plain(head.status), bold: true })] }),
  ];
  // Under the meeting's heading the text's sections are headings of the next level; without it, its first is the top one.
  let first = head.meeting === undefined;
  const body = blocks.map((block) => {
    const children = textRuns(block.runs);
    if (block.quote) return new Paragraph({ style: 'MinutesQuote', children });
    if (block.kind === 'bullet') return new Paragraph({ bullet: { level: 0 }, children });
    if (block.kind === 'numbered') return new Paragraph({ numbering: { reference: 'minutes-numbers', level: 0 }, children });
    if (block.kind === 'heading' || startsBold(block)) {
      const level = first ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      first = false;
      return new Paragraph({ heading: level, children });
    }
    return new Paragraph({ children });
  });

  const title = `${plain(head.title)}${head.meeting ? ` – ${plain(head.meeting)}` : ''} – ${board.name}`;
  const document = new Document({
    creator: 'bestyrelsesbot',
    lastModifiedBy: 'bestyrelsesbot',
    title,
    styles: {
      // The text in the board's language: Word checks its spelling so, screen readers read it so.
      default: { document: { run: { language: { value: languageTag(board.locale) } } } },
      paragraphStyles: [
        {
          id: 'MinutesQuote',
          name: m.files.wordQuoteStyle,
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true },
          paragraph: { indent: { left: 567 }, border: { left: { style: 'single', size: 12, color: '999999', space: 8 } } },
        },
      ],
    },
    numbering: {
      config: [{ reference: 'minutes-numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [{ children: [...heading, ...body] }],
  });
  return Packer.toBuffer(document, false, dates ? [{ path: 'docProps/core.xml', data: coreProperties(title, dates) }] : []);
}
