using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Surveys;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>Surveys (with their preview JPEG) and one answer row per respondent × survey.</summary>
public sealed class SqliteSurveyStore(SqliteDatabase database) : ISurveyStore
{
    private const string AnswerColumns = "survey_id, respondent_hash, mood, comment, created_at, updated_at";

    public async Task CreateAsync(Survey survey, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var insert = SqliteCommands.Create(connection,
            "INSERT INTO surveys (id, analysis_id, recommendation_id, batch, created_at, preview) VALUES ($id, $analysis, $rec, $batch, $created, $preview)",
            ("$id", survey.Id), ("$analysis", survey.AnalysisId), ("$rec", survey.RecommendationId), ("$batch", (object?)survey.Batch ?? DBNull.Value),
            ("$created", SqliteTimestamps.Format(survey.CreatedAt)), ("$preview", survey.Preview));
        await insert.ExecuteNonQueryAsync(cancellation);
    }

    public async Task<Survey?> FindAsync(string id, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var select = SqliteCommands.Create(connection,
            "SELECT id, analysis_id, recommendation_id, batch, created_at, preview FROM surveys WHERE id = $id", ("$id", id));
        await using var r = await select.ExecuteReaderAsync(cancellation);
        return await r.ReadAsync(cancellation)
            ? new Survey(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), SqliteTimestamps.Parse(r.GetString(4)), (byte[])r[5])
            : null;
    }

    /// <summary>One immediate transaction, as for votes: concurrent answers by one respondent leave exactly one row.</summary>
    public async Task<FeedbackOutcome> RecordAsync(SurveyAnswer answer, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        await using var transaction = await SqliteCommands.BeginImmediateAsync(connection, cancellation);
        var stored = (await ReadAsync(connection, transaction, "survey_id = $key AND respondent_hash = $respondent", answer.SurveyId, cancellation,
            ("$respondent", answer.RespondentHash))).SingleOrDefault();
        if (stored is not null && stored.Mood == answer.Mood && stored.Comment == answer.Comment)
            return FeedbackOutcome.Unchanged;
        using var upsert = SqliteCommands.Create(connection,
            $"""
            INSERT INTO survey_answers ({AnswerColumns}) VALUES ($survey, $respondent, $mood, $comment, $created, $updated)
            ON CONFLICT(survey_id, respondent_hash) DO UPDATE SET mood = excluded.mood, comment = excluded.comment, updated_at = excluded.updated_at
            """,
            ("$survey", answer.SurveyId), ("$respondent", answer.RespondentHash), ("$mood", (object?)answer.Mood ?? DBNull.Value),
            ("$comment", (object?)answer.Comment ?? DBNull.Value), ("$created", SqliteTimestamps.Format(answer.CreatedAt)),
            ("$updated", SqliteTimestamps.Format(answer.UpdatedAt)));
        upsert.Transaction = transaction;
        await upsert.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return stored is null ? FeedbackOutcome.Created : FeedbackOutcome.Changed;
    }

    public async Task<IReadOnlyList<SurveyAnswer>> AnswersAsync(DateTimeOffset? since = null, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        return await ReadAsync(connection, null, "updated_at >= $key", SqliteTimestamps.Format(since ?? DateTimeOffset.MinValue), cancellation);
    }

    public async Task<int> EraseRespondentAsync(string respondentHash, CancellationToken cancellation = default)
    {
        await using var connection = await database.ConnectAsync(cancellation);
        using var delete = SqliteCommands.Create(connection, "DELETE FROM survey_answers WHERE respondent_hash = $key", ("$key", respondentHash));
        return await delete.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<List<SurveyAnswer>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string condition, string key,
        CancellationToken cancellation, params (string Name, object Value)[] more)
    {
        using var command = SqliteCommands.Create(connection, $"SELECT {AnswerColumns} FROM survey_answers WHERE {condition} ORDER BY updated_at, survey_id, respondent_hash",
            [("$key", key), .. more]);
        command.Transaction = transaction;
        await using var r = await command.ExecuteReaderAsync(cancellation);
        var answers = new List<SurveyAnswer>();
        while (await r.ReadAsync(cancellation))
            answers.Add(new SurveyAnswer(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                SqliteTimestamps.Parse(r.GetString(4)), SqliteTimestamps.Parse(r.GetString(5))));
        return answers;
    }
}
