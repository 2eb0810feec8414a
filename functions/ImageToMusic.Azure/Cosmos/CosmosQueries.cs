using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

internal static class CosmosQueries
{
    /// <summary>
    /// Every result of a parameterised query, read page by page (each page resumes from the previous one's
    /// continuation token). With a partition key the query stays inside that partition.
    /// </summary>
    public static List<T> ReadAll<T>(Container container, QueryDefinition query, PartitionKey? partitionKey = null, int pageSize = 1000)
    {
        var results = new List<T>();
        string? continuation = null;
        do
        {
            using var iterator = container.GetItemQueryIterator<T>(query, continuation,
                new QueryRequestOptions { PartitionKey = partitionKey, MaxItemCount = pageSize });
            var page = iterator.ReadNextAsync().GetAwaiter().GetResult();
            results.AddRange(page);
            continuation = page.ContinuationToken;
        } while (continuation is not null);
        return results;
    }

    /// <summary>A point read; null when there is no such item.</summary>
    public static ItemResponse<T>? Find<T>(Container container, string id, PartitionKey partitionKey)
    {
        try
        {
            return container.ReadItemAsync<T>(id, partitionKey).GetAwaiter().GetResult();
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the item unless one with its id is already stored (then leaves that one as it is).</summary>
    public static async Task CreateIfAbsentAsync<T>(Container container, T item, PartitionKey partitionKey)
    {
        try
        {
            await container.CreateItemAsync(item, partitionKey);
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Stored by an earlier delivery (or a concurrent one): stored records are never rewritten.
        }
    }
}
