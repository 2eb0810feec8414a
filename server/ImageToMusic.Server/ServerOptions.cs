using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;

namespace ImageToMusic.Server;

/// <summary>How the app guards itself; the defaults suit both Azure and a local run.</summary>
public sealed record ServerOptions
{
    /// <summary>Key every request must carry under `serve` (x-functions-key, as on Azure); the function app leaves keys to the Functions host.</summary>
    public string? ApiKey { get; init; }
    public int RequestsPerMinutePerClient { get; init; } = 600;
    /// <summary>The home page's anonymous endpoints (/api/web/*) run the engine for anyone, so each address gets fewer.</summary>
    public int WebRequestsPerMinutePerAddress { get; init; } = 60;
    /// <summary>Largest request body: 20 photos at the engine's 20 MB limit would be 400 MB, so stories are capped lower.</summary>
    public long MaxRequestBytes { get; init; } = 100 * 1024 * 1024;
    /// <summary>Where `serve` listens, e.g. http://127.0.0.1:7071; null keeps ASP.NET Core's configuration.</summary>
    public string? Urls { get; init; }

    /// <summary>Let stories name image URLs on this machine over plain http (a local test server); otherwise only https
    /// URLs of public addresses are fetched.</summary>
    public bool AllowLocalImageServers { get; init; }

    /// <summary>Poll the uploads this often and analyse what is new (where no Event Grid delivers); null on Azure.</summary>
    public TimeSpan? WatchUploadsEvery { get; init; }

    /// <summary>How long a watched upload must stay unchanged before it is read, so a file still being written is not
    /// analysed half-written.</summary>
    public TimeSpan UploadsSettle { get; init; } = UploadWatcher.DefaultSettle;

    /// <summary>The Teams bot behind POST /api/messages; null when no bot is configured (the endpoint then answers 503).</summary>
    public TeamsOptions? Teams { get; init; }
}
