using ImageToMusic.Engine.Feedback;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>Thumbs up and down in SQLite, one row per <see cref="FeedbackVote.Id"/>.</summary>
public sealed class SqliteFeedbackStore(SqliteDatabase database) : IFeedbackStore
{
    private const string Columns = "recommendation_id, track_id, user_hash, vote, platform, community, created_at, updated_at";

    /// <summary>
    /// Reads and writes in one immediate transaction: it takes the write lock at its start, so concurrent calls
    /// for the same id run one after another and each sees what the one before stored.
    /// </summary>
    public async Task<FeedbackOutcome> RecordAsync(FeedbackVote vote, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        var stored = (await ReadAsync(connection, transaction, "id = $key", vote.Id, cancellation)).SingleOrDefault();
        if (stored?.Vote == vote.Vote)
            return FeedbackOutcome.Unchanged;

        using var upsert = SqliteCommands.Create(connection,
            $"""
            INSERT INTO feedback (id, {Columns}) VALUES ($id, $rec, $track, $user, $vote, $platform, $community, $created_at, $updated_at)
            ON CONFLICT(id) DO UPDATE SET vote = excluded.vote, platform = excluded.platform, community = excluded.community, updated_at = excluded.updated_at
            """,
            ("$id", vote.Id), ("$rec", vote.RecommendationId), ("$track", vote.TrackId), ("$user", vote.UserHash), ("$vote", vote.Vote.ToString()),
            ("$platform", vote.Platform), ("$community", (object?)vote.Community ?? DBNull.Value),
            ("$created_at", SqliteTimestamps.Format(vote.CreatedAt)), ("$updated_at", SqliteTimestamps.Format(vote.UpdatedAt)));
        upsert.Transaction = transaction;
        await upsert.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return stored is null ? FeedbackOutcome.Created : FeedbackOutcome.Changed;
    }

    public async Task<IReadOnlyList<FeedbackVote>> ForRecommendationAsync(string recommendationId, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        return await ReadAsync(connection, null, "recommendation_id = $key", recommendationId, cancellation);
    }

    public async Task<IReadOnlyList<FeedbackVote>> ForCommunityAsync(string community, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        return await ReadAsync(connection, null, "community = $key", community, cancellation);
    }

    /// <summary>Timestamps are fixed-width UTC text (<see cref="SqliteTimestamps"/>), so comparing the text compares the instants.</summary>
    public async Task<IReadOnlyList<FeedbackVote>> AllAsync(DateTimeOffset? since = null, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        return await ReadAsync(connection, null, "updated_at >= $key", SqliteTimestamps.Format(since ?? DateTimeOffset.MinValue), cancellation, "updated_at, id");
    }

    public Task<int> EraseCommunityAsync(string community, CancellationToken cancellation = default) => DeleteAsync("community = $key", community, cancellation);

    public Task<int> EraseUserAsync(string userHash, CancellationToken cancellation = default) => DeleteAsync("user_hash = $key", userHash, cancellation);

    private async Task<int> DeleteAsync(string condition, string key, CancellationToken cancellation)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var command = SqliteCommands.Create(connection, $"DELETE FROM feedback WHERE {condition}", ("$key", key));
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<List<FeedbackVote>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string condition, string key,
        CancellationToken cancellation, string order = "created_at, id")
    {
        using var command = SqliteCommands.Create(connection, $"SELECT {Columns} FROM feedback WHERE {condition} ORDER BY {order}", ("$key", key));
        command.Transaction = transaction;
        await using var r = await command.ExecuteReaderAsync(cancellation);
        var votes = new List<FeedbackVote>();
        while (await r.ReadAsync(cancellation))
            votes.Add(new FeedbackVote(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<Vote>(r.GetString(3)), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), SqliteTimestamps.Parse(r.GetString(6)), SqliteTimestamps.Parse(r.GetString(7))));
        return votes;
    }
}
