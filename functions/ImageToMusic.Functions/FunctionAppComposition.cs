using Azure.Storage.Queues;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Functions;

/// <summary>The function app's services: the doors as `serve` composes them, with follow-ups on the Storage queue.</summary>
public static class FunctionAppComposition
{
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, Backend backend, Func<string, string?> setting)
    {
        services.AddImageToMusicDoors(backend, new ServerOptions { Teams = TeamsSetup.FromSettings(setting) });
        services.AddSingleton<ISoundtrackQueue>(new StorageSoundtrackQueue(FollowUpQueue(setting)));
        return services;
    }

    /// <summary>The queue the trigger drains, through the same host storage connection: a connection string (Azurite), else identity-based.</summary>
    private static QueueClient FollowUpQueue(Func<string, string?> setting)
    {
        var name = setting(AppSettings.FollowUpsQueue) is { Length: > 0 } queue ? queue : throw new InvalidOperationException($"The setting {AppSettings.FollowUpsQueue} is missing.");
        if (setting(AppSettings.HostStorage) is { Length: > 0 } connection) return new QueueClient(connection, name, StorageSoundtrackQueue.ClientOptions);
        if (setting(AppSettings.HostStorageQueues) is { Length: > 0 } uri)
            return new QueueServiceClient(new Uri(uri), BackendFactory.Credential(setting), StorageSoundtrackQueue.ClientOptions).GetQueueClient(name);
        throw new InvalidOperationException($"No host storage: set {AppSettings.HostStorageQueues} (Azure) or {AppSettings.HostStorage} (a connection string).");
    }
}
