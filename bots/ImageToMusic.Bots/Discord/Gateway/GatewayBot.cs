using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>session_start_limit from GET /gateway/bot; <see cref="ResetAfter"/> is Discord's reset_after (milliseconds).</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);

/// <summary>What GET /gateway/bot answers: where to connect, the recommended shard count and the session start limit.</summary>
internal sealed record GatewayBot(string Url, int Shards, SessionStartLimit Limit)
{
    public const string UserAgent = "DiscordBot (https://github.com/imagetomusic/imagetomusic, 1.0)";

    /// <summary>Reads GET {ApiBase}/gateway/bot. A 401 is fatal; any other failure throws <see cref="HttpRequestException"/> (try again later).</summary>
    public static async Task<GatewayBot> ReadAsync(HttpClient http, GatewayOptions options, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{options.ApiBase.TrimEnd('/')}/gateway/bot");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        using var response = await http.SendAsync(request, cancellation);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new GatewayFatalException(401);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET /gateway/bot answered {(int)response.StatusCode}", null, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        var root = document.RootElement;
        var limit = root.GetProperty("session_start_limit");
        return new GatewayBot(
            root.GetProperty("url").GetString() ?? throw new JsonException("GET /gateway/bot gave no url"),
            root.GetProperty("shards").GetInt32(),
            new SessionStartLimit(
                limit.GetProperty("total").GetInt32(),
                limit.GetProperty("remaining").GetInt32(),
                TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()),
                Math.Max(1, limit.GetProperty("max_concurrency").GetInt32())));
    }

    /// <summary>The WebSocket address for a Gateway (or resume) URL: JSON, API v10, no compression.</summary>
    public static Uri SocketUri(string url) => new($"{url.TrimEnd('/')}/?v=10&encoding=json");
}
