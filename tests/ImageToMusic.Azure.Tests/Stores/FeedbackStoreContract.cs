using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="IFeedbackStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class FeedbackStoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IFeedbackStore> NewStoreAsync();

    private static FeedbackVote Vote(string recommendationId, string trackId, string user, Vote vote, DateTimeOffset at) =>
        new(recommendationId, trackId, user, vote, "discord", "guild-1", at, at);

    [Fact]
    public async Task A_new_vote_is_created_a_different_one_changes_it_and_the_same_one_writes_nothing()
    {
        var store = await NewStoreAsync();
        var up = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon);
        var down = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Down, Noon.AddMinutes(5)) with { Platform = "web", Community = null };

        Assert.Equal(FeedbackOutcome.Created, await store.RecordAsync(up));
        Assert.Equal(up, Assert.Single(await store.ForRecommendationAsync("rec-1")));

        Assert.Equal(FeedbackOutcome.Changed, await store.RecordAsync(down));
        Assert.Equal(down with { CreatedAt = Noon }, Assert.Single(await store.ForRecommendationAsync("rec-1")));

        Assert.Equal(FeedbackOutcome.Unchanged, await store.RecordAsync(down with { UpdatedAt = Noon.AddHours(1) }));
        Assert.Equal(Noon.AddMinutes(5), Assert.Single(await store.ForRecommendationAsync("rec-1")).UpdatedAt);
    }

    [Fact]
    public async Task Concurrent_votes_for_one_id_leave_exactly_one_record()
    {
        var store = await NewStoreAsync();
        var votes = Enumerable.Range(0, 20)
            .Select(i => Vote("rec-1", "sp-1", "u-1", i % 2 == 0 ? Engine.Feedback.Vote.Up : Engine.Feedback.Vote.Down, Noon.AddSeconds(i)))
            .ToList();

        // A thread each: SQLite's async calls run synchronously and block on its lock, and twenty blocked pool threads
        // would only measure the pool's slow growth.
        var calls = votes.Select(v => Task.Factory.StartNew(() => store.RecordAsync(v), TaskCreationOptions.LongRunning).Unwrap()).ToArray();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, outcomes.Count(o => o == FeedbackOutcome.Created));
        var stored = Assert.Single(await store.ForRecommendationAsync("rec-1"));
        Assert.Equal(votes[0].Id, stored.Id);
        Assert.Contains(stored.CreatedAt, votes.Select(v => v.CreatedAt));
    }

    [Fact]
    public async Task Votes_on_a_recommendation_are_listed_oldest_first_and_only_its_own()
    {
        var store = await NewStoreAsync();
        var late = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon.AddHours(1));
        var early = Vote("rec-1", "sp-2", "u-2", Engine.Feedback.Vote.Down, Noon.ToOffset(TimeSpan.FromHours(-5)));
        var other = Vote("rec-2", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon);
        foreach (var vote in new[] { late, other, early }) await store.RecordAsync(vote);

        Assert.Equal([early.Id, late.Id], (await store.ForRecommendationAsync("rec-1")).Select(v => v.Id));
        Assert.Equal([other.Id], (await store.ForRecommendationAsync("rec-2")).Select(v => v.Id));
        Assert.Empty(await store.ForRecommendationAsync("rec-x"));
    }

    [Fact]
    public async Task All_lists_every_vote_by_when_it_was_last_cast_and_since_keeps_those_cast_at_or_after_it()
    {
        var store = await NewStoreAsync();
        var before = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon.AddMinutes(-1));
        // Stores may keep the writer's offset: instants, not clock times, decide. 11:59:59 UTC, written as 06:59:59-05:00, is before noon.
        var justBefore = Vote("rec-2", "sp-1", "u-2", Engine.Feedback.Vote.Down, Noon.AddSeconds(-1).ToOffset(TimeSpan.FromHours(-5)));
        // 12:30 UTC written as 21:30+09:00 and 02:30-10:00: clock times on either side of noon, both after it.
        var eastern = Vote("rec-3", "sp-2", "u-1", Engine.Feedback.Vote.Up, Noon.AddMinutes(30).ToOffset(TimeSpan.FromHours(9)));
        var western = Vote("rec-3", "sp-3", "u-3", Engine.Feedback.Vote.Up, Noon.AddMinutes(31).ToOffset(TimeSpan.FromHours(-10)));
        var atNoon = Vote("rec-4", "sp-1", "u-4", Engine.Feedback.Vote.Up, Noon);
        foreach (var vote in new[] { western, before, eastern, justBefore, atNoon }) await store.RecordAsync(vote);
        // Created before noon, changed after it: its current value was cast after noon.
        var changed = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Down, Noon.AddHours(2)) with { CreatedAt = before.CreatedAt };
        await store.RecordAsync(changed);

        Assert.Equal([justBefore.Id, atNoon.Id, eastern.Id, western.Id, changed.Id], (await store.AllAsync()).Select(v => v.Id));
        Assert.Equal([atNoon.Id, eastern.Id, western.Id, changed.Id], (await store.AllAsync(Noon)).Select(v => v.Id));
        Assert.Equal(changed with { CreatedAt = before.CreatedAt }, (await store.AllAsync(Noon.AddHours(1))).Single());
        Assert.Empty(await store.AllAsync(Noon.AddDays(1)));
    }

    [Fact]
    public async Task Erasing_a_community_or_a_user_removes_exactly_their_votes()
    {
        var store = await NewStoreAsync();
        var inGuild1 = Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon);
        var alsoInGuild1 = Vote("rec-2", "sp-1", "u-2", Engine.Feedback.Vote.Down, Noon);
        var inGuild2 = Vote("rec-1", "sp-2", "u-2", Engine.Feedback.Vote.Up, Noon) with { Community = "guild-2" };
        var byU3 = Vote("rec-3", "sp-1", "u-3", Engine.Feedback.Vote.Up, Noon) with { Community = null, Platform = "web" };
        var alsoByU3 = Vote("rec-1", "sp-3", "u-3", Engine.Feedback.Vote.Down, Noon) with { Community = "guild-2" };
        foreach (var vote in new[] { inGuild1, alsoInGuild1, inGuild2, byU3, alsoByU3 }) await store.RecordAsync(vote);

        Assert.Equal(2, await store.EraseCommunityAsync("guild-1"));
        Assert.Equal(new[] { inGuild2.Id, byU3.Id, alsoByU3.Id }.Order(), (await store.AllAsync()).Select(v => v.Id).Order());
        Assert.Equal(2, await store.EraseUserAsync("u-3"));
        Assert.Equal([inGuild2.Id], (await store.AllAsync()).Select(v => v.Id));
        Assert.Equal(0, await store.EraseCommunityAsync("guild-1"));
        Assert.Equal(0, await store.EraseUserAsync("u-unknown"));
    }

    [Fact]
    public async Task A_communitys_votes_across_recommendations_come_back_oldest_first_and_nobody_elses()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync(Vote("rec-2", "sp-9", "u-2", Engine.Feedback.Vote.Down, Noon.AddMinutes(1)));
        await store.RecordAsync(Vote("rec-1", "sp-1", "u-1", Engine.Feedback.Vote.Up, Noon));
        await store.RecordAsync(Vote("rec-1", "sp-2", "u-1", Engine.Feedback.Vote.Up, Noon) with { Community = "guild-2" });
        await store.RecordAsync(Vote("rec-3", "sp-1", "u-3", Engine.Feedback.Vote.Up, Noon) with { Community = null });

        Assert.Equal([("rec-1", "sp-1"), ("rec-2", "sp-9")], (await store.ForCommunityAsync("guild-1")).Select(v => (v.RecommendationId, v.TrackId)));
        Assert.Single(await store.ForCommunityAsync("guild-2"));
        Assert.Empty(await store.ForCommunityAsync("guild-3"));
    }
}
