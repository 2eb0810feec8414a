using Azure.Core;
using Azure.Storage.Blobs;
using ImageToMusic.Azure.Blobs;
using ImageToMusic.LocalAzure;

namespace ImageToMusic.Azure.Tests.Support;

/// <summary>One real Azurite blob service on a free 127.0.0.1 port, shared by a test class and stopped after it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(Path.Combine(TestData.RepoRoot, "tools", "azurite"));

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A new, existing container of its own, so tests sharing this Azurite never see each other's blobs;
    /// <paramref name="log"/>, if given, records every request the container's client sends.
    /// </summary>
    public async Task<UploadsContainer> NewContainerAsync(RequestLog? log = null)
    {
        var options = new BlobClientOptions();
        if (log != null) options.AddPolicy(log, HttpPipelinePosition.PerCall);
        var service = new BlobServiceClient(Azurite.ConnectionString, options);
        var container = new UploadsContainer(service, "t" + Guid.NewGuid().ToString("N"));
        await container.EnsureExistsAsync();
        return container;
    }
}
