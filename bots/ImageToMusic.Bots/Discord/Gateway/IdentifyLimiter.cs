namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// Discord's limits on starting sessions, shared by every shard in the process. Before an IDENTIFY: when
/// session_start_limit.remaining is 0, wait reset_after; and at most one IDENTIFY per rate-limit key
/// (shard_id % max_concurrency) per identify window. GET /gateway/bot is read again before identifying after an
/// earlier IDENTIFY, so remaining stays true. RESUMEs do not count and do not come here.
/// </summary>
internal sealed class IdentifyLimiter(GatewayBot first, Func<CancellationToken, Task<GatewayBot>> read, GatewayOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim limitGate = new(1, 1);
    private readonly Dictionary<int, SemaphoreSlim> keyGates = [];
    private readonly Dictionary<int, DateTimeOffset> lastIdentify = [];
    private GatewayBot current = first;
    private bool stale;

    public string GatewayUrl => current.Url;

    /// <summary>Waits until this shard may IDENTIFY; the caller sends it and then calls <see cref="Turn.Identified"/>, and disposes the turn.</summary>
    public async Task<Turn> WaitTurnAsync(int shard, CancellationToken cancellation)
    {
        var limit = await ReadLimitAsync(cancellation);
        var key = shard % limit.MaxConcurrency;
        SemaphoreSlim gate;
        lock (keyGates)
            if (!keyGates.TryGetValue(key, out gate!)) keyGates[key] = gate = new SemaphoreSlim(1, 1);
        await gate.WaitAsync(cancellation);
        try
        {
            DateTimeOffset last;
            lock (keyGates) last = lastIdentify.GetValueOrDefault(key, DateTimeOffset.MinValue);
            var free = last == DateTimeOffset.MinValue ? TimeSpan.Zero : last + options.IdentifyWindow - clock.GetUtcNow();
            if (free > TimeSpan.Zero) await Task.Delay(free, clock, cancellation);
            await TakeSessionStartAsync(cancellation);
            return new Turn(this, key, gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private async Task<SessionStartLimit> ReadLimitAsync(CancellationToken cancellation)
    {
        await limitGate.WaitAsync(cancellation);
        try
        {
            if (stale) (current, stale) = (await read(cancellation), false);
            return current.Limit;
        }
        finally { limitGate.Release(); }
    }

    /// <summary>Counts one session start down, first waiting out reset_after while none remain.</summary>
    private async Task TakeSessionStartAsync(CancellationToken cancellation)
    {
        await limitGate.WaitAsync(cancellation);
        try
        {
            if (stale) (current, stale) = (await read(cancellation), false);
            while (current.Limit.Remaining <= 0)
            {
                await Task.Delay(current.Limit.ResetAfter, clock, cancellation);
                current = await read(cancellation);
            }
            current = current with { Limit = current.Limit with { Remaining = current.Limit.Remaining - 1 } };
            stale = true;
        }
        finally { limitGate.Release(); }
    }

    private void MarkIdentified(int key)
    {
        lock (keyGates) lastIdentify[key] = clock.GetUtcNow();
    }

    /// <summary>One shard's permission to IDENTIFY; the window starts when it was sent.</summary>
    internal sealed class Turn(IdentifyLimiter limiter, int key, SemaphoreSlim gate) : IDisposable
    {
        private bool released;

        public void Identified() => limiter.MarkIdentified(key);

        public void Dispose()
        {
            if (released) return;
            released = true;
            gate.Release();
        }
    }
}
