using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// The calls this bot makes to Discord's HTTP API, within its rate limits: after an answer with
/// X-RateLimit-Remaining: 0 the next call on that route waits X-RateLimit-Reset-After; a 429 is retried after its
/// retry_after, at most <see cref="MaxAttempts"/> times in all, and a global one (the bot's limit across routes) holds
/// every route back until then. Thread-safe.
/// </summary>
public sealed class DiscordApi(HttpClient http, string baseUrl = DiscordSettings.DefaultApiBase, string? botToken = null, TimeProvider? clock = null)
{
    public const int MaxAttempts = 4;

    private readonly string baseUrl = baseUrl.TrimEnd('/');
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, DateTimeOffset> routeFreeAt = new();
    private long globalFreeAtTicks;

    /// <summary>Replaces the deferred "thinking…" response. The interaction token authorises this; no bot token.</summary>
    public Task EditOriginalResponseAsync(string applicationId, string interactionToken, DiscordMessage message, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original",
            message, authorised: false, cancellation);

    /// <summary>
    /// Posts a message in a channel with the bot token. A message carrying a nonce with enforce_nonce is posted at
    /// most once per nonce for a few minutes: Discord answers a repeat with the message already posted.
    /// </summary>
    public Task CreateMessageAsync(string channelId, DiscordMessage message, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages", message, authorised: true, cancellation);

    /// <summary>Overwrites the application's commands, globally or (quicker to appear, for testing) in one guild.</summary>
    public Task RegisterCommandsAsync(string applicationId, string? guildId, IReadOnlyList<object> commands, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Put, guildId is null
            ? $"applications/{Uri.EscapeDataString(applicationId)}/commands"
            : $"applications/{Uri.EscapeDataString(applicationId)}/guilds/{Uri.EscapeDataString(guildId)}/commands",
            commands, authorised: true, cancellation);

    private async Task SendAsync(HttpMethod method, string path, object body, bool authorised, CancellationToken cancellation)
    {
        if (authorised && string.IsNullOrEmpty(botToken)) throw new InvalidOperationException($"{DiscordSettings.BotToken} is needed for {method} /{path.Split('/')[0]}.");
        var route = $"{method} {path}";
        var json = JsonSerializer.Serialize(body, DiscordJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            await WaitUntilFreeAsync(route, cancellation);
            using var request = new HttpRequestMessage(method, $"{baseUrl}/{path}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (authorised) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", botToken);
            using var response = await http.SendAsync(request, cancellation);
            RememberBucket(route, response);
            if (response.IsSuccessStatusCode) return;
            var answer = await response.Content.ReadAsStringAsync(cancellation);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
                throw new DiscordApiException(method, path, (int)response.StatusCode, answer);
            var retryAfter = RetryAfter(response, answer);
            if (IsGlobal(response, answer)) HoldAllRoutesUntil(clock.GetUtcNow() + retryAfter);
            else await Task.Delay(retryAfter, clock, cancellation);
        }
    }

    private async Task WaitUntilFreeAsync(string route, CancellationToken cancellation)
    {
        var freeAt = new DateTimeOffset(Interlocked.Read(ref globalFreeAtTicks), TimeSpan.Zero);
        if (routeFreeAt.TryGetValue(route, out var routeFree) && routeFree > freeAt) freeAt = routeFree;
        if (freeAt > clock.GetUtcNow()) await Task.Delay(freeAt - clock.GetUtcNow(), clock, cancellation);
    }

    private void HoldAllRoutesUntil(DateTimeOffset until)
    {
        for (var seen = Interlocked.Read(ref globalFreeAtTicks); until.UtcTicks > seen; seen = Interlocked.Read(ref globalFreeAtTicks))
            if (Interlocked.CompareExchange(ref globalFreeAtTicks, until.UtcTicks, seen) == seen) return;
    }

    /// <summary>Discord marks the bot-wide limit with "global": true in the body and an X-RateLimit-Global header.</summary>
    private static bool IsGlobal(HttpResponseMessage response, string answer)
    {
        if (Header(response, "X-RateLimit-Global") is { } header && header.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void RememberBucket(string route, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Remaining") == "0"
            && double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            routeFreeAt[route] = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        else
            routeFreeAt.TryRemove(route, out _);
    }

    /// <summary>retry_after (seconds, fractional) from the JSON body, else the Retry-After header, else one second.</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response, string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var seconds))
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): fall back to the header.
        }
        return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Discord answered a call with an error (after any rate-limit retries).</summary>
public sealed class DiscordApiException(HttpMethod method, string path, int status, string body)
    : Exception($"Discord answered {method} /{Redacted(path)} with {status}: {(body.Length > 500 ? body[..500] + "…" : body)}")
{
    public int Status { get; } = status;

    /// <summary>Webhook paths contain the interaction token, which must not end up in logs.</summary>
    private static string Redacted(string path) =>
        path.StartsWith("webhooks/", StringComparison.Ordinal) ? string.Join('/', path.Split('/').Select((p, i) => i == 2 ? "<token>" : p)) : path;
}
