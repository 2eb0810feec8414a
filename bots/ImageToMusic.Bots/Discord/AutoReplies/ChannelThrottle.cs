namespace ImageToMusic.Bots.Discord.AutoReplies;

/// <summary>
/// At most <paramref name="perMinute"/> replies per channel in any sliding minute, so a flood of photos in one
/// channel cannot monopolise the replies (or Discord's rate limits) for everyone else. Thread-safe.
/// </summary>
public sealed class ChannelThrottle(int perMinute, TimeProvider clock)
{
    public const int DefaultPerMinute = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> recent = [];
    private readonly Lock gate = new();
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    public int PerMinute { get; } = perMinute > 0 ? perMinute : throw new ArgumentOutOfRangeException(nameof(perMinute), perMinute, "At least one reply a minute.");

    /// <summary>True, and counted, when the channel may have another reply now.</summary>
    public bool TryTake(string channel)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            SweepIdleChannels(now);
            if (!recent.TryGetValue(channel, out var times)) recent[channel] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && now - times.Peek() >= Window) times.Dequeue();
            if (times.Count >= PerMinute) return false;
            times.Enqueue(now);
            return true;
        }
    }

    /// <summary>Forgets channels quiet for a minute, once a minute, so a long-running worker does not grow with every channel it ever saw.</summary>
    private void SweepIdleChannels(DateTimeOffset now)
    {
        if (now - lastSweep < Window) return;
        lastSweep = now;
        foreach (var (channel, times) in recent.ToList())
            if (times.Count == 0 || now - times.Last() >= Window) recent.Remove(channel);
    }
}
