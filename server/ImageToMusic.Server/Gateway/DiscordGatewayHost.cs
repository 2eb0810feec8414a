using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Discord.AutoReplies;
using ImageToMusic.Bots.Discord.Gateway;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Server.Composition;
using ImageToMusic.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace ImageToMusic.Server.Gateway;

/// <summary>
/// `imagetomusic discord gateway`: the Discord Gateway connection as a long-running worker, handing every photo posted in
/// a switched-on channel to the follow-up queue. With <see cref="AppSettings.FollowUpsQueue"/> set (Azure) it only
/// reads the switches and enqueues, and the function app replies; without it (one machine) it composes the engine as
/// `serve` does and replies in this process.
/// </summary>
public static class DiscordGatewayHost
{
    /// <param name="settings">Names as in <see cref="AppSettings"/>; they win over the environment's.</param>
    /// <param name="gateway">Timings and shards; null: Discord's documented defaults.</param>
    public static async Task<IHost> BuildAsync(IReadOnlyDictionary<string, string> settings, Func<GatewayOptions, GatewayOptions>? gateway = null,
        CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder().WithSettings(settings);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        var setting = ImageToMusicSettings.Reader(builder.Configuration);
        var discord = DiscordOptions.From(setting) is { BotToken: not null } configured
            ? configured
            : throw new InvalidOperationException($"Set {DiscordSettings.BotToken} to the bot token from the Developer Portal's Bot page.");
        var perMinute = ChannelRepliesPerMinute(setting);

        var handsOn = setting(AppSettings.FollowUpsQueue) is not null;
        if (handsOn)
        {
            builder.Services.AddImageToMusicStores(builder.Configuration);
            builder.Services.AddOutboundHttp();
            builder.Services.AddStorageFollowUps(builder.Configuration);
        }
        else
        {
            builder.Services.AddImageToMusicDoors(builder.Configuration, new ServerOptions());
            builder.Services.AddInProcessFollowUps();
        }
        builder.Services.AddSingleton(s => new PhotoPostListener(s.GetRequiredService<IAutoReplyStore>(), s.GetRequiredService<IFollowUpQueue>(),
            new ChannelThrottle(perMinute, s.GetRequiredService<TimeProvider>()), s.GetRequiredService<ILogger<PhotoPostListener>>(),
            s.GetRequiredService<TimeProvider>(), s.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton(s =>
        {
            var options = new GatewayOptions(discord.BotToken!, GatewayIntents.PhotoBot) { ApiBase = discord.ApiBase };
            var listener = s.GetRequiredService<PhotoPostListener>();
            return new DiscordGateway(gateway?.Invoke(options) ?? options, s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Discord),
                (dispatch, c) => listener.HandleAsync(dispatch.Type, dispatch.Data, c), s.GetRequiredService<ILogger<DiscordGateway>>(),
                s.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<GatewayWorker>();
        builder.Services.AddHostedService(s => s.GetRequiredService<GatewayWorker>());

        var host = builder.Build();
        if (!handsOn) await host.Services.LoadCatalogAsync(cancellation);
        else _ = host.Services.GetRequiredService<IAutoReplyStore>(); // checks the store settings now, not at the first photo
        return host;
    }

    private static int ChannelRepliesPerMinute(Func<string, string?> setting) => setting(DiscordSettings.ChannelRepliesPerMinute) switch
    {
        null => ChannelThrottle.DefaultPerMinute,
        var text when int.TryParse(text, out var perMinute) && perMinute > 0 => perMinute,
        var text => throw new InvalidOperationException($"{DiscordSettings.ChannelRepliesPerMinute} is '{text}'; use a whole number of replies a minute, at least 1."),
    };
}
