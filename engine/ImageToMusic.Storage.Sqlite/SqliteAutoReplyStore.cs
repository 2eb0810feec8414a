using ImageToMusic.Engine.AutoReplies;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>One row per channel ever switched, holding its latest state.</summary>
public sealed class SqliteAutoReplyStore(SqliteDatabase database) : IAutoReplyStore
{
    public async Task<bool> IsOnAsync(ChatChannel channel, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        return await ReadAsync(connection, null, channel, cancellation);
    }

    /// <summary>Read and written in one immediate transaction, so two switches at once each see the other's result.</summary>
    public async Task<bool> SetAsync(ChatChannel channel, bool on, DateTimeOffset at, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        if (await ReadAsync(connection, transaction, channel, cancellation) == on) return false;
        using var upsert = SqliteCommands.Create(connection,
            """
            INSERT INTO auto_reply_channels (platform, community, channel, is_on, updated_at) VALUES ($platform, $community, $channel, $on, $at)
            ON CONFLICT(platform, community, channel) DO UPDATE SET is_on = excluded.is_on, updated_at = excluded.updated_at
            """,
            ("$platform", channel.Platform), ("$community", channel.Community), ("$channel", channel.Channel), ("$on", on), ("$at", SqliteTimestamps.Format(at)));
        upsert.Transaction = transaction;
        await upsert.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }

    private static async Task<bool> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, ChatChannel channel, CancellationToken cancellation)
    {
        using var select = SqliteCommands.Create(connection,
            "SELECT is_on FROM auto_reply_channels WHERE platform = $platform AND community = $community AND channel = $channel",
            ("$platform", channel.Platform), ("$community", channel.Community), ("$channel", channel.Channel));
        select.Transaction = transaction;
        return await select.ExecuteScalarAsync(cancellation) is long isOn && isOn != 0;
    }
}
