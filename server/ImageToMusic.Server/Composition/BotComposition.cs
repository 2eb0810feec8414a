using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Composition;

/// <summary>The bots the settings turn on; a door whose bot is off answers 503.</summary>
public sealed record BotDoors(DiscordInteractions? Discord, TeamsMessageHandler? Teams);

/// <summary>The Discord and Teams bots as services, when configured.</summary>
public static class BotComposition
{
    /// <summary>The Discord bot: the interactions door, and the replies its follow-ups make (on whichever queue the host adds).</summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, DiscordOptions discord)
    {
        services.AddSingleton(s =>
        {
            var http = s.GetRequiredService<IHttpClientFactory>();
            var recommender = s.GetRequiredService<Recommender>();
            return new SoundtrackReplies(recommender,
                new AttachmentDownload(new SafeFetcher(http.CreateClient(OutboundHttp.DiscordAttachments)), discord.AttachmentPolicy, recommender.Analyzer.Limits),
                new DiscordApi(http.CreateClient(OutboundHttp.Discord), discord.ApiBase, clock: s.GetRequiredService<TimeProvider>()),
                s.GetRequiredService<ILogger<SoundtrackReplies>>());
        });
        services.AddSingleton(s => new DiscordInteractions(new DiscordSignature(discord.PublicKey, s.GetRequiredService<TimeProvider>()),
            new SoundtrackCommand(s.GetRequiredService<ISoundtrackQueue>()), new FeedbackClick(s.GetRequiredService<FeedbackService>()),
            s.GetRequiredService<ILogger<DiscordInteractions>>()));
        return services;
    }

    public static IServiceCollection AddTeamsBot(this IServiceCollection services, TeamsOptions teams) =>
        services.AddSingleton(s =>
        {
            var http = s.GetRequiredService<IHttpClientFactory>();
            var connector = new BotConnectorClient(http.CreateClient(OutboundHttp.Teams), new SafeFetcher(http.CreateClient(OutboundHttp.TeamsAttachments)),
                new BotTokenCache(teams.Credential));
            var bot = new TeamsBot(s.GetRequiredService<Recommender>(), s.GetRequiredService<IAnalysisStore>(), s.GetRequiredService<FeedbackService>(),
                s.GetRequiredService<ImageLimits>(), connector, s.GetRequiredService<TimeProvider>());
            return new TeamsMessageHandler(new BotConnectorAuthenticator(teams.AppId, http.CreateClient(OutboundHttp.Teams), teams.OpenIdMetadataUrl), bot);
        });
}
