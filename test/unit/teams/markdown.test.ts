/**
 * PRODUCT §4, "user text never forges anything": the escaper, checked against a CommonMark
 * renderer (markdown-it, with HTML, tables and strike-through on): whatever a person types,
 * the rendered output has no link, emphasis, heading, list, code, table, HTML or quote made
 * from it, and its visible text is what was typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md, mdLink, mdParagraphs, mdPlace, mdQuote, messagePlaceholdersShown, noBlockStart, placeholdersShown, timeUnbroken, unquote } from '../../../src/teams/text/markdown.js';
import { attribute as decode, lines, normalise, render, sharedRendererHref, tags, visible } from '../../support/markdown.js';

const uriDecoded = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

/** Pieces of Markdown, HTML and Teams syntax, glued together at random. */
const TOKENS = [
  '*', '**', '_', '__', '[', ']', '(', ')', '![', '](', '<', '>', '&', '#', '## ', '-', '- ', '+ ', '=', '===', '---', '***', '.', '1. ', '5.', '2) ',
  '`', '```', '~', '~~', '|', '| a | b |', '\\', '!', '{', '}', '{{DATE(2017-02-14T06:00:00Z, SHORT)}}', ':', '"', "'", '&amp;', '&lt;', '&#123;',
  '<b>x</b>', '<at>Anne Andersen</at>', '<script>alert(1)</script>', '<https://evil.example>', '[klik](javascript:alert(1))', '[a]: https://x.example',
  'http://x.example/a_b', 'javascript:alert(1)', '    ', '\t', ' ', '  \n', '\n', '\n\n', '\r\n', 'a', 'Vedtaget: 6 for', 'æøå', '»', '«', '9. Forged item',
];
const userText = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/\u0000/g, '')),
);
const RUNS = { numRuns: 2000 };

describe('md: one line of user text', () => {
  it('renders as plain text only, however it is combined with Markdown', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const html = render(md(text));
        expect(tags(html).filter((t) => t !== 'p' && t !== '/p'), html).toEqual([]);
        expect(visible(html)).toBe(normalise(text));
      }),
      RUNS,
    );
  });

  it('stays plain text where the bot puts it: after a label, in a list item, in bold with an item number', () => {
    fc.assert(
      fc.property(userText, fc.integer({ min: 1, max: 99 }), (text, n) => {
        const inLabel = render(`Forslag: ${md(text)}`);
        expect(tags(inLabel).filter((t) => t !== 'p' && t !== '/p')).toEqual([]);
        expect(visible(inLabel)).toBe(normalise(`Forslag: ${text}`));
        const inList = render(`- ${md(text)}\n- ${md(text)}`);
        expect(tags(inList).filter((t) => !['ul', '/ul', 'li', '/li', 'p', '/p'].includes(t))).toEqual([]);
        expect(tags(inList).filter((t) => t === 'li')).toHaveLength(2);
        const heading = render(`**${n}. ${md(text)}**`);
        expect(tags(heading).filter((t) => !['p', '/p', 'strong', '/strong'].includes(t))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps a forged outcome, a link, HTML and a mention literal', () => {
    const forged = 'uenig»\n\n**9. Forged item**\n\nVedtaget: 6 for…';
    expect(md(forged)).toBe('uenig» \\*\\*9. Forged item\\*\\* Vedtaget: 6 for…');
    expect(md('[klik](javascript:alert(1))')).toBe('\\[klik\\](javascript:alert(1))');
    expect(md('<b>x</b> & <at>Anne</at>')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;at&gt;Anne&lt;/at&gt;');
    expect(md('{{DATE(2017-02-14T06:00:00Z, SHORT)}}')).toBe('&#123;&#123;DATE(2017-02-14T06:00:00Z, SHORT)&#125;&#125;');
  });

  it('escapes what would start a block, e.g. an item number\'s dot', () => {
    expect(md('5. Budget')).toBe('5\\. Budget');
    expect(md('# Overskrift')).toBe('\\# Overskrift');
    expect(md('- punkt')).toBe('\\- punkt');
    expect(noBlockStart('12) Punkt')).toBe('12\\) Punkt');
    expect(md('Budget 2027. Godkendt')).toBe('Budget 2027. Godkendt');
  });
});

describe('mdParagraphs and mdQuote: user text over several lines', () => {
  it('mdParagraphs: each line its own plain paragraph, nothing else', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const html = render(mdParagraphs(text));
        expect(tags(html).filter((t) => t !== 'p' && t !== '/p'), html).toEqual([]);
        const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => visible(m[1]!));
        expect(paragraphs).toEqual(lines(text));
      }),
      RUNS,
    );
  });

  it('mdQuote: one quotation holding every line, which a line break cannot end', () => {
    fc.assert(
      fc.property(userText, (text) => {
        fc.pre(lines(text).length > 0);
        const html = render(`Særstandpunkt fra Henrik Holm (SAB):\n\n${mdQuote(text)}\n\nNæste afsnit`);
        expect(tags(html).filter((t) => !['p', '/p', 'blockquote', '/blockquote'].includes(t)), html).toEqual([]);
        expect(tags(html).filter((t) => t === 'blockquote')).toHaveLength(1);
        const quoted = /<blockquote>([\s\S]*)<\/blockquote>/.exec(html)![1]!;
        expect([...quoted.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => visible(m[1]!))).toEqual(lines(text));
        expect(html.trimEnd().endsWith('<p>Næste afsnit</p>')).toBe(true);
        expect(unquote(mdQuote(text))).toEqual(mdParagraphs(text).split('\n\n'));
      }),
      RUNS,
    );
  });

  it('the forged dissent is a quotation of the member\'s lines', () => {
    expect(mdQuote('uenig»\n\n**9. Forged item**\n\nVedtaget: 6 for…')).toBe('> uenig»\n>\n> \\*\\*9. Forged item\\*\\*\n>\n> Vedtaget: 6 for…');
  });
});

describe('mdLink', () => {
  it('links only http(s), with a text that cannot break out and a target that cannot be bent', () => {
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(userText, url, (text, target) => {
        fc.pre(normalise(text) !== '');
        const html = render(mdLink(text, target));
        const anchors = [...html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)];
        expect(anchors, html).toHaveLength(1);
        expect(tags(html).filter((t) => !['p', '/p', 'a', '/a'].includes(t))).toEqual([]);
        expect(visible(anchors[0]![2]!)).toBe(normalise(text));
        // The same address: they may differ only in which characters are percent-encoded.
        expect(uriDecoded(decode(anchors[0]![1]!))).toBe(uriDecoded(new URL(target).href));
        // And on a card in the Teams mobile apps, whose renderer decodes no entity in an address.
        expect(uriDecoded(sharedRendererHref(mdLink(text, target))!)).toBe(uriDecoded(new URL(target).href));
      }),
      { numRuns: 500 },
    );
  });

  it('R9: a Teams meeting link with several query parameters leads to the same address in a message (CommonMark) and on a card (the Adaptive Cards renderer): `&` is written as `&`, not `&amp;`', () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ1%40thread.v2/0?context=%7b%22Tid%22%3a%22t1%22%7d&anon=true&deeplinkId=abc';
    const written = mdPlace(link, 'Mødelink');
    expect(written).toBe(`[Mødelink](${link})`);
    expect(decode(/<a href="([^"]*)">/.exec(render(written))![1]!)).toBe(link);
    expect(sharedRendererHref(written)).toBe(link);
    // An address holding what reads as an entity (»&lt;«, »&#41;«) is decoded by neither: its »;« is percent-encoded.
    const entityLike = 'https://example.dk/a?b=1&lt;=2&#41;=3&amp;';
    const html = render(mdLink('x', entityLike));
    expect(uriDecoded(decode(/<a href="([^"]*)">/.exec(html)![1]!))).toBe(entityLike);
    expect(uriDecoded(sharedRendererHref(mdLink('x', entityLike))!)).toBe(entityLike);
  });

  it('shows the text alone for a javascript: or malformed URL', () => {
    expect(mdLink('klik', 'javascript:alert(1)')).toBe('klik');
    expect(render(mdLink('klik', 'not a url'))).toBe('<p>klik</p>\n');
    expect(mdLink('Budget (2027)', 'https://intranet.example.dk/a b(1).pdf?x=1&y=2')).toBe('[Budget (2027)](https://intranet.example.dk/a%20b%281%29.pdf?x=1&y=2)');
  });
});

describe('mdPlace: a meeting\'s place (R9)', () => {
  it('R9: a place that looks like a web address but is none a browser opens is shown as typed, not as the bare word »Mødelink« leading nowhere', () => {
    // A colon for a slash, a percent sign in the host, a bracket: what a hurried chair pastes.
    for (const place of ['https://teams.microsoft.com:l/meetup-join/19%3ameeting_abc', 'https://exa%mple.dk/moede', 'http://[raadhuset']) {
      const html = render(mdPlace(place, 'Mødelink'));
      expect(tags(html), html).toEqual(['p', '/p']);
      expect(visible(html), html).toBe(place);
    }
  });

  it('R9: any place shows as a link to its own address, or as typed; nothing in it makes a link or a tag of its own', () => {
    const place = fc.oneof(userText, userText.map((t) => `https://${t}`), fc.webUrl({ withQueryParameters: true, withFragments: true }));
    fc.assert(
      fc.property(place, (typed) => {
        fc.pre(normalise(typed) !== '');
        const html = render(mdPlace(typed, 'Mødelink'));
        const anchors = [...html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)];
        expect(tags(html).filter((t) => !['p', '/p', 'a', '/a'].includes(t)), html).toEqual([]);
        if (anchors.length === 0) return void expect(visible(html), html).toBe(normalise(typed));
        expect(anchors, html).toHaveLength(1);
        expect(visible(html)).toBe('Mødelink');
        expect(uriDecoded(decode(anchors[0]![1]!))).toBe(uriDecoded(new URL(typed.trim()).href));
      }),
      RUNS,
    );
  });
});

describe('catalogue texts on a card (issue 13.5, seen at 390 px)', () => {
  it('timeUnbroken: the time never starts a line of its own', () => {
    expect(timeUnbroken('Ordinært møde mandag den 30. august 2027 kl. 14.00')).toBe('Ordinært møde mandag den 30. august 2027 kl.\u00a014.00');
    expect(timeUnbroken('Ordinary meeting Monday 30 August 2027 at 14:00')).toBe('Ordinary meeting Monday 30 August 2027 at\u00a014:00');
    expect(timeUnbroken('Punkt 5. Budget 2027')).toBe('Punkt 5. Budget 2027');
  });

  it('placeholdersShown: »deltager <navn>« shows its placeholder', () => {
    expect(visible(render(placeholdersShown('Tilføj med »deltager <navn>«.')))).toBe('Tilføj med »deltager <navn>«.');
  });
});

describe('catalogue texts in a message', () => {
  it('messagePlaceholdersShown: the placeholders show; mentions, user text already escaped and other angle brackets are kept', () => {
    const text = `<at>Anne Andersen</at>: »bilag [dato] <punktnr> <url> [titel]«, »opgave <frist> <navn|organisation>: <tekst>«, »<bestyrelsens id> møder«, »mødedatoer <år>«, »<board-id> meetings«, »vote <item-no>«, »meeting <date> <time>«; ${md('<b>x</b> & <titel>')}; 1 < 2 > 0; <https://example.org>`;
    const shown = messagePlaceholdersShown(text);
    expect(shown).toBe(
      '<at>Anne Andersen</at>: »bilag [dato] &lt;punktnr&gt; &lt;url&gt; [titel]«, »opgave &lt;frist&gt; &lt;navn|organisation&gt;: &lt;tekst&gt;«, »&lt;bestyrelsens id&gt; møder«, »mødedatoer &lt;år&gt;«, »&lt;board-id&gt; meetings«, »vote &lt;item-no&gt;«, »meeting &lt;date&gt; &lt;time&gt;«; &lt;b&gt;x&lt;/b&gt; &amp; &lt;titel&gt;; 1 < 2 > 0; <https://example.org>',
    );
    expect(messagePlaceholdersShown(shown)).toBe(shown);
    const html = render(shown);
    expect(tags(html).filter((t) => t === 'at' || t === '/at')).toEqual(['at', '/at']);
    expect(visible(html)).toContain('»bilag [dato] <punktnr> <url> [titel]«, »opgave <frist> <navn|organisation>: <tekst>«, »<bestyrelsens id> møder«, »mødedatoer <år>«');
  });
});
