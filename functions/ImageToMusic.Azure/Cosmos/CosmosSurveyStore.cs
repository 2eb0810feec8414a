using System.Globalization;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Surveys;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// Surveys and their answers in one container by /surveyId: a survey is one partition holding the survey document
/// (id = the survey id) and one answer document per respondent (id = "answer-" + respondent hash).
/// </summary>
public sealed class CosmosSurveyStore(Container container) : ISurveyStore
{
    private const string SurveyKind = "survey";
    private const string AnswerKind = "answer";

    public Task CreateAsync(Survey survey, CancellationToken cancellation = default) =>
        container.CreateItemAsync(SurveyDocument.From(survey), new PartitionKey(survey.Id), cancellationToken: cancellation);

    public async Task<Survey?> FindAsync(string id, CancellationToken cancellation = default) =>
        (await CosmosQueries.FindAsync<SurveyDocument>(container, id, new PartitionKey(id), cancellation))?.Resource is { Kind: SurveyKind } document
            ? document.ToSurvey()
            : null;

    /// <summary>One answer document per respondent, written like votes (<see cref="CosmosQueries.RecordLatestAsync"/>).</summary>
    public Task<FeedbackOutcome> RecordAsync(SurveyAnswer answer, CancellationToken cancellation = default) =>
        CosmosQueries.RecordLatestAsync(container, AnswerDocument.IdOf(answer.RespondentHash), new PartitionKey(answer.SurveyId), AnswerDocument.From(answer),
            stored => stored.Mood == answer.Mood && stored.Comment == answer.Comment,
            stored => AnswerDocument.From(answer with { CreatedAt = stored.CreatedAt }), cancellation);

    /// <summary>Cross-partition, with the same 14-hour margin on offset-carrying date text as <see cref="CosmosFeedbackStore.AllAsync"/>.</summary>
    public async Task<IReadOnlyList<SurveyAnswer>> AnswersAsync(DateTimeOffset? since = null, CancellationToken cancellation = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.updatedAt >= @lowerBound")
            .WithParameter("@kind", AnswerKind)
            .WithParameter("@lowerBound", since is { } from ? from.UtcDateTime.AddHours(-14).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : "");
        return (await CosmosQueries.ReadAllAsync<AnswerDocument>(container, query, cancellation))
            .Select(d => d.ToAnswer())
            .Where(a => since is null || a.UpdatedAt >= since)
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.SurveyId, StringComparer.Ordinal).ThenBy(a => a.RespondentHash, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<int> EraseRespondentAsync(string respondentHash, CancellationToken cancellation = default) =>
        await CosmosQueries.DeleteEachAsync(container, (await CosmosQueries.ReadAllAsync<AnswerDocument>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.respondentHash = @hash").WithParameter("@kind", AnswerKind).WithParameter("@hash", respondentHash),
                cancellation))
            .Select(a => (a.Id, a.SurveyId)), cancellation);

    private sealed record SurveyDocument(string Id, string SurveyId, string Kind, string AnalysisId, string RecommendationId, string? Batch,
        DateTimeOffset CreatedAt, byte[] Preview)
    {
        public static SurveyDocument From(Survey s) => new(s.Id, s.Id, SurveyKind, s.AnalysisId, s.RecommendationId, s.Batch, s.CreatedAt, s.Preview);
        public Survey ToSurvey() => new(Id, AnalysisId, RecommendationId, Batch, CreatedAt, Preview);
    }

    private sealed record AnswerDocument(string Id, string SurveyId, string Kind, string RespondentHash, string? Mood, string? Comment,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static string IdOf(string respondentHash) => "answer-" + respondentHash;
        public static AnswerDocument From(SurveyAnswer a) => new(IdOf(a.RespondentHash), a.SurveyId, AnswerKind, a.RespondentHash, a.Mood, a.Comment, a.CreatedAt, a.UpdatedAt);
        public SurveyAnswer ToAnswer() => new(SurveyId, RespondentHash, Mood, Comment, CreatedAt, UpdatedAt);
    }
}
