using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Vision;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Engine.Tests.Storage;

/// <summary>What only SQLite promises (the behaviour both stores share is in ImageToMusic.Azure.Tests/Stores).</summary>
public class SqliteAnalysisStoreTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    private static AnalysisRecord Analysis(string id) => new(
        id, Noon, "beach.jpg", new string('a', 64), "mood-e6-test", 6.2, 4.1,
        new Dictionary<string, double> { ["joy"] = 0.6, ["surprise"] = 0.3, ["neutral"] = 0.1 },
        new VisualEvidence([new PaletteColour("#3366cc", "blue", 0.7), new PaletteColour("#f0e0c0", "sand", 0.3)], 0.62, 0.41, -0.12, 0.21, 38.5, 0.08));

    private static RecommendationRecord Recommendation(string id, string analysisId, DateTimeOffset at, params RecommendedTrack[] tracks) =>
        new(id, analysisId, at, "top=2", tracks);

    private static readonly RecommendedTrack[] TwoTracks =
    [
        new(1, "sp-1", "Halo", "Beyoncé", 0.91, "bright and warm"),
        new(2, "t-2", "Quiet Song", "Someone", 0.80, "calm"),
    ];

    [Fact]
    public async Task A_save_that_fails_part_way_leaves_nothing()
    {
        var store = new SqliteAnalysisStore(TempStore.Open());
        RecommendedTrack[] sameRankTwice = [TwoTracks[0], TwoTracks[1] with { Rank = 1 }];

        await Assert.ThrowsAsync<SqliteException>(() => store.SaveAsync(Analysis("an-1"), Recommendation("rec-1", "an-1", Noon, sameRankTwice)));

        Assert.Null(await store.FindAnalysisAsync("an-1"));
        Assert.Null(await store.FindRecommendationAsync("rec-1"));
    }
}
