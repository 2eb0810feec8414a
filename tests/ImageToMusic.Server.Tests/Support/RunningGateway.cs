using ImageToMusic.Bots.Discord.AutoReplies;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.DiscordStandIn;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Server.Gateway;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Server.Tests.Support;

/// <summary>
/// `discord gateway` as one machine runs it (SQLite, the real engine, replies in process) against the Discord stand-in
/// on 127.0.0.1: the real Gateway client over a real WebSocket, the real REST calls, photos served as attachments.
/// </summary>
public sealed class RunningGateway : IAsyncDisposable
{
    public const string Guild = "900000000000000001";
    public const string Photos = "900000000000000010";
    public const string Person = "900000000000000100";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static int nextMessage;

    private readonly IHost host;

    private RunningGateway(StandIn discord, IHost host)
    {
        Discord = discord;
        this.host = host;
    }

    public StandIn Discord { get; }
    public IAutoReplyStore Channels => host.Services.GetRequiredService<IAutoReplyStore>();
    public PhotoPostListener Listener => host.Services.GetRequiredService<PhotoPostListener>();
    public GatewayWorker Worker => host.Services.GetRequiredService<GatewayWorker>();
    public Task Stopped => host.WaitForShutdownAsync();

    public static async Task<RunningGateway> StartAsync(StandInOptions? standIn = null, int repliesPerMinute = ChannelThrottle.DefaultPerMinute)
    {
        var discord = await StandIn.StartAsync(standIn ?? new StandInOptions { HeartbeatIntervalMs = 500 });
        var folder = TestData.NewTempFolder();
        var store = Path.Combine(folder, "store.db");
        await new SqliteCatalogStore(SqliteDatabase.Open(store)).SaveAsync([.. CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv"))]);
        var host = await DiscordGatewayHost.BuildAsync(new Dictionary<string, string>
        {
            [AppSettings.StoreKind] = "sqlite", [AppSettings.SqlitePath] = store, [AppSettings.UploadsFolder] = Path.Combine(folder, "uploads"),
            [AppSettings.UserSalt] = RunningApp.Salt, [AppSettings.ModelFolder] = TestData.Models,
            [AppSettings.DiscordBotToken] = discord.Options.BotToken, [AppSettings.DiscordApiBase] = discord.ApiBase,
            [Bots.Discord.DiscordSettings.ChannelRepliesPerMinute] = repliesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, options => options with
        {
            IdentifyWindow = TimeSpan.FromMilliseconds(50), BackoffBase = TimeSpan.FromMilliseconds(5), BackoffMax = TimeSpan.FromMilliseconds(20),
            InvalidSessionWaitMin = TimeSpan.FromMilliseconds(5), InvalidSessionWaitMax = TimeSpan.FromMilliseconds(20),
        });
        await host.StartAsync();
        await discord.WaitForLiveSessionAsync(Timeout);
        return new RunningGateway(discord, host);
    }

    public Task SwitchOnAsync(string channel = Photos) => Channels.SetAsync(new ChatChannel("discord", Guild, channel), true, DateTimeOffset.UtcNow);

    /// <summary>Serves the Emotion6 photos as attachments and dispatches a MESSAGE_CREATE carrying them; returns the message id.</summary>
    public async Task<string> PostPhotosAsync(string channel = Photos, string author = Person, bool bot = false, params string[] emotion6Photos)
    {
        if (emotion6Photos.Length == 0) emotion6Photos = ["joy/6.jpg"];
        var id = (800000000000000000L + Interlocked.Increment(ref nextMessage)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var attachments = emotion6Photos.Select((photo, i) => new
        {
            id = $"{id}{i}", filename = "photo.jpg", size = new FileInfo(Path.Combine(TestData.Emotion6Images, photo)).Length, content_type = "image/jpeg",
            url = Discord.Attach($"{id}-{i}.jpg", File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, photo))),
        }).ToArray();
        await Discord.DispatchAsync("MESSAGE_CREATE", new
        {
            id, channel_id = channel, guild_id = Guild, type = 0, content = "", attachments,
            author = new { id = author, username = "someone", bot },
        });
        return id;
    }

    /// <summary>Waits until every follow-up handed on so far is done (its reply posted).</summary>
    public async Task SettledAsync(int handledEvents)
    {
        await Discord.WaitUntilAsync(() => Listener.Counts.Values.Sum() >= handledEvents, Timeout, $"{handledEvents} MESSAGE_CREATE events handled");
        await host.Services.GetRequiredService<InProcessFollowUpQueue>().WhenIdleAsync().WaitAsync(Timeout);
    }

    /// <summary>The replies posted to a channel's messages, as Discord received them.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> RepliesIn(string channel) =>
        [.. Discord.Calls.Where(c => c.Method == "POST" && c.Path == $"/api/v10/channels/{channel}/messages")
            .Select(c => System.Text.Json.JsonDocument.Parse(c.Body).RootElement.Clone())];

    public async ValueTask DisposeAsync()
    {
        try { await host.StopAsync().WaitAsync(Timeout); }
        finally
        {
            host.Dispose();
            await Discord.DisposeAsync();
        }
    }
}
