using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Vision;
using Microsoft.Extensions.Time.Testing;

namespace ImageToMusic.Engine.Tests.Feedback;

/// <summary>The one way a vote is recorded, on the SQLite stores.</summary>
public sealed class FeedbackServiceTests
{
    private const string Salt = "a-test-salt-of-enough-length";
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly SqliteAnalysisStore analyses;
    private readonly SqliteFeedbackStore votes;
    private readonly FeedbackService service;

    public FeedbackServiceTests()
    {
        var database = SqliteDatabase.Open(Path.Combine(TestData.NewTempFolder(), "store.db"));
        (analyses, votes) = (new SqliteAnalysisStore(database), new SqliteFeedbackStore(database));
        service = new FeedbackService(analyses, votes, Salt, clock);
    }

    private async Task<RecommendationRecord> SuggestedAsync(string id, string analysisId, params string[] trackIds)
    {
        var evidence = new VisualEvidence([new PaletteColour("#808080", "grey", 1)], 0.4, 0.3, 0.1, 0.2, 39, 0.19);
        var recommendation = new RecommendationRecord(id, analysisId, clock.GetUtcNow(), "top 5",
            [.. trackIds.Select((t, i) => new RecommendedTrack(i + 1, t, $"Song {t}", "Artist", 0.9 - i / 10.0, "fits"))]);
        await analyses.SaveAsync(new AnalysisRecord(analysisId, clock.GetUtcNow(), "photo.jpg", "00", "m", 6, 5, new Dictionary<string, double>(), evidence), recommendation);
        return recommendation;
    }

    [Fact]
    public async Task A_vote_is_created_changed_by_a_second_thumb_and_unchanged_by_the_same_one_keeping_one_record()
    {
        var recommendation = await SuggestedAsync("rec-1", "an-1", "t1", "t2");

        var first = await service.RecordAsync(recommendation, "t2", Vote.Up, "discord", "80351110224678912", "guild-7");
        clock.Advance(TimeSpan.FromMinutes(5));
        var changed = await service.RecordAsync(recommendation, "t2", Vote.Down, "discord", "80351110224678912", "guild-7");
        var again = await service.RecordAsync(recommendation, "t2", Vote.Down, "discord", "80351110224678912", "guild-7");

        Assert.Equal([FeedbackOutcome.Created, FeedbackOutcome.Changed, FeedbackOutcome.Unchanged], [first.Outcome, changed.Outcome, again.Outcome]);
        var stored = Assert.Single(await service.VotesOnAsync("rec-1"));
        Assert.Equal((Vote.Down, "guild-7", "discord", Start, Start.AddMinutes(5)), (stored.Vote, stored.Community, stored.Platform, stored.CreatedAt, stored.UpdatedAt));
        // Only the salted hash is kept, the same one every door computes for that person.
        Assert.Equal(UserIds.Hash(Salt, "discord", "80351110224678912"), stored.UserHash);
        Assert.DoesNotContain("80351110224678912", stored.UserHash);
    }

    [Fact]
    public async Task A_track_not_in_the_list_is_refused_and_nothing_is_stored()
    {
        var recommendation = await SuggestedAsync("rec-2", "an-2", "t1");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => service.RecordAsync(recommendation, "t9", Vote.Up, "api", "someone", null));

        Assert.Equal("trackId", refused.ParamName);
        Assert.StartsWith("Track 't9' was not suggested in recommendation rec-2.", refused.Message);
        Assert.Empty(await service.VotesOnAsync("rec-2"));
    }

    [Fact]
    public async Task The_list_is_found_by_its_id_or_as_the_latest_made_from_an_analysis()
    {
        await SuggestedAsync("rec-a", "an-3", "t1");
        clock.Advance(TimeSpan.FromSeconds(1));
        await analyses.SaveAsync((await analyses.FindAnalysisAsync("an-3"))!, new RecommendationRecord("rec-b", "an-3", clock.GetUtcNow(), "top 5", []));

        Assert.Equal("rec-a", (await service.FindRecommendationAsync("rec-a"))?.Id);
        Assert.Equal("rec-b", (await service.FindRecommendationAsync(null, "an-3"))?.Id);
        Assert.Null(await service.FindRecommendationAsync("rec-none"));
        Assert.Null(await service.FindRecommendationAsync(null, null));
    }
}
