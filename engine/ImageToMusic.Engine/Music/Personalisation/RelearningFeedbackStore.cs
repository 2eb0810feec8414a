using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>
/// The feedback store as every door uses it in a running app: a vote that changes anything makes its community's
/// tastes relearn before the next ranking, and an erase forgets what the erased votes taught.
/// </summary>
public sealed class RelearningFeedbackStore(IFeedbackStore inner, CommunityTastes tastes) : IFeedbackStore
{
    public async Task<FeedbackOutcome> RecordAsync(FeedbackVote vote, CancellationToken cancellation = default)
    {
        var outcome = await inner.RecordAsync(vote, cancellation);
        if (outcome != FeedbackOutcome.Unchanged && vote.Community is { } community) tastes.Forget(community);
        return outcome;
    }

    public Task<IReadOnlyList<FeedbackVote>> ForRecommendationAsync(string recommendationId, CancellationToken cancellation = default) =>
        inner.ForRecommendationAsync(recommendationId, cancellation);

    public Task<IReadOnlyList<FeedbackVote>> ForCommunityAsync(string community, CancellationToken cancellation = default) =>
        inner.ForCommunityAsync(community, cancellation);

    public Task<IReadOnlyList<FeedbackVote>> AllAsync(DateTimeOffset? since = null, CancellationToken cancellation = default) => inner.AllAsync(since, cancellation);

    public async Task<int> EraseCommunityAsync(string community, CancellationToken cancellation = default)
    {
        var erased = await inner.EraseCommunityAsync(community, cancellation);
        tastes.Forget(community);
        return erased;
    }

    /// <summary>A person may have voted in any community, so every community relearns.</summary>
    public async Task<int> EraseUserAsync(string userHash, CancellationToken cancellation = default)
    {
        var erased = await inner.EraseUserAsync(userHash, cancellation);
        tastes.ForgetAll();
        return erased;
    }
}
