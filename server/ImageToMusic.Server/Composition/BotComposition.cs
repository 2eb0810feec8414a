using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Engine;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Composition;

/// <summary>The bots the settings turn on; a door whose bot is off answers 503.</summary>
public sealed record BotDoors(DiscordInteractions? Discord, TeamsMessageHandler? Teams);

/// <summary>The Discord and Teams bots as services, when configured.</summary>
public static class BotComposition
{
    /// <summary>
    /// The Discord bot: the replies its follow-ups make (on whichever queue the host adds), and, with a public key, the
    /// interactions door.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, DiscordOptions discord)
    {
        services.AddSingleton(s => new DiscordApi(s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Discord), discord.ApiBase, discord.BotToken,
            s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new AttachmentDownload(new SafeFetcher(s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.DiscordAttachments)),
            discord.AttachmentPolicy, s.GetRequiredService<ImageLimits>()));
        services.AddSingleton(s => new SoundtrackReplies(s.GetRequiredService<Recommender>(), s.GetRequiredService<AttachmentDownload>(),
            s.GetRequiredService<DiscordApi>(), s.GetRequiredService<ILogger<SoundtrackReplies>>()));
        services.AddSingleton(s => new PhotoPostReplies(s.GetRequiredService<Recommender>(), s.GetRequiredService<StoryService>(),
            s.GetRequiredService<AttachmentDownload>(), s.GetRequiredService<DiscordApi>(), s.GetRequiredService<ILogger<PhotoPostReplies>>()));
        if (discord.PublicKey is { } publicKey)
            services.AddSingleton(s => new DiscordInteractions(new DiscordSignature(publicKey, s.GetRequiredService<TimeProvider>()),
                new SoundtrackCommand(s.GetRequiredService<IFollowUpQueue>()),
                new ChannelSwitchCommand(s.GetRequiredService<IAutoReplyStore>(), s.GetRequiredService<TimeProvider>()),
                new FeedbackClick(s.GetRequiredService<FeedbackService>()),
                s.GetRequiredService<ILogger<DiscordInteractions>>()));
        return services;
    }

    /// <summary>The Teams bot: the messages door, and the replies its photo follow-ups make.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, TeamsOptions teams)
    {
        services.AddSingleton(s =>
        {
            var http = s.GetRequiredService<IHttpClientFactory>();
            return new BotConnectorClient(http.CreateClient(OutboundHttp.Teams), new SafeFetcher(http.CreateClient(OutboundHttp.TeamsAttachments)),
                new BotTokenCache(teams.Credential));
        });
        services.AddSingleton(s => new RecommendationCards(s.GetRequiredService<IAnalysisStore>(), s.GetRequiredService<FeedbackService>()));
        services.AddSingleton(s => new TeamsPhotoReplies(s.GetRequiredService<Recommender>(), s.GetRequiredService<IAnalysisStore>(),
            s.GetRequiredService<RecommendationCards>(), s.GetRequiredService<ImageLimits>(), s.GetRequiredService<BotConnectorClient>(),
            s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new TeamsMessageHandler(
            new BotConnectorAuthenticator(teams.AppId, s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Teams), teams.OpenIdMetadataUrl),
            new TeamsBot(s.GetRequiredService<FeedbackService>(), s.GetRequiredService<RecommendationCards>(), s.GetRequiredService<IFollowUpQueue>(),
                s.GetRequiredService<BotConnectorClient>(), s.GetRequiredService<IAutoReplyStore>(), s.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>What a follow-up is done with, whichever bots are on; both hosts' queues hand their messages to it.</summary>
    public static IServiceCollection AddFollowUpReplies(this IServiceCollection services) =>
        services.AddSingleton(s => new FollowUpReplies(s.GetService<SoundtrackReplies>(), s.GetService<PhotoPostReplies>(), s.GetService<TeamsPhotoReplies>(),
            s.GetRequiredService<ILogger<FollowUpReplies>>()));
}
