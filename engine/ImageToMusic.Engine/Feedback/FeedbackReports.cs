using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Engine.Feedback;

/// <summary>The feedback report straight from the stores: what `report` prints and the dashboard shows.</summary>
public static class FeedbackReports
{
    public static FeedbackReport FromStores(IFeedbackStore feedback, IAnalysisStore analyses, ISurveyStore surveys, DateTimeOffset? since = null) =>
        FeedbackMetrics.Compute(RatedVote.Join(feedback.All(since), analyses), MoodChoices(surveys.Answers(since), surveys, analyses));

    /// <summary>Each answer that names a mood, with the mood predicted for its photo; answers whose survey or analysis is gone are left out.</summary>
    private static IEnumerable<(string Predicted, string Chosen)> MoodChoices(IEnumerable<SurveyAnswer> answers, ISurveyStore surveys, IAnalysisStore analyses)
    {
        var predicted = new Dictionary<string, string?>();
        foreach (var answer in answers)
        {
            if (answer.Mood is null) continue;
            if (!predicted.TryGetValue(answer.SurveyId, out var mood))
            {
                var analysis = surveys.Find(answer.SurveyId) is { } survey ? analyses.FindAnalysis(survey.AnalysisId) : null;
                predicted[answer.SurveyId] = mood = analysis is null ? null : Music.MusicMoods.WordOf(analysis.Valence, analysis.Arousal);
            }
            if (mood is not null) yield return (mood, answer.Mood);
        }
    }
}
