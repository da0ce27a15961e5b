/**
 * R19, R5: a card pressed in a 1:1 chat acts on the board its data names (withCardBoard). Pressed
 * there by someone who does not sit on that board but on another the bot serves (a member taken
 * off it, a copy forwarded), the answer is the one a command for that board gets in the chat: in
 * the language of their own board, naming the card's board; and a card from before cards named
 * their board, pressed by someone on several boards, says what to do with a card, not how to
 * write a command. Nothing is changed either way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FOREIGN_TENANT_ID, type Person, cardAction, channelMessage, people, personalConversationId } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { twoBoardsDir } from '../support/english-board.js';

const MESSAGE = 'application/vnd.microsoft.activity.message';
const EN_CHANNEL = '19:english-board-channel@thread.tacv2';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The Danish board and the English forum, each bound, and a vote open on the forum: its motion id. */
async function forumVote(): Promise<string> {
  h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
  await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
  await h.send(channelMessage(h.connector.url, people.anne, 'use this channel forum', { conversationId: EN_CHANNEL }));
  await h.send(channelMessage(h.connector.url, people.anne, 'vote The forum adopts the 2027 budget', { conversationId: EN_CHANNEL }));
  const card = h.connector.posts().filter((p) => JSON.stringify(p).includes('vote.cast')).at(-1)!;
  return /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
}

const pressIn1to1 = async (who: Person, verb: string, data: Record<string, unknown>) =>
  (await h!.send(cardAction(h!.connector.url, who, verb, data, { conversationId: personalConversationId(who) }))).body as { type: string; value: unknown };

describe('R19: a card of another board pressed in a 1:1 chat', () => {
  it('R19, R5: Henrik, on the Danish board only, presses the forum\'s vote card in his 1:1 chat: told in Danish that he is not on »Housing Forum«; no ballot', async () => {
    const motionId = await forumVote();
    for (const [verb, data] of [
      ['vote.cast', { motionId, choice: 'for', board: 'forum' }],
      ['vote.dissent', { motionId, text: 'Uenig', board: 'forum' }],
    ] as const) {
      const answer = await pressIn1to1(people.henrik, verb, data);
      expect(answer).toEqual({
        statusCode: 200,
        type: MESSAGE,
        value: 'Du står ikke på listen for bestyrelsen »Housing Forum«, så jeg kan ikke tage imod dit tryk på dens kort. Intet er ændret.',
      });
    }
    expect(await h!.store.forBoard('forum').listBallots(motionId)).toEqual([]);
  });

  it('R19: the same press from another tenant is answered as one naming a board that does not exist, naming no board', async () => {
    const motionId = await forumVote();
    const press = (board: string) => cardAction(h!.connector.url, people.henrik, 'vote.cast', { motionId, choice: 'for', board }, { conversationId: personalConversationId(people.henrik), tenantId: FOREIGN_TENANT_ID });
    const answer = (await h!.send(press('forum'))).body as { value: string };
    expect(answer).toEqual((await h!.send(press('nosuch'))).body);
    expect(answer.value).toMatch(/^I do not know that board\./);
    expect(answer.value).not.toContain('Housing Forum');
    expect(await h!.store.forBoard('forum').listBallots(motionId)).toEqual([]);
  });

  it('R19: Lars, on both boards, presses a card that names no board (from before cards named theirs) in his 1:1 chat: told to use the card in the board\'s channel, in both his boards\' languages; no ballot', async () => {
    const motionId = await forumVote();
    const answer = await pressIn1to1(people.lars, 'vote.cast', { motionId, choice: 'for' });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.value).toBe(
      'This card does not say which board it belongs to, and you sit on several. Press the button on the card in the board\'s channel. Nothing was changed.\n\n' +
        'Kortet siger ikke, hvilken bestyrelse det hører til, og du sidder i flere. Tryk på knappen på kortet i bestyrelsens kanal. Intet er ændret.',
    );
    expect(await h!.store.forBoard('forum').listBallots(motionId)).toEqual([]);
  });
});
