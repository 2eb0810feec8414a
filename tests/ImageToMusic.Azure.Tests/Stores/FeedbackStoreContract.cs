using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="IFeedbackStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class FeedbackStoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract IFeedbackStore NewStore();

    private static FeedbackVote Vote(string recommendationId, string trackId, string user, Vote vote, DateTimeOffset at) =>
        new(recommendationId, trackId, user, vote, "discord", "guild-1", at, at);

    [Fact]
    public void A_new_vote_is_created_a_different_one_changes_it_and_the_same_one_writes_nothing()
    {
        var store = NewStore();
        var up = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon);
        var down = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Down, Noon.AddMinutes(5)) with { Platform = "web", Community = null };

        Assert.Equal(FeedbackOutcome.Created, store.Record(up));
        Assert.Equal(up, Assert.Single(store.ForRecommendation("rec-1")));

        Assert.Equal(FeedbackOutcome.Changed, store.Record(down));
        Assert.Equal(down with { CreatedAt = Noon }, Assert.Single(store.ForRecommendation("rec-1")));

        Assert.Equal(FeedbackOutcome.Unchanged, store.Record(down with { UpdatedAt = Noon.AddHours(1) }));
        Assert.Equal(Noon.AddMinutes(5), Assert.Single(store.ForRecommendation("rec-1")).UpdatedAt);
    }

    [Fact]
    public async Task Concurrent_votes_for_one_id_leave_exactly_one_record()
    {
        var store = NewStore();
        var votes = Enumerable.Range(0, 20)
            .Select(i => Vote("rec-1", "sp-1", "u-1", i % 2 == 0 ? Engine.Feedback.Vote.Up : Engine.Feedback.Vote.Down, Noon.AddSeconds(i)))
            .ToList();

        // A thread each: the stores block on I/O, and twenty blocked pool threads would only measure the pool's slow growth.
        var calls = votes.Select(v => Task.Factory.StartNew(() => store.Record(v), TaskCreationOptions.LongRunning)).ToArray();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, outcomes.Count(o => o == FeedbackOutcome.Created));
        var stored = Assert.Single(store.ForRecommendation("rec-1"));
        Assert.Equal(votes[0].Id, stored.Id);
        Assert.Contains(stored.CreatedAt, votes.Select(v => v.CreatedAt));
    }

    [Fact]
    public void Votes_on_a_recommendation_are_listed_oldest_first_and_only_its_own()
    {
        var store = NewStore();
        var late = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon.AddHours(1));
        var early = Vote("rec-1", "sp-2", "u-2", Engine.Feedback.Vote.Down, Noon.ToOffset(TimeSpan.FromHours(-5)));
        var other = Vote("rec-2", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon);
        foreach (var vote in new[] { late, other, early }) store.Record(vote);

        Assert.Equal([early.Id, late.Id], store.ForRecommendation("rec-1").Select(v => v.Id));
        Assert.Equal([other.Id], store.ForRecommendation("rec-2").Select(v => v.Id));
        Assert.Empty(store.ForRecommendation("rec-x"));
    }
}
