/**
 * Every post fits Teams' 40 KB (PRODUCT §4; docs/teams.md: over it Teams answers 413 and the
 * post is lost): an agenda of 150 items and a 71 KB minutes correction reach the channel
 * cut to fit, with a link to the whole (which serves the whole), and the person whose
 * command made the long post is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';
import { outboxSettled } from '../support/store-snapshot.js';

const TEAMS_LIMIT = 40 * 1024;
const CARD = 'application/vnd.microsoft.card.adaptive';

let connector: FakeConnector;
let bot: Harness;
const cet = (local: string) => `${local}+01:00`;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard(cet('2027-11-10T10:00:00'), { store: 'file' }));
});

afterAll(async () => {
  await bot?.close();
});

const say = async (from: Person, text: string) => connector.textOf(await ask(bot, connector, from, text));
const cardOf = (p: PostedActivity) => (p.attachments as { contentType: string; content: any }[] | undefined)?.find((a) => a.contentType === CARD)?.content;
/** The link in the card's note: "[Se det hele](<url>)". */
const seeAllLink = (card: unknown) => new URL(JSON.stringify(card).match(/\[Se det hele\]\((http[^)\s]+)\)/)![1]!);

async function get(url: URL) {
  const res = await fetch(`${bot.url}${url.pathname}${url.search}`);
  return { status: res.status, text: await res.text() };
}

/** Everything the bot sent to the channel so far, as Teams would measure it. */
function expectAllUnderTheLimit() {
  for (const p of [...connector.posts(), ...connector.updates()]) {
    const { id: _id, conversationId: _c, seq: _s, at: _a, replyToId: _r, ...body } = p;
    expect(JSON.stringify(body).length, connector.textOf(p).slice(0, 80)).toBeLessThan(TEAMS_LIMIT);
  }
}

const itemTitle = (i: number) =>
  `Punkt nummer ${i} om renovering af boligafdelingernes fællesarealer, legepladser og vaskerier i Slagelse, Korsør og Skælskør, herunder tilbud, tidsplan, finansiering og beboerinddragelse`;

describe('an agenda of 150 items (R13)', () => {
  it('is posted cut to fit, says how many items it shows, links to the whole agenda, and the sender is told', async () => {
    await say(people.pia, 'møde 25-11-2027 14:00');
    for (let i = 1; i <= 150; i++) {
      const since = connector.mark();
      await bot.send(channelMessage(connector.url, people.pia, `punkt ${itemTitle(i)} beslutning`));
      await connector.waitForPost((p) => connector.textOf(p).startsWith('Punkt '), { since });
    }
    const since = connector.mark();
    const told = await say(people.pia, 'udsend dagsorden');
    expect(told).toBe('Dagsordenen er for lang til at blive vist helt i Teams. Kortet viser de første punkter og linker til hele dagsordenen.');
    const agenda = await connector.waitForPost((p) => cardOf(p) && connector.textOf(p).startsWith('Dagsorden'), { since });
    const text = connector.textOf(agenda);
    expect(text).toContain(itemTitle(1));
    expect(text).not.toContain(itemTitle(150));
    expect(text).toMatch(/Kortet viser de første \d+ af 156 punkter\./);

    const whole = await get(seeAllLink(cardOf(agenda)));
    expect(whole.status).toBe(200);
    for (const i of [1, 75, 150]) expect(whole.text).toContain(itemTitle(i));
    expect(whole.text).toMatch(/^# Dagsorden – Ordinært møde torsdag den 25\. november 2027/);

    // Asking for it shows the cut card too, with its note.
    const shown = await ask(bot, connector, people.anne, 'dagsorden');
    expect(connector.textOf(shown)).toMatch(/Kortet viser de første \d+ af 156 punkter\./);
    await bot.app.settled();
    await outboxSettled(bot.dataDir!);
    expectAllUnderTheLimit();
  });
});

describe('a 71 KB minutes correction (R16)', () => {
  const correction = Array.from({ length: 240 }, (_, i) => `Afsnit ${i + 1}. Bestyrelsen drøftede renoveringen af fællesarealerne og bad sekretariatet om et samlet overblik over tilbud, tidsplan og finansiering til næste møde.`).join('\n\n');

  it('makes a card cut to fit, linking to the whole minutes file, and the secretary is told', async () => {
    expect(correction.length).toBeGreaterThan(35_000);
    await bot.restart(cet('2027-11-25T16:00:00'));
    let since = connector.mark();
    // The draft from the record lists 156 items: already too long for one card.
    expect(await say(people.pia, 'referat')).toBe('Referatet er for langt til at blive vist helt i Teams. Kortet viser begyndelsen og linker til hele referatet.');
    const minutes = await connector.waitForPost((p) => cardOf(p) && connector.textOf(p).startsWith('Referat'), { since }).catch((err) => {
      throw new Error(`${err}\n${connector.posts().slice(-4).map((p) => connector.textOf(p).slice(0, 300)).join('\n---\n')}`);
    });

    since = connector.mark();
    const long = `${correction}\n\n${correction}`; // about 71 KB of text
    expect(JSON.stringify(long).length).toBeGreaterThan(70_000);
    expect(await say(people.pia, `ret referat ${long}`)).toBe('Referatet af mødet torsdag den 25. november 2027 er rettet. Referatet er for langt til at blive vist helt i Teams. Kortet viser begyndelsen og linker til hele referatet.');
    const update = await connector.waitForUpdate((u) => u.id === minutes.id && connector.textOf(u).includes('Afsnit 1. Bestyrelsen'), { since });
    const card = cardOf(update);
    expect(connector.textOf(update)).toContain('Indholdet er for langt til Teams og er afkortet her.');
    expect(connector.textOf(update)).not.toContain('Afsnit 240.');

    const link = seeAllLink(card);
    expect(link.pathname).toMatch(/^\/minutes\/demo\/[0-9a-f-]{36}\.md$/);
    const whole = await get(link);
    expect(whole.status).toBe(200);
    // All of it, under the file's head (R16: the meeting, the board, the status).
    expect(whole.text.endsWith(`\n\nUdkast, senest ændret torsdag den 25. november 2027 kl. 16.00.\n\n${long}\n`)).toBe(true);
    await bot.app.settled();
    await outboxSettled(bot.dataDir!);
    expectAllUnderTheLimit();
  });
});

