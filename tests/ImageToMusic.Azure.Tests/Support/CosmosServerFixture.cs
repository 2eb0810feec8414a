using System.Net;
using System.Net.Sockets;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.LocalAzure;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Tests.Support;

/// <summary>One local Cosmos server for every test class in <see cref="CosmosServerCollection"/>; each test takes its own database.</summary>
public sealed class CosmosServerFixture : IDisposable
{
    private readonly CosmosServerProcess server = CosmosServerProcess.Start(FreePort());

    public CosmosServerFixture() => Client = server.CreateClient();

    public CosmosClient Client { get; }

    /// <summary>A new database with the app's containers, so tests sharing the server never see each other's data.</summary>
    public CosmosStores NewStores() => new(Client, NewDatabase().Id);

    public Database NewDatabase()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        CosmosSetup.EnsureCreatedAsync(Client, name).GetAwaiter().GetResult();
        return Client.GetDatabase(name);
    }

    public void Dispose()
    {
        Client.Dispose();
        server.Dispose();
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
