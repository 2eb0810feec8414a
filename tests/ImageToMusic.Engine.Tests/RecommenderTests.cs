using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Tests.Storage;

namespace ImageToMusic.Engine.Tests;

/// <summary>The whole corridor on the real engines: photo → analysis → ranked tracks → SQLite records.</summary>
public class RecommenderTests
{
    private static readonly TrackMoodModel Moods = TrackMoodModelFile.Load(Path.Combine(TestData.Models, TrackMoodModel.DefaultFileName));

    [Emotion6Fact]
    public async Task Records_the_analysis_and_the_recommendation_as_returned()
    {
        using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models });
        var index = CatalogIndex.Build(CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv")), Moods);
        var store = new SqliteAnalysisStore(TempStore.Open());
        var photo = File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "3.jpg"));

        var recommendation = await new Recommender(analyzer, index, store).RecommendAsync(photo, "joy/3.jpg", new MatchOptions { Top = 4 });

        Assert.Equal(4, recommendation.Tracks.Count);
        var stored = (await store.FindRecommendationAsync(recommendation.RecommendationId))!;
        Assert.Equal(recommendation.AnalysisId, stored.AnalysisId);
        Assert.Equal("top=4", stored.Options);
        Assert.Equal(recommendation.Tracks.Select(t => (t.Rank, t.Track.Id, t.Reason)), stored.Tracks.Select(t => (t.Rank, t.TrackId, t.Reason)));
        var analysis = (await store.FindAnalysisAsync(recommendation.AnalysisId))!;
        Assert.Equal(("joy/3.jpg", recommendation.Analysis.ModelVersion), (analysis.Source, analysis.ModelVersion));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), analysis.ImageSha256);
    }

    [Emotion6Fact]
    public async Task An_empty_catalog_is_refused_with_a_message_saying_so()
    {
        using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models });
        var store = new SqliteAnalysisStore(TempStore.Open());
        var recommender = new Recommender(analyzer, CatalogIndex.Build([], Moods), store);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => recommender.RecommendAsync(File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "3.jpg")), "joy/3.jpg"));
        Assert.Contains("import", error.Message);
    }

    [Emotion6Fact]
    public async Task A_photo_the_decoder_refuses_leaves_a_failure_record_under_the_id_asked_for_and_the_rejection_reaches_the_caller()
    {
        using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models });
        var store = new SqliteAnalysisStore(TempStore.Open());
        var recommender = new Recommender(analyzer, CatalogIndex.Build(CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv")), Moods), store);

        var refused = await Assert.ThrowsAsync<ImageToMusic.Engine.Imaging.ImageRejectedException>(() =>
            recommender.RecommendAsync("shopping list: milk"u8.ToArray(), "uploads/notes.jpg", ids: ("an-notes", "rec-notes")));

        var failure = (await store.FindFailureAsync("an-notes"))!;
        Assert.Equal(("uploads/notes.jpg", "unsupported_format", refused.Message), (failure.Source, failure.ErrorCode, failure.ErrorMessage));
        Assert.Null(await store.FindAnalysisAsync("an-notes"));
        Assert.Null(await store.FindRecommendationAsync("rec-notes"));
    }
}
