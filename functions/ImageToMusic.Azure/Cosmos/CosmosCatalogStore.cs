using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// The catalog in Cosmos DB: one document per track (the <see cref="Track"/> itself, partitioned by /id).
/// Unlike SQLite it cannot refuse the same song under two ids (unique keys hold only within one partition),
/// and a batch is not all or nothing: see <see cref="SaveAsync"/>.
/// </summary>
public sealed class CosmosCatalogStore(Container container, int pageSize = 1000) : ICatalogStore
{
    // Enough requests in flight to keep an import moving without flooding a small account with throttled retries.
    private const int ConcurrentWrites = 16;

    public async Task<IReadOnlyList<Track>> LoadAllAsync(CancellationToken cancellation = default) =>
        await CosmosQueries.ReadAllAsync<Track>(container, new QueryDefinition("SELECT * FROM c ORDER BY c.id"), cancellation, pageSize: pageSize);

    public async Task<Track?> FindAsync(string id, CancellationToken cancellation = default) =>
        (await CosmosQueries.FindAsync<Track>(container, id, new PartitionKey(id), cancellation))?.Resource;

    public async Task<int> CountAsync(CancellationToken cancellation = default) =>
        (await CosmosQueries.ReadAllAsync<int>(container, new QueryDefinition("SELECT VALUE COUNT(1) FROM c"), cancellation)).Sum();

    /// <summary>
    /// Upserts each track on its own: tracks live in different partitions, and Cosmos transactions never span
    /// partitions. If the call fails, some tracks may be saved; saving the same batch again completes it.
    /// </summary>
    public Task SaveAsync(IReadOnlyCollection<Track> tracks, CancellationToken cancellation = default) =>
        Parallel.ForEachAsync(tracks, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellation },
            async (track, cancellationToken) => await container.UpsertItemAsync(track, new PartitionKey(track.Id), cancellationToken: cancellationToken));
}
