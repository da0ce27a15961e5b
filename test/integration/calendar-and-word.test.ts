/**
 * Issue 13, points 1–2, walked over HTTP in process: calendar invitations for meetings (one
 * per meeting, the same UID with METHOD:CANCEL once cancelled, one file for a confirmed date
 * poll) and the minutes as a Word document that unzips to the record.
 */
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const cet = (local: string) => `${local}+01:00`;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (from: Person, text: string) => {
  const reply = await ask(h!, h!.connector, from, text);
  return String((reply as { text?: string }).text ?? '');
};
const content = (p: PostedActivity | { value: unknown }) =>
  'value' in p ? (p.value as any) : (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;
const allActions = (card: any): any[] => (card?.actions ?? []).flatMap((a: any) => (a.type === 'Action.ShowCard' ? [a, ...allActions(a.card)] : [a]));
const dataOf = (card: any, verb: string) => allActions(card).find((a) => a.verb === verb)?.data;
const openUrl = (card: any, title: string): string => allActions(card).find((a) => a.type === 'Action.OpenUrl' && a.title === title)?.url;
/** A command whose effect is a post in the channel, not an answer in the thread. */
async function command(from: Person, text: string) {
  expect((await h!.send(channelMessage(h!.connector.url, from, text))).status).toBeLessThan(300);
}
const textOf = (p: PostedActivity) => String((p as { text?: string }).text ?? '');
async function act(from: Person, verb: string, data: Record<string, unknown>) {
  const res = await h!.send(cardAction(h!.connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
}
/** The target of the Markdown link with this text. */
function linkIn(markdown: string, text: string): string {
  const at = markdown.indexOf(`[${text}](`);
  expect(at, `no link «${text}» in: ${markdown}`).toBeGreaterThanOrEqual(0);
  const start = at + text.length + 3;
  return markdown.slice(start, markdown.indexOf(')', start)).replace(/&amp;/g, '&');
}
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
async function fetchFile(url: string) {
  const res = await fetch(`${h!.url}${pathOf(url)}`);
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
/** RFC 5545 content lines, unfolded. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('calendar invitations (issue 13, point 1)', () => {
  it('R9: two meetings on one day give calendar files named apart, by their time; a meeting alone on its day by its date', async () => {
    h = await startInstalledHarness(cet('2026-11-29T10:00:00'));
    const alone = await say(people.anne, 'møde 10-12-2026 14:00');
    const morning = await say(people.anne, 'møde 03-12-2026 10:00');
    const afternoon = await say(people.anne, 'møde 03-12-2026 15:00');
    const nameOf = async (answer: string) => (await fetchFile(linkIn(answer, 'Føj til kalender'))).headers.get('content-disposition');
    expect(await nameOf(alone)).toBe('attachment; filename="moede-2026-12-10.ics"');
    expect(await nameOf(morning)).toBe('attachment; filename="moede-2026-12-03-1000.ics"');
    expect(await nameOf(afternoon)).toBe('attachment; filename="moede-2026-12-03-1500.ics"');
  });

  it('R9: a planned meeting links an .ics that starts 10 December 2026 14.00 Europe/Copenhagen at Rådhuset; cancelled, the same UID comes with METHOD:CANCEL', async () => {
    h = await startInstalledHarness(cet('2026-11-29T10:00:00'));
    const planned = await say(people.anne, 'møde 10-12-2026 14:00 Rådhuset');
    expect(planned).toMatch(/^Ordinært møde er planlagt torsdag den 10\. december 2026 kl\. 14\.00/);
    const url = linkIn(planned, 'Føj til kalender');

    const file = await fetchFile(url);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/calendar; charset=utf-8');
    expect(file.headers.get('cache-control')).toBe('no-store');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const lines = unfold(text);
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Copenhagen');
    expect(lines).toContain('DTSTART;TZID=Europe/Copenhagen:20261210T140000');
    expect(lines).toContain('LOCATION:Rådhuset');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('DTSTAMP:20261129T090000Z');
    const uid = lines.find((l) => l.startsWith('UID:'));
    expect(uid).toMatch(/^UID:[0-9a-f-]{36}@bestyrelsesbot$/);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:Dagsorden: http:\/\/127\.0\.0\.1:\d+\/agenda\/demo\/[0-9a-f-]{36}\.md\?exp=/);

    // møder lists it with the same invitation.
    const listed = await say(people.henrik, 'møder');
    expect(pathOf(linkIn(listed, 'Føj til kalender')).split('?')[0]).toBe(pathOf(url).split('?')[0]);

    // A tampered or unsigned link is refused.
    // (Its signature's first character changed: to another one, whatever it was.)
    expect((await fetchFile(url.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`))).status).toBe(404);
    expect((await fetchFile(url.split('?')[0]!)).status).toBe(404);

    const since = h.connector.mark();
    await command(people.anne, 'aflys møde 10-12-2026');
    const notice = await h.connector.waitForPost((p) => textOf(p).includes('er aflyst'), { since });
    expect(pathOf(linkIn(textOf(notice), 'Fjern fra kalender')).split('?')[0]).toBe(pathOf(url).split('?')[0]);
    const cancelled = unfold((await fetchFile(url)).bytes.toString('utf8'));
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain(uid);
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
    expect(cancelled).toContain('DTSTART;TZID=Europe/Copenhagen:20261210T140000');
  });

  it('R9, R13: the agenda link inside an invitation imported long before the meeting works until linkTtlDays after the meeting, not after the download', async () => {
    h = await startInstalledHarness(cet('2026-09-15T10:00:00'));
    const planned = await say(people.anne, 'møde 10-06-2027 14:00 Rådhuset');
    const lines = unfold((await fetchFile(linkIn(planned, 'Føj til kalender'))).bytes.toString('utf8'));
    const agendaUrl = lines.find((l) => l.startsWith('DESCRIPTION:'))!.replace(/^DESCRIPTION:Dagsorden: /, '').replace(/\\;/g, ';').replace(/\\,/g, ',');
    // 30 days (linkTtlDays) from the meeting's start, not from the download in September.
    expect(Number(new URL(agendaUrl).searchParams.get('exp')) * 1000).toBeGreaterThanOrEqual(Date.parse('2027-06-10T14:00:00+02:00') + 30 * 86_400_000);
    await h.restart(cet('2027-06-01T10:00:00'));
    const agenda = await fetchFile(agendaUrl);
    expect(agenda.status).toBe(200);
    expect(agenda.bytes.toString('utf8')).toContain('torsdag den 10. juni 2027');
  });

  it('the agenda card carries the invitation', async () => {
    h = await startInstalledHarness(cet('2026-11-29T10:00:00'));
    await say(people.anne, 'møde 10-12-2026 14:00 Rådhuset');
    await command(people.anne, 'dagsorden');
    const agenda = h.connector.posts().reverse().find((p) => content(p)?.body?.some?.((b: any) => String(b.text ?? '').startsWith('Dagsorden')));
    const url = openUrl(content(agenda!), 'Føj til kalender');
    expect(url).toMatch(/\/calendar\/demo\/[0-9a-f-]{36}\.ics\?exp=/); // the board is in the signed path (R19)
    expect(unfold((await fetchFile(url)).bytes.toString('utf8'))).toContain('DTSTART;TZID=Europe/Copenhagen:20261210T140000');
  });

  it('R10: confirmed dates for 2028 give one file with four events', async () => {
    h = await startInstalledHarness(cet('2027-11-10T10:00:00'));
    const since = h.connector.mark();
    await command(people.pia, 'mødedatoer 2028');
    const card = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Mødedatoer for 2028'), { since });
    const pollId = dataOf(content(card), 'dates.answer').pollId;
    const proposed: string[] = content(card).body.find((b: any) => b.type === 'Input.ChoiceSet').choices.map((c: any) => c.value);
    const four = [proposed[0], proposed[2], proposed[4], proposed[6]] as string[];
    const mark = h.connector.mark();
    await act(people.anne, 'dates.confirm', { pollId, dates: four.join(',') });
    const announced = await h.connector.waitForPost((p) => textOf(p).startsWith('Mødedatoerne for 2028 er fastlagt:'), { since: mark });
    const url = linkIn(textOf(announced), 'Føj møderne i 2028 til kalenderen');
    const file = await fetchFile(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="moeder-2028.ics"');
    const lines = unfold(file.bytes.toString('utf8'));
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('DTSTART;TZID=Europe/Copenhagen:')).map((l) => l.slice(-15, -7))).toEqual(four.map((d) => d.replace(/-/g, '')));
    expect(new Set(lines.filter((l) => l.startsWith('UID:'))).size).toBe(4);
  });
});

describe('the minutes as a Word document (issue 13, point 2)', () => {
  it('R16, R8: the minutes card links a .docx that unzips to the attendance, each decision and each dissent', async () => {
    h = await startInstalledHarness(cet('2027-11-10T10:00:00'));
    await say(people.pia, 'møde 25-11-2027 14:00 Rådhuset');
    expect(await say(people.pia, 'punkt Budget 2028 beslutning')).toMatch(/^Punkt 5 /);
    await h.at(cet('2027-11-25T14:05:00'));

    let since = h.connector.mark();
    await command(people.anne, 'konklusion 5 Budget 2028 godkendes som fremlagt.');
    const conclusion = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Konklusion'), { since });
    const conclusionId = dataOf(content(conclusion), 'conclusion.close').conclusionId;
    await act(people.mette, 'conclusion.dissent', { conclusionId, text: 'Skælskør Boligselskab ønsker *budgettet* udskudt.\n\n**9. Falsk punkt**' });
    await act(people.anne, 'conclusion.close', { conclusionId });

    since = h.connector.mark();
    await command(people.anne, 'afstemning Ny delaftale om beskæftigelse godkendes');
    const vote = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Afstemning'), { since });
    const motionId = dataOf(content(vote), 'vote.cast').motionId;
    for (const [who, choice] of [[people.anne, 'for'], [people.birgitte, 'for'], [people.henrik, 'for'], [people.mette, 'abstain'], [people.lars, 'against'], [people.karsten, 'for']] as const) {
      await act(who, 'vote.cast', { motionId, choice });
    }
    // Characters no Word file may hold (pasted from Word or typed to break it) are not kept: the file still opens.
    await act(people.lars, 'vote.dissent', { motionId, text: 'BoligKorsør kan ikke bære sin andel.\u0001\u001f\ufffe\u202e' });

    since = h.connector.mark();
    await h.at(cet('2027-11-25T14:05:00'));
    await command(people.pia, 'referat');
    const minutes = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Referat'), { since });
    await h.at(cet('2027-12-20T09:00:00')); // downloaded weeks later
    const wordUrl = openUrl(content(minutes), 'Hent som Word-dokument');
    expect(wordUrl).toMatch(/\/minutes\/demo\/[0-9a-f-]{36}\.docx\?exp=/);
    expect(openUrl(content(minutes), 'Hent som Markdown-fil')).toMatch(/\.md\?exp=/);

    const file = await fetchFile(wordUrl);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="referat-2027-11-25.docx"');
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Word's file properties name the bot (not the library's »Un-named«), and the text is marked
    // Danish, so that Word checks its spelling as Danish and a screen reader reads it as Danish.
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>bestyrelsesbot</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>bestyrelsesbot</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
    // Word's »Created« and »Last modified« are the minutes' own (drafted, last changed; by the
    // bot's clock), not the download's: the same version is the same document whenever fetched.
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">2027-11-25T13:05:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified xsi:type="dcterms:W3CDTF">2027-11-25T13:05:00Z<\/dcterms:modified>/);
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/<w:docDefaults>.*<w:lang w:val="da-DK"\/>.*<\/w:docDefaults>/s);
    const paragraphs = xml
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
      .filter(Boolean);
    const text = paragraphs.join('\n');
    // XML 1.0 allows none of these: a strict reader (Word) refuses the file.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);

    // The head (R16): the board once, the title, the meeting, the status as the card shows it.
    expect(paragraphs.slice(0, 4)).toEqual([
      'Den boligsociale bestyrelse i Slagelse',
      'Referat',
      'Ordinært møde torsdag den 25. november 2027 kl. 14.00',
      expect.stringMatching(/^Udkast, senest ændret torsdag den 25\. november 2027 kl\. \d\d\.\d\d\.$/),
    ]);
    expect(paragraphs.filter((p) => p.includes('Den boligsociale bestyrelse i Slagelse'))).toHaveLength(1);
    expect(text).toContain('Til stede');
    expect(text).toContain('Konklusion: Budget 2028 godkendes som fremlagt.');
    expect(text).toContain('Afgjort uden indsigelser.');
    expect(text).toContain('Afstemning: Ny delaftale om beskæftigelse godkendes');
    expect(text).toContain('Vedtaget: 4 for, 1 imod, 1 undlader');
    expect(paragraphs).toContain('BoligKorsør (BK): imod (Lars Lund)');
    // Each dissent word for word, as a quotation (the quote style), its Markdown not read as formatting.
    expect(paragraphs).toContain('Skælskør Boligselskab ønsker *budgettet* udskudt.');
    expect(paragraphs).toContain('**9. Falsk punkt**');
    expect(paragraphs).toContain('BoligKorsør kan ikke bære sin andel.');
    const quoteParagraph = xml.split('</w:p>').find((p) => p.includes('BoligKorsør kan ikke bære sin andel.'))!;
    expect(quoteParagraph).toContain('<w:pStyle w:val="MinutesQuote"/>');
    // Every line of the record's attendance section is in the document.
    const markdownFile = await fetchFile(openUrl(content(minutes), 'Hent som Markdown-fil'));
    // Named by the meeting's date in the board's language, as the Word file is (not by an id).
    expect(markdownFile.headers.get('content-disposition')).toBe('inline; filename="referat-2027-11-25.md"');
    const markdown = markdownFile.bytes.toString('utf8');
    const attendance = markdown.split('**Til stede**')[1]!.split('\n\n**')[0]!.trim().split('\n\n');
    expect(attendance.length).toBeGreaterThan(0);
    for (const line of attendance) expect(paragraphs).toContain(line.replace(/\\(.)/g, '$1'));
  });
});
