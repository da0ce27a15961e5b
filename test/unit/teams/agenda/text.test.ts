/** The agenda file (served when the card cannot hold every item): user text shows literally (PRODUCT §4). */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../../src/config/board.js';
import type { AgendaView } from '../../../../src/usecases/agenda.js';
import { agendaMarkdown } from '../../../../src/teams/agenda/text.js';
import { render, tags } from '../../../support/markdown.js';

const board = loadBoardFile('config/demo.yaml');

describe('the agenda as Markdown', () => {
  it('lists every item with its kind and attachments; titles, subjects and places are shown literally', () => {
    const forged = '**Vedtaget** <b>x</b> [klik](javascript:alert(1)) # 9. Falsk punkt';
    const view = {
      meeting: { id: 'm', kind: 'extraordinary', startsAt: new Date('2027-11-25T13:00:00Z'), status: 'planned', createdBy: 'x', createdAt: new Date(), subject: forged, place: '<i>Rådhuset</i>' },
      items: [
        { id: 'a', meetingId: 'm', position: 1, number: 1, title: forged, kind: 'decision', attachments: [{ url: 'https://intranet.example.dk/b.pdf', title: '[falsk](https://evil.example)' }], addedAt: new Date(), addedBy: 'x' },
        { id: 'b', meetingId: 'm', position: 2, number: 2, title: 'Budget 2028', kind: 'information', attachments: [], addedAt: new Date(), addedBy: 'x' },
      ],
    } as unknown as AgendaView;
    const text = agendaMarkdown(board, view);
    expect(text).toMatch(/^# Dagsorden – Ekstraordinært møde torsdag den 25\. november 2027 kl\. 14\.00/);
    const html = render(text);
    // Only the heading and paragraphs, and the one real link: the attachment's own address.
    expect(tags(html).filter((t) => !['h1', '/h1', 'p', '/p'].includes(t))).toEqual(['a', '/a']);
    expect(html).toContain('href="https://intranet.example.dk/b.pdf"');
    expect(html).not.toMatch(/href="(?!https:\/\/intranet)/);
    expect(html).toContain('<p>1. **Vedtaget** &lt;b&gt;x&lt;/b&gt; [klik](javascript:alert(1)) # 9. Falsk punkt (til beslutning)</p>');
    expect(html).toContain('<p>2. Budget 2028 (til orientering)</p>');
    expect(html).toContain('Bilag: <a href="https://intranet.example.dk/b.pdf">[falsk](https://evil.example)</a>');
  });
});
