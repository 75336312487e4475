// Azure resources of one Hotline Desk environment, deployed by the arm/deploy action in
// m365agents.yml: App Service plan and Linux web app (Node 20), storage account with the table
// service, user-assigned managed identity, Azure Bot (SingleTenant) with the Teams channel.
// Outputs are written by the toolkit into env/.env.<env> under the output's name.

@minLength(4)
@maxLength(30)
@description('Prefix of all resource names, e.g. hotline-desk-dev. Letters, digits and hyphens.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest Linux SKU that offers Always On.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'Hotline Desk'

@description('Azure Bot pricing tier: F0 (free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Client id of the bot\'s Entra app (BOT_ID, written by aadApp/create).')
param botAppId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
param botAppPassword string

@description('Home tenant of the bot\'s Entra app (BOT_TENANT_ID), the consultant\'s tenant.')
param botTenantId string

@description('The consultant\'s tenant id (CONSULTANT_TENANT_ID).')
param consultantTenantId string

@description('The consultant\'s Entra object id (CONSULTANT_AAD_OBJECT_ID).')
param consultantAadObjectId string

param consultantName string
param timeZone string = 'Europe/Berlin'
param holidayRegion string = 'DE-NW'
param hotlinePhone string
param emergencyPhone string

// Global names (web app host name, storage account) need a suffix that is unique per
// resource group. uniqueString() returns 13 lower-case letters and digits.
var uniqueSuffix = uniqueString(resourceGroup().id)
var webAppName = '${resourceBaseName}-${uniqueSuffix}'
// Azure Bot names are global as well.
var botServiceName = '${resourceBaseName}-bot-${uniqueSuffix}'
// Storage account names allow 3-24 lower-case letters and digits only.
var storageAccountName = take('hdesk${uniqueSuffix}', 24)
// The tab's SSO token is issued for the bot's Entra app. Its Application ID URI has the botid- form
// that Teams requires for an app with a tab and a bot, as webApplicationInfo in the Teams manifest
// and identifierUris in aad.manifest.json state it.
// NOTE: the host is built from the web app name because an app setting cannot read the
// defaultHostName of its own site. The two agree for the classic <name>.azurewebsites.net host.
// With a unique default host name or a custom domain, put that host here, so that the URI matches
// api://<BOT_DOMAIN>/botid-<BOT_ID> of the Teams and Entra manifests.
var tabSsoClientId = botAppId
var tabSsoAppIdUri = 'api://${webAppName}.azurewebsites.net/botid-${botAppId}'
// Built-in role "Storage Table Data Contributor".
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Identity of the web app for Azure resources (AZURE_CLIENT_ID for @azure/identity).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

// Table storage for customers, requests, time entries and bookings.
resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

// Lets the managed identity read and write the tables without the account key.
resource identityTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, identity.id, tableDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverFarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    // Required for a Linux plan.
    reserved: true
  }
}

// The bot endpoint (/api/messages), the tab (/tab) and the tab's API.
resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run serve'
      // Keeps the app process, and with it its in-process timers, running between requests.
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        {
          // Runs the app from the zip that azureAppService/zipDeploy uploads.
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          // The deployment zip already contains node_modules.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          // NOTE: the app reads a connection string today, so this carries the account key.
          // The managed identity already has table access for a key-less setup.
          name: 'AZURE_STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'DESK_TIME_ZONE'
          value: timeZone
        }
        {
          name: 'DESK_HOLIDAY_REGION'
          value: holidayRegion
        }
        {
          name: 'DESK_HOTLINE_PHONE'
          value: hotlinePhone
        }
        {
          name: 'DESK_EMERGENCY_PHONE'
          value: emergencyPhone
        }
        {
          name: 'CONSULTANT_TENANT_ID'
          value: consultantTenantId
        }
        {
          name: 'CONSULTANT_AAD_OBJECT_ID'
          value: consultantAadObjectId
        }
        {
          name: 'CONSULTANT_NAME'
          value: consultantName
        }
        {
          name: 'BOT_ID'
          value: botAppId
        }
        {
          name: 'SECRET_BOT_PASSWORD'
          value: botAppPassword
        }
        {
          name: 'TAB_SSO_CLIENT_ID'
          value: tabSsoClientId
        }
        {
          name: 'TAB_SSO_APP_ID_URI'
          value: tabSsoAppIdUri
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'SingleTenant'
        }
      ]
    }
  }
}

// Azure Bot registrations are SingleTenant: tokens come from the bot app's home tenant.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccount.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_BOT_SERVICE_NAME string = botService.name
output TAB_SSO_CLIENT_ID string = tabSsoClientId
output TAB_SSO_APP_ID_URI string = tabSsoAppIdUri
