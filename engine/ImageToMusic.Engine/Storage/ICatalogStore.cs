using ImageToMusic.Engine.Music;

namespace ImageToMusic.Engine.Storage;

/// <summary>
/// Where the song catalog lives. Deliberately small (whole-catalog reads, id lookups, batch
/// upserts) so an embedded SQLite file and a Cosmos DB container can both implement it;
/// merging and validation happen in the engine, not here.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Every track, ordered by id (so rankings built on it are deterministic).</summary>
    Task<IReadOnlyList<Track>> LoadAllAsync(CancellationToken cancellation = default);

    Task<Track?> FindAsync(string id, CancellationToken cancellation = default);

    Task<int> CountAsync(CancellationToken cancellation = default);

    /// <summary>
    /// Inserts or replaces each track by id. SQLite saves the batch all or nothing; Cosmos DB cannot (tracks lie in
    /// different partitions and its transactions never span them), so a failed call there may leave part of the
    /// batch saved, and saving the same batch again completes it (docs/storage.md).
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<Track> tracks, CancellationToken cancellation = default);
}
