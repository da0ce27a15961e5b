// Azure resources for bestyrelsesbot, in the Microsoft 365 Agents Toolkit shape:
// `arm/deploy` in m365agents.yml deploys this file with azure.parameters.json and
// writes the outputs below into env/.env.<env> (BOT_ID, BOT_DOMAIN, ...).
//
//   user-assigned managed identity  the bot's identity (BOT_TYPE=UserAssignedMsi, no password)
//   App Service plan (Linux)        webAppSKU, default B1 (alwaysOn needs B1 or better)
//   Web App (Linux, Node 20)        runs `npm start` (dist/); build on deploy runs `npm ci --omit=dev` (prepare compiles)
//   Key Vault (RBAC)                holds DATABASE_URL; the identity is "Key Vault Secrets User"
//   PostgreSQL flexible server      Burstable B1ms, 32 GB, 7 days of backups, database bestyrelsesbot
//   Azure Bot + Teams channel       botRegistration/azurebot.bicep
//
// With usePostgres=false the Key Vault and the PostgreSQL server are not created and
// DATABASE_URL is not set: the bot uses SQLite in DATA_DIR (one instance only).
// The walk-through is docs/deploy.md.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file: lowercase letters and digits only')
param resourceBaseName string

@description('Region of the resources; default: the resource group\'s region')
param location string = resourceGroup().location

@maxLength(42)
@description('The bot name shown in the Azure portal and the Bot Framework')
param botDisplayName string = 'Bestyrelsesbot'

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan SKU. alwaysOn (needed for the scheduler) is not available on F1')
param webAppSKU string = 'B1'

@description('App Service runtime stack (az webapp list-runtimes --os linux)')
param linuxFxVersion string = 'NODE|22-lts'

@description('BOARD_CONFIG: the board file, relative to the app folder (/home/site/wwwroot) or absolute')
param boardConfig string = 'config/slagelse.yaml'

@description('DATA_DIR: SQLite data folder; /home is the App Service persistent storage')
param dataDir string = '/home/data'

@description('SCHEDULER_CRON: the scheduler tick (5 fields, or 6 with seconds)')
param schedulerCron string = '* * * * *'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
@description('LOG_LEVEL: the pino level')
param logLevel string = 'info'

@description('Create PostgreSQL and the Key Vault and set DATABASE_URL. false: SQLite in DATA_DIR, a single instance only')
param usePostgres bool = true

@description('Region of the PostgreSQL server (some subscriptions cannot create flexible servers in every region)')
param postgresLocation string = location

@minLength(1)
@maxLength(63)
@description('PostgreSQL administrator login (not azure_superuser, admin, administrator, root, guest, public; not starting with pg_)')
param postgresAdminLogin string

@secure()
@description('PostgreSQL administrator password: 8-128 characters from three of: upper case, lower case, digits, symbols')
param postgresAdminPassword string

@allowed([
  '15'
  '16'
])
@description('PostgreSQL major version')
param postgresVersion string = '16'

@description('The application database')
param postgresDatabaseName string = 'bestyrelsesbot'

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param keyVaultName string = '${resourceBaseName}-kv'
param postgresServerName string = '${resourceBaseName}-pg'

// Built-in role "Key Vault Secrets User" (read secret contents).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var databaseUrlSecretName = 'database-url'

// The bot's identity. Its client id is the bot id (BOT_ID, manifest botId); the Azure
// Bot trusts it (msaAppType UserAssignedMSI) and the web app runs as it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

// ---------------------------------------------------------------------------
// PostgreSQL flexible server, its database and the "Allow Azure services" rule
// ---------------------------------------------------------------------------
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (usePostgres) {
  name: postgresServerName
  location: postgresLocation
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Disabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = if (usePostgres) {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0-0.0.0.0 is Azure's "allow public access from any Azure service" rule.
// The server accepts TLS connections only (require_secure_transport is on by default).
// Sequenced after the database: a flexible server takes one change at a time.
resource postgresFirewallAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (usePostgres) {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    postgresDatabase
  ]
}

// ---------------------------------------------------------------------------
// Key Vault (RBAC) with DATABASE_URL, readable by the bot's identity
// ---------------------------------------------------------------------------
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = if (usePostgres) {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    accessPolicies: []
  }
}

// DATABASE_URL for node-postgres. The user name, password and database name are
// percent-encoded (uriComponent) so that any character is safe in the URL.
// sslmode=verify-full: TLS with certificate and host name checks. node-postgres 8
// treats sslmode=require the same way but prints a SECURITY WARNING, because from
// pg 9 'require' takes libpq's meaning (TLS without verification). The server's
// certificate chains to a public root CA (DigiCert Global Root G2 / Microsoft RSA
// Root CA 2017) that is in Node's bundled CA store.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usePostgres) {
  parent: keyVault
  name: databaseUrlSecretName
  properties: {
    contentType: 'text/plain'
    value: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${uriComponent(postgresDatabaseName)}?sslmode=verify-full'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (usePostgres) {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------
// App Service plan and the Linux web app that hosts the bot
// ---------------------------------------------------------------------------
resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    reserved: true
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references (DATABASE_URL) are resolved with the bot's identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // package.json "start": node dist/bundle/main.mjs (compiled and bundled by `prepare` during npm ci).
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // PORT is set by App Service itself. WEBSITE_RUN_FROM_PACKAGE is deliberately not
      // set: a mounted package is read-only and skips the build on deploy, while this app
      // is zip-deployed as source (no node_modules) and built on App Service.
      appSettings: concat([
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMsi'
        }
        {
          name: 'BOARD_CONFIG'
          value: boardConfig
        }
        {
          name: 'DATA_DIR'
          value: dataDir
        }
        {
          name: 'SCHEDULER_CRON'
          value: schedulerCron
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          // Base of the signed links to the minutes' and agendas' Markdown files (GET /minutes/<id>.md?exp=…&sig=…).
          name: 'PUBLIC_URL'
          value: 'https://${webAppName}.azurewebsites.net'
        }
        {
          // Zip deploy runs the Oryx build on App Service ...
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          // ... as this command instead of Oryx's `npm install` + `npm run build`: npm ci
          // runs the `prepare` script, which compiles src/ to dist/ (typescript and the
          // @types it needs are dependencies). The repository's .npmrc (yes=true) must be in
          // the package: botbuilder-dialogs' postinstall runs npx without a terminal.
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev --no-audit --no-fund'
        }
      ], usePostgres ? [
        {
          name: 'DATABASE_URL'
          value: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
        }
      ] : [])
    }
  }
  // The database, its firewall rule and the secret reader role exist before the app
  // first starts, so its first start can reach the database.
  dependsOn: [
    keyVaultSecretsUser
    postgresDatabase
    postgresFirewallAzure
  ]
}

// No FTP, and no basic-auth publishing credentials: the Agents Toolkit and
// `az webapp deploy` deploy with the signed-in Microsoft Entra account.
// `location` is not in the published type of this resource (Bicep may warn that it is
// not allowed), but App Service refuses the request without it ("The parameter
// location has an invalid value"; Azure/bicep-types-az#1317, #1571); the Azure
// Verified Module for sites sets it too.
resource webAppFtpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  location: location
  properties: {
    allow: false
  }
}

resource webAppScmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  location: location
  properties: {
    allow: false
  }
}

// Container stdout/stderr (pino's JSON lines) to the file system, for the log stream
// (same as `az webapp log config --docker-container-logging filesystem`).
resource webAppLogs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'logs'
  properties: {
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 7
        retentionInMb: 35
      }
    }
  }
}

// Register the web service as a bot with the Bot Framework, with the Teams channel
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
  }
}

// The outputs are persisted in env/.env.<env> by the Agents Toolkit
// (https://aka.ms/teamsfx-actions/arm-deploy). identity.properties.tenantId is the
// tenant of this subscription, i.e. tenant().tenantId.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_WEB_APP_NAME string = webApp.name
output KEY_VAULT_NAME string = usePostgres ? keyVault.name : ''
output POSTGRES_SERVER_NAME string = usePostgres ? postgres.name : ''
output POSTGRES_SERVER_FQDN string = usePostgres ? postgres.properties.fullyQualifiedDomainName : ''
