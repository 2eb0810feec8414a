using System.Net;
using ImageToMusic.Engine.Fetching;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Every call this app makes to another service goes through one of these named clients from
/// <see cref="IHttpClientFactory"/> (pooled handlers, DNS refresh), each behind the standard resilience pipeline:
/// bounded retries of transient faults with jittered backoff, a per-attempt and a total timeout, a circuit breaker.
/// </summary>
public static class OutboundHttp
{
    /// <summary>Photos named by URL in a story request: fetched only through <see cref="SafeFetcher"/>'s handler.</summary>
    public const string PhotoSources = "photo-sources";
    /// <summary>Discord's API.</summary>
    public const string Discord = "discord";
    /// <summary>Discord attachments: fetched only through <see cref="SafeFetcher"/>'s handler.</summary>
    public const string DiscordAttachments = "discord-attachments";
    /// <summary>The Bot Connector and its OpenID metadata.</summary>
    public const string Teams = "teams";
    /// <summary>Teams images and shared files: fetched only through <see cref="SafeFetcher"/>'s handler.</summary>
    public const string TeamsAttachments = "teams-attachments";

    /// <param name="allowLoopbackPhotoSources">Let photo URLs reach this machine (local test servers); never on Azure.</param>
    /// <param name="allowLoopbackAttachments">Let attachment URLs reach this machine (a stand-in Discord or Bot Connector); never on Azure.</param>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services, bool allowLoopbackPhotoSources = false, bool allowLoopbackAttachments = false)
    {
        services.AddHttpClient(TeamsAttachments)
            .ConfigurePrimaryHttpMessageHandler(() => SafeFetcher.CreateHandler(allowLoopback: allowLoopbackAttachments))
            .AddStandardResilienceHandler();
        services.AddHttpClient(DiscordAttachments)
            .ConfigurePrimaryHttpMessageHandler(() => SafeFetcher.CreateHandler(allowLoopback: allowLoopbackAttachments))
            .AddStandardResilienceHandler(LeaveRateLimitsToDiscordApi);
        // A person is waiting on the story request: two quick retries, then give up within 20 seconds.
        services.AddHttpClient(PhotoSources)
            .ConfigurePrimaryHttpMessageHandler(() => SafeFetcher.CreateHandler(allowLoopback: allowLoopbackPhotoSources))
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(300);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            });
        services.AddHttpClient(Discord).AddStandardResilienceHandler(LeaveRateLimitsToDiscordApi);
        // A repeated POST to the Bot Connector would post a reply twice: only safe methods are retried.
        services.AddHttpClient(Teams).AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
        return services;
    }

    /// <summary>
    /// A 429 from Discord names its own wait (retry_after) and route bucket, which DiscordApi honours itself, so the
    /// pipeline must neither retry one early nor count one as a failure.
    /// </summary>
    private static void LeaveRateLimitsToDiscordApi(HttpStandardResilienceOptions options)
    {
        options.Retry.ShouldHandle = args => ValueTask.FromResult(TransientButNotRateLimited(args.Outcome));
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(TransientButNotRateLimited(args.Outcome));
    }

    private static bool TransientButNotRateLimited(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;
}
