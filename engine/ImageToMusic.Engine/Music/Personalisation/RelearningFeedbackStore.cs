using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>
/// The feedback store as every door uses it in a running app: a vote that changes anything makes its community's
/// tastes relearn before the next ranking, and an erase forgets what the erased votes taught.
/// </summary>
public sealed class RelearningFeedbackStore(IFeedbackStore inner, CommunityTastes tastes) : IFeedbackStore
{
    public FeedbackOutcome Record(FeedbackVote vote)
    {
        var outcome = inner.Record(vote);
        if (outcome != FeedbackOutcome.Unchanged && vote.Community is { } community) tastes.Forget(community);
        return outcome;
    }

    public IReadOnlyList<FeedbackVote> ForRecommendation(string recommendationId) => inner.ForRecommendation(recommendationId);

    public IReadOnlyList<FeedbackVote> ForCommunity(string community) => inner.ForCommunity(community);

    public IReadOnlyList<FeedbackVote> All(DateTimeOffset? since = null) => inner.All(since);

    public int EraseCommunity(string community)
    {
        var erased = inner.EraseCommunity(community);
        tastes.Forget(community);
        return erased;
    }

    /// <summary>A person may have voted in any community, so every community relearns.</summary>
    public int EraseUser(string userHash)
    {
        var erased = inner.EraseUser(userHash);
        tastes.ForgetAll();
        return erased;
    }
}
