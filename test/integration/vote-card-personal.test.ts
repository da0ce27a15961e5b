/**
 * The vote card as one person sees it (PRODUCT §1.4, §2 `vote.refresh`): Teams refreshes the
 * card for each of its refresh.userIds, and each gets the buttons they may press. R5: members
 * vote (the secretary, R3, and guests, R4, do not); R2: the chair closes; R8: after the vote,
 * members of organisations that voted against add a dissent. The channel's card keeps them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import type { CardJson } from '../support/cards.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
let bot: Harness;
let motionId: string;

beforeAll(async () => {
  bot = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00' });
  await bot.send(botInstalled(bot.connector.url, people.anne));
  const since = bot.connector.mark();
  await bot.send(channelMessage(bot.connector.url, people.anne, 'afstemning Budgettet for 2027 godkendes'));
  const post = await bot.connector.waitForPost((p) => JSON.stringify(p).includes('vote.cast'), { since });
  const card = (post as unknown as { attachments: { content: CardJson }[] }).attachments[0]!.content;
  motionId = (card.actions!.find((a) => a.verb === 'vote.cast')!.data as { motionId: string }).motionId;
});

afterAll(async () => {
  await bot?.close();
});

async function act(from: Person, verb: string, data: Record<string, unknown>): Promise<{ type: string; value: CardJson }> {
  const res = await bot.send(cardAction(bot.connector.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as { type: string; value: CardJson };
}

/** The titles of the buttons on `person`'s refreshed card. */
async function buttonsOf(person: Person): Promise<string[]> {
  const answer = await act(person, 'vote.refresh', { motionId });
  expect(answer.type).toBe(CARD);
  return (answer.value.actions ?? []).map((a) => String(a.title));
}

describe('the vote card refreshed for one person', () => {
  it('R5, R2: an open vote offers For, Imod and Undlader to members, and Luk afstemning to the chair only', async () => {
    expect(await buttonsOf(people.anne)).toEqual(['For', 'Imod', 'Undlader', 'Luk afstemning']);
    expect(await buttonsOf(people.birgitte)).toEqual(['For', 'Imod', 'Undlader']);
  });

  it('R3, R4: the secretary and a guest see the votes but no button (they cannot vote or close)', async () => {
    expect(await buttonsOf(people.pia)).toEqual([]);
    expect(await buttonsOf(people.gustav)).toEqual([]);
  });

  it('the card answered to a vote is the channel\'s card, with every button (one render for both)', async () => {
    const answer = await act(people.birgitte, 'vote.cast', { motionId, choice: 'against' });
    expect(answer.value.actions?.map((a) => a.title)).toEqual(['For', 'Imod', 'Undlader', 'Luk afstemning']);
  });

  it('R8: once closed, only members of an organisation that voted against are offered a dissent', async () => {
    for (const [person, choice] of [[people.anne, 'for'], [people.henrik, 'for'], [people.mette, 'for'], [people.lars, 'abstain'], [people.karsten, 'for']] as const) {
      await act(person, 'vote.cast', { motionId, choice });
    }
    // Every organisation has voted: the vote is closed.
    expect(await buttonsOf(people.birgitte)).toEqual(['Særstandpunkt']);
    expect(await buttonsOf(people.soeren)).toEqual(['Særstandpunkt']); // Birgitte's organisation, SB
    expect(await buttonsOf(people.anne)).toEqual([]);
    expect(await buttonsOf(people.pia)).toEqual([]);
  });
});
