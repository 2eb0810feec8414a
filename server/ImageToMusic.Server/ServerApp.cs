using System.Threading.RateLimiting;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;
using ImageToMusic.Server.Web;

namespace ImageToMusic.Server;

/// <summary>How the app guards itself; the defaults suit both Azure and a local run.</summary>
public sealed record ServerOptions
{
    /// <summary>Key every request must carry (x-functions-key); null behind the Functions host, which checks keys itself.</summary>
    public string? ApiKey { get; init; }
    public int RequestsPerMinutePerClient { get; init; } = 600;
    /// <summary>The home page's anonymous endpoints (/api/web/*) run the engine for anyone, so each address gets fewer.</summary>
    public int WebRequestsPerMinutePerAddress { get; init; } = 60;
    /// <summary>Largest request body: 20 photos at the engine's 20 MB limit would be 400 MB, so stories are capped lower.</summary>
    public long MaxRequestBytes { get; init; } = 100 * 1024 * 1024;
    /// <summary>Where to listen, e.g. http://127.0.0.1:7071; null keeps ASP.NET Core's configuration (FUNCTIONS_CUSTOMHANDLER_PORT wins).</summary>
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

/// <summary>Builds the web app the Functions host forwards to, and that `imagetomusic serve` runs locally.</summary>
public static class ServerApp
{
    public static WebApplication Build(Backend backend, ServerOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        if (Environment.GetEnvironmentVariable(AppSettings.CustomHandlerPort) is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        else if (options.Urls is { } urls)
            builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        // One line per request at Information drowns what matters; Application Insights records requests on Azure.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Logs go to stderr, so a host's stdout (the CLI's --json output) stays clean.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(backend);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOutboundHttp(allowLoopbackPhotoSources: options.AllowLocalImageServers,
            allowLoopbackAttachments: (backend.Discord?.AttachmentsFromLoopback ?? false) || (options.Teams?.AttachmentsFromLoopback ?? false));
        builder.Services.AddSingleton(s => new StoryImages(backend.Uploads,
            new SafeFetcher(s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.PhotoSources)),
            backend.Limits, new FetchPolicy { AllowPlainHttp = options.AllowLocalImageServers }));
        if (options.WatchUploadsEvery is { } every)
            builder.Services.AddHostedService(services =>
            {
                var logger = services.GetRequiredService<ILogger<UploadWatcher>>();
                return new UploadWatcher(backend, TimeProvider.System, every, options.UploadsSettle, line => logger.LogInformation("{Upload}", line));
            });
        if (options.Teams is { } teams)
            builder.Services.AddSingleton(s => TeamsSetup.Handler(teams, backend, s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Teams),
                s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.TeamsAttachments)));
        AddDiscord(builder.Services, backend);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = RequestJson.Options.PropertyNamingPolicy;
            foreach (var converter in RequestJson.Options.Converters) o.SerializerOptions.Converters.Add(converter);
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            // Discord and Teams each reach us from a few shared addresses on behalf of many people, so a per-address
            // limit would throttle whole communities; those requests are signed by the platform and are not limited here.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsFromPlatform(context) ? RateLimitPartition.GetNoLimiter("platforms")
                : context.Request.Path.StartsWithSegments(WebApiPrefix) ? RateLimitPartition.GetFixedWindowLimiter($"web:{AddressOf(context)}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.WebRequestsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinutePerClient, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await new ApiProblem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    rejected.HttpContext.Request.Path.StartsWithSegments(WebApiPrefix)
                        ? $"At most {options.WebRequestsPerMinutePerAddress} requests per minute per address to the web page's endpoints."
                        : $"At most {options.RequestsPerMinutePerClient} requests per minute per client.").ToResult().ExecuteAsync(rejected.HttpContext);
            };
        });

        var app = builder.Build();
        app.Use(ErrorHandling.Run);
        app.UseStatusCodePages();
        if (options.ApiKey is { } key)
        {
            var check = new ApiKeyCheck(key);
            app.Use(async (context, next) =>
            {
                // Neither platform can send our key: /api/messages is authenticated by the Bot Connector's JWT,
                // the Discord interactions endpoint by Discord's Ed25519 signature.
                if (IsOpenToAll(context) || IsFromPlatform(context) || check.Allows(context.Request)) await next(context);
                else if (context.Request.Path.StartsWithSegments(DashboardPage.Path)) await DashboardPage.NeedsKey().ExecuteAsync(context);
                else await new ApiProblem(StatusCodes.Status401Unauthorized, "Unauthorized", $"Send the API key in the {ApiKeyCheck.Header} header.").ToResult().ExecuteAsync(context);
            });
        }
        app.UseRateLimiter();

        app.MapPost($"/{AnalyzeImageFunction.Name}", AnalyzeImageFunction.Handle);
        app.MapGet("/api/analyses/{id}", GetAnalysisEndpoint.Handle);
        app.MapPost("/api/feedback", FeedbackEndpoint.Handle);
        app.MapPost("/api/story/soundtrack", StorySoundtrackEndpoint.Handle);
        app.MapGet(OpenApiEndpoint.Path, OpenApiEndpoint.Handle);
        app.MapPost(TeamsMessagesEndpoint.Path, TeamsMessagesEndpoint.Handle);
        app.MapPost(DiscordInteractionsEndpoint.Path, DiscordInteractionsEndpoint.Handle);
        app.MapGet(FeedbackCsvEndpoint.Path, FeedbackCsvEndpoint.Handle);

        app.MapPost(WebSuggestEndpoint.Path, WebSuggestEndpoint.Handle);
        app.MapPost("/api/web/story", StorySoundtrackEndpoint.HandleUploads);
        app.MapPost(WebFeedbackEndpoint.Path, WebFeedbackEndpoint.Handle);
        app.MapGet("/", (HttpContext context) => WebAssets.Page("home.html", context));
        app.MapGet("/survey/{id}", (HttpContext context) => WebAssets.Page("survey.html", context));
        app.MapGet("/static/{name}", WebAssets.Static);
        app.MapGet(DashboardPage.Path, DashboardPage.Handle);
        app.MapGet(SurveyEndpoints.PathPrefix + "/{id}", SurveyEndpoints.Get);
        app.MapGet(SurveyEndpoints.PathPrefix + "/{id}/image", SurveyEndpoints.Image);
        app.MapPost(SurveyEndpoints.PathPrefix + "/{id}/answers", SurveyEndpoints.Answer);
        return app;
    }

    /// <summary>The Discord bot, when configured, and the background work its replies run as (awaited on shutdown).</summary>
    private static void AddDiscord(IServiceCollection services, Backend backend)
    {
        if (backend.Discord is not { } discord) return;
        services.AddSingleton(s => new PendingWork(s.GetRequiredService<ILogger<PendingWork>>(), Environment.ProcessorCount));
        services.AddHostedService(s => s.GetRequiredService<PendingWork>());
        services.AddSingleton(s => DiscordBot.Create(discord, backend.Recommender, backend.Analyses, backend.Feedback, backend.UserSalt,
            s.GetRequiredService<PendingWork>(), s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Discord),
            s.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.DiscordAttachments), s.GetRequiredService<ILoggerFactory>(),
            s.GetRequiredService<TimeProvider>()));
    }

    private const string WebApiPrefix = "/api/web";

    /// <summary>
    /// What anyone may use without the key: the home and survey pages with their scripts and styles, the home page's
    /// own endpoints (rate-limited per address), a survey's endpoints (its unguessable id grants access), and the API
    /// description. The dashboard and the rest of /api need the key.
    /// </summary>
    private static bool IsOpenToAll(HttpContext context)
    {
        var path = context.Request.Path;
        return path == "/" || path.StartsWithSegments("/survey") || path.StartsWithSegments("/static")
               || path.StartsWithSegments(WebApiPrefix) || path.StartsWithSegments(SurveyEndpoints.PathPrefix) || path.StartsWithSegments(OpenApiEndpoint.Path);
    }

    /// <summary>The bot endpoints, which the platforms call and authenticate (Bot Connector JWT, Discord's Ed25519 signature).</summary>
    private static bool IsFromPlatform(HttpContext context) =>
        context.Request.Path.StartsWithSegments(TeamsMessagesEndpoint.Path) || context.Request.Path.StartsWithSegments(DiscordInteractionsEndpoint.Path);

    private static string ClientOf(HttpContext context) => context.Request.Headers[ApiKeyCheck.Header].FirstOrDefault() ?? AddressOf(context);

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
