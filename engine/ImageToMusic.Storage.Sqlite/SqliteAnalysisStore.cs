using System.Text.Json;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Vision;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>
/// Analyses and recommendations in SQLite. Emotions and visual evidence are kept as JSON: they are
/// read back whole, never queried by part. Recommended tracks keep their title and artist so feedback
/// can name what a person saw even after the catalog changes.
/// </summary>
public sealed class SqliteAnalysisStore(SqliteDatabase database) : IAnalysisStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Saves both in one transaction. Records already stored are kept as they are (a second recommendation
    /// for the same photo, or the same blob delivered twice): stored records are never rewritten.
    /// </summary>
    public async Task SaveAsync(AnalysisRecord analysis, RecommendationRecord recommendation, CancellationToken cancellation = default)
    {
        if (recommendation.AnalysisId != analysis.Id)
            throw new ArgumentException($"Recommendation {recommendation.Id} belongs to analysis {recommendation.AnalysisId}, not {analysis.Id}.", nameof(recommendation));

        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        await ExecuteAsync(connection, transaction, cancellation,
            """
            INSERT INTO analyses (id, created_at, source, image_sha256, model_version, valence, arousal, emotions_json, evidence_json, timings_json, source_version)
            VALUES ($id, $created_at, $source, $sha, $model, $valence, $arousal, $emotions, $evidence, $timings, $version)
            ON CONFLICT(id) DO NOTHING
            """,
            ("$id", analysis.Id), ("$created_at", SqliteTimestamps.Format(analysis.CreatedAt)), ("$source", analysis.Source),
            ("$sha", analysis.ImageSha256), ("$model", analysis.ModelVersion), ("$valence", analysis.Valence), ("$arousal", analysis.Arousal),
            ("$emotions", JsonSerializer.Serialize(analysis.Emotions, Json)), ("$evidence", JsonSerializer.Serialize(analysis.Evidence, Json)),
            ("$timings", analysis.Timings is null ? DBNull.Value : JsonSerializer.Serialize(analysis.Timings, Json)),
            ("$version", (object?)analysis.SourceVersion ?? DBNull.Value));
        var isNew = await ExecuteAsync(connection, transaction, cancellation,
            "INSERT INTO recommendations (id, analysis_id, created_at, options) VALUES ($id, $analysis, $created_at, $options) ON CONFLICT(id) DO NOTHING",
            ("$id", recommendation.Id), ("$analysis", recommendation.AnalysisId), ("$created_at", SqliteTimestamps.Format(recommendation.CreatedAt)), ("$options", recommendation.Options)) == 1;
        foreach (var track in isNew ? recommendation.Tracks : [])
            await ExecuteAsync(connection, transaction, cancellation,
                "INSERT INTO recommendation_tracks (recommendation_id, rank, track_id, title, artist, score, reason) VALUES ($rec, $rank, $track, $title, $artist, $score, $reason)",
                ("$rec", recommendation.Id), ("$rank", track.Rank), ("$track", track.TrackId), ("$title", track.Title),
                ("$artist", track.Artist), ("$score", track.Score), ("$reason", track.Reason));
        await transaction.CommitAsync(cancellation);
    }

    public async Task SaveFailureAsync(AnalysisFailureRecord failure, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        await ExecuteAsync(connection, transaction, cancellation,
            "INSERT INTO analysis_failures (id, created_at, source, error_code, error_message) VALUES ($id, $created_at, $source, $code, $message) ON CONFLICT(id) DO NOTHING",
            ("$id", failure.Id), ("$created_at", SqliteTimestamps.Format(failure.CreatedAt)), ("$source", failure.Source), ("$code", failure.ErrorCode), ("$message", failure.ErrorMessage));
        await transaction.CommitAsync(cancellation);
    }

    public async Task<AnalysisRecord?> FindAnalysisAsync(string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var command = SqliteCommands.Create(connection,
            "SELECT id, created_at, source, image_sha256, model_version, valence, arousal, emotions_json, evidence_json, timings_json, source_version FROM analyses WHERE id = $id", ("$id", id));
        await using var r = await command.ExecuteReaderAsync(cancellation);
        if (!await r.ReadAsync(cancellation)) return null;
        return new AnalysisRecord(
            r.GetString(0), SqliteTimestamps.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5), r.GetDouble(6),
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(7), Json)!,
            JsonSerializer.Deserialize<VisualEvidence>(r.GetString(8), Json)!,
            r.IsDBNull(9) ? null : JsonSerializer.Deserialize<AnalysisTimings>(r.GetString(9), Json),
            r.IsDBNull(10) ? null : r.GetString(10));
    }

    public async Task<AnalysisFailureRecord?> FindFailureAsync(string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var command = SqliteCommands.Create(connection,
            "SELECT id, created_at, source, error_code, error_message FROM analysis_failures WHERE id = $id", ("$id", id));
        await using var r = await command.ExecuteReaderAsync(cancellation);
        return await r.ReadAsync(cancellation) ? new AnalysisFailureRecord(r.GetString(0), SqliteTimestamps.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)) : null;
    }

    public async Task<RecommendationRecord?> FindRecommendationAsync(string id, CancellationToken cancellation = default) =>
        (await RecommendationsAsync("id = $key", id, cancellation)).SingleOrDefault();

    public async Task<IReadOnlyList<RecommendationRecord>> RecommendationsForAsync(string analysisId, CancellationToken cancellation = default) =>
        await RecommendationsAsync("analysis_id = $key", analysisId, cancellation);

    private async Task<List<RecommendationRecord>> RecommendationsAsync(string condition, string key, CancellationToken cancellation)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        var headers = new List<(string Id, string AnalysisId, DateTimeOffset CreatedAt, string Options)>();
        using (var command = SqliteCommands.Create(connection,
                   $"SELECT id, analysis_id, created_at, options FROM recommendations WHERE {condition} ORDER BY created_at, id", ("$key", key)))
        await using (var r = await command.ExecuteReaderAsync(cancellation))
            while (await r.ReadAsync(cancellation)) headers.Add((r.GetString(0), r.GetString(1), SqliteTimestamps.Parse(r.GetString(2)), r.GetString(3)));

        using var tracksCommand = SqliteCommands.Create(connection,
            "SELECT rank, track_id, title, artist, score, reason FROM recommendation_tracks WHERE recommendation_id = $id ORDER BY rank");
        var idParameter = tracksCommand.Parameters.AddWithValue("$id", "");
        var recommendations = new List<RecommendationRecord>(headers.Count);
        foreach (var h in headers)
        {
            idParameter.Value = h.Id;
            var tracks = new List<RecommendedTrack>();
            await using var r = await tracksCommand.ExecuteReaderAsync(cancellation);
            while (await r.ReadAsync(cancellation)) tracks.Add(new RecommendedTrack(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetString(5)));
            recommendations.Add(new RecommendationRecord(h.Id, h.AnalysisId, h.CreatedAt, h.Options, tracks));
        }
        return recommendations;
    }

    /// <returns>Rows changed.</returns>
    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellation, string sql,
        params (string Name, object Value)[] parameters)
    {
        using var command = SqliteCommands.Create(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellation);
    }
}
