using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Surveys;

/// <summary>Surveys and the answers given to them.</summary>
public interface ISurveyStore
{
    void Create(Survey survey);

    Survey? Find(string id);

    /// <summary>
    /// Stores the answer: new → Created; a different mood or comment replaces the respondent's earlier answer
    /// (keeping its CreatedAt) → Changed; the same again → Unchanged (nothing written).
    /// </summary>
    FeedbackOutcome Record(SurveyAnswer answer);

    /// <summary>Every answer given or changed at or after <paramref name="since"/> (all when null), oldest UpdatedAt first.</summary>
    IReadOnlyList<SurveyAnswer> Answers(DateTimeOffset? since = null);

    /// <summary>Deletes every answer by one respondent (the stored hash); returns how many.</summary>
    int EraseRespondent(string respondentHash);
}
