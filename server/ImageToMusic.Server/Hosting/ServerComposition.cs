using Azure.Storage.Queues;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Server.Composition;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Uploads;
using Microsoft.Extensions.Configuration;

namespace ImageToMusic.Server.Hosting;

/// <summary>How both hosts compose the doors: `serve` (<see cref="ServerApp"/>) and the function app call these alike.</summary>
public static class ServerComposition
{
    /// <summary>
    /// The engine, stores and uploads (<see cref="EngineComposition.AddImageToMusic"/>), and everything the doors use:
    /// outbound HTTP, the bots the settings turn on, JSON as the API writes it, the request limits.
    /// </summary>
    public static IServiceCollection AddImageToMusicDoors(this IServiceCollection services, IConfiguration configuration, ServerOptions options)
    {
        var setting = ImageToMusicSettings.Reader(configuration);
        var discord = DiscordOptions.From(setting);
        var teams = options.Teams ?? TeamsSetup.FromSettings(setting);
        services.AddImageToMusic(configuration);
        services.AddSingleton(options);
        services.AddOutboundHttp(allowLoopbackPhotoSources: options.AllowLocalImageServers,
            allowLoopbackAttachments: (discord?.AttachmentsFromLoopback ?? false) || (teams?.AttachmentsFromLoopback ?? false));
        services.AddSingleton(s => new StoryImages(s.GetRequiredService<IUploads>(),
            new SafeFetcher(s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.PhotoSources)),
            s.GetRequiredService<ImageLimits>(), new FetchPolicy { AllowPlainHttp = options.AllowLocalImageServers }));
        services.AddSingleton<UploadAnalysis>();
        if (discord is not null) services.AddDiscordBot(discord);
        if (teams is not null) services.AddTeamsBot(teams);
        services.AddFollowUpReplies();
        services.AddSingleton(s => new BotDoors(discord?.PublicKey is null ? null : s.GetRequiredService<DiscordInteractions>(),
            teams is null ? null : s.GetRequiredService<TeamsMessageHandler>()));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = RequestJson.Options.PropertyNamingPolicy;
            foreach (var converter in RequestJson.Options.Converters) o.SerializerOptions.Converters.Add(converter);
        });
        services.AddSingleton<RequestLimits>();
        services.AddSingleton<HttpDoors>();
        return services;
    }

    /// <summary>
    /// Follow-ups on the Storage queue the function app drains (<see cref="AppSettings.FollowUpsQueue"/>), reached through
    /// the host storage: a connection string (Azurite), else the queue endpoint with the managed identity (Azure).
    /// </summary>
    public static IServiceCollection AddStorageFollowUps(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IFollowUpQueue>(s =>
        {
            var setting = ImageToMusicSettings.Reader(configuration);
            var name = setting(AppSettings.FollowUpsQueue) ?? throw new InvalidOperationException($"The setting {AppSettings.FollowUpsQueue} is missing.");
            if (setting(AppSettings.HostStorage) is { } connection) return new StorageFollowUpQueue(new QueueClient(connection, name, StorageFollowUpQueue.ClientOptions));
            if (setting(AppSettings.HostStorageQueues) is { } uri)
                return new StorageFollowUpQueue(new QueueServiceClient(new Uri(uri), EngineComposition.Settings(s).Credential(), StorageFollowUpQueue.ClientOptions).GetQueueClient(name));
            throw new InvalidOperationException($"No host storage: set {AppSettings.HostStorageQueues} (Azure) or {AppSettings.HostStorage} (a connection string).");
        });

    /// <summary>Follow-ups kept in this process (`serve`): the work runs beside the server and is awaited when it stops.</summary>
    public static IServiceCollection AddInProcessFollowUps(this IServiceCollection services)
    {
        services.AddSingleton(s => new InProcessFollowUpQueue(s.GetRequiredService<FollowUpReplies>(),
            s.GetRequiredService<ILogger<InProcessFollowUpQueue>>(), Environment.ProcessorCount, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IFollowUpQueue>(s => s.GetRequiredService<InProcessFollowUpQueue>());
        services.AddHostedService(s => s.GetRequiredService<InProcessFollowUpQueue>());
        return services;
    }
}
