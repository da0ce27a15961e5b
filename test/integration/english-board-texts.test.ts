/**
 * PRODUCT §1, R19: an English board (`locale: en`) is answered in English that reads as an
 * English board secretary writes it, not as Danish put word for word into English: the
 * standing item »Økonomi« is the board's finances, not "Economy"; "has" or "have" not voted
 * as many organisations as there are, whatever their names hold; and the outcome of a vote
 * starts with the line the contract gives in English (»Adopted: 4 for, 1 against, 1 abstained«).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { englishFile, mk } from '../support/english-board.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the standing items on an English board', () => {
  it('R14: the agenda and the minutes call the standing item on the economy "Finances", never "Economy"', async () => {
    const bot = (h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() }));
    const { say, tell } = mk(bot);
    await tell(people.anne, 'use this channel');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    const agenda = await say(people.pia, 'agenda');
    expect(agenda).toContain('3. Finances (for information)');
    expect(agenda).not.toContain('Economy');
    await bot.at('2026-12-10T18:00:00Z');
    // The secretary's draft is a card posted in the channel.
    const since = bot.connector.mark();
    await tell(people.pia, 'minutes');
    const minutes = bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Minutes'), { since }));
    expect(minutes).toContain('**3. Finances** (for information)');
    expect(minutes).not.toContain('Economy');
  });
});

/** Two organisations, one of them named with an "and" (as the Homes and Communities Agency was). */
const AND_BOARD = `
board:
  id: forum
  name: Housing Forum
  locale: en
  timezone: Europe/London
  tenantId: 00000000-0000-4000-8000-0000000000d0
organisations:
  - { id: A, name: Alpha Housing }
  - { id: H, name: Homes and Communities }
people:
  - { name: Anne Andersen, aadObjectId: ${people.anne.aadObjectId}, organisation: A, roles: [member, chair] }
  - { name: Birgitte Bach, aadObjectId: ${people.birgitte.aadObjectId}, organisation: H, roles: [member] }
  - { name: Pia Poulsen, aadObjectId: ${people.pia.aadObjectId}, roles: [secretary] }
`;

describe('organisations that have not voted, on an English board', () => {
  it('R6: one organisation whose name holds "and" "has" not voted, on the card asking the chair to confirm and in the reminder; two "have"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'english-and-board-'));
    try {
      writeFileSync(join(dir, 'forum.yaml'), AND_BOARD);
      h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: join(dir, 'forum.yaml') });
      const { tell, all } = mk(h);
      await tell(people.anne, 'use this channel');
      // Opened Tuesday 09:00: the deadline is Friday 09:00, the reminder Thursday 09:00.
      await tell(people.anne, 'vote The board buys a new bench');
      await tell(people.anne, 'vote The board paints the hall');
      const motions = await h.store.listMotions({});
      const bench = motions.find((m) => m.text.includes('bench'))!;
      const hall = motions.find((m) => m.text.includes('hall'))!;
      await h.send(cardAction(h.connector.url, people.anne, 'vote.cast', { motionId: bench.id, choice: 'for' }));
      const asked = await h.send(cardAction(h.connector.url, people.anne, 'vote.close', { motionId: bench.id }));
      expect(h.connector.textOf(asked.body)).toContain('Homes and Communities has not voted yet. Close the vote anyway?');
      await h.at('2026-12-03T09:00:30Z');
      const reminders = all().filter((t) => t.includes('Reminder:'));
      expect(reminders.find((t) => t.includes('bench'))).toContain('Reminder: Homes and Communities (H) has not yet voted on the motion "The board buys a new bench".');
      expect(reminders.find((t) => t.includes('hall'))).toContain('Reminder: Alpha Housing (A) and Homes and Communities (H) have not yet voted on the motion "The board paints the hall".');
      expect(hall).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a day in a sentence, on an English board', () => {
  it('R6, R7, R16: "closes on", "was closed on", "decided without objections on", "was due on" a day, as the minutes already say "reopened on"', async () => {
    const bot = (h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() }));
    const { tell, all } = mk(bot);
    await tell(people.anne, 'use this channel');
    await tell(people.pia, 'meeting 10-12-2026 14:00');
    await tell(people.pia, 'item Budget decision');
    // Tuesday 09:00: the vote's deadline is Friday 09:00, its reminder Thursday 09:00; the conclusion's window ends Thursday 09:00.
    await tell(people.anne, 'vote The board closes the office');
    await tell(people.anne, 'conclude 10-12-2026 5 The budget is approved.');
    await tell(people.anne, 'task 05-12-2026 Lars Lund: Call the council');
    await bot.at('2026-12-03T09:00:30Z');
    expect(all().find((t) => t.includes('Reminder:') && t.includes('closes the office'))).toContain('The vote closes on Friday 4 December 2026 at 09:00.');
    // Back after the task's day (the bot was down): its reminder says it was due.
    await bot.at('2026-12-10T18:00:00Z');
    expect(all().find((t) => t.includes('Call the council') && t.includes('Reminder:'))).toContain('the task "Call the council" was due on Saturday 5 December 2026 and is not done.');
    const since = bot.connector.mark();
    await tell(people.pia, 'minutes');
    const minutes = bot.connector.textOf(await bot.connector.waitForPost((p) => bot.connector.textOf(p).startsWith('Minutes'), { since }));
    expect(minutes).toContain('Decided without objections on Thursday 3 December 2026 at 09:00.');
    expect(minutes).toContain('The vote was closed on Friday 4 December 2026 at 09:00.');
  });
});

describe('the outcome of a vote, on an English board (PRODUCT §1.4)', () => {
  it('R6: the announcement starts exactly "Adopted: 2 for, 0 against, 1 abstained" or "Not adopted: 1 for, 1 against, 1 abstained", followed by each organisation\'s vote', async () => {
    const bot = (h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: englishFile() }));
    const { tell } = mk(bot);
    await tell(people.anne, 'use this channel');
    await tell(people.anne, 'vote The board buys a new bench');
    await tell(people.anne, 'vote The board paints the hall');
    const motions = await bot.store.listMotions({});
    const bench = motions.find((m) => m.text.includes('bench'))!;
    const hall = motions.find((m) => m.text.includes('hall'))!;
    const outcome = async (motionId: string, choices: [typeof people.anne, string][]) => {
      const since = bot.connector.mark();
      // Every organisation votes: the vote closes by itself and the outcome is announced.
      for (const [who, choice] of choices) expect((await bot.send(cardAction(bot.connector.url, who, 'vote.cast', { motionId, choice }))).status).toBe(200);
      return bot.connector.textOf(await bot.connector.waitForPost((p) => /^(Not a|A)dopted: /.test(bot.connector.textOf(p)), { since })).split('\n');
    };
    const adopted = await outcome(bench.id, [[people.anne, 'for'], [people.birgitte, 'abstain'], [people.lars, 'for']]);
    expect(adopted[0]).toBe('Adopted: 2 for, 0 against, 1 abstained');
    expect(adopted.join('\n')).toContain('Beta Homes (B): abstained (cast by Birgitte Bach)');
    const notAdopted = await outcome(hall.id, [[people.anne, 'for'], [people.birgitte, 'against'], [people.lars, 'abstain']]);
    expect(notAdopted[0]).toBe('Not adopted: 1 for, 1 against, 1 abstained');
    expect(notAdopted.join('\n')).toContain('Beta Homes (B): against (cast by Birgitte Bach)');
  });
});
