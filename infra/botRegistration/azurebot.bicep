// The Azure Bot resource (Bot Framework registration) for bestyrelsesbot and its
// Microsoft Teams channel. Same shape as the Microsoft 365 Agents Toolkit bot
// templates' infra/botRegistration/azurebot.bicep, with the bot's identity being a
// user-assigned managed identity (msaAppType 'UserAssignedMSI': no password exists).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@maxLength(42)
@description('The bot name shown in the Azure portal and the Bot Framework')
param botDisplayName string

@description('The Azure Bot resource name (its "bot handle"; globally unique)')
param botServiceName string = resourceBaseName

@allowed([
  'F0'
  'S1'
])
@description('F0 is free; the Teams channel is a standard channel and costs nothing on either tier')
param botServiceSku string = 'F0'

@description('Resource id of the user-assigned managed identity that is the bot (msaAppMSIResourceId)')
param identityResourceId string

@description('Client id of that identity: the bot id (BOT_ID, manifest bots[0].botId)')
param identityClientId string

@description('Tenant id of that identity: the Microsoft Entra tenant (BOT_TENANT_ID)')
param identityTenantId string

@description('Host name of the web app that serves /api/messages, without scheme')
param botAppDomain string

// Register the web service as a bot with the Bot Framework
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
    msaAppType: 'UserAssignedMSI'
  }
}

// Connect the bot to Microsoft Teams
resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceName string = botService.name
output botServiceId string = botService.id
