using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Server.Composition;
using Microsoft.Extensions.DependencyInjection;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;
using ImageToMusic.LocalAzure;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Extensions.Hosting;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `serve`: the function app on this machine. By default on embedded services: the SQLite store, and a watched
/// folder standing in for the uploads container. With --azure-local, against Azurite and the Cosmos server,
/// which it starts and stops. Neither raises Event Grid events, so new uploads are found by polling.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on.", DefaultValueFactory = _ => 7071 };
        var store = CommonOptions.Store();
        var uploads = new Option<DirectoryInfo?>("--uploads") { Description = "Folder standing in for the uploads container (default: uploads/ beside the store)." };
        var azureLocal = new Option<bool>("--azure-local")
        {
            Description = "Run against Azurite (uploads container) and the Cosmos server (stores) on 127.0.0.1, started and stopped here; the catalog is copied from the local store.",
        };
        var poll = new Option<double>("--poll-seconds") { Description = "How often the uploads are checked for new photos (polling stands in for Event Grid).", DefaultValueFactory = _ => 1.0 };
        var settle = new Option<double>("--settle-seconds")
        {
            Description = "How long a new or changed upload must stay unchanged before it is analysed, so a photo still being copied in is not read half-written.",
            DefaultValueFactory = _ => UploadWatcher.DefaultSettle.TotalSeconds,
        };
        var command = new Command("serve",
            "Run the web page, the dashboard, the API (story soundtrack, feedback, analyses) and the upload analysis locally on 127.0.0.1.")
            { port, store, uploads, azureLocal, poll, settle };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var storePath = StoreLocation.Resolve(result.GetValue(store));
            var localCatalog = new SqliteCatalogStore(SqliteDatabase.Open(storePath));
            var tracks = await localCatalog.CountAsync(cancellation);
            if (tracks == 0) throw CommonOptions.EmptyCatalog(storePath, result.GetValue(store));
            var home = Path.GetDirectoryName(storePath)!;
            var apiKey = Environment.GetEnvironmentVariable(AppSettings.ApiKey) is { Length: > 0 } configured ? configured : ApiKeyCheck.Generate();
            var settings = new Dictionary<string, string>
            {
                [AppSettings.UserSalt] = UserSalts.FindOrCreate(home),
            };

            if (result.GetValue(azureLocal)) Console.Error.WriteLine($"starting Azurite and the Cosmos server, copying {tracks} tracks into the Cosmos catalog");
            await using var azure = result.GetValue(azureLocal) ? await LocalAzureServices.StartAsync(await localCatalog.LoadAllAsync(cancellation), cancellation) : null;
            string uploadsAt;
            if (azure is not null)
            {
                foreach (var (name, value) in azure.Settings) settings[name] = value;
                uploadsAt = $"container '{ImageToMusicSettings.DefaultUploadsContainer}' in Azurite: {azure.UploadsConnectionString}";
            }
            else
            {
                var folder = Directory.CreateDirectory(result.GetValue(uploads)?.FullName ?? Path.Combine(home, "uploads")).FullName;
                settings[AppSettings.StoreKind] = "sqlite";
                settings[AppSettings.SqlitePath] = storePath;
                settings[AppSettings.UploadsFolder] = folder;
                uploadsAt = folder;
            }

            var url = $"http://127.0.0.1:{result.GetValue(port)}";
            await using var app = await ServerApp.BuildAsync(settings, new ServerOptions
            {
                ApiKey = apiKey, Urls = url, WatchUploadsEvery = TimeSpan.FromSeconds(Math.Max(0.1, result.GetValue(poll))),
                UploadsSettle = TimeSpan.FromSeconds(Math.Max(0, result.GetValue(settle))),
            }, cancellation);
            await app.StartAsync(cancellation);
            Console.WriteLine($"ImageToMusic API on {url}  ({app.Services.GetRequiredService<Recommender>().Catalog.Count} tracks; stores: {(azure is null ? storePath : $"Cosmos server {azure.CosmosEndpoint}")})");
            Console.WriteLine($"  API key   {apiKey}{(Environment.GetEnvironmentVariable(AppSettings.ApiKey) is null ? $"  (generated; set {AppSettings.ApiKey} to fix one)" : "")}");
            Console.WriteLine($"  uploads   {uploadsAt}");
            Console.WriteLine($"            new photos are found by polling every {result.GetValue(poll):0.#} s; each analysis appears at GET {url}/api/analyses/{{id}}");
            Console.WriteLine($"  web page  {url}/  (anyone: a photo in, its mood and five songs out)");
            Console.WriteLine($"  dashboard {url}/dashboard?code={Uri.EscapeDataString(apiKey)}");
            Console.WriteLine($"  OpenAPI   {url}/api/openapi.json");
            Console.WriteLine("  Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellation);
            return 0;
        }));
        return command;
    }
}
