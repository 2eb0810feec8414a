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
    public FeedbackOutcome Record(FeedbackVote vote)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var stored = Read(connection, transaction, "id = $key", vote.Id).SingleOrDefault();
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
        upsert.ExecuteNonQuery();
        transaction.Commit();
        return stored is null ? FeedbackOutcome.Created : FeedbackOutcome.Changed;
    }

    public IReadOnlyList<FeedbackVote> ForRecommendation(string recommendationId)
    {
        using var connection = database.Connect();
        return Read(connection, null, "recommendation_id = $key", recommendationId);
    }

    public IReadOnlyList<FeedbackVote> ForCommunity(string community)
    {
        using var connection = database.Connect();
        return Read(connection, null, "community = $key", community);
    }

    /// <summary>Timestamps are fixed-width UTC text (<see cref="SqliteTimestamps"/>), so comparing the text compares the instants.</summary>
    public IReadOnlyList<FeedbackVote> All(DateTimeOffset? since = null)
    {
        using var connection = database.Connect();
        return Read(connection, null, "updated_at >= $key", SqliteTimestamps.Format(since ?? DateTimeOffset.MinValue), "updated_at, id");
    }

    public int EraseCommunity(string community) => Delete("community = $key", community);

    public int EraseUser(string userHash) => Delete("user_hash = $key", userHash);

    private int Delete(string condition, string key)
    {
        using var connection = database.Connect();
        using var command = SqliteCommands.Create(connection, $"DELETE FROM feedback WHERE {condition}", ("$key", key));
        return command.ExecuteNonQuery();
    }

    private static List<FeedbackVote> Read(SqliteConnection connection, SqliteTransaction? transaction, string condition, string key,
        string order = "created_at, id")
    {
        using var command = SqliteCommands.Create(connection, $"SELECT {Columns} FROM feedback WHERE {condition} ORDER BY {order}", ("$key", key));
        command.Transaction = transaction;
        using var r = command.ExecuteReader();
        var votes = new List<FeedbackVote>();
        while (r.Read())
            votes.Add(new FeedbackVote(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<Vote>(r.GetString(3)), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), SqliteTimestamps.Parse(r.GetString(6)), SqliteTimestamps.Parse(r.GetString(7))));
        return votes;
    }
}
