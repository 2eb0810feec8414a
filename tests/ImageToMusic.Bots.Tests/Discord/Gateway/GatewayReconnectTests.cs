using ImageToMusic.Bots.Discord.Gateway;

namespace ImageToMusic.Bots.Tests.Discord.Gateway;

/// <summary>What the client does when Discord asks it to reconnect, invalidates it, closes it or stops acknowledging.</summary>
public sealed class GatewayReconnectTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    /// <summary>Dispatches one event and waits until the client has handed it on; returns its sequence.</summary>
    private static async Task<long> SeenAsync(GatewayHarness gateway)
    {
        var sequence = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = Guid.NewGuid().ToString() });
        await gateway.WaitForDispatchAsync(d => d.Sequence == sequence);
        return sequence;
    }

    /// <summary>The client resumed on the resume URL with <paramref name="sequence"/>, and what was dispatched meanwhile arrived.</summary>
    private static async Task AssertResumedAsync(GatewayHarness gateway, long sequence, long missed)
    {
        await gateway.Discord.WaitForResumesAsync(1, Timeout);
        await gateway.WaitForDispatchAsync(d => d.Type == "RESUMED", "RESUMED");
        var resume = Assert.Single(gateway.Discord.Resumes);
        Assert.Equal(sequence, resume.Seq);
        Assert.Equal(gateway.Dispatches.Single(d => d.Type == "READY").Data.GetProperty("session_id").GetString(), resume.SessionId);
        Assert.Equal("/gateway/resume", gateway.Discord.Connections.Single(c => c.Id == resume.Connection).Path);
        Assert.Single(gateway.Discord.Identifies);
        await gateway.WaitForDispatchAsync(d => d.Sequence == missed, "the missed event");
        Assert.Single(gateway.Dispatches, d => d.Sequence == missed);
    }

    [Fact]
    public async Task A_missed_heartbeat_ACK_closes_the_zombie_connection_and_resumes_on_the_resume_URL_with_the_last_sequence()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        var last = await SeenAsync(gateway);

        gateway.Discord.StopAcking();
        await gateway.Discord.WaitUntilAsync(() => gateway.Discord.Connections[0].ClientCloseStatus is not null, Timeout, "the client to close the zombie");
        var missed = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "missed" }); // buffered, delivered on resume
        gateway.Discord.ResumeAcking();

        var close = gateway.Discord.Connections[0].ClientCloseStatus;
        Assert.NotEqual(1000, close);
        Assert.NotEqual(1001, close);
        await AssertResumedAsync(gateway, last, missed);
    }

    [Fact]
    public async Task Op_7_reconnect_resumes()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        var last = await SeenAsync(gateway);

        await gateway.Discord.SendReconnectAsync();
        await gateway.Discord.WaitUntilAsync(() => !gateway.Discord.Connections[0].Open, Timeout, "the old connection to close");
        var missed = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "missed" });

        await AssertResumedAsync(gateway, last, missed);
    }

    [Fact]
    public async Task Op_9_resumable_resumes()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        var last = await SeenAsync(gateway);

        await gateway.Discord.SendInvalidSessionAsync(resumable: true);
        await gateway.Discord.WaitUntilAsync(() => !gateway.Discord.Connections[0].Open, Timeout, "the old connection to close");
        var missed = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "missed" });

        await AssertResumedAsync(gateway, last, missed);
    }

    [Fact]
    public async Task Op_9_not_resumable_identifies_anew_after_waiting()
    {
        await using var gateway = await GatewayHarness.ReadyAsync(configure: o => o with
        {
            InvalidSessionWaitMin = TimeSpan.FromMilliseconds(200),
            InvalidSessionWaitMax = TimeSpan.FromMilliseconds(300),
        });
        await SeenAsync(gateway);

        await gateway.Discord.SendInvalidSessionAsync(resumable: false);
        await gateway.Discord.WaitForIdentifiesAsync(2, Timeout);

        Assert.Empty(gateway.Discord.Resumes);
        var identifies = gateway.Discord.Identifies;
        Assert.True(identifies[1].At - identifies[0].At >= TimeSpan.FromMilliseconds(190), "waited at least InvalidSessionWaitMin");
        Assert.Equal("/gateway", gateway.Discord.Connections[^1].Path);
        await gateway.WaitForDispatchAsync(d => d.Type == "READY" && d.Sequence == 1 && gateway.Dispatches.Count(r => r.Type == "READY") == 2, "a second READY");
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    [InlineData(4001)]
    [InlineData(4005)]
    public async Task A_recoverable_close_resumes(int code)
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        var last = await SeenAsync(gateway);

        await gateway.Discord.CloseAsync(code, "test");
        await gateway.Discord.WaitUntilAsync(() => !gateway.Discord.Connections[0].Open, Timeout, "the old connection to close");
        var missed = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = "missed" });

        await AssertResumedAsync(gateway, last, missed);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_that_ends_the_session_identifies_anew(int code)
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        await SeenAsync(gateway);

        await gateway.Discord.CloseAsync(code, "test");
        await gateway.Discord.WaitForIdentifiesAsync(2, Timeout);

        Assert.Empty(gateway.Discord.Resumes);
        Assert.Equal("/gateway", gateway.Discord.Connections[^1].Path);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task A_fatal_close_throws_with_its_code_and_no_reconnect_is_attempted(int code)
    {
        await using var gateway = await GatewayHarness.ReadyAsync();

        await gateway.Discord.CloseAsync(code, "test");
        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(Timeout));

        Assert.Equal(code, fatal.Code);
        Assert.Contains(code.ToString(), fatal.Message);
        Assert.Single(gateway.Discord.Connections);
        Assert.Single(gateway.Discord.Identifies);
        Assert.Empty(gateway.Discord.Resumes);
    }
}
