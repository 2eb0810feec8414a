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

    public void Create(Survey survey) =>
        container.CreateItemAsync(SurveyDocument.From(survey), new PartitionKey(survey.Id)).GetAwaiter().GetResult();

    public Survey? Find(string id) => CosmosQueries.Find<SurveyDocument>(container, id, new PartitionKey(id))?.Resource is { Kind: SurveyKind } document
        ? document.ToSurvey()
        : null;

    /// <summary>One answer document per respondent, written like votes (<see cref="CosmosQueries.RecordLatest"/>).</summary>
    public FeedbackOutcome Record(SurveyAnswer answer) =>
        CosmosQueries.RecordLatest(container, AnswerDocument.IdOf(answer.RespondentHash), new PartitionKey(answer.SurveyId), AnswerDocument.From(answer),
            stored => stored.Mood == answer.Mood && stored.Comment == answer.Comment,
            stored => AnswerDocument.From(answer with { CreatedAt = stored.CreatedAt }));

    /// <summary>Cross-partition, with the same 14-hour margin on offset-carrying date text as <see cref="CosmosFeedbackStore.All"/>.</summary>
    public IReadOnlyList<SurveyAnswer> Answers(DateTimeOffset? since = null)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.updatedAt >= @lowerBound")
            .WithParameter("@kind", AnswerKind)
            .WithParameter("@lowerBound", since is { } from ? from.UtcDateTime.AddHours(-14).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : "");
        return CosmosQueries.ReadAll<AnswerDocument>(container, query)
            .Select(d => d.ToAnswer())
            .Where(a => since is null || a.UpdatedAt >= since)
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.SurveyId, StringComparer.Ordinal).ThenBy(a => a.RespondentHash, StringComparer.Ordinal)
            .ToList();
    }

    public int EraseRespondent(string respondentHash) =>
        CosmosQueries.DeleteEach(container, CosmosQueries.ReadAll<AnswerDocument>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.respondentHash = @hash").WithParameter("@kind", AnswerKind).WithParameter("@hash", respondentHash))
            .Select(a => (a.Id, a.SurveyId)));

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
