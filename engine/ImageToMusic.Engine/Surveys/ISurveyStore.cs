using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Surveys;

/// <summary>Surveys and the answers given to them.</summary>
public interface ISurveyStore
{
    Task CreateAsync(Survey survey, CancellationToken cancellation = default);

    Task<Survey?> FindAsync(string id, CancellationToken cancellation = default);

    /// <summary>
    /// Stores the answer: new → Created; a different mood or comment replaces the respondent's earlier answer
    /// (keeping its CreatedAt) → Changed; the same again → Unchanged (nothing written).
    /// </summary>
    Task<FeedbackOutcome> RecordAsync(SurveyAnswer answer, CancellationToken cancellation = default);

    /// <summary>Every answer given or changed at or after <paramref name="since"/> (all when null), oldest UpdatedAt first.</summary>
    Task<IReadOnlyList<SurveyAnswer>> AnswersAsync(DateTimeOffset? since = null, CancellationToken cancellation = default);

    /// <summary>Deletes every answer by one respondent (the stored hash); returns how many.</summary>
    Task<int> EraseRespondentAsync(string respondentHash, CancellationToken cancellation = default);
}
