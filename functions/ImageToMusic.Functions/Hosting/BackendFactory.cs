using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Storage.Sqlite;
using ImageToMusic.Functions.Uploads;

namespace ImageToMusic.Functions.Hosting;

/// <summary>Builds the <see cref="Backend"/> from settings (<see cref="AppSettings"/>), failing at start-up with the setting to fix.</summary>
public static class BackendFactory
{
    public static Backend Create(Func<string, string?> setting)
    {
        var salt = Required(setting, AppSettings.UserSalt);
        var (catalog, analyses, feedback) = Stores(setting);
        var uploads = Uploads(setting);
        var tracks = catalog.LoadAll();
        var modelFolder = ModelLocation.Resolve(setting(AppSettings.ModelFolder));
        var index = CatalogIndex.Build(tracks, TrackMoodModelFile.Load(Path.Combine(modelFolder, TrackMoodModel.DefaultFileName)));
        var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = modelFolder });
        return new Backend(new Recommender(analyzer, index, analyses), analyses, feedback, uploads, salt);
    }

    private static (ICatalogStore, IAnalysisStore, IFeedbackStore) Stores(Func<string, string?> setting)
    {
        switch (setting(AppSettings.StoreKind)?.ToLowerInvariant() ?? "sqlite")
        {
            case "sqlite":
                var database = SqliteDatabase.Open(StoreLocation.Resolve(setting(AppSettings.SqlitePath)));
                return (new SqliteCatalogStore(database), new SqliteAnalysisStore(database), new SqliteFeedbackStore(database));
            case var other:
                throw new InvalidOperationException($"{AppSettings.StoreKind} is '{other}'; use sqlite or cosmos.");
        }
    }

    private static IUploads Uploads(Func<string, string?> setting) =>
        new LocalFolderUploads(Required(setting, AppSettings.UploadsFolder));

    private static string Required(Func<string, string?> setting, string name) =>
        setting(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"The setting {name} is missing.");
}
