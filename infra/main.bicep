// ImageToMusic on Azure, laid out like the Azure-Samples functions-quickstart-dotnet-azd templates (azd, subscription
// scope, one resource group, identity-based connections), with plain resources in local modules instead of AVM
// registry modules so every property is visible here. See README.md for the choices.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for all resources; must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@secure()
@description('Salt for hashing user ids. azd keeps it in Key Vault and reuses it (main.parameters.json); rotating it orphans existing feedback.')
param userSalt string

@secure()
@description('Bot secrets to store in Key Vault, name → value (e.g. discord-bot-token). Empty is fine; set them later with az keyvault secret set.')
param botSecrets object = {}

@description('The Teams bot\'s Microsoft App ID (its Entra app registration, see README); empty leaves the Teams bot off. Its client secret goes in Key Vault as teams-app-password (botSecrets).')
param teamsAppId string = ''
@description('The Discord application\'s public key (hex, from the Developer Portal; not a secret). Empty leaves the Discord bot off.')
param discordPublicKey string = ''
@minValue(1)
@description('At most this many automatic replies a minute per channel from the Discord Gateway listener.')
param discordChannelRepliesPerMinute int = 10
@description('The gateway\'s image; azd sets SERVICE_GATEWAY_IMAGE_NAME after its first push. Empty: a placeholder until then.')
param gatewayImage string = ''

@description('Object id of the deploying user, given data access for local debugging. Empty to skip.')
param principalId string = ''

// The names the app and the stores agree on, in one place. Partition keys must match docs/storage.md.
var names = {
  uploadsContainer: 'uploads'
  cosmosDatabase: 'imagetomusic'
  cosmosContainers: [
    { name: 'catalog', partitionKey: '/id' }
    { name: 'analyses', partitionKey: '/analysisId' }
    { name: 'feedback', partitionKey: '/recommendationId' }
    { name: 'surveys', partitionKey: '/surveyId' }
    // Per-channel auto-reply switches (Discord guild channels, Teams team channels), read by the Discord gateway.
    { name: 'channels', partitionKey: '/community' }
  ]
  userSaltSecret: 'imagetomusic-user-salt'
  teamsAppPasswordSecret: 'teams-app-password'
  discordBotTokenSecret: 'discord-bot-token'
  analyzeFunction: 'AnalyzeImage'
  followUpsQueue: 'bot-followups'
}

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var deploymentContainer = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity './modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: { name: 'id-${resourceToken}', location: location, tags: tags }
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: { resourceToken: resourceToken, location: location, tags: tags }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containers: [names.uploadsContainer, deploymentContainer]
    queues: [names.followUpsQueue]
  }
}

module cosmos './modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    databaseName: names.cosmosDatabase
    containers: names.cosmosContainers
  }
}

module keyVault './modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    secrets: union(botSecrets, { '${names.userSaltSecret}': userSalt })
  }
}

module roles './modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    principalIds: empty(principalId) ? [identity.outputs.principalId] : [identity.outputs.principalId, principalId]
    storageAccountName: storage.outputs.name
    cosmosAccountName: cosmos.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api './modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    storageAccountName: storage.outputs.name
    deploymentContainer: deploymentContainer
    appSettings: {
      // Host storage, identity-based (Flex Consumption keeps its deployment package here too).
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      // The uploads connection named by AnalyzeImage's blob trigger; the trigger also needs the queue endpoint.
      UploadsStorage__blobServiceUri: storage.outputs.blobEndpoint
      UploadsStorage__queueServiceUri: storage.outputs.queueEndpoint
      UploadsStorage__credential: 'managedidentity'
      UploadsStorage__clientId: identity.outputs.clientId
      UPLOADS_CONTAINER: names.uploadsContainer
      // The bots answer at once and leave the slow work (download, analyse, edit the reply) on this queue, which the
      // BotFollowUp function drains through the host storage connection (AzureWebJobsStorage__queueServiceUri).
      FOLLOWUPS_QUEUE: names.followUpsQueue
      IMAGETOMUSIC_STORE: 'cosmos'
      COSMOS_ENDPOINT: cosmos.outputs.endpoint
      COSMOS_DATABASE: names.cosmosDatabase
      AZURE_CLIENT_ID: identity.outputs.clientId
      IMAGETOMUSIC_USER_SALT: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${names.userSaltSecret}/)'
      TEAMS_APP_ID: teamsAppId
      TEAMS_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${names.teamsAppPasswordSecret}/)'
      TEAMS_APP_TENANT_ID: tenant().tenantId
      DISCORD_PUBLIC_KEY: discordPublicKey
      // Posts the gateway's auto-replies (the BotFollowUp function); interaction replies need no bot token.
      DISCORD_BOT_TOKEN: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${names.discordBotTokenSecret}/)'
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      // Application Insights has local auth off: telemetry is sent with the identity.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
    }
  }
  dependsOn: [roles]
}

// The Discord Gateway listener (`imagetomusic discord gateway`): one always-on container, no ingress. It enqueues
// follow-ups on the same queue, through the same identity and connection names, as the function app.
module gateway './modules/gateway.bicep' = {
  name: 'gateway'
  scope: rg
  params: {
    location: location
    tags: tags
    serviceName: 'gateway'
    containerAppName: 'ca-gateway-${resourceToken}'
    environmentName: 'cae-${resourceToken}'
    registryName: 'cr${resourceToken}'
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityPrincipalId: identity.outputs.principalId
    image: gatewayImage
    keyVaultUri: keyVault.outputs.uri
    botTokenSecretName: names.discordBotTokenSecret
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: names.cosmosDatabase
    queueServiceUri: storage.outputs.queueEndpoint
    followUpsQueue: names.followUpsQueue
    channelRepliesPerMinute: discordChannelRepliesPerMinute
  }
  // The identity's Key Vault, queue and Cosmos roles must exist before the first revision resolves its secret and starts.
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output UPLOADS_CONTAINER string = names.uploadsContainer
output UPLOADS_SYSTEM_TOPIC_NAME string = storage.outputs.systemTopicName
output ANALYZE_FUNCTION_NAME string = names.analyzeFunction
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = gateway.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = gateway.outputs.registryName
output AZURE_CONTAINER_ENVIRONMENT_NAME string = gateway.outputs.environmentName
output SERVICE_GATEWAY_NAME string = gateway.outputs.name
