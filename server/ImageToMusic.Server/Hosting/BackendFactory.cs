using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Azure.Blobs;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Server.Uploads;

namespace ImageToMusic.Server.Hosting;

/// <summary>Builds the <see cref="Backend"/> from settings (<see cref="AppSettings"/>), failing at start-up with the setting to fix.</summary>
public static class BackendFactory
{
    public const string DefaultCosmosDatabase = "imagetomusic";
    public const string DefaultUploadsContainer = "uploads";

    public static async Task<Backend> CreateAsync(Func<string, string?> setting, CancellationToken cancellation = default)
    {
        var salt = Required(setting, AppSettings.UserSalt);
        var (catalog, analyses, storedFeedback, surveys, owned) = Stores(setting);
        var uploads = Uploads(setting);
        var tracks = await catalog.LoadAllAsync(cancellation);
        var modelFolder = ModelLocation.Resolve(setting(AppSettings.ModelFolder));
        var index = CatalogIndex.Build(tracks, TrackMoodModelFile.Load(Path.Combine(modelFolder, TrackMoodModel.DefaultFileName)));
        var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = modelFolder });
        var tastes = new CommunityTastes(storedFeedback, index);
        var feedback = new RelearningFeedbackStore(storedFeedback, tastes);
        var recommender = new Recommender(analyzer, index, analyses, tastes: tastes);
        return new Backend(recommender, analyses, feedback, new SurveyService(recommender, surveys, analyses, feedback, salt), surveys, uploads, salt,
            DiscordOptions.From(setting), owned);
    }

    private static (ICatalogStore, IAnalysisStore, IFeedbackStore, ISurveyStore, IDisposable?) Stores(Func<string, string?> setting)
    {
        switch (setting(AppSettings.StoreKind)?.ToLowerInvariant() ?? "sqlite")
        {
            case "sqlite":
                var database = SqliteDatabase.Open(StoreLocation.Resolve(setting(AppSettings.SqlitePath)));
                return (new SqliteCatalogStore(database), new SqliteAnalysisStore(database), new SqliteFeedbackStore(database), new SqliteSurveyStore(database), null);
            case "cosmos":
                var endpoint = Required(setting, AppSettings.CosmosEndpoint);
                var client = setting(AppSettings.CosmosKey) is { Length: > 0 } key
                    ? CosmosClients.ForLocalServer(endpoint, key)
                    : CosmosClients.ForAzure(endpoint, Credential(setting));
                var stores = new CosmosStores(client, setting(AppSettings.CosmosDatabase) ?? DefaultCosmosDatabase);
                return (stores.Catalog, stores.Analyses, stores.Feedback, stores.Surveys, client);
            case var other:
                throw new InvalidOperationException($"{AppSettings.StoreKind} is '{other}'; use sqlite or cosmos.");
        }
    }

    /// <summary>A connection string (Azurite), else the account's blob endpoint with the managed identity (Azure), else a local folder.</summary>
    private static IUploads Uploads(Func<string, string?> setting)
    {
        var container = setting(AppSettings.UploadsContainer) ?? DefaultUploadsContainer;
        if (setting(AppSettings.UploadsConnectionString) is { Length: > 0 } connection)
            return new BlobUploads(new UploadsContainer(connection, container));
        if (setting(AppSettings.UploadsServiceUri) is { Length: > 0 } uri)
            return new BlobUploads(new UploadsContainer(new BlobServiceClient(new Uri(uri), Credential(setting)), container));
        if (setting(AppSettings.UploadsFolder) is { Length: > 0 } folder)
            return new LocalFolderUploads(folder);
        throw new InvalidOperationException(
            $"No uploads configured: set {AppSettings.UploadsServiceUri} (Azure), {AppSettings.UploadsConnectionString} (a connection string) or {AppSettings.UploadsFolder} (a local folder).");
    }

    /// <summary>The app's user-assigned managed identity on Azure; the developer's own sign-in elsewhere.</summary>
    public static TokenCredential Credential(Func<string, string?> setting) =>
        setting(AppSettings.ManagedIdentityClientId) is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();

    private static string Required(Func<string, string?> setting, string name) =>
        setting(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"The setting {name} is missing.");
}
