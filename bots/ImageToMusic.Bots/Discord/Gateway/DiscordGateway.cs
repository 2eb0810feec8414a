using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// A Discord Gateway client that listens and hands every dispatch on; no business logic. Runs one connection per
/// shard (the count from <see cref="GatewayOptions.ShardCount"/> or Discord's recommendation), identifies within
/// Discord's session start limits, heartbeats, resumes after drops and reconnect requests, and identifies anew
/// when the session is gone — all as Discord documents it.
/// </summary>
public sealed class DiscordGateway(
    GatewayOptions options, HttpClient http, Func<GatewayDispatch, CancellationToken, Task> onDispatch,
    ILogger<DiscordGateway> logger, TimeProvider clock)
{
    /// <summary>
    /// Runs until <paramref name="stopping"/> is cancelled (each connection then closes with 1000 and this returns).
    /// Throws <see cref="GatewayFatalException"/> when Discord refuses the bot for good (bad token, intents,
    /// sharding, API version); every shard stops then.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var bot = await ReadGatewayBotAsync(stopping);
        if (bot is null) return;
        var count = options.ShardCount ?? Math.Max(1, bot.Shards);
        logger.LogInformation("Discord Gateway: {Count} shard(s), {Remaining}/{Total} session starts left, max_concurrency {Concurrency}",
            count, bot.Limit.Remaining, bot.Limit.Total, bot.Limit.MaxConcurrency);
        var limiter = new IdentifyLimiter(bot, c => GatewayBot.ReadAsync(http, options, c), options, clock);
        using var everyShard = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var shards = Enumerable.Range(0, count).Select(async id =>
        {
            await Task.Yield();
            try { await new GatewayShard(id, count, options, limiter, onDispatch, logger, clock).RunAsync(everyShard.Token); }
            catch
            {
                await everyShard.CancelAsync(); // one shard refused for good: stop them all
                throw;
            }
        }).ToList();
        try { await Task.WhenAll(shards); }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        var fatal = shards.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException).OfType<GatewayFatalException>().FirstOrDefault();
        if (fatal is not null) throw fatal;
    }

    /// <summary>GET /gateway/bot, retried with backoff unless the token is refused; null when stopped first.</summary>
    private async Task<GatewayBot?> ReadGatewayBotAsync(CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await GatewayBot.ReadAsync(http, options, stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return null; }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or TaskCanceledException)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(options.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)), options.BackoffMax.TotalMilliseconds));
                logger.LogWarning("Discord Gateway: GET /gateway/bot failed ({Error}); trying again in {Wait} ms", e.Message, (int)wait.TotalMilliseconds);
                try { await Task.Delay(wait, clock, stopping); }
                catch (OperationCanceledException) { return null; }
            }
        }
    }
}
