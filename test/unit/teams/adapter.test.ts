/**
 * The adapter keeps its Bot Connector clients (issue 12): botbuilder makes a client, with
 * its HTTP pipeline and credentials, for every incoming activity. A turn gets the client
 * kept for its service URL and audience; another service URL gets its own. The user token
 * client (also made per activity) is kept too.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { ConnectorClient, UserTokenClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/teams/adapter.js';
import { cardAction, people } from '../../support/activities.js';

async function clientsOfTurn(adapter: ReturnType<typeof createAdapter>, serviceUrl: string): Promise<{ connector: ConnectorClient; userToken: UserTokenClient }> {
  const activity = cardAction(serviceUrl, people.anne, 'vote.refresh', { motionId: 'm1' }) as unknown as Activity;
  const auth = await adapter.authenticate(activity, '');
  let clients: { connector: ConnectorClient; userToken: UserTokenClient } | undefined;
  await adapter.runTurn(auth, activity, async (context: TurnContext) => {
    clients = { connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) };
  });
  if (!clients?.connector || !clients.userToken) throw new Error('the turn had no connector client or no user token client');
  return clients;
}

const clientOfTurn = async (adapter: ReturnType<typeof createAdapter>, serviceUrl: string) => (await clientsOfTurn(adapter, serviceUrl)).connector;

describe('the adapter', () => {
  it('gives every turn from one service URL the same connector client, and another service URL its own', async () => {
    const adapter = createAdapter({});
    const first = await clientOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    const second = await clientOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    const elsewhere = await clientOfTurn(adapter, 'https://smba.trafficmanager.net/amer/');
    expect(second).toBe(first);
    expect(elsewhere).not.toBe(first);
    // Each is a client of its own service URL.
    expect((first as unknown as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/emea/');
    expect((elsewhere as unknown as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/amer/');
  });

  it('keeps no client of one adapter for another (each bot its own credentials)', async () => {
    const url = 'https://smba.trafficmanager.net/emea/';
    expect(await clientOfTurn(createAdapter({}), url)).not.toBe(await clientOfTurn(createAdapter({}), url));
    const [one, other] = [await clientsOfTurn(createAdapter({}), url), await clientsOfTurn(createAdapter({}), url)];
    expect(one.userToken).not.toBe(other.userToken);
  });

  it('gives every turn the same user token client (botbuilder would make one, with its HTTP pipeline, per activity)', async () => {
    const adapter = createAdapter({});
    const first = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    const second = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/amer/');
    expect(second.userToken).toBe(first.userToken);
  });
});
