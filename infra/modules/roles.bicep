// Data-plane roles for the app's identity (and optionally the deploying user): no keys anywhere.
param principalIds array
param storageAccountName string
param cosmosAccountName string
param keyVaultName string
param applicationInsightsName string

var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // blob trigger receipts; the follow-up queue (send, receive, delete) and its poison queue
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // host state
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cosmosBuiltInDataContributor: '00000000-0000-0000-0000-000000000002' // a Cosmos SQL role, not an Azure RBAC role
}
var storageRoles = [roleIds.storageBlobDataOwner, roleIds.storageQueueDataContributor, roleIds.storageTableDataContributor]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: cosmosAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for pair in flatten(map(principalIds, p => map(storageRoles, r => { principal: p, role: r }))): {
  name: guid(storage.id, pair.principal, pair.role)
  scope: storage
  properties: {
    principalId: pair.principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.role)
  }
}]

resource secretsAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principal in principalIds: {
  name: guid(vault.id, principal, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
  }
}]

resource metricsAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principal in principalIds: {
  name: guid(appInsights.id, principal, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
  }
}]

resource cosmosAssignments 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for principal in principalIds: {
  parent: cosmos
  name: guid(cosmos.id, principal, roleIds.cosmosBuiltInDataContributor)
  properties: {
    principalId: principal
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roleIds.cosmosBuiltInDataContributor}'
    scope: cosmos.id
  }
}]
