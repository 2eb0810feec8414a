using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Bots.Teams;

/// <summary>The Adaptive Card for one recommendation with its current vote counts: what a photo's reply and a vote's refresh show.</summary>
public sealed class RecommendationCards(IAnalysisStore analyses, FeedbackService votes)
{
    public async Task<object> ForAsync(string recommendationId, CancellationToken cancellation)
    {
        var recommendation = (await analyses.FindRecommendationAsync(recommendationId, cancellation))!;
        return RecommendationCard.Build(await analyses.FindAnalysisAsync(recommendation.AnalysisId, cancellation), recommendation,
            await votes.VotesOnAsync(recommendationId, cancellation));
    }
}
