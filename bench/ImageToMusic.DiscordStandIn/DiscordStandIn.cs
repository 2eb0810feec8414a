using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.DiscordStandIn;

/// <summary>
/// Discord on 127.0.0.1 (Kestrel, a free port, real TCP and WebSockets): the HTTP API the bots call
/// (<c>/api/v10/...</c>), the CDN's attachments (<c>/attachments/{name}</c>) and the Gateway (<c>/gateway</c>, resumed at
/// <c>/gateway/resume</c>). It records what it is sent and has controls for what Discord may do to a client.
/// </summary>
public sealed partial class DiscordStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();

    private DiscordStandIn(WebApplication app, StandInOptions options, TimeProvider clock)
    {
        this.app = app;
        Options = options;
        Clock = clock;
        startRemaining = options.SessionStartRemaining;
        startResetAt = clock.GetUtcNow().AddMilliseconds(options.SessionStartResetAfterMs);
    }

    public StandInOptions Options { get; }
    public TimeProvider Clock { get; }

    /// <summary>http://127.0.0.1:{port}</summary>
    public string Url { get; private set; } = "";
    public string ApiBase => $"{Url}/api/v10";
    public string GatewayUrl => $"ws{Url[4..]}/gateway";
    public string ResumeGatewayUrl => $"ws{Url[4..]}/gateway/resume";

    public static async Task<DiscordStandIn> StartAsync(StandInOptions? options = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new DiscordStandIn(app, options ?? new StandInOptions(), clock ?? TimeProvider.System);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Run(standIn.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return standIn;
    }

    private Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        return path switch
        {
            "/gateway" => ServeGatewayAsync(context, resumed: false),
            "/gateway/resume" => ServeGatewayAsync(context, resumed: true),
            _ when path.StartsWith("/attachments/", StringComparison.Ordinal) => ServeAttachmentAsync(context, path["/attachments/".Length..]),
            _ when path.StartsWith("/api/v10/", StringComparison.Ordinal) => ServeApiAsync(context, path),
            _ => NotFound(context),
        };
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The Discord stand-in waited {timeout.TotalSeconds:0.#} s for {what}.");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in LiveSockets()) connection.Context.Abort();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
