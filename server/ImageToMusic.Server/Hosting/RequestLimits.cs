using System.Threading.RateLimiting;
using ImageToMusic.Server.Endpoints;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Requests per minute: per client (its API key, else its address), fewer per address for the home page's endpoints,
/// which run the engine for anyone. Both hosts put every door behind this one limiter.
/// </summary>
public sealed class RequestLimits(ServerOptions options) : IDisposable
{
    public const string WebApiPrefix = "/api/web";

    private readonly PartitionedRateLimiter<HttpContext> limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        // Discord and Teams each reach us from a few shared addresses on behalf of many people, so a per-address
        // limit would throttle whole communities; those requests are signed by the platform and are not limited here.
        IsFromPlatform(context) ? RateLimitPartition.GetNoLimiter("platforms")
        : context.Request.Path.StartsWithSegments(WebApiPrefix) ? RateLimitPartition.GetFixedWindowLimiter($"web:{AddressOf(context)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.WebRequestsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1) })
        : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinutePerClient, Window = TimeSpan.FromMinutes(1) }));

    public async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        using var lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        await new ApiProblem(StatusCodes.Status429TooManyRequests, "Too many requests",
            context.Request.Path.StartsWithSegments(WebApiPrefix)
                ? $"At most {options.WebRequestsPerMinutePerAddress} requests per minute per address to the web page's endpoints."
                : $"At most {options.RequestsPerMinutePerClient} requests per minute per client.").ToResult().ExecuteAsync(context);
    }

    /// <summary>The bot endpoints, which the platforms call and authenticate (Bot Connector JWT, Discord's Ed25519 signature).</summary>
    public static bool IsFromPlatform(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/" + Routes.Messages) || context.Request.Path.StartsWithSegments("/" + Routes.DiscordInteractions);

    private static string ClientOf(HttpContext context) => context.Request.Headers[ApiKeyCheck.Header].FirstOrDefault() ?? AddressOf(context);

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => limiter.Dispose();
}
