using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ImageToMusic.Bots.Tests.Support;

/// <summary>A call the fake Discord received.</summary>
public sealed record DiscordCall(string Method, string Path, string? Authorization, string Body, DateTimeOffset At);

/// <summary>
/// Discord's HTTP API and CDN, played by a real HTTP server on 127.0.0.1: records every webhook edit and command
/// PUT (answering 200), serves attachments put here under /attachments/, and answers the next call 429 when told.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task serving;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> files = new();
    private readonly ConcurrentQueue<DiscordCall> calls = new();
    private readonly Lock gate = new();
    private double? nextRetryAfter;
    private int rateLimitedCalls;
    private int attachmentDownloads;
    private double? nextResetAfter;

    private FakeDiscord(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        listener = new HttpListener { Prefixes = { $"{Url}/" } };
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public string ApiBase => $"{Url}/api/v10";
    public IReadOnlyList<DiscordCall> Calls => [.. calls];
    public int AttachmentDownloads => attachmentDownloads;

    public static FakeDiscord Start() => new(FreePort());

    /// <summary>Serves bytes at the returned URL with the given Content-Type, as Discord's CDN serves an attachment.</summary>
    public string Attach(string name, byte[] bytes, string contentType = "image/jpeg")
    {
        files[name] = (bytes, contentType);
        return $"{Url}/attachments/{name}";
    }

    /// <summary>The next <paramref name="calls"/> API calls are answered 429 with this retry_after (seconds).</summary>
    public void RateLimitNextCalls(double retryAfterSeconds, int calls = 1) { lock (gate) (nextRetryAfter, rateLimitedCalls) = (retryAfterSeconds, calls); }

    /// <summary>The next API call succeeds but says the bucket is empty for this long (X-RateLimit-Remaining: 0).</summary>
    public void EmptyBucketAfterNextCall(double resetAfterSeconds) { lock (gate) nextResetAfter = resetAfterSeconds; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var request = context.Request;
            var response = context.Response;
            var path = request.Url!.AbsolutePath;
            if (request.HttpMethod == "GET" && path.StartsWith("/attachments/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref attachmentDownloads);
                if (files.TryGetValue(path["/attachments/".Length..], out var file))
                {
                    response.ContentType = file.ContentType;
                    await response.OutputStream.WriteAsync(file.Bytes);
                }
                else response.StatusCode = 404;
            }
            else
            {
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                calls.Enqueue(new DiscordCall(request.HttpMethod, path, request.Headers["Authorization"], await reader.ReadToEndAsync(), DateTimeOffset.UtcNow));
                await AnswerApiCallAsync(response);
            }
            response.Close();
        }
    }

    private async Task AnswerApiCallAsync(HttpListenerResponse response)
    {
        response.ContentType = "application/json";
        double? retryAfter, resetAfter;
        lock (gate)
        {
            (retryAfter, resetAfter) = (nextRetryAfter, nextRetryAfter is null ? nextResetAfter : null);
            if (retryAfter is not null && --rateLimitedCalls == 0) nextRetryAfter = null;
            if (resetAfter is not null) nextResetAfter = null;
        }
        if (retryAfter is not null)
        {
            response.StatusCode = 429;
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(
                $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":false}"""));
            return;
        }
        if (resetAfter is not null)
        {
            response.Headers["X-RateLimit-Remaining"] = "0";
            response.Headers["X-RateLimit-Reset-After"] = resetAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await response.OutputStream.WriteAsync("{}"u8.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        listener.Close(); // Close stops too; Stop then Close would release the port twice, the second time perhaps someone else's
        await serving;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
