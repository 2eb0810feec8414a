using System.Text.Json;
using ImageToMusic.Bots.Discord.Gateway;
using ImageToMusic.DiscordStandIn;

namespace ImageToMusic.Bots.Tests.Discord.Gateway;

/// <summary>One healthy connection: IDENTIFY, heartbeats, dispatches, server heartbeat requests, stopping.</summary>
public sealed class GatewaySessionTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    [Fact]
    public async Task IDENTIFY_carries_the_token_intents_shard_and_properties_on_the_url_from_gateway_bot()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();

        var identify = Assert.Single(gateway.Discord.Identifies);
        Assert.Equal((gateway.Discord.Options.BotToken, GatewayIntents.PhotoBot, 0, 1), (identify.Token, identify.Intents, identify.ShardId, identify.ShardCount));
        Assert.Equal("imagetomusic", identify.Properties.GetProperty("browser").GetString());
        Assert.Equal("imagetomusic", identify.Properties.GetProperty("device").GetString());
        Assert.False(string.IsNullOrEmpty(identify.Properties.GetProperty("os").GetString()));
        Assert.Equal("/gateway", Assert.Single(gateway.Discord.Connections).Path);
        var read = Assert.Single(gateway.Discord.Calls, c => c.Path == "/api/v10/gateway/bot");
        Assert.Equal(("GET", $"Bot {gateway.Discord.Options.BotToken}"), (read.Method, read.Authorization));
        var ready = Assert.Single(gateway.Dispatches);
        Assert.Equal((0, 1L, "READY"), (ready.Shard, ready.Sequence, ready.Type));
        Assert.DoesNotContain(gateway.Logger.Lines, l => l.Contains(gateway.Discord.Options.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heartbeats_keep_coming_and_carry_the_last_sequence()
    {
        await using var gateway = await GatewayHarness.ReadyAsync(new StandInOptions { HeartbeatIntervalMs = 300 });
        await gateway.Discord.WaitForHeartbeatsAsync(2, Timeout);
        var last = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "1" });
        await gateway.WaitForDispatchAsync(d => d.Sequence == last);
        var before = gateway.Discord.Heartbeats.Count;

        await gateway.Discord.WaitForHeartbeatsAsync(before + 3, Timeout);

        // One heartbeat sent before the dispatch arrived may still have been on its way when counted: skip it.
        var heartbeats = gateway.Discord.Heartbeats;
        // Each carries the last sequence received: this event's, or (if a starved machine missed an ACK and the
        // client resumed) the RESUMED after it.
        Assert.All(heartbeats.Skip(before + 1), h => Assert.InRange(h.Seq!.Value, last, gateway.Discord.LastSequence()));
        if (gateway.Discord.Resumes.Count == 0) Assert.All(heartbeats.Skip(before + 1), h => Assert.Equal(last, h.Seq));
    }

    [Fact]
    public async Task Dispatches_reach_the_handler_in_order_with_their_sequence_and_data()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();

        var sequences = new List<long>();
        for (var i = 0; i < 50; i++) sequences.Add(await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = i.ToString() }));
        await gateway.WaitForDispatchAsync(d => d.Sequence == sequences[^1]);

        var messages = gateway.Dispatches.Where(d => d.Type == "MESSAGE_CREATE").ToList();
        Assert.Equal(sequences, messages.Select(d => d.Sequence));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString()), messages.Select(d => d.Data.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_the_connection_carries_on()
    {
        await using var gateway = await GatewayHarness.StartAsync(handler: d => d.Type == "BOOM" ? throw new InvalidOperationException("handler broke") : Task.CompletedTask);
        await gateway.Discord.WaitForLiveSessionAsync(Timeout);

        await gateway.Discord.DispatchAsync("BOOM", new { });
        var after = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { });
        await gateway.WaitForDispatchAsync(d => d.Sequence == after);

        Assert.Contains(gateway.Logger.Lines, l => l.Contains("handler broke", StringComparison.Ordinal));
        Assert.Single(gateway.Discord.Connections);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_server_is_answered_at_once()
    {
        // A one-minute interval: no regular heartbeat is due while the test waits (the first comes after interval × jitter).
        await using var gateway = await GatewayHarness.ReadyAsync(new StandInOptions { HeartbeatIntervalMs = 60_000 });
        var last = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { });
        await gateway.WaitForDispatchAsync(d => d.Sequence == last);
        var before = gateway.Discord.Heartbeats.Count;

        var asked = DateTimeOffset.UtcNow;
        await gateway.Discord.RequestHeartbeatAsync();
        await gateway.Discord.WaitForHeartbeatsAsync(before + 1, TimeSpan.FromSeconds(10));

        var answer = gateway.Discord.Heartbeats[before];
        Assert.Equal(last, answer.Seq);
        Assert.True(answer.At - asked < TimeSpan.FromSeconds(10), "answered within the wait, long before any regular heartbeat");
    }

    [Fact]
    public async Task Cancelling_closes_with_1000_and_RunAsync_returns()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();

        await gateway.StopAsync();

        Assert.True(gateway.Run.IsCompletedSuccessfully);
        await gateway.Discord.WaitUntilAsync(() => !gateway.Discord.Connections[0].Open, Timeout, "the connection to close");
        var connection = Assert.Single(gateway.Discord.Connections);
        Assert.Equal(1000, connection.ClientCloseStatus);
    }

    [Fact]
    public async Task A_bad_token_is_refused_by_gateway_bot_with_a_clear_fatal_error()
    {
        await using var gateway = await GatewayHarness.StartAsync(configure: o => o with { BotToken = "not-the-token" });

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(Timeout));

        Assert.Equal(401, fatal.Code);
        Assert.Contains("DISCORD_BOT_TOKEN", fatal.Message);
        Assert.Empty(gateway.Discord.Connections);
    }

    [Fact]
    public async Task Asking_for_Message_Content_when_it_is_not_enabled_is_fatal_4014_saying_where_to_enable_it()
    {
        await using var gateway = await GatewayHarness.StartAsync(new StandInOptions { HeartbeatIntervalMs = 500, EnabledPrivilegedIntents = 0 });

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(Timeout));

        Assert.Equal(4014, fatal.Code);
        Assert.Contains("Message Content intent", fatal.Message);
        Assert.Contains("Developer Portal", fatal.Message);
        Assert.Single(gateway.Discord.Connections);
    }
}
