using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Feedback;

/// <summary>What storing one vote did, and the vote as stored.</summary>
public sealed record RecordedVote(FeedbackVote Vote, FeedbackOutcome Outcome);

/// <summary>
/// Recording a thumbs up or down: the one place that checks the track was suggested, hashes the voter with the
/// store's salt and stamps the time. Every door — the API, the web page, Discord's buttons, Teams' cards, surveys —
/// records through here and only translates its own request and reply.
/// </summary>
public sealed class FeedbackService(IAnalysisStore analyses, IFeedbackStore votes, string userSalt, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>The list a vote is about: by its id, else the latest list made from <paramref name="analysisId"/>; null when unknown.</summary>
    public async Task<RecommendationRecord?> FindRecommendationAsync(string? recommendationId, string? analysisId = null, CancellationToken cancellation = default) =>
        recommendationId is not null ? await analyses.FindRecommendationAsync(recommendationId, cancellation)
        : analysisId is not null ? (await analyses.RecommendationsForAsync(analysisId, cancellation)).LastOrDefault()
        : null;

    /// <summary>
    /// Stores <paramref name="user"/>'s vote on one track of <paramref name="recommendation"/> (one per person and track:
    /// voting again replaces it). The platform's own user id goes in; only its salted hash is stored.
    /// Throws <see cref="ArgumentException"/> (ParamName "trackId") when the track was not suggested in that list.
    /// </summary>
    public async Task<RecordedVote> RecordAsync(RecommendationRecord recommendation, string trackId, Vote vote, string platform, string user, string? community,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (recommendation.Tracks.All(t => t.TrackId != trackId))
            throw new ArgumentException($"Track '{trackId}' was not suggested in recommendation {recommendation.Id}.", nameof(trackId));
        var now = clock.GetUtcNow();
        var stored = new FeedbackVote(recommendation.Id, trackId, UserIds.Hash(userSalt, platform, user), vote, platform, community, now, now);
        return new RecordedVote(stored, await votes.RecordAsync(stored, cancellation));
    }

    /// <summary>Every vote on one list, for redrawing its counts.</summary>
    public Task<IReadOnlyList<FeedbackVote>> VotesOnAsync(string recommendationId, CancellationToken cancellation = default) =>
        votes.ForRecommendationAsync(recommendationId, cancellation);
}
