using Azure.Storage.Queues;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Server;
using ImageToMusic.Server.Composition;
using ImageToMusic.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImageToMusic.Functions;

/// <summary>The function app's services: the doors as `serve` composes them, with follow-ups on the Storage queue.</summary>
public static class FunctionAppComposition
{
    /// <param name="options">Keys are the Functions host's business, so these carry none; tests give the Teams bot a stand-in identity here.</param>
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, ServerOptions? options = null)
    {
        services.AddImageToMusicDoors(configuration, options ?? new ServerOptions());
        services.AddSingleton<IFollowUpQueue>(s => new StorageFollowUpQueue(FollowUpQueue(ImageToMusicSettings.Reader(configuration),
            s.GetRequiredService<IOptions<ImageToMusicSettings>>().Value)));
        return services;
    }

    /// <summary>The queue the trigger drains, through the same host storage connection: a connection string (Azurite), else identity-based.</summary>
    private static QueueClient FollowUpQueue(Func<string, string?> setting, ImageToMusicSettings settings)
    {
        var name = setting(AppSettings.FollowUpsQueue) ?? throw new InvalidOperationException($"The setting {AppSettings.FollowUpsQueue} is missing.");
        if (setting(AppSettings.HostStorage) is { } connection) return new QueueClient(connection, name, StorageFollowUpQueue.ClientOptions);
        if (setting(AppSettings.HostStorageQueues) is { } uri)
            return new QueueServiceClient(new Uri(uri), settings.Credential(), StorageFollowUpQueue.ClientOptions).GetQueueClient(name);
        throw new InvalidOperationException($"No host storage: set {AppSettings.HostStorageQueues} (Azure) or {AppSettings.HostStorage} (a connection string).");
    }
}
