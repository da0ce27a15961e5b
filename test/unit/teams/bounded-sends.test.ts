/**
 * A reply in a turn waits for the Bot Connector a bounded time (src/teams/bounded-sends.ts):
 * a connector that does not answer must not hold the request Teams sent for minutes.
 */
import type { TurnContext } from 'botbuilder';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundedSendHandler, boundedSends } from '../../../src/teams/bounded-sends.js';

const log = pino({ level: 'silent' });
afterEach(() => void vi.useRealTimers());

describe('a reply waits for the Bot Connector a bounded time', () => {
  it('given no answer, the send is given up at the bound and the turn goes on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const handler = boundedSendHandler(15_000, log);
    let done = false;
    const sending = handler({} as TurnContext, [{ type: 'message', text: 'hej' }], () => new Promise(() => undefined)).then((r) => {
      done = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await sending).toEqual([{ id: '' }]);
  });

  it('an answer in time is passed on as it is, and a failure in time fails the send as before', async () => {
    const handler = boundedSendHandler(15_000, log);
    expect(await handler({} as TurnContext, [{ type: 'message' }], async () => [{ id: 'a1' }])).toEqual([{ id: 'a1' }]);
    await expect(handler({} as TurnContext, [{ type: 'message' }], async () => Promise.reject(new Error('403')))).rejects.toThrow('403');
  });

  it('the outbox\'s proactive turns are left to the outbox (it bounds and retries its own sends)', async () => {
    const registered: unknown[] = [];
    const ctx = (activity: Record<string, unknown>) => ({ activity, onSendActivities: (h: unknown) => registered.push(h) }) as unknown as TurnContext;
    const middleware = boundedSends(15_000, log);
    await middleware.onTurn(ctx({ type: 'event', name: 'ContinueConversation' }), async () => undefined);
    expect(registered).toHaveLength(0);
    await middleware.onTurn(ctx({ type: 'message', text: 'møder' }), async () => undefined);
    expect(registered).toHaveLength(1);
  });
});
