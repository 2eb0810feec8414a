using Azure.Storage.Queues;
using ImageToMusic.Bots.Discord;
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
    /// <summary>Keys are the Functions host's business here, so the options carry none.</summary>
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddImageToMusicDoors(configuration, new ServerOptions());
        services.AddSingleton<ISoundtrackQueue>(s => new StorageSoundtrackQueue(FollowUpQueue(ImageToMusicSettings.Reader(configuration),
            s.GetRequiredService<IOptions<ImageToMusicSettings>>().Value)));
        return services;
    }

    /// <summary>The queue the trigger drains, through the same host storage connection: a connection string (Azurite), else identity-based.</summary>
    private static QueueClient FollowUpQueue(Func<string, string?> setting, ImageToMusicSettings settings)
    {
        var name = setting(AppSettings.FollowUpsQueue) ?? throw new InvalidOperationException($"The setting {AppSettings.FollowUpsQueue} is missing.");
        if (setting(AppSettings.HostStorage) is { } connection) return new QueueClient(connection, name, StorageSoundtrackQueue.ClientOptions);
        if (setting(AppSettings.HostStorageQueues) is { } uri)
            return new QueueServiceClient(new Uri(uri), settings.Credential(), StorageSoundtrackQueue.ClientOptions).GetQueueClient(name);
        throw new InvalidOperationException($"No host storage: set {AppSettings.HostStorageQueues} (Azure) or {AppSettings.HostStorage} (a connection string).");
    }
}
