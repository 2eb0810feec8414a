using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Engine.Feedback;

/// <summary>The feedback report straight from the stores: what `report` prints and the dashboard shows.</summary>
public static class FeedbackReports
{
    public static async Task<FeedbackReport> FromStoresAsync(IFeedbackStore feedback, IAnalysisStore analyses, ISurveyStore surveys, DateTimeOffset? since = null,
        CancellationToken cancellation = default) =>
        FeedbackMetrics.Compute(await RatedVote.JoinAsync(await feedback.AllAsync(since, cancellation), analyses, cancellation),
            await MoodChoicesAsync(await surveys.AnswersAsync(since, cancellation), surveys, analyses, cancellation));

    /// <summary>Each answer that names a mood, with the mood predicted for its photo; answers whose survey or analysis is gone are left out.</summary>
    private static async Task<List<(string Predicted, string Chosen)>> MoodChoicesAsync(IEnumerable<SurveyAnswer> answers, ISurveyStore surveys, IAnalysisStore analyses,
        CancellationToken cancellation)
    {
        var predicted = new Dictionary<string, string?>();
        var choices = new List<(string Predicted, string Chosen)>();
        foreach (var answer in answers)
        {
            if (answer.Mood is null) continue;
            if (!predicted.TryGetValue(answer.SurveyId, out var mood))
            {
                var analysis = await surveys.FindAsync(answer.SurveyId, cancellation) is { } survey ? await analyses.FindAnalysisAsync(survey.AnalysisId, cancellation) : null;
                predicted[answer.SurveyId] = mood = analysis is null ? null : Music.MusicMoods.WordOf(analysis.Valence, analysis.Arousal);
            }
            if (mood is not null) choices.Add((mood, answer.Mood));
        }
        return choices;
    }
}
