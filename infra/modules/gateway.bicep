// The Discord Gateway listener: `imagetomusic discord gateway` in a Container App. It holds one long-lived WebSocket
// to Discord and, for each photo posted in an opted-in channel, enqueues a follow-up on the queue the function app's
// BotFollowUp trigger drains. A Gateway session is stateful and long-lived, which Functions cannot host, and two
// sessions would both answer each photo: so exactly one replica, always on, and no ingress (outbound only).
// Also here: the registry azd pushes the image to (the identity pulls with AcrPull) and the Container Apps
// environment, whose logs go to the shared Log Analytics workspace through a diagnostic setting (no shared key).
param location string
param tags object
@description('The azd service name (azure.yaml): the container app carries it as azd-service-name so azd deploy finds it.')
param serviceName string
param containerAppName string
param environmentName string
@description('Registry name: 5-50 alphanumerics, globally unique.')
param registryName string
@description('Log Analytics workspace (resource id) the environment\'s console and system logs go to.')
param logAnalyticsWorkspaceId string

@description('User-assigned identity the app runs as: resource id, client id (AZURE_CLIENT_ID) and principal id (AcrPull).')
param identityId string
param identityClientId string
param identityPrincipalId string

@description('The image to run. Empty before azd has pushed one (first provision): a public placeholder runs until `azd deploy` replaces it.')
param image string = ''

@description('Key Vault URI (ends with /) and the name of the secret holding the Discord bot token.')
param keyVaultUri string
param botTokenSecretName string

param cosmosEndpoint string
param cosmosDatabase string
@description('Queue endpoint of the storage account holding the follow-up queue (identity-based, as the function app\'s host connection).')
param queueServiceUri string
param followUpsQueue string
@minValue(1)
@description('How many automatic replies the gateway posts per channel per minute at most.')
param channelRepliesPerMinute int

var roleIds = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
}
// The container app's own name for the Key Vault secret it references (lowercase alphanumerics and '-').
var botTokenSecretRef = 'discord-bot-token'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: false // no keys: azd pushes with the deployer's Entra token; the app pulls with its identity
  }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identityPrincipalId, roleIds.acrPull)
  scope: registry
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.acrPull)
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    // Logs reach Log Analytics through the diagnostic setting below rather than the workspace's shared key.
    appLogsConfiguration: { destination: 'azure-monitor' }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: containerAppName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      // No ingress: the gateway only makes outbound connections (Discord's Gateway and API, the queue, Cosmos).
      activeRevisionsMode: 'Single'
      registries: [{ server: registry.properties.loginServer, identity: identityId }]
      secrets: [
        {
          name: botTokenSecretRef
          keyVaultUrl: '${keyVaultUri}secrets/${botTokenSecretName}'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'gateway'
          image: empty(image) ? 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest' : image
          // The image's ENTRYPOINT is the CLI (Dockerfile); these are its arguments.
          args: ['discord', 'gateway']
          resources: { cpu: json('0.25'), memory: '0.5Gi' }
          env: [
            { name: 'DISCORD_BOT_TOKEN', secretRef: botTokenSecretRef }
            { name: 'DISCORD_CHANNEL_REPLIES_PER_MINUTE', value: string(channelRepliesPerMinute) }
            { name: 'IMAGETOMUSIC_STORE', value: 'cosmos' }
            { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint }
            { name: 'COSMOS_DATABASE', value: cosmosDatabase }
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'FOLLOWUPS_QUEUE', value: followUpsQueue }
            { name: 'AzureWebJobsStorage__queueServiceUri', value: queueServiceUri }
          ]
        }
      ]
      // Exactly one: a second replica would open a second Gateway session and answer every photo twice; none would miss them.
      scale: { minReplicas: 1, maxReplicas: 1 }
    }
  }
  dependsOn: [acrPull]
}

output name string = app.name
output environmentName string = environment.name
output registryName string = registry.name
output registryLoginServer string = registry.properties.loginServer
