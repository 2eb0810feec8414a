using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ImageToMusic.DiscordStandIn;

/// <summary>
/// The HTTP API calls the bots make and the CDN: GET /gateway/bot, channel messages (with nonce dedupe), the
/// interaction webhook edit, command registration, attachments; and rate-limit answers on demand.
/// </summary>
public sealed partial class DiscordStandIn
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> files = new();
    private readonly ConcurrentQueue<DiscordCall> calls = new();
    private readonly List<PostedMessage> messages = [];
    private readonly Dictionary<(string Author, string Nonce), (PostedMessage Message, DateTimeOffset At)> nonces = [];
    private double? nextRetryAfter;
    private bool nextRetryGlobal;
    private int rateLimitedCalls;
    private double? nextResetAfter;
    private int attachmentDownloads;
    private long nextSnowflake = 1_200_000_000_000_000_000;

    /// <summary>Every API call received (attachments downloads are counted in <see cref="AttachmentDownloads"/> instead).</summary>
    public IReadOnlyList<DiscordCall> Calls => [.. calls];

    /// <summary>Messages created through POST /channels/{id}/messages (a deduplicated nonce creates none).</summary>
    public IReadOnlyList<PostedMessage> Messages { get { lock (gate) return [.. messages]; } }

    public int AttachmentDownloads => attachmentDownloads;

    /// <summary>Serves bytes at the returned URL with the given Content-Type, as Discord's CDN serves an attachment.</summary>
    public string Attach(string name, byte[] bytes, string contentType = "image/jpeg")
    {
        files[name] = (bytes, contentType);
        return $"{Url}/attachments/{name}";
    }

    /// <summary>The next <paramref name="calls"/> API calls are answered 429 with this retry_after (seconds); global ones say so in the body and X-RateLimit-Global.</summary>
    public void RateLimitNextCalls(double retryAfterSeconds, int calls = 1, bool global = false)
    {
        lock (gate) (nextRetryAfter, rateLimitedCalls, nextRetryGlobal) = (retryAfterSeconds, calls, global);
    }

    /// <summary>The next API call succeeds but says its bucket is empty for this long (X-RateLimit-Remaining: 0, X-RateLimit-Reset-After).</summary>
    public void EmptyBucketAfterNextCall(double resetAfterSeconds)
    {
        lock (gate) nextResetAfter = resetAfterSeconds;
    }

    private async Task ServeAttachmentAsync(HttpContext context, string name)
    {
        Interlocked.Increment(ref attachmentDownloads);
        if (!files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = file.ContentType;
        await context.Response.Body.WriteAsync(file.Bytes);
    }

    private async Task ServeApiAsync(HttpContext context, string path)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        calls.Enqueue(new DiscordCall(request.Method, path, authorization, body, Clock.GetUtcNow()));
        var response = context.Response;
        response.ContentType = "application/json";
        if (RateLimited() is { } limit)
        {
            response.StatusCode = 429;
            var retryAfter = limit.RetryAfter.ToString(CultureInfo.InvariantCulture);
            response.Headers["Retry-After"] = Math.Ceiling(limit.RetryAfter).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Scope"] = limit.Global ? "global" : "user";
            if (limit.Global) response.Headers["X-RateLimit-Global"] = "true";
            await response.WriteAsync($$"""{"message":"You are being rate limited.","retry_after":{{retryAfter}},"global":{{(limit.Global ? "true" : "false")}}}""");
            return;
        }
        var route = path["/api/v10".Length..].Split('/');
        var needsBot = route is ["", "gateway", "bot"] or ["", "channels", _, "messages"] or ["", "applications", ..];
        if (needsBot && authorization != $"Bot {Options.BotToken}")
        {
            response.StatusCode = 401;
            await response.WriteAsync("""{"message":"401: Unauthorized","code":0}""");
            return;
        }
        EmptyBucketIfAsked(response);
        var answer = (request.Method, route) switch
        {
            ("GET", ["", "gateway", "bot"]) => GatewayBotAnswer(),
            ("POST", ["", "channels", var channel, "messages"]) => CreateMessage(channel, body, authorization!),
            ("PATCH", ["", "webhooks", _, _, "messages", "@original"]) => MessageJson(NextSnowflake(), "0", body),
            ("PUT", ["", "applications", ..]) => body,
            _ => "{}",
        };
        await response.WriteAsync(answer);
    }

    private (double RetryAfter, bool Global)? RateLimited()
    {
        lock (gate)
        {
            if (nextRetryAfter is not { } retryAfter) return null;
            var global = nextRetryGlobal;
            if (--rateLimitedCalls <= 0) nextRetryAfter = null;
            return (retryAfter, global);
        }
    }

    private void EmptyBucketIfAsked(HttpResponse response)
    {
        double? resetAfter;
        lock (gate) (resetAfter, nextResetAfter) = (nextResetAfter, null);
        if (resetAfter is null) return;
        response.Headers["X-RateLimit-Limit"] = "5";
        response.Headers["X-RateLimit-Remaining"] = "0";
        response.Headers["X-RateLimit-Reset-After"] = resetAfter.Value.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = "stand-in-bucket";
    }

    private string GatewayBotAnswer()
    {
        var (remaining, resetAfter) = SessionStartLimit();
        return JsonSerializer.Serialize(new
        {
            url = GatewayUrl,
            shards = Options.Shards,
            session_start_limit = new { total = Options.SessionStartTotal, remaining, reset_after = resetAfter, max_concurrency = Options.MaxConcurrency },
        });
    }

    /// <summary>Creates a message; the same nonce with enforce_nonce from the same author within the window returns the earlier one and creates nothing.</summary>
    private string CreateMessage(string channel, string body, string author)
    {
        var request = JsonNode.Parse(body) as JsonObject;
        var nonce = request?["nonce"]?.ToString();
        var enforce = request?["enforce_nonce"]?.GetValueKind() == JsonValueKind.True;
        lock (gate)
        {
            var now = Clock.GetUtcNow();
            if (enforce && nonce is not null && nonces.TryGetValue((author, nonce), out var earlier) && now - earlier.At < Options.NonceWindow)
                return earlier.Message.Json;
            var id = NextSnowflake();
            var message = new PostedMessage(id, channel, body, MessageJson(id, channel, body), now);
            messages.Add(message);
            if (enforce && nonce is not null) nonces[(author, nonce)] = (message, now);
            return message.Json;
        }
    }

    private string MessageJson(string id, string channel, string body)
    {
        var message = (JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject) ?? [];
        message.Remove("enforce_nonce");
        message["id"] = id;
        message["channel_id"] = channel;
        message["type"] = 0;
        message["author"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "ImageToMusic", ["bot"] = true };
        message["timestamp"] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        message["content"] ??= "";
        return message.ToJsonString();
    }

    private string NextSnowflake() => Interlocked.Increment(ref nextSnowflake).ToString(CultureInfo.InvariantCulture);
}
