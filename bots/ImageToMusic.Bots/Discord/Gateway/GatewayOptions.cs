namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// How the Gateway client connects. The defaults are Discord's documented ones; tests pass small windows and
/// intervals. <see cref="ToString"/> leaves the token out, so options can be logged.
/// </summary>
public sealed record GatewayOptions(string BotToken, int Intents)
{
    /// <summary>Discord's HTTP API (GET /gateway/bot is read from here).</summary>
    public string ApiBase { get; init; } = DiscordSettings.DefaultApiBase;

    /// <summary>How many shards to run in this process; null takes the recommended <c>shards</c> from GET /gateway/bot.</summary>
    public int? ShardCount { get; init; }

    /// <summary>IDENTIFYs are limited to max_concurrency per this window (Discord: 5 seconds).</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait between failed connection attempts; it doubles up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After INVALID_SESSION (d: false) a new IDENTIFY waits a random time in this range (Discord: 1–5 s).</summary>
    public TimeSpan InvalidSessionWaitMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionWaitMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A larger Gateway message is not read: the connection is closed and resumed.</summary>
    public int MaxMessageBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long to wait for HELLO after connecting, and for the server's answer to a close frame.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public override string ToString() =>
        $"GatewayOptions {{ Intents = {Intents}, ApiBase = {ApiBase}, ShardCount = {ShardCount?.ToString() ?? "recommended"}, " +
        $"IdentifyWindow = {IdentifyWindow}, Backoff = {BackoffBase}..{BackoffMax} }}";
}
