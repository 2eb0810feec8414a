using ImageToMusic.Bots.Discord.Gateway;

namespace ImageToMusic.Bots.Tests.Discord.Gateway;

/// <summary>Many drops while events keep coming: nothing is lost, and every RESUME carries the last sequence received.</summary>
public sealed class GatewayResilienceTests
{
    private static readonly TimeSpan Timeout = GatewayHarness.Timeout;

    /// <summary>Dispatches continuously while <paramref name="drops"/> TCP drops hit at random moments; returns every sequence dispatched.</summary>
    private static async Task<List<long>> DispatchThroughDropsAsync(GatewayHarness gateway, int drops, int seed)
    {
        var random = new Random(seed);
        var dispatched = new List<long>();
        using var done = new CancellationTokenSource();
        var dispatching = Task.Run(async () =>
        {
            var n = 0;
            while (!done.IsCancellationRequested)
            {
                var sequence = await gateway.Discord.DispatchAsync("MESSAGE_CREATE", new { id = (n++).ToString() });
                lock (dispatched) dispatched.Add(sequence);
                await Task.Delay(1);
            }
        });
        for (var i = 0; i < drops; i++)
        {
            await Task.Delay(random.Next(0, 25));
            while (!await gateway.Discord.DropConnectionAsync()) await Task.Delay(1); // between connections: the next one
            await gateway.Discord.WaitForResumesAsync(i + 1, Timeout);
        }
        await gateway.Discord.WaitForLiveSessionAsync(Timeout);
        await done.CancelAsync();
        await dispatching;
        lock (dispatched) return [.. dispatched];
    }

    [Fact]
    public async Task A_hundred_TCP_drops_while_events_flow_lose_nothing_and_every_RESUME_carries_the_last_sequence()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();

        var dispatched = await DispatchThroughDropsAsync(gateway, drops: 100, seed: 7);
        var last = dispatched[^1];
        await gateway.WaitForDispatchAsync(d => d.Sequence == last, "the last event");

        var delivered = gateway.Dispatches.Where(d => d.Type == "MESSAGE_CREATE").Select(d => d.Sequence).ToList();
        Assert.Empty(dispatched.Except(delivered)); // every event at least once
        // With no replay overlap a RESUME with anything but the last sequence received would show as a duplicate (lower)
        // or a gap (higher); there are neither, and the sequences arrive in order.
        Assert.Equal(delivered.Distinct().Count(), delivered.Count);
        Assert.Equal(delivered.Order(), delivered);
        var resumes = gateway.Discord.Resumes;
        Assert.True(resumes.Count >= 100);
        Assert.Single(gateway.Discord.Identifies);
        Assert.Equal(resumes.Select(r => r.Seq).Order(), resumes.Select(r => r.Seq));
        Assert.All(resumes, r => Assert.Contains(r.Seq!.Value, gateway.Dispatches.Select(d => d.Sequence)));
    }

    [Fact]
    public async Task With_replay_overlap_events_arrive_at_least_once_and_the_sequence_never_goes_back()
    {
        await using var gateway = await GatewayHarness.ReadyAsync();
        gateway.Discord.ReplayOverlap = 3;

        var dispatched = await DispatchThroughDropsAsync(gateway, drops: 20, seed: 11);
        var last = dispatched[^1];
        await gateway.WaitForDispatchAsync(d => d.Sequence == last, "the last event");

        var delivered = gateway.Dispatches.Where(d => d.Type == "MESSAGE_CREATE").Select(d => d.Sequence).ToList();
        Assert.Empty(dispatched.Except(delivered));
        Assert.True(delivered.Count > delivered.Distinct().Count(), "replayed events are handed on again (the bot dedupes)");
        var resumes = gateway.Discord.Resumes;
        Assert.Equal(resumes.Select(r => r.Seq).Order(), resumes.Select(r => r.Seq));
    }
}
