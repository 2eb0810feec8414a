using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageToMusic.Server.Hosting;

/// <summary>How both hosts compose the doors: `serve` (<see cref="ServerApp"/>) and the function app call these alike.</summary>
public static class ServerComposition
{
    /// <summary>Everything the doors use: the backend, outbound HTTP, the bots, JSON as the API writes it, the request limits.</summary>
    public static IServiceCollection AddImageToMusicDoors(this IServiceCollection services, Backend backend, ServerOptions options)
    {
        services.AddSingleton(backend);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboundHttp(allowLoopbackPhotoSources: options.AllowLocalImageServers,
            allowLoopbackAttachments: (backend.Discord?.AttachmentsFromLoopback ?? false) || (options.Teams?.AttachmentsFromLoopback ?? false));
        services.AddSingleton(s => new StoryImages(backend.Uploads,
            new SafeFetcher(s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.PhotoSources)),
            backend.Limits, new FetchPolicy { AllowPlainHttp = options.AllowLocalImageServers }));
        services.AddSingleton<UploadAnalysis>();
        if (options.Teams is { } teams)
            services.AddSingleton(s => TeamsSetup.Handler(teams, backend, s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Teams),
                s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.TeamsAttachments)));
        if (backend.Discord is { } discord) services.AddDiscordBot(discord, backend);
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

    /// <summary>Follow-ups kept in this process (`serve`): the work runs beside the server and is awaited when it stops.</summary>
    public static IServiceCollection AddInProcessFollowUps(this IServiceCollection services)
    {
        services.AddSingleton(s => new InProcessSoundtrackQueue(s.GetRequiredService<SoundtrackReplies>(),
            s.GetRequiredService<ILogger<InProcessSoundtrackQueue>>(), Environment.ProcessorCount, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISoundtrackQueue>(s => s.GetRequiredService<InProcessSoundtrackQueue>());
        services.AddHostedService(s => s.GetRequiredService<InProcessSoundtrackQueue>());
        return services;
    }

    /// <summary>The Discord bot: the interactions door, and the replies its follow-ups make (on whichever queue the host added).</summary>
    private static void AddDiscordBot(this IServiceCollection services, DiscordOptions discord, Backend backend)
    {
        services.AddSingleton(s => DiscordBot.Replies(discord, backend.Recommender, s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Discord),
            s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.DiscordAttachments), s.GetRequiredService<ILoggerFactory>(),
            s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => DiscordBot.Interactions(discord, backend.FeedbackService, s.GetRequiredService<ISoundtrackQueue>(),
            s.GetRequiredService<ILoggerFactory>(), s.GetRequiredService<TimeProvider>()));
    }
}
