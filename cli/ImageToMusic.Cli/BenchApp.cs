using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Cli;

/// <summary>
/// The function app in the bench's own process on a free 127.0.0.1 port, over a temp SQLite store holding a
/// catalog, with no rate limit (the bench is the load). Benches drive it over real HTTP.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    public const string ApiKey = "bench-api-key";

    private readonly string folder;

    private BenchApp(string folder, WebApplication app, Uri baseAddress)
    {
        this.folder = folder;
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    public static async Task<BenchApp> StartAsync(string catalogFile, IReadOnlyDictionary<string, string>? extraSettings, CancellationToken cancellation)
    {
        var (folder, settings) = await LocalStoreAsync(catalogFile, cancellation);
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>()) settings[name] = value;
        var app = await ServerApp.BuildAsync(settings, new ServerOptions { ApiKey = ApiKey, Urls = "http://127.0.0.1:0", RequestsPerMinutePerClient = int.MaxValue },
            cancellation);
        await app.StartAsync(cancellation);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new BenchApp(folder, app, address);
    }

    /// <summary>A temp folder with a SQLite store holding the catalog, and the settings of a host running on it; the caller deletes the folder.</summary>
    public static async Task<(string Folder, Dictionary<string, string> Settings)> LocalStoreAsync(string catalogFile, CancellationToken cancellation)
    {
        var folder = Directory.CreateTempSubdirectory("imagetomusic-bench-").FullName;
        var store = Path.Combine(folder, "store.db");
        await new CatalogImporter(new SqliteCatalogStore(SqliteDatabase.Open(store))).ImportAsync(catalogFile, cancellation);
        return (folder, new Dictionary<string, string>
        {
            [AppSettings.StoreKind] = "sqlite",
            [AppSettings.SqlitePath] = store,
            [AppSettings.UploadsFolder] = Path.Combine(folder, "uploads"),
            [AppSettings.UserSalt] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
