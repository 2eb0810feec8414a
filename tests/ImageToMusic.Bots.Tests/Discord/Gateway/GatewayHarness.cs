using System.Collections.Concurrent;
using ImageToMusic.Bots.Discord.Gateway;
using ImageToMusic.DiscordStandIn;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Tests.Discord.Gateway;

/// <summary>The real Gateway client running against the real stand-in on 127.0.0.1, with what it handed on and logged.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient http = new();
    private readonly ConcurrentQueue<GatewayDispatch> dispatches = new();

    private GatewayHarness(StandIn discord, GatewayOptions options, Func<GatewayDispatch, Task>? handler)
    {
        Discord = discord;
        Options = options;
        var gateway = new DiscordGateway(options, http, async (dispatch, _) =>
        {
            dispatches.Enqueue(dispatch);
            if (handler is not null) await handler(dispatch);
        }, Logger, TimeProvider.System);
        Run = Task.Run(() => gateway.RunAsync(stopping.Token));
    }

    public StandIn Discord { get; }
    public GatewayOptions Options { get; }
    public ListLogger Logger { get; } = new();
    public Task Run { get; }
    public IReadOnlyList<GatewayDispatch> Dispatches => [.. dispatches];

    public static async Task<GatewayHarness> StartAsync(
        StandInOptions? standIn = null, Func<GatewayOptions, GatewayOptions>? configure = null, Func<GatewayDispatch, Task>? handler = null)
    {
        var discord = await StandIn.StartAsync(standIn ?? new StandInOptions { HeartbeatIntervalMs = 500 });
        var options = new GatewayOptions(discord.Options.BotToken, GatewayIntents.PhotoBot)
        {
            ApiBase = discord.ApiBase,
            IdentifyWindow = TimeSpan.FromMilliseconds(50),
            BackoffBase = TimeSpan.FromMilliseconds(5),
            BackoffMax = TimeSpan.FromMilliseconds(20),
            InvalidSessionWaitMin = TimeSpan.FromMilliseconds(5),
            InvalidSessionWaitMax = TimeSpan.FromMilliseconds(20),
            HandshakeTimeout = TimeSpan.FromSeconds(5),
        };
        return new GatewayHarness(discord, configure?.Invoke(options) ?? options, handler);
    }

    /// <summary>Started and READY on shard 0.</summary>
    public static async Task<GatewayHarness> ReadyAsync(StandInOptions? standIn = null, Func<GatewayOptions, GatewayOptions>? configure = null)
    {
        var harness = await StartAsync(standIn, configure);
        await harness.Discord.WaitForLiveSessionAsync(Timeout);
        await harness.WaitForDispatchAsync(d => d.Type == "READY");
        return harness;
    }

    public Task WaitForDispatchAsync(Func<GatewayDispatch, bool> which, string what = "a dispatch") =>
        Discord.WaitUntilAsync(() => dispatches.Any(which), Timeout, what);

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Run.WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try { await Run.WaitAsync(Timeout); }
        catch (Exception) { } // the test has looked at what it wanted
        http.Dispose();
        await Discord.DisposeAsync();
        stopping.Dispose();
    }
}

/// <summary>Collects log lines (to check, among others, that the token never appears).</summary>
internal sealed class ListLogger : ILogger<DiscordGateway>
{
    private readonly ConcurrentQueue<string> lines = new();
    public IReadOnlyList<string> Lines => [.. lines];
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
}
