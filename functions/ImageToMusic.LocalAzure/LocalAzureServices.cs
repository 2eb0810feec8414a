using System.Net;
using System.Net.Sockets;
using ImageToMusic.Azure.Blobs;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Engine.Music;
using ImageToMusic.Server;
using ImageToMusic.Server.Composition;

namespace ImageToMusic.LocalAzure;

/// <summary>
/// Azurite and the Cosmos server on 127.0.0.1 for `serve --azure-local` and the tests: started, given the database,
/// containers and uploads container the app expects, seeded with the local catalog, and stopped on dispose.
/// </summary>
public sealed class LocalAzureServices : IAsyncDisposable
{
    private readonly AzuriteProcess azurite;
    private readonly CosmosServerProcess cosmos;

    private LocalAzureServices(AzuriteProcess azurite, CosmosServerProcess cosmos)
    {
        this.azurite = azurite;
        this.cosmos = cosmos;
    }

    public string UploadsConnectionString => azurite.ConnectionString;
    public UploadsContainer Uploads => new(azurite.ConnectionString, ImageToMusicSettings.DefaultUploadsContainer);
    public string CosmosEndpoint => cosmos.Endpoint;

    /// <summary>The settings that point the function app at these services.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [AppSettings.StoreKind] = "cosmos",
        [AppSettings.CosmosEndpoint] = cosmos.Endpoint,
        [AppSettings.CosmosKey] = cosmos.Key,
        [AppSettings.CosmosDatabase] = ImageToMusicSettings.DefaultCosmosDatabase,
        [AppSettings.UploadsConnectionString] = azurite.ConnectionString,
        [AppSettings.UploadsContainer] = ImageToMusicSettings.DefaultUploadsContainer,
    };

    public static async Task<LocalAzureServices> StartAsync(IReadOnlyList<Track> catalog, CancellationToken cancellation = default)
    {
        var azurite = await AzuriteProcess.StartAsync(LocalTools.Find("azurite"), cancellationToken: cancellation);
        CosmosServerProcess cosmos;
        try
        {
            cosmos = await CosmosServerProcess.StartAsync(FreePort(), cancellation: cancellation);
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
        var services = new LocalAzureServices(azurite, cosmos);
        try
        {
            await services.Uploads.EnsureExistsAsync(cancellation);
            using var client = cosmos.CreateClient();
            await CosmosSetup.EnsureCreatedAsync(client, ImageToMusicSettings.DefaultCosmosDatabase, cancellation);
            await new CosmosStores(client, ImageToMusicSettings.DefaultCosmosDatabase).Catalog.SaveAsync([.. catalog], cancellation);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        cosmos.Dispose();
        azurite.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
