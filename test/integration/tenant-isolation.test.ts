/**
 * R19: boards are kept apart by tenant. A person is the pair (tenant, Entra object id), never the
 * object id alone: the same `from.aadObjectId` from another tenant than a board's is nobody on
 * that board, in a 1:1 chat as in a channel, by command or by card. Such an activity is refused
 * as any from another tenant, naming no board, and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FOREIGN_TENANT_ID, type Person, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { twoBoardsDir } from '../support/english-board.js';

const FOREIGN_REFUSAL = 'This bot serves only the board\'s own organisation. The request was refused.';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** What the bot said in `who`'s 1:1 chat to `text`, sent from `tenantId`. */
async function dm(who: Person, text: string, tenantId?: string): Promise<string[]> {
  const since = h!.connector.mark();
  const res = await h!.send(personalMessage(h!.connector.url, who, text, tenantId ? { tenantId } : {}));
  expect(res.status).toBeLessThan(300);
  return h!.connector
    .posts()
    .filter((p) => p.seq >= since && p.type !== 'typing' && p.conversationId === personalConversationId(who))
    .map((p) => h!.connector.textOf(p));
}

describe('R19: a 1:1 chat from another tenant with a board person\'s aadObjectId', () => {
  it('R19: Lars\'s object id from another tenant is nobody on either board: not asked which board, the boards not listed nor named; nothing remembered', async () => {
    // Both boards are of the demo tenant; Lars sits on both.
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    const answers = [await dm(people.lars, 'status', FOREIGN_TENANT_ID), await dm(people.lars, 'hjælp', FOREIGN_TENANT_ID)];
    for (const answer of answers) {
      expect(answer).toEqual([FOREIGN_REFUSAL]);
    }
    const all = answers.flat().join('\n');
    expect(all).not.toContain('Housing Forum');
    expect(all).not.toContain('slagelse');
    expect(all).not.toContain('forum');
    // The chat is not his: no personal reminder of either board would go there.
    expect(await h.store.forBoard('slagelse').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
    expect(await h.store.forBoard('forum').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
  });

  it('R19, R2: the chair\'s and the secretary\'s object ids from another tenant act on neither board, named or not', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    for (const [who, text] of [
      [people.pia, 'møde 10-12-2026 14:00'],
      [people.pia, 'slagelse møde 10-12-2026 14:00'],
      [people.anne, 'forum meeting 10-12-2026 14:00'],
      [people.anne, 'slagelse mødedatoer 2027'],
    ] as const) {
      const answer = await dm(who, text, FOREIGN_TENANT_ID);
      expect(answer, text).toHaveLength(1);
      expect(answer[0], text).toMatch(/^(This bot serves only the board's own organisation\. The request was refused\.|Denne bot betjener kun bestyrelsens egen organisation\. Henvendelsen er afvist\.)$/);
    }
    expect(await h.store.forBoard('slagelse').listMeetings()).toEqual([]);
    expect(await h.store.forBoard('forum').listMeetings()).toEqual([]);
  });
});
