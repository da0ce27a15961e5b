/**
 * R16: a download of the minutes says which minutes it is. Its head is built from the record —
 * the board, "Referat", the meeting, the version's status as the card shows it (a correction
 * with its version) — above the version's text, in the Markdown file and the Word document
 * alike; its file name tells a day's meetings and a meeting's versions apart.
 */
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const BOARD = 'Den boligsociale bestyrelse i Slagelse';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void expect((await h!.send(channelMessage(h!.connector.url, who, text))).status).toBeLessThan(300);
const cardOf = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const openUrl = (card: any, title: string): string => (card?.actions ?? []).find((a: any) => a.type === 'Action.OpenUrl' && a.title === title)?.url;

/** The secretary's command that posts a minutes card; the card's two downloads and its meeting. */
async function minutesCard(text: string) {
  const since = h!.connector.mark();
  await say(people.pia, text);
  const post = await h!.connector.waitForPost((p) => (p.attachments as { contentType: string }[] | undefined)?.some((a) => a.contentType === 'text/markdown') === true, { since });
  const markdown = (post.attachments as { contentType: string; contentUrl: string }[]).find((a) => a.contentType === 'text/markdown')!.contentUrl;
  return { markdown, word: openUrl(cardOf(post), 'Hent som Word-dokument'), meetingId: /"meetingId":"([^"]+)"/.exec(JSON.stringify(post))![1]! };
}

async function fetchFile(url: string) {
  const u = new URL(url);
  const res = await fetch(`${h!.url}${u.pathname}${u.search}`);
  expect(res.status).toBe(200);
  return { name: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1], bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The Word document's paragraphs, as text. */
async function paragraphsOf(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .filter(Boolean);
}

const approve = async (meetingId: string) => {
  const res = await h!.send(cardAction(h!.connector.url, people.anne, 'minutes.approve', { meetingId }));
  expect(res.body.type).toBe(CARD);
};

describe('the minutes downloads name their meeting, version and status (R16)', () => {
  it('R16: a draft, the approved version and an approved correction of one of a day\'s two meetings: each download heads with the board, the meeting and its status, and is named by date, time and version', async () => {
    h = await startInstalledHarness('2026-11-20T10:00:00+01:00');
    await say(people.pia, 'møde 03-12-2026 14:00');
    await say(people.pia, 'møde 03-12-2026 15:00');
    await h.at('2026-11-28T09:00:30+01:00');
    await h.at('2026-12-03T17:00:00+01:00');
    const meeting = '**Referat – Ordinært møde torsdag den 3. december 2026 kl. 15.00**';

    const draft = await minutesCard('referat 03-12-2026 15:00');
    const draftMd = await fetchFile(draft.markdown);
    expect(draftMd.name).toBe('referat-2026-12-03-1500.md');
    const draftText = draftMd.bytes.toString('utf8');
    expect(draftText.startsWith(`${meeting}\n\n${BOARD}\n\nUdkast, senest ændret torsdag den 3. december 2026 kl. 17.00.\n\n**Til stede**`)).toBe(true);
    // The head is not said twice: the stored text's own opening lines are the head's.
    expect(draftText.split(BOARD)).toHaveLength(2);
    expect(draftText.split('Ordinært møde torsdag den 3. december 2026')).toHaveLength(2);
    const draftWord = await fetchFile(draft.word);
    expect(draftWord.name).toBe('referat-2026-12-03-1500.docx');
    const draftParagraphs = await paragraphsOf(draftWord.bytes);
    expect(draftParagraphs.slice(0, 5)).toEqual([BOARD, 'Referat', 'Ordinært møde torsdag den 3. december 2026 kl. 15.00', 'Udkast, senest ændret torsdag den 3. december 2026 kl. 17.00.', 'Til stede']);
    expect(draftParagraphs.filter((p) => p.includes(BOARD))).toHaveLength(1);

    // Approved: the same version's download says so (it was byte for byte the draft's).
    await h.at('2026-12-05T18:00:00+01:00');
    await approve(draft.meetingId);
    const approvedMd = await fetchFile(draft.markdown);
    expect(approvedMd.name).toBe('referat-2026-12-03-1500.md');
    expect(approvedMd.bytes.toString('utf8').startsWith(`${meeting}\n\n${BOARD}\n\nGodkendt lørdag den 5. december 2026 kl. 18.00 (Anne Andersen).\n\n**Til stede**`)).toBe(true);

    // A correction replaces the whole text: the head still names the meeting, and the version.
    const correction = await minutesCard('ret referat 03-12-2026 15:00 Rettet referat.');
    const correctionMd = await fetchFile(correction.markdown);
    expect(correctionMd.name).toBe('referat-2026-12-03-1500-v2.md');
    expect(correctionMd.bytes.toString('utf8')).toBe(`${meeting}\n\n${BOARD}\n\nUdkast, senest ændret lørdag den 5. december 2026 kl. 18.00. Rettelse til referatet (version 2).\n\nRettet referat.\n`);
    await h.at('2026-12-08T10:00:00+01:00');
    await approve(correction.meetingId);
    const correctedWord = await fetchFile(correction.word);
    expect(correctedWord.name).toBe('referat-2026-12-03-1500-v2.docx');
    expect(await paragraphsOf(correctedWord.bytes)).toEqual([
      BOARD,
      'Referat',
      'Ordinært møde torsdag den 3. december 2026 kl. 15.00',
      'Godkendt tirsdag den 8. december 2026 kl. 10.00 (Anne Andersen). Rettelse til referatet (version 2).',
      'Rettet referat.',
    ]);
  });
});
