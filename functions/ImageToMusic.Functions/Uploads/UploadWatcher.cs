using ImageToMusic.Functions.Endpoints;
using ImageToMusic.Functions.Hosting;

namespace ImageToMusic.Functions.Uploads;

/// <summary>
/// Delivers "blob created" to AnalyzeImage where nothing raises events (a local folder, Azurite): polls the
/// uploads, and hands each new name or changed ETag to the same code the Functions host invokes. Photos
/// already analysed under their current ETag are skipped by the analysis' own idempotency, so a restart
/// re-delivers harmlessly.
/// </summary>
public sealed class UploadWatcher(Backend backend, TimeProvider clock, TimeSpan interval, Action<string> log) : BackgroundService
{
    private readonly Dictionary<string, string> seen = [];

    /// <summary>One pass: delivers every upload that is new or changed since the last pass; returns how many.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellation)
    {
        var delivered = 0;
        foreach (var (name, etag) in await backend.Uploads.ListAsync(cancellation))
        {
            if (seen.TryGetValue(name, out var known) && known == etag) continue;
            log(await AnalyzeImageFunction.AnalyzeAsync(name, backend, clock, cancellation));
            seen[name] = etag;
            delivered++;
        }
        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log($"uploads could not be listed: {e.Message}; retrying");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
