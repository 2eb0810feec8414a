using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;
using ImageToMusic.LocalAzure;
using ImageToMusic.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Server.Tests.Support;

/// <summary>Which services the app runs on: the embedded ones (SQLite, a folder) or Azurite and the Cosmos server.</summary>
public enum Services { Embedded, AzureLocal }

/// <summary>
/// The function app running for real on 127.0.0.1 (a free port) over the mood-labelled catalog and the real
/// mood engine, on embedded services or on Azurite + the Cosmos server started here and stopped on dispose.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";
    public const string Salt = "test-salt-0123456789abcdef";

    private readonly WebApplication app;
    private readonly Func<string, byte[], Task<string>> put;
    private readonly IAsyncDisposable? services;

    private RunningApp(WebApplication app, HttpClient client, Func<string, byte[], Task<string>> put, IAsyncDisposable? services)
    {
        this.app = app;
        this.put = put;
        this.services = services;
        Client = client;
    }

    /// <summary>The app's own services, as its doors use them.</summary>
    public IAnalysisStore Analyses => app.Services.GetRequiredService<IAnalysisStore>();
    public IFeedbackStore Feedback => app.Services.GetRequiredService<IFeedbackStore>();
    public ISurveyStore Surveys => app.Services.GetRequiredService<ISurveyStore>();
    public SurveyService SurveyService => app.Services.GetRequiredService<SurveyService>();
    public Recommender Recommender => app.Services.GetRequiredService<Recommender>();
    public IUploads Uploads => app.Services.GetRequiredService<IUploads>();

    /// <summary>The analysis the app's own watcher and blob trigger call, on another clock.</summary>
    public UploadAnalysis UploadAnalysisOn(TimeProvider clock) => new(Uploads, Analyses, Recommender, Recommender.Analyzer.Limits, clock);
    /// <summary>Sends the API key on every request.</summary>
    public HttpClient Client { get; }
    public Uri BaseAddress => Client.BaseAddress!;
    public IServiceProvider AppServices => app.Services;

    /// <param name="extraSettings">Further app settings (e.g. the Discord bot's).</param>
    public static async Task<RunningApp> StartAsync(ServerOptions? options = null, Services on = Services.Embedded, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var folder = TestData.NewTempFolder();
        var catalog = CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv"));
        var settings = new Dictionary<string, string> { [AppSettings.UserSalt] = Salt, [AppSettings.ModelFolder] = TestData.Models };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>()) settings[name] = value;
        Func<string, byte[], Task<string>> put;
        LocalAzureServices? azure = null;
        if (on == Services.AzureLocal)
        {
            azure = await LocalAzureServices.StartAsync(catalog);
            foreach (var (name, value) in azure.Settings) settings[name] = value;
            put = (name, bytes) => azure.Uploads.UploadAsync(name, bytes, "image/jpeg");
        }
        else
        {
            var store = Path.Combine(folder, "store.db");
            await new SqliteCatalogStore(SqliteDatabase.Open(store)).SaveAsync([.. catalog]);
            var uploads = Directory.CreateDirectory(Path.Combine(folder, "uploads")).FullName;
            settings[AppSettings.StoreKind] = "sqlite";
            settings[AppSettings.SqlitePath] = store;
            settings[AppSettings.UploadsFolder] = uploads;
            put = async (name, bytes) =>
            {
                var path = Path.Combine(uploads, name);
                await File.WriteAllBytesAsync(path, bytes);
                return LocalFolderUploads.ETagOf(new FileInfo(path));
            };
        }
        var app = await ServerApp.BuildAsync(settings, (options ?? new ServerOptions()) with { ApiKey = ApiKey, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return new RunningApp(app, client, put, azure);
    }

    /// <summary>Uploads a photo; returns its ETag.</summary>
    public Task<string> PutAsync(string name, byte[] bytes) => put(name, bytes);

    /// <summary>The id the analysis of this version of an upload is stored under.</summary>
    public static string AnalysisIdOf(string name, string etag) => RecordIds.AnalysisIdFor($"uploads/{name}", etag);

    /// <summary>Uploads a photo and has it analysed as a delivered upload is; returns the log line and the analysis id.</summary>
    public async Task<(string Log, string AnalysisId)> UploadAndAnalyzeAsync(string name, byte[] bytes)
    {
        var etag = await PutAsync(name, bytes);
        return (await AnalyzeAsync(name), AnalysisIdOf(name, etag));
    }

    /// <summary>Uploads one Emotion6 photo, has it analysed, and returns the recommendation made for it: something to vote on.</summary>
    public async Task<RecommendationRecord> RecommendOnePhotoAsync()
    {
        var (_, id) = await UploadAndAnalyzeAsync("photo.jpg", File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "6.jpg")));
        return (await Analyses.RecommendationsForAsync(id)).Single();
    }

    /// <summary>Delivers one upload to the analysis the blob trigger and the folder watcher call.</summary>
    public Task<string> AnalyzeAsync(string name) => app.Services.GetRequiredService<UploadAnalysis>().AnalyzeAsync(name, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (services is not null) await services.DisposeAsync();
    }
}
