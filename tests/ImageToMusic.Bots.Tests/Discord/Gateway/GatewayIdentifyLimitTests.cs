using ImageToMusic.Bots.Discord.Gateway;
using ImageToMusic.DiscordStandIn;

namespace ImageToMusic.Bots.Tests.Discord.Gateway;

/// <summary>Discord's limits on starting sessions: session_start_limit.remaining and max_concurrency per identify window.</summary>
public sealed class GatewayIdentifyLimitTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    [Fact]
    public async Task With_no_session_starts_remaining_the_IDENTIFY_waits_reset_after()
    {
        await using var gateway = await GatewayHarness.StartAsync(new StandInOptions
        {
            HeartbeatIntervalMs = 500, SessionStartRemaining = 0, SessionStartResetAfterMs = 600,
        });
        var reset = gateway.Discord.SessionStartsResetAt; // the stand-in counts reset_after from its own start

        await gateway.Discord.WaitForIdentifiesAsync(1, Timeout);

        // A timer may fire a millisecond early; the client waits reset_after as the stand-in announced it.
        var early = reset - gateway.Discord.Identifies[0].At;
        Assert.True(early <= TimeSpan.FromMilliseconds(5), $"identified {early.TotalMilliseconds} ms before the session starts reset");
        Assert.True(gateway.Discord.Calls.Count(c => c.Path == "/api/v10/gateway/bot") >= 2, "gateway/bot read again after the wait");
    }

    [Fact]
    public async Task Two_shards_with_max_concurrency_1_identify_at_least_the_identify_window_apart()
    {
        var window = TimeSpan.FromMilliseconds(700);
        await using var gateway = await GatewayHarness.StartAsync(
            new StandInOptions { HeartbeatIntervalMs = 500, Shards = 2, MaxConcurrency = 1 },
            o => o with { IdentifyWindow = window });

        await gateway.Discord.WaitForIdentifiesAsync(2, Timeout);

        var identifies = gateway.Discord.Identifies.OrderBy(i => i.At).ToList();
        Assert.Equal([0, 1], identifies.Select(i => i.ShardId).Order());
        Assert.All(identifies, i => Assert.Equal(2, i.ShardCount));
        var gap = identifies[1].At - identifies[0].At;
        // The client times the window from sending; the stand-in records arrival, which a busy machine may delay for the
        // first more than for the second. Without the limiter the two arrive milliseconds apart.
        Assert.True(gap >= window - TimeSpan.FromMilliseconds(150), $"identifies {gap.TotalMilliseconds} ms apart");
        await gateway.Discord.WaitForLiveSessionAsync(Timeout, shard: 0);
        await gateway.Discord.WaitForLiveSessionAsync(Timeout, shard: 1);
    }

    [Fact]
    public async Task Two_shards_with_max_concurrency_2_identify_at_once()
    {
        var window = TimeSpan.FromSeconds(30);
        await using var gateway = await GatewayHarness.StartAsync(
            new StandInOptions { HeartbeatIntervalMs = 500, Shards = 2, MaxConcurrency = 2 },
            o => o with { IdentifyWindow = window });

        await gateway.Discord.WaitForIdentifiesAsync(2, Timeout); // with one key they would be 30 s apart

        Assert.Equal([0, 1], gateway.Discord.Identifies.Select(i => i.ShardId).Order());
    }

    [Fact]
    public async Task Each_shard_gets_its_own_dispatches_and_one_fatal_close_stops_every_shard()
    {
        await using var gateway = await GatewayHarness.StartAsync(
            new StandInOptions { HeartbeatIntervalMs = 500, Shards = 2, MaxConcurrency = 2 });
        await gateway.Discord.WaitForLiveSessionAsync(Timeout, shard: 0);
        await gateway.Discord.WaitForLiveSessionAsync(Timeout, shard: 1);
        var on1 = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "for-1" }, shard: 1);
        await gateway.WaitForDispatchAsync(d => d.Shard == 1 && d.Sequence == on1);

        await gateway.Discord.CloseAsync(4011, "Sharding required.", shard: 0);
        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(Timeout));

        Assert.Equal(4011, fatal.Code);
        Assert.Equal("for-1", gateway.Dispatches.Single(d => d.Sequence == on1 && d.Shard == 1).Data.GetProperty("id").GetString());
        await gateway.Discord.WaitUntilAsync(() => gateway.Discord.Connections.All(c => !c.Open), Timeout, "every shard's connection to close");
        Assert.Equal(2, gateway.Discord.Connections.Count);
    }
}
