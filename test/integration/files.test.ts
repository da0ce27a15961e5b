/**
 * The bot's files (PRODUCT §1.7, §3 HTTP): the minutes are served only by signed links
 * that expire after linkTtlDays; a version replaced by a later approved one is gone;
 * every answer is no-store and nosniff, and a refusal says nothing about why. The
 * signing key is the store's, so links outlive restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';

let connector: FakeConnector;
let bot: Harness;
const cet = (local: string) => `${local}+01:00`;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard(cet('2027-11-10T10:00:00')));
});

afterAll(async () => {
  await bot?.close();
});

async function post(from: Person, text: string, match: (p: PostedActivity) => boolean): Promise<PostedActivity> {
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, from, text));
  return connector.waitForPost(match, { since });
}

const minutesPost = () => post(people.pia, 'referat', (p) => connector.textOf(p).startsWith('Referat'));
const fileLink = (p: PostedActivity) => new URL((p.attachments as { contentType: string; contentUrl: string }[]).find((a) => a.contentType === 'text/markdown')!.contentUrl);
const pathOf = (url: URL) => url.pathname + url.search;

async function get(path: string) {
  const res = await fetch(`${bot.url}${path}`);
  return { status: res.status, text: await res.text(), cache: res.headers.get('cache-control'), nosniff: res.headers.get('x-content-type-options'), type: res.headers.get('content-type') };
}

async function approve(meetingId: string) {
  const res = await bot.send(cardAction(connector.url, people.anne, 'minutes.approve', { meetingId }));
  expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
}

let link: URL;
let meetingId: string;
let notFoundText: string;

describe('the minutes file', () => {
  it('is linked from the minutes card with a signed, expiring link', async () => {
    await ask(bot, connector, people.pia, 'møde 25-11-2027 14:00');
    await bot.restart(cet('2027-11-25T16:00:00'));
    const minutes = await minutesPost();
    link = fileLink(minutes);
    expect(link.pathname).toMatch(/^\/minutes\/demo\/[0-9a-f-]{36}\.md$/); // the board is in the signed path (R19)
    expect(link.searchParams.get('exp')).toMatch(/^\d+$/);
    expect(link.searchParams.get('sig')).toMatch(/^[\w-]{43}$/);
    // 30 days (linkTtlDays) from the bot's clock.
    expect(Math.abs(Number(link.searchParams.get('exp')) * 1000 - (Date.parse(cet('2027-11-25T16:00:00')) + 30 * 86_400_000))).toBeLessThan(60_000);
    meetingId = JSON.stringify(minutes).match(/"meetingId":"([^"]+)"/)![1]!;
  });

  it('is served by its link as Markdown, with Cache-Control: no-store and X-Content-Type-Options: nosniff', async () => {
    const res = await get(pathOf(link));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/markdown/);
    expect(res.cache).toBe('no-store');
    expect(res.nosniff).toBe('nosniff');
    expect(res.text).toMatch(/^\*\*Referat – Ordinært møde torsdag den 25\. november 2027/);
  });

  it('is 404, the same short text each time, without the signature, with another one, another expiry or another file', async () => {
    const other = new URL(link);
    const tampered = (name: string, value: string) => {
      const u = new URL(link);
      u.searchParams.set(name, value);
      return pathOf(u);
    };
    const sig = link.searchParams.get('sig')!;
    const answers = await Promise.all([
      get(link.pathname),
      get(tampered('sig', `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`)),
      get(tampered('exp', String(Number(link.searchParams.get('exp')) + 86_400))),
      get(`/minutes/00000000-0000-4000-8000-000000000000.md${other.search}`),
      get('/minutes/not-a-file'),
    ]);
    notFoundText = answers[0]!.text;
    expect(notFoundText).toMatch(/^Filen findes ikke, eller linket er udløbet/);
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(notFoundText);
      expect(res.cache).toBe('no-store');
      expect(res.nosniff).toBe('nosniff');
    }
  });

  it('keeps working after a restart: the signing key is kept in the store', async () => {
    await bot.restart(cet('2027-11-26T09:00:00'));
    expect((await get(pathOf(link))).status).toBe(200);
  });

  it('expires after linkTtlDays (30 days); asking again gives a fresh link that works', async () => {
    await bot.restart(cet('2027-12-26T16:00:00'));
    const expired = await get(pathOf(link));
    expect(expired.status).toBe(404);
    expect(expired.text).toBe(notFoundText);
    link = fileLink(await minutesPost());
    expect((await get(pathOf(link))).status).toBe(200);
  });

  it('is no longer served once a later version is approved (410, a short text); until then the approved one is', async () => {
    await approve(meetingId);
    expect(await ask(bot, connector, people.pia, 'ret referat Rettet referat efter godkendelsen.').then((p) => connector.textOf(p))).toMatch(/ny version/);
    // The correction is a draft: the approved version is still the record.
    expect((await get(pathOf(link))).status).toBe(200);
    await bot.restart(cet('2027-12-28T17:00:00'));
    await approve(meetingId);
    const gone = await get(pathOf(link));
    expect(gone.status).toBe(410);
    expect(gone.text).toMatch(/^Denne version af referatet er afløst af en nyere, godkendt version/);
    expect(gone.cache).toBe('no-store');
    expect(gone.nosniff).toBe('nosniff');
    const latest = await get(pathOf(fileLink(await minutesPost())));
    expect(latest.status).toBe(200);
    // R16: the correction's text under a head that names the meeting, the version and its status.
    expect(latest.text).toBe(
      '**Referat – Ordinært møde torsdag den 25. november 2027 kl. 14.00**\n\nDen boligsociale bestyrelse i Slagelse\n\n' +
        'Godkendt tirsdag den 28. december 2027 kl. 17.00 (Anne Andersen). Rettelse til referatet (version 2).\n\nRettet referat efter godkendelsen.\n',
    );
  });
});
