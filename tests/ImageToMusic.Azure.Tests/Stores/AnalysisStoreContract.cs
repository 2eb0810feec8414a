using ImageToMusic.Engine;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="IAnalysisStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class AnalysisStoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    private static readonly RecommendedTrack[] TwoTracks =
    [
        new(1, "sp-1", "Halo", "Beyoncé", 0.91, "bright and warm"),
        new(2, "t-2", "Quiet Song", "Someone", 0.80, "calm"),
    ];

    protected abstract Task<IAnalysisStore> NewStoreAsync();

    private static AnalysisRecord Analysis(string id) => new(
        id, Noon, "beach.jpg", new string('a', 64), "mood-e6-test", 6.2, 4.1,
        new Dictionary<string, double> { ["joy"] = 0.6, ["surprise"] = 0.3, ["neutral"] = 0.1 },
        new VisualEvidence([new PaletteColour("#3366cc", "blue", 0.7), new PaletteColour("#f0e0c0", "sand", 0.3)], 0.62, 0.41, -0.12, 0.21, 38.5, 0.08),
        SourceVersion: "0x8D1A2B3C");

    private static RecommendationRecord Recommendation(string id, string analysisId, DateTimeOffset at, params RecommendedTrack[] tracks) =>
        new(id, analysisId, at, "top=2", tracks);

    [Fact]
    public async Task An_analysis_and_its_recommendation_come_back_whole()
    {
        var store = await NewStoreAsync();
        var analysis = Analysis("an-1");
        var recommendation = Recommendation("rec-1", "an-1", Noon.AddSeconds(1), TwoTracks);

        await store.SaveAsync(analysis, recommendation);

        var found = (await store.FindAnalysisAsync("an-1"))!;
        Assert.Equal(analysis with { Emotions = found.Emotions, Evidence = found.Evidence }, found);
        Assert.Equal(analysis.Emotions, found.Emotions);
        Assert.Equal(analysis.Evidence with { Palette = [] }, found.Evidence with { Palette = [] });
        Assert.Equal(analysis.Evidence.Palette, found.Evidence.Palette);
        var rec = (await store.FindRecommendationAsync("rec-1"))!;
        Assert.Equal((recommendation.Id, recommendation.AnalysisId, recommendation.CreatedAt, recommendation.Options), (rec.Id, rec.AnalysisId, rec.CreatedAt, rec.Options));
        Assert.Equal(TwoTracks, rec.Tracks);
        Assert.Null(await store.FindAnalysisAsync("an-x"));
        Assert.Null(await store.FindRecommendationAsync("rec-x"));
    }

    [Fact]
    public async Task Recommendations_for_an_analysis_are_listed_oldest_first()
    {
        var store = await NewStoreAsync();
        var analysis = Analysis("an-1");
        // Saved newest first, and with different offsets, to show the order is by instant.
        await store.SaveAsync(analysis, Recommendation("rec-late", "an-1", Noon.AddHours(1), TwoTracks));
        await store.SaveAsync(analysis, Recommendation("rec-early", "an-1", Noon.ToOffset(TimeSpan.FromHours(-5)), TwoTracks[..1]));
        await store.SaveAsync(Analysis("an-2"), Recommendation("rec-other", "an-2", Noon, TwoTracks));

        var list = await store.RecommendationsForAsync("an-1");

        Assert.Equal(["rec-early", "rec-late"], list.Select(r => r.Id));
        Assert.Single(list[0].Tracks);
        Assert.Empty(await store.RecommendationsForAsync("an-x"));
    }

    [Fact]
    public async Task A_recommendation_for_another_analysis_is_refused_and_nothing_is_saved()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Analysis("an-1"), Recommendation("rec-1", "an-2", Noon, TwoTracks)));

        Assert.Contains("belongs to analysis an-2", error.Message);
        Assert.Null(await store.FindAnalysisAsync("an-1"));
        Assert.Null(await store.FindRecommendationAsync("rec-1"));
    }

    [Fact]
    public async Task Saving_the_same_records_again_changes_nothing_and_timings_come_back()
    {
        var store = await NewStoreAsync();
        var analysisId = RecordIds.AnalysisIdFor("uploads/beach.jpg", "\"0x8D1\"");
        var recommendationId = RecordIds.RecommendationIdFor("uploads/beach.jpg", "\"0x8D1\"");
        var analysis = Analysis(analysisId) with { Timings = new AnalysisTimings(3.1, 3.4, 7.8, 0.02) };

        await store.SaveAsync(analysis, Recommendation(recommendationId, analysisId, Noon, TwoTracks));
        await store.SaveAsync(analysis with { Valence = 1 }, Recommendation(recommendationId, analysisId, Noon.AddHours(1), TwoTracks[..1]));

        var found = (await store.FindAnalysisAsync(analysisId))!;
        Assert.Equal((6.2, new AnalysisTimings(3.1, 3.4, 7.8, 0.02)), (found.Valence, found.Timings));
        var recommendations = await store.RecommendationsForAsync(analysisId);
        Assert.Equal((1, 2, Noon), (recommendations.Count, recommendations[0].Tracks.Count, recommendations[0].CreatedAt));
    }

    [Fact]
    public async Task A_failed_analysis_is_kept_once_with_its_typed_reason_apart_from_analyses()
    {
        var store = await NewStoreAsync();
        var failure = new AnalysisFailureRecord("an-x", Noon, "uploads/notes.txt", "unsupported_format", "not an image");

        await store.SaveFailureAsync(failure);
        await store.SaveFailureAsync(failure with { ErrorCode = "corrupt" });

        Assert.Equal(failure, await store.FindFailureAsync("an-x"));
        Assert.Null(await store.FindFailureAsync("an-y"));
        Assert.Null(await store.FindAnalysisAsync("an-x"));
        // An analysis with the failure's id is a different record: both are kept.
        await store.SaveAsync(Analysis("an-x"), Recommendation("rec-x", "an-x", Noon, TwoTracks));
        Assert.Equal((failure, "an-x"), (await store.FindFailureAsync("an-x"), (await store.FindAnalysisAsync("an-x"))?.Id));
    }
}
