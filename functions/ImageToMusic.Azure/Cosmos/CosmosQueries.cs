using ImageToMusic.Engine.Feedback;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

internal static class CosmosQueries
{
    /// <summary>
    /// Every result of a parameterised query, read page by page (each page resumes from the previous one's
    /// continuation token). With a partition key the query stays inside that partition.
    /// </summary>
    public static async Task<List<T>> ReadAllAsync<T>(Container container, QueryDefinition query, CancellationToken cancellation, PartitionKey? partitionKey = null,
        int pageSize = 1000)
    {
        var results = new List<T>();
        string? continuation = null;
        do
        {
            using var iterator = container.GetItemQueryIterator<T>(query, continuation,
                new QueryRequestOptions { PartitionKey = partitionKey, MaxItemCount = pageSize });
            var page = await iterator.ReadNextAsync(cancellation);
            results.AddRange(page);
            continuation = page.ContinuationToken;
        } while (continuation is not null);
        return results;
    }

    /// <summary>A point read; null when there is no such item.</summary>
    public static async Task<ItemResponse<T>?> FindAsync<T>(Container container, string id, PartitionKey partitionKey, CancellationToken cancellation)
    {
        try
        {
            return await container.ReadItemAsync<T>(id, partitionKey, cancellationToken: cancellation);
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the item unless one with its id is already stored (then leaves that one as it is).</summary>
    public static async Task CreateIfAbsentAsync<T>(Container container, T item, PartitionKey partitionKey, CancellationToken cancellation)
    {
        try
        {
            await container.CreateItemAsync(item, partitionKey, cancellationToken: cancellation);
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Stored by an earlier delivery (or a concurrent one): stored records are never rewritten.
        }
    }

    /// <summary>
    /// Deletes each item in its own partition (Cosmos deletes one item at a time across partitions); returns how many
    /// it deleted. An item already gone, erased by a concurrent call, is not counted.
    /// </summary>
    public static async Task<int> DeleteEachAsync(Container container, IEnumerable<(string Id, string PartitionKey)> items, CancellationToken cancellation)
    {
        var deleted = 0;
        foreach (var (id, partitionKey) in items)
        {
            using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellation);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound) continue; // erased meanwhile by another call, which counts it
            response.EnsureSuccessStatusCode();
            deleted++;
        }
        return deleted;
    }

    /// <summary>
    /// Stores <paramref name="latest"/> as the one item under its id, with optimistic concurrency: read, then create
    /// (refused with 409 if another call created it first) or replace only if the item is still the one read (412
    /// otherwise). Either refusal means another call got there first, so it starts over from a fresh read: one item
    /// survives and every call decides from the newest. <paramref name="same"/> says the stored item already says
    /// this (nothing written); <paramref name="replacing"/> makes the replacement from the stored item (to keep when
    /// it was first written).
    /// </summary>
    public static async Task<FeedbackOutcome> RecordLatestAsync<T>(Container container, string id, PartitionKey partition, T latest, Func<T, bool> same,
        Func<T, T> replacing, CancellationToken cancellation)
    {
        while (true)
        {
            var stored = await FindAsync<T>(container, id, partition, cancellation);
            try
            {
                if (stored is null)
                {
                    await container.CreateItemAsync(latest, partition, cancellationToken: cancellation);
                    return FeedbackOutcome.Created;
                }
                if (same(stored.Resource))
                    return FeedbackOutcome.Unchanged;
                await container.ReplaceItemAsync(replacing(stored.Resource), id, partition, new ItemRequestOptions { IfMatchEtag = stored.ETag }, cancellation);
                return FeedbackOutcome.Changed;
            }
            catch (CosmosException e) when (e.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
            {
                // Another call wrote first: decide again from what it stored.
            }
        }
    }
}
