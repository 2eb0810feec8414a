using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Tests.Storage;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>The story use case on the real engines and SQLite: what is planned is what is stored.</summary>
public sealed class StoryServiceTests : IDisposable
{
    private static readonly TrackMoodModel Moods = TrackMoodModelFile.Load(Path.Combine(TestData.Models, TrackMoodModel.DefaultFileName));
    private readonly MoodAnalyzer analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models });
    private readonly SqliteDatabase database = TempStore.Open();
    private readonly SqliteAnalysisStore store;
    private readonly StoryService stories;

    public StoryServiceTests()
    {
        store = new SqliteAnalysisStore(database);
        var index = CatalogIndex.Build(CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv")), Moods);
        stories = new StoryService(new Recommender(analyzer, index, store), store);
    }

    public void Dispose() => analyzer.Dispose();

    private static StoryPhoto Photo(int index, string name) => new(index, name, File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name)));

    [Emotion6Fact]
    public async Task Per_image_each_photo_is_stored_with_a_recommendation_holding_its_own_tracks()
    {
        StoryPhoto[] photos = [Photo(0, "joy/3.jpg"), Photo(1, "sadness/12.jpg")];

        var story = await stories.ComposeAsync(photos, new StoryOptions { Mode = StoryMode.PerImage });

        Assert.Null(story.StoryRecommendationId);
        for (var i = 0; i < photos.Length; i++)
        {
            var analysis = (await store.FindAnalysisAsync(story.Stored[i].AnalysisId))!;
            Assert.Equal((photos[i].Source, story.Analyses[i].Valence), (analysis.Source, analysis.Valence));
            var recommendation = (await store.FindRecommendationAsync(story.Stored[i].RecommendationId!))!;
            Assert.Equal(story.Soundtrack.Tracks.Where(t => t.ImageIndex == i).Select(t => t.Suggestion.Track.Id), recommendation.Tracks.Select(t => t.TrackId));
        }
    }

    [Emotion6Fact]
    public async Task Whole_the_first_photo_holds_the_soundtrack_and_a_refused_photo_stores_nothing()
    {
        var story = await stories.ComposeAsync([Photo(0, "joy/3.jpg"), Photo(1, "fear/3.jpg")], new StoryOptions { Mode = StoryMode.Whole });

        Assert.Equal(story.Stored[0].RecommendationId, story.StoryRecommendationId);
        Assert.Null(story.Stored[1].RecommendationId);
        Assert.Equal(story.Soundtrack.Tracks.Select(t => t.Suggestion.Track.Id), (await store.FindRecommendationAsync(story.StoryRecommendationId!))!.Tracks.Select(t => t.TrackId));

        var before = AnalysesStored();
        var broken = new StoryPhoto(1, "upload:notes.txt", "milk, eggs"u8.ToArray());
        var refused = await Assert.ThrowsAsync<StoryPhotoRejectedException>(() => stories.ComposeAsync([Photo(0, "joy/5.jpg"), broken], new StoryOptions()));
        Assert.Equal((broken, ImageErrorKind.UnsupportedFormat), (refused.Photo, refused.Reason.Kind));
        Assert.Equal(2, before);
        Assert.Equal(before, AnalysesStored()); // joy/5.jpg was analysed, but nothing of the refused story was stored
    }

    private long AnalysesStored()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.Path}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM analyses";
        return (long)count.ExecuteScalar()!;
    }
}
