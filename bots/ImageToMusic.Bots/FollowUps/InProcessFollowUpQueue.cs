using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.FollowUps;

/// <summary>
/// The follow-up queue under `serve`, in this process: at most <paramref name="concurrency"/> follow-ups run at once,
/// each is tried up to <see cref="MaxAttempts"/> times with a pause between, and then given up on, as the Storage queue
/// and its poison queue do on Azure. Stopping the host waits for what is under way; tests await <see cref="WhenIdleAsync"/>.
/// </summary>
public sealed class InProcessFollowUpQueue(FollowUpReplies replies, ILogger<InProcessFollowUpQueue> logger, int concurrency, TimeProvider clock)
    : IFollowUpQueue, IHostedService
{
    /// <summary>As the function app's host.json maxDequeueCount.</summary>
    public const int MaxAttempts = 5;

    public static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim slots = new(concurrency);
    private readonly HashSet<Task> running = [];
    private readonly Lock gate = new();

    public Task EnqueueAsync(BotFollowUp followUp, CancellationToken cancellation)
    {
        var admitted = new TaskCompletionSource();
        var task = RunAsync(followUp, admitted.Task);
        lock (gate) running.Add(task);
        _ = task.ContinueWith(done => { lock (gate) running.Remove(done); }, TaskScheduler.Default);
        admitted.SetResult(); // only now may the work begin, so it cannot finish before it is counted
        return Task.CompletedTask;
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

    private async Task RunAsync(BotFollowUp followUp, Task admitted)
    {
        await admitted;
        await Task.Yield(); // the caller (an HTTP request) continues at once
        await slots.WaitAsync();
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    await replies.ReplyAsync(followUp, CancellationToken.None);
                    return;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Follow-up: attempt {Attempt} of {MaxAttempts} failed", attempt, MaxAttempts);
                    if (attempt < MaxAttempts) await Task.Delay(RetryPause, clock);
                }
            }
            await replies.GiveUpAsync(followUp, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Follow-up: telling the user it failed failed too");
        }
        finally
        {
            slots.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => WhenIdleAsync().WaitAsync(cancellationToken);
}
