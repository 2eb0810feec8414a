using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Feedback;

/// <summary>A vote together with what it was a vote on: the model that analysed the photo and the photo's mood word.</summary>
public sealed record RatedVote(FeedbackVote Vote, string ModelVersion, string Mood)
{
    /// <summary>What a breakdown shows when the recommendation or its analysis is not in the store (votes are kept regardless).</summary>
    public const string Unknown = "unknown";

    /// <summary>Looks up each vote's recommendation and analysis once per recommendation.</summary>
    public static async Task<IReadOnlyList<RatedVote>> JoinAsync(IEnumerable<FeedbackVote> votes, IAnalysisStore analyses, CancellationToken cancellation = default)
    {
        var byRecommendation = new Dictionary<string, AnalysisRecord?>();
        var rated = new List<RatedVote>();
        foreach (var vote in votes)
        {
            if (!byRecommendation.TryGetValue(vote.RecommendationId, out var analysis))
            {
                var recommendation = await analyses.FindRecommendationAsync(vote.RecommendationId, cancellation);
                analysis = recommendation is null ? null : await analyses.FindAnalysisAsync(recommendation.AnalysisId, cancellation);
                byRecommendation[vote.RecommendationId] = analysis;
            }
            rated.Add(analysis is null
                ? new RatedVote(vote, Unknown, Unknown)
                : new RatedVote(vote, analysis.ModelVersion, MusicMoods.WordOf(analysis.Valence, analysis.Arousal)));
        }
        return rated;
    }
}
