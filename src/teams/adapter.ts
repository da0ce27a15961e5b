/**
 * The botbuilder adapter (TEAMS-NOTES: Hosting and auth): anonymous local mode without
 * BOT_ID, else the app's credentials. The HTTP route checks the token first
 * (`authenticate`) and runs the turn after (`runTurn`), so that any bad token is a 401
 * and nothing of the turn runs.
 */
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { type Activity, CallerIdConstants, ConfigurationServiceClientCredentialFactory, type InvokeResponse, type TurnContext } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationConstants, AuthenticationError, MicrosoftAppCredentials, type ServiceClientCredentials } from 'botframework-connector';
import type { Env } from '../config/env.js';

export class BotAdapter extends TeamsAdapter {
  /** Checks the request's token against the channel's keys; throws when it is missing or bad. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated activity; resolves with the invoke response, if any. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
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
