namespace ImageToMusic.Server.Uploads;

/// <summary>
/// Delivers "blob created" where nothing raises events (a local folder, Azurite): polls the uploads, and hands each
/// new name or changed ETag to the same <see cref="UploadAnalysis"/> the function app's blob trigger calls once it has
/// settled — kept the same ETag for <paramref name="settle"/> — so a file still being written (its size and time
/// change with every chunk) is not read half-written. A version already analysed is skipped by the analysis without
/// decoding it, so a restart, which forgets what was seen, costs a listing and a lookup per file.
/// </summary>
public sealed class UploadWatcher(IUploads uploads, UploadAnalysis analysis, TimeProvider clock, TimeSpan interval, TimeSpan settle, Action<string> log) : BackgroundService
{
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, string> delivered = [];
    private readonly Dictionary<string, (string ETag, DateTimeOffset Since)> settling = [];

    /// <summary>One pass: delivers every upload that is new or changed and has settled; returns how many.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellation)
    {
        var count = 0;
        var now = clock.GetUtcNow();
        var listed = await uploads.ListAsync(cancellation);
        foreach (var (name, etag) in listed)
        {
            if (delivered.TryGetValue(name, out var known) && known == etag) continue;
            if (!settling.TryGetValue(name, out var seen) || seen.ETag != etag)
                settling[name] = seen = (etag, now);
            if (now - seen.Since < settle) continue;
            log(await analysis.AnalyzeAsync(name, cancellation));
            delivered[name] = etag;
            settling.Remove(name);
            count++;
        }
        var present = listed.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in settling.Keys.Where(n => !present.Contains(n)).ToList()) settling.Remove(gone);
        return count;
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
