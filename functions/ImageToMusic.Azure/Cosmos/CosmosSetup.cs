using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// Creates the database and its containers when missing. For keyed access (the local server): on Azure the
/// app's identity has data-plane rights only, so infra/ creates them and the app never calls this.
/// </summary>
public static class CosmosSetup
{
    public static async Task EnsureCreatedAsync(CosmosClient client, string databaseName, CancellationToken cancellationToken = default)
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: cancellationToken);
        foreach (var (name, partitionKeyPath) in CosmosContainers.All)
            await database.CreateContainerIfNotExistsAsync(new ContainerProperties(name, partitionKeyPath), cancellationToken: cancellationToken);
    }
}
