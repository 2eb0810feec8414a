using ImageToMusic.Engine.Music;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>
/// The catalog in SQLite: one row per track in <c>tracks</c> (match_key unique, so the same song
/// cannot be stored twice under two ids) and its genres, in order, in <c>track_genres</c>.
/// </summary>
public sealed class SqliteCatalogStore(SqliteDatabase database) : ICatalogStore
{
    private const string TrackColumns =
        "id, match_key, title, artist, album, explicit, year, popularity, link, valence, energy, danceability, acousticness, " +
        "instrumentalness, speechiness, liveness, tempo_bpm, loudness_db, key, mode, duration_ms, time_signature, is_song";

    public async Task<IReadOnlyList<Track>> LoadAllAsync(CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        var genres = new Dictionary<string, List<string>>();
        using (var command = SqliteCommands.Create(connection, "SELECT track_id, genre FROM track_genres ORDER BY track_id, position"))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
            {
                var trackId = reader.GetString(0);
                if (!genres.TryGetValue(trackId, out var list)) genres[trackId] = list = [];
                list.Add(reader.GetString(1));
            }

        var tracks = new List<Track>();
        using (var command = SqliteCommands.Create(connection, $"SELECT {TrackColumns} FROM tracks ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                tracks.Add(ReadTrack(reader, genres.GetValueOrDefault(reader.GetString(0)) ?? []));
        return tracks;
    }

    public async Task<Track?> FindAsync(string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var genreCommand = SqliteCommands.Create(connection, "SELECT genre FROM track_genres WHERE track_id = $id ORDER BY position", ("$id", id));
        var genres = new List<string>();
        await using (var reader = await genreCommand.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation)) genres.Add(reader.GetString(0));

        using var command = SqliteCommands.Create(connection, $"SELECT {TrackColumns} FROM tracks WHERE id = $id", ("$id", id));
        await using var trackReader = await command.ExecuteReaderAsync(cancellation);
        return await trackReader.ReadAsync(cancellation) ? ReadTrack(trackReader, genres) : null;
    }

    public async Task<int> CountAsync(CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var command = SqliteCommands.Create(connection, "SELECT count(*) FROM tracks");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellation));
    }

    /// <summary>
    /// Replaces each track by id inside one transaction with prepared commands (10k tracks take well under
    /// a second). A track whose match key belongs to a different stored id fails the whole batch.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch broke a constraint; nothing was saved.</exception>
    public async Task SaveAsync(IReadOnlyCollection<Track> tracks, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        // Deleting cascades to the genres, so a replaced track never keeps stale ones.
        using var delete = SqliteCommands.Create(connection, "DELETE FROM tracks WHERE id = $id");
        using var insert = SqliteCommands.Create(connection, $"INSERT INTO tracks ({TrackColumns}) VALUES ({string.Join(", ", TrackColumns.Split(", ").Select(c => "$" + c))})");
        using var insertGenre = SqliteCommands.Create(connection, "INSERT INTO track_genres (track_id, position, genre) VALUES ($track_id, $position, $genre)");
        foreach (var command in new[] { delete, insert, insertGenre }) command.Transaction = transaction;
        // Parameters without a fixed type take the type of each value (REAL, INTEGER, TEXT or NULL).
        delete.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var column in TrackColumns.Split(", ")) insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        foreach (var name in new[] { "$track_id", "$position", "$genre" }) insertGenre.Parameters.Add(new SqliteParameter { ParameterName = name });

        try
        {
            foreach (var track in tracks)
            {
                delete.Parameters[0].Value = track.Id;
                await delete.ExecuteNonQueryAsync(cancellation);
                BindTrack(insert.Parameters, track);
                await insert.ExecuteNonQueryAsync(cancellation);
                for (var position = 0; position < track.Genres.Count; position++)
                {
                    insertGenre.Parameters[0].Value = track.Id;
                    insertGenre.Parameters[1].Value = position;
                    insertGenre.Parameters[2].Value = track.Genres[position];
                    await insertGenre.ExecuteNonQueryAsync(cancellation);
                }
            }
            await transaction.CommitAsync(cancellation);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraintError)
        {
            throw new InvalidOperationException($"Saving {tracks.Count} tracks failed and nothing was saved: {e.Message}", e);
        }
    }

    private const int SqliteConstraintError = 19;

    private static void BindTrack(SqliteParameterCollection p, Track t)
    {
        var f = t.Features;
        object?[] values =
        [
            t.Id, t.MatchKey, t.Title, t.Artist, t.Album, t.Explicit, t.Year, t.Popularity, t.Link,
            f.Valence, f.Energy, f.Danceability, f.Acousticness, f.Instrumentalness, f.Speechiness, f.Liveness,
            f.TempoBpm, f.LoudnessDb, f.Key, f.Mode, f.DurationMs, f.TimeSignature, t.SongOverride,
        ];
        for (var i = 0; i < values.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
    }

    private static Track ReadTrack(SqliteDataReader r, IReadOnlyList<string> genres)
    {
        int? OptionalInt(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        string? OptionalText(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Track(
            Id: r.GetString(0),
            Title: r.GetString(2),
            Artist: r.GetString(3),
            Features: new AudioFeatures(
                r.GetDouble(9), r.GetDouble(10), r.GetDouble(11), r.GetDouble(12), r.GetDouble(13), r.GetDouble(14), r.GetDouble(15),
                r.GetDouble(16), r.GetDouble(17), OptionalInt(18), OptionalInt(19), OptionalInt(20), OptionalInt(21)),
            Album: OptionalText(4),
            Genres: genres,
            Explicit: r.IsDBNull(5) ? null : r.GetBoolean(5),
            Year: OptionalInt(6),
            Popularity: OptionalInt(7),
            Link: OptionalText(8),
            SongOverride: r.IsDBNull(22) ? null : r.GetBoolean(22));
    }
}
