using System.Net.Http.Json;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Storage.Sqlite;
using ImageToMusic.Functions.Hosting;
using ImageToMusic.Functions.Uploads;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Functions.Tests.Support;

/// <summary>
/// The function app running for real on 127.0.0.1 (a free port) over a temp SQLite store holding the
/// mood-labelled catalog, a temp folder as the uploads container, and the real mood engine.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";
    public const string Salt = "test-salt-0123456789abcdef";

    private static readonly System.Text.Json.JsonSerializerOptions HostJson = new();

    private readonly WebApplication app;

    private RunningApp(WebApplication app, Backend backend, string uploads, HttpClient client)
    {
        this.app = app;
        Backend = backend;
        UploadsFolder = uploads;
        Client = client;
    }

    public Backend Backend { get; }
    public string UploadsFolder { get; }
    /// <summary>Sends the API key on every request.</summary>
    public HttpClient Client { get; }
    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<RunningApp> StartAsync(ServerOptions? options = null)
    {
        var folder = TestData.NewTempFolder();
        var store = Path.Combine(folder, "store.db");
        new CatalogImporter(new SqliteCatalogStore(SqliteDatabase.Open(store))).Import(TestData.Catalog("mood_labelled_686.csv"));
        var uploads = Directory.CreateDirectory(Path.Combine(folder, "uploads")).FullName;
        var settings = new Dictionary<string, string>
        {
            [AppSettings.StoreKind] = "sqlite", [AppSettings.SqlitePath] = store, [AppSettings.UploadsFolder] = uploads,
            [AppSettings.UserSalt] = Salt, [AppSettings.ModelFolder] = TestData.Models,
        };
        var backend = BackendFactory.Create(settings.GetValueOrDefault);

        var app = FunctionApp.Build(backend, (options ?? new ServerOptions()) with { ApiKey = ApiKey, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return new RunningApp(app, backend, uploads, client);
    }

    /// <summary>Puts a photo in the uploads folder and delivers the blob trigger the way the Functions host does.</summary>
    public async Task<HttpResponseMessage> UploadAndTriggerAsync(string name, byte[] bytes)
    {
        await File.WriteAllBytesAsync(Path.Combine(UploadsFolder, name), bytes);
        return await TriggerAsync(name);
    }

    /// <summary>The host's custom-handler request for a blob trigger: binding data base64, trigger metadata beside it.</summary>
    public Task<HttpResponseMessage> TriggerAsync(string name)
    {
        var path = Path.Combine(UploadsFolder, name);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        return Client.PostAsJsonAsync("/AnalyzeImage", new // names exactly as the host writes them (PascalCase)
        {
            Data = new { image = Convert.ToBase64String(bytes) },
            Metadata = new Dictionary<string, object>
            {
                ["BlobTrigger"] = $"uploads/{name}",
                ["Uri"] = $"http://127.0.0.1:10000/devstoreaccount1/uploads/{name}",
                ["Properties"] = new { Length = bytes.Length, ContentType = "image/jpeg", ETag = File.Exists(path) ? LocalFolderUploads.ETagOf(new FileInfo(path)) : "\"0x0\"" },
                ["Metadata"] = new { },
                ["name"] = name,
                ["sys"] = new { MethodName = "AnalyzeImage", UtcNow = DateTime.UtcNow, RandGuid = Guid.NewGuid() },
            },
        }, HostJson);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Backend.Dispose();
    }
}
