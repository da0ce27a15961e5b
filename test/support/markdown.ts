/**
 * Rendering the bot's Markdown as a CommonMark renderer would (markdown-it, with raw HTML,
 * tables and strike-through on), to check what a person would see: which tags came of a
 * text, and its visible text.
 */
import MarkdownIt from 'markdown-it';

const renderer = new MarkdownIt({ html: true, linkify: false });

export const render = (markdown: string): string => renderer.render(markdown);

const decode = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The tags in rendered HTML, e.g. ['p', '/p']. */
export const tags = (html: string): string[] => [...html.matchAll(/<(\/?[a-z0-9]+)[^>]*>/gi)].map((m) => m[1]!.toLowerCase());

export const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Visible text of rendered HTML: tags dropped, entities decoded, white space collapsed. */
export const visible = (html: string): string => normalise(decode(html.replace(/<[^>]*>/g, ' ')));

/** The visible texts of the paragraphs in rendered HTML. */
export const paragraphs = (html: string): string[] => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => visible(m[1]!));

/** The non-empty lines of a text, white space collapsed: how a text typed over several lines should show. */
export const lines = (text: string): string[] => text.split(/\r\n|\r|\n/).map(normalise).filter(Boolean);

/** An href attribute's value as the browser reads it. */
export const attribute = decode;

/**
 * The bot's Markdown with its escapes undone (a backslash before punctuation, the entities
 * the escaper writes), its structure kept: to compare what a person sees with plain text. A
 * no-break space (a card heading's "kl. 14.00", timeUnbroken) shows as a space.
 */
export const literal = (markdown: string): string =>
  markdown
    .replace(/\u00a0/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#123;/g, '{')
    .replace(/&#125;/g, '}')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The address a link gets from the Adaptive Cards shared renderer (iOS, Android, Windows; the
 * Teams mobile apps): its MarkDownParser first writes every `&`, `<`, `>` and `"` of the whole
 * text as an entity (EscapeText), then copies a link's destination as it stands into
 * `<a href="…">` (LinkParser::CaptureLinkToken), which the HTML is read with once. So what the
 * bot writes in a destination reaches the browser undecoded: `&amp;` stays `&amp;`. (Source:
 * github.com/microsoft/AdaptiveCards, source/shared/cpp/ObjectModel/MarkDownParser.cpp and
 * MarkDownBlockParser.cpp.) The address of the link that ends `markdown` (a link the bot wrote
 * last), or undefined when it ends in none.
 */
export const sharedRendererHref = (markdown: string): string | undefined => {
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const destination = /\]\(([^()\s]*)\)$/.exec(escaped)?.[1];
  return destination === undefined ? undefined : decode(destination);
};
