using System.Net;
using System.Net.Sockets;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.LocalAzure;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Tests.Support;

/// <summary>One local Cosmos server for every test class in <see cref="CosmosServerCollection"/>; each test takes its own database.</summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private CosmosServerProcess? server;
    private CosmosClient? client;

    public CosmosClient Client => client ?? throw new InvalidOperationException("The Cosmos server has not started.");

    public async Task InitializeAsync()
    {
        server = await CosmosServerProcess.StartAsync(FreePort());
        client = server.CreateClient();
    }

    /// <summary>A new database with the app's containers, so tests sharing the server never see each other's data.</summary>
    public async Task<CosmosStores> NewStoresAsync() => new(Client, (await NewDatabaseAsync()).Id);

    public async Task<Database> NewDatabaseAsync()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        await CosmosSetup.EnsureCreatedAsync(Client, name);
        return Client.GetDatabase(name);
    }

    public Task DisposeAsync()
    {
        client?.Dispose();
        server?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The test classes that share one Cosmos server (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos server";
}
