using ImageToMusic.Server.Composition;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;
using ImageToMusic.Server.Web;
using Microsoft.Extensions.Configuration;

namespace ImageToMusic.Server;

/// <summary>`imagetomusic serve`: the doors as a plain ASP.NET Core app on this machine, with the API key checked here.</summary>
public static class ServerApp
{
    /// <summary>
    /// The app, its catalog loaded, ready to start. <paramref name="settings"/> (names as in <see cref="AppSettings"/>)
    /// win over the environment's.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string> settings, ServerOptions options, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateBuilder().WithSettings(settings);
        if (options.Urls is { } urls) builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        // One line per request at Information drowns what matters.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddImageToMusicDoors(builder.Configuration, options);
        builder.Services.AddInProcessFollowUps();
        if (options.WatchUploadsEvery is { } every)
            builder.Services.AddHostedService(services =>
            {
                var logger = services.GetRequiredService<ILogger<UploadWatcher>>();
                return new UploadWatcher(services.GetRequiredService<IUploads>(), services.GetRequiredService<UploadAnalysis>(), services.GetRequiredService<TimeProvider>(),
                    every, options.UploadsSettle, line => logger.LogInformation("{Upload}", line));
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
                if (IsOpenToAll(context) || RequestLimits.IsFromPlatform(context) || check.Allows(context.Request)) await next(context);
                else if (context.Request.Path.StartsWithSegments("/" + Routes.Dashboard)) await DashboardPage.NeedsKey().ExecuteAsync(context);
                else await new ApiProblem(StatusCodes.Status401Unauthorized, "Unauthorized", $"Send the API key in the {ApiKeyCheck.Header} header.").ToResult().ExecuteAsync(context);
            });
        }
        app.Use(app.Services.GetRequiredService<RequestLimits>().RunAsync);
        app.MapStoryApi().MapFeedbackApi().MapSurveyApi().MapBots().MapWeb();
        await app.Services.LoadCatalogAsync(cancellation);
        return app;
    }

    /// <summary>
    /// What anyone may use without the key: the home and survey pages with their scripts and styles, the home page's
    /// own endpoints (rate-limited per address), a survey's endpoints (its unguessable id grants access), and the API
    /// description. The dashboard and the rest of /api need the key. The function app's anonymous functions are
    /// these (a test holds them equal).
    /// </summary>
    private static bool IsOpenToAll(HttpContext context)
    {
        var path = context.Request.Path;
        return path == "/" || path.StartsWithSegments("/survey") || path.StartsWithSegments("/static")
               || path.StartsWithSegments(RequestLimits.WebApiPrefix) || path.StartsWithSegments(SurveyEndpoints.PathPrefix) || path.StartsWithSegments(OpenApiEndpoint.Path);
    }
}
