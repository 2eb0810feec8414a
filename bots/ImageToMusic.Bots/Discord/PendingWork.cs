using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Work that runs after the HTTP answer has gone (Discord wants one within 3 seconds; a soundtrack takes longer).
/// At most <paramref name="concurrency"/> run at once; a failure is logged, never swallowed; stopping the host
/// waits for what is under way, and tests await <see cref="WhenIdleAsync"/>.
/// </summary>
public sealed class PendingWork(ILogger<PendingWork> logger, int concurrency) : IHostedService
{
    private readonly SemaphoreSlim slots = new(concurrency);
    private readonly HashSet<Task> running = [];
    private readonly Lock gate = new();

    public void Start(string what, Func<Task> work)
    {
        var admitted = new TaskCompletionSource();
        var task = RunAsync(what, work, admitted.Task);
        lock (gate) running.Add(task);
        _ = task.ContinueWith(done => { lock (gate) running.Remove(done); }, TaskScheduler.Default);
        admitted.SetResult(); // only now may the work begin, so it cannot finish before it is counted
    }

    /// <summary>Completes when nothing is running (work started meanwhile is awaited too).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] now;
            lock (gate) now = [.. running.Where(t => !t.IsCompleted)];
            if (now.Length == 0) return;
            await Task.WhenAll(now);
        }
    }

    private async Task RunAsync(string what, Func<Task> work, Task admitted)
    {
        await admitted;
        await Task.Yield(); // the caller (an HTTP request) continues at once
        try
        {
            await slots.WaitAsync();
            try { await work(); }
            finally { slots.Release(); }
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Work} failed", what);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => WhenIdleAsync().WaitAsync(cancellationToken);
}
