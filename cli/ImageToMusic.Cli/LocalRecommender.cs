using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Cli;

/// <summary>The engine over a local store, as the commands that analyse photos (suggest, survey create) open it.</summary>
internal sealed class LocalRecommender : IDisposable
{
    private LocalRecommender(SqliteDatabase database, Recommender recommender)
    {
        Database = database;
        Recommender = recommender;
    }

    public SqliteDatabase Database { get; }
    public Recommender Recommender { get; }

    /// <param name="storeOption">The --store value as given (null: the default store), for the empty-catalog hint.</param>
    public static async Task<LocalRecommender> OpenAsync(string? storeOption, string? modelFolder, ImageLimits limits, CancellationToken cancellation)
    {
        var storePath = StoreLocation.Resolve(storeOption);
        var database = SqliteDatabase.Open(storePath);
        var tracks = await new SqliteCatalogStore(database).LoadAllAsync(cancellation);
        if (tracks.Count == 0) throw CommonOptions.EmptyCatalog(storePath, storeOption);
        var index = CatalogIndex.Build(tracks, TrackMoodModelFile.Load(Path.Combine(ModelLocation.Resolve(modelFolder), TrackMoodModel.DefaultFileName)));
        var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = modelFolder, Limits = limits });
        var tastes = new CommunityTastes(new SqliteFeedbackStore(database), index);
        return new LocalRecommender(database, new Recommender(analyzer, index, new SqliteAnalysisStore(database), tastes: tastes));
    }

    public void Dispose() => Recommender.Analyzer.Dispose();
}
