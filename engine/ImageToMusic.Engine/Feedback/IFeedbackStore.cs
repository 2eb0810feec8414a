namespace ImageToMusic.Engine.Feedback;

/// <summary>Thumbs up and down on suggested tracks, one per user × recommendation × track.</summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Stores the vote under its <see cref="FeedbackVote.Id"/>: new → Created; a different vote replaces the
    /// old one (keeping its CreatedAt) → Changed; the same vote again → Unchanged (nothing written). Safe under
    /// concurrent calls for the same id: exactly one record survives.
    /// </summary>
    Task<FeedbackOutcome> RecordAsync(FeedbackVote vote, CancellationToken cancellation = default);

    /// <summary>Every vote on one recommendation, oldest first.</summary>
    Task<IReadOnlyList<FeedbackVote>> ForRecommendationAsync(string recommendationId, CancellationToken cancellation = default);

    /// <summary>Every vote made in one community (a Discord guild, Teams team or API client), oldest first: what its tastes are learnt from.</summary>
    Task<IReadOnlyList<FeedbackVote>> ForCommunityAsync(string community, CancellationToken cancellation = default);

    /// <summary>
    /// Every vote whose current value was cast at or after <paramref name="since"/> (its UpdatedAt; all votes when
    /// null), oldest UpdatedAt first. For reports, which read the whole store.
    /// </summary>
    Task<IReadOnlyList<FeedbackVote>> AllAsync(DateTimeOffset? since = null, CancellationToken cancellation = default);

    /// <summary>Deletes every vote made in one community (a Discord guild, Teams team or API client); returns how many.</summary>
    Task<int> EraseCommunityAsync(string community, CancellationToken cancellation = default);

    /// <summary>Deletes every vote by one user, given as the stored hash (<see cref="UserIds.Hash"/>); returns how many.</summary>
    Task<int> EraseUserAsync(string userHash, CancellationToken cancellation = default);
}
