/**
 * The botbuilder adapter (docs/teams.md: Hosting and auth): anonymous local mode without
 * BOT_ID, else the app's credentials. The HTTP route checks the token first
 * (`authenticate`) and runs the turn after (`runTurn`), so that any bad token is a 401
 * and nothing of the turn runs.
 */
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { type Activity, CallerIdConstants, ConfigurationServiceClientCredentialFactory, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type ServiceClientCredentials,
  type UserTokenClient,
} from 'botframework-connector';
import type { Env } from '../config/env.js';

export class BotAdapter extends TeamsAdapter {
  readonly #connectors = new ConnectorClients();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    keepUserTokenClients(this.botFrameworkAuthentication);
  }

  /** Checks the request's token against the channel's keys; throws when it is missing or bad. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated activity; resolves with the invoke response, if any. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const connectorFactory = auth.connectorFactory && this.#connectors.reusing(auth.connectorFactory);
    return this.processActivity(connectorFactory ? { ...auth, connectorFactory } : auth, activity, logic);
  }
}

/** What makes botbuilder's connector factory's clients differ, besides the service URL and audience. */
interface FactorySettings {
  readonly appId?: string;
  readonly toChannelFromBotOAuthScope?: string;
  readonly loginEndpoint?: string;
  readonly validateAuthority?: boolean;
}

/**
 * The Bot Connector clients, kept (issue 12). botbuilder makes a new client, with its HTTP
 * pipeline and credentials, for every incoming activity: about a tenth of a vote's CPU. A
 * client holds no state of the turn, so one serves every turn with the same settings,
 * service URL and audience (its credentials renew their own token).
 */
class ConnectorClients {
  static readonly MAX = 64;
  readonly #clients = new Map<string, Promise<ConnectorClient>>();

  /** A factory that gives the kept client, made by `factory` the first time. */
  reusing(factory: ConnectorFactory): ConnectorFactory {
    const settings = factory as FactorySettings;
    // Another factory than botbuilder's own (e.g. streaming): used as it is.
    if (typeof settings.loginEndpoint !== 'string') return factory;
    const clients = this.#clients;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([settings.appId, settings.toChannelFromBotOAuthScope, settings.loginEndpoint, settings.validateAuthority, serviceUrl, audience]);
        return kept(clients, key, () => factory.create(serviceUrl, audience));
      }
    })();
  }
}

/** The client kept under `key`, made by `make` the first time; at most MAX are kept. */
function kept<C>(clients: Map<string, Promise<C>>, key: string, make: () => Promise<C>): Promise<C> {
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= ConnectorClients.MAX) clients.clear();
    const made = make();
    clients.set(key, made);
    // One that could not be made is made again next time.
    made.catch(() => clients.get(key) === made && clients.delete(key));
    client = made;
  }
  return client;
}

/**
 * botbuilder also makes a user token client (for OAuth sign-in, which this bot does not use),
 * with its own HTTP pipeline and credentials, for every incoming activity: about a twentieth
 * of a vote's CPU (issue 12). It holds no state of the turn either: one is kept per bot app
 * id, which is all that differs between the clients one authentication makes.
 */
function keepUserTokenClients(auth: BotFrameworkAuthentication): void {
  const make = auth.createUserTokenClient.bind(auth);
  const clients = new Map<string, Promise<UserTokenClient>>();
  auth.createUserTokenClient = (claims: ClaimsIdentity): Promise<UserTokenClient> => {
    // The app id as botbuilder reads it: the audience claim, else the app id claim (the Emulator's).
    const key = String(claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '');
    return kept(clients, key, () => make(claims));
  };
}

/**
 * Whether a failed `authenticate` is the bot's own trouble (the channel's keys could not be
 * fetched) rather than a bad token: answered 503, not 401.
 */
export function isKeySourceUnavailable(err: unknown): boolean {
  if (err instanceof AuthenticationError) return err.statusCode >= 500;
  return (err as { name?: string } | undefined)?.name === 'FetchError';
}

/**
 * Test mode (BOT_OPENID_METADATA_URL, refused in production): incoming tokens are checked
 * as for the real channel — issuer, audience, service URL, signature by a key endorsed for
 * the channel — but against a local OpenID document. Outgoing calls then go to the local
 * test channel, which takes no token: asking Microsoft Entra for one would leave the machine.
 */
class LocalChannelCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials(): Promise<ServiceClientCredentials> {
    return MicrosoftAppCredentials.Empty;
  }
}

/** The adapter for the bot's credentials (none: anonymous local mode). */
export type AdapterSettings = Pick<Env, 'BOT_ID' | 'BOT_PASSWORD' | 'BOT_TENANT_ID' | 'BOT_TYPE' | 'BOT_OPENID_METADATA_URL'>;

export function createAdapter(env: AdapterSettings): BotAdapter {
  if (!env.BOT_ID) return new BotAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const credentials = {
    MicrosoftAppId: env.BOT_ID,
    MicrosoftAppPassword: env.BOT_PASSWORD ?? '',
    MicrosoftAppType: env.BOT_TYPE ?? 'SingleTenant',
    MicrosoftAppTenantId: env.BOT_TENANT_ID ?? '',
  };
  if (!env.BOT_OPENID_METADATA_URL) return new BotAdapter(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
  // Setting one of these makes botbuilder take all of them from here: the public cloud's, but for the keys.
  const publicCloudButKeys = {
    ...credentials,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
  return new BotAdapter(publicCloudButKeys, new LocalChannelCredentialFactory(credentials));
}
