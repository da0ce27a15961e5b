/** The botbuilder adapter: anonymous local mode without BOT_ID, else the app's credentials (TEAMS-NOTES: Hosting and auth). */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Env } from '../config/env.js';

export function createAdapter(env: Env): TeamsAdapter {
  if (!env.BOT_ID) return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const settings = {
    MicrosoftAppId: env.BOT_ID,
    MicrosoftAppPassword: env.BOT_PASSWORD ?? '',
    MicrosoftAppType: env.BOT_TYPE ?? 'SingleTenant',
    MicrosoftAppTenantId: env.BOT_TENANT_ID ?? '',
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
