using System.Net;
using System.Net.Sockets;
using System.Text;
using ImageToMusic.Engine.Fetching;

namespace ImageToMusic.Engine.Tests.Fetching;

/// <summary>
/// The safe fetcher against real sockets on loopback only: a listener on 127.0.0.1 stands for whatever must never be
/// reached and counts every connection it gets; where a test needs a server the fetcher may talk to, it runs on
/// 127.0.0.2 and only that one address is allowed (names are resolved by an injected resolver, never by DNS).
/// </summary>
public sealed class SafeFetcherTests : IDisposable
{
    private static readonly IPAddress Allowed = IPAddress.Parse("127.0.0.2");
    private readonly Listener forbidden = new(IPAddress.Loopback, _ => "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray());
    private static readonly FetchPolicy PlainHttp = new() { AllowPlainHttp = true, Deadline = TimeSpan.FromSeconds(5) };

    private static SafeFetcher Fetcher(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new(new HttpClient(SafeFetcher.CreateHandler(resolve ?? ((_, _) => Task.FromResult(Array.Empty<IPAddress>())), a => a.Equals(Allowed))));

    public void Dispose() => forbidden.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:{0}/photo.jpg")]
    [InlineData("http://2130706433:{0}/photo.jpg")]        // decimal
    [InlineData("http://0x7f000001:{0}/photo.jpg")]        // hex
    [InlineData("http://0x7f.0.0.1:{0}/photo.jpg")]        // hex octet
    [InlineData("http://0177.0.0.1:{0}/photo.jpg")]        // octal
    [InlineData("http://127.1:{0}/photo.jpg")]             // shortened
    [InlineData("http://[::ffff:127.0.0.1]:{0}/photo.jpg")] // IPv4-mapped IPv6
    [InlineData("http://[::ffff:7f00:1]:{0}/photo.jpg")]
    public async Task Loopback_in_any_spelling_is_refused_and_never_connected_to(string pattern)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, forbidden.Port);

        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() => Fetcher().FetchAsync(url, PlainHttp, 1 << 20, default));

        Assert.Equal(0, forbidden.Connections);
        Assert.StartsWith("The image could not be fetched from that URL", refused.Message);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_before_connecting()
    {
        var fetcher = Fetcher((host, _) => Task.FromResult(host == "photos.example" ? new[] { IPAddress.Loopback } : []));

        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() =>
            fetcher.FetchAsync($"http://photos.example:{forbidden.Port}/photo.jpg", PlainHttp, 1 << 20, default));

        Assert.Equal(0, forbidden.Connections);
        Assert.Contains("127.0.0.1", refused.Cause);
    }

    [Fact]
    public async Task A_name_with_one_public_and_one_private_address_is_refused()
    {
        var fetcher = Fetcher((_, _) => Task.FromResult(new[] { IPAddress.Parse("8.8.8.8"), IPAddress.Loopback }));

        await Assert.ThrowsAsync<SourceRefusedException>(() => fetcher.FetchAsync($"http://mixed.example:{forbidden.Port}/", PlainHttp, 1 << 20, default));

        Assert.Equal(0, forbidden.Connections);
    }

    [Fact]
    public async Task A_redirect_to_loopback_is_refused_and_the_target_never_reached()
    {
        using var redirector = new Listener(Allowed, _ => Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{forbidden.Port}/secret\r\nContent-Length: 0\r\n\r\n"));

        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() =>
            Fetcher().FetchAsync($"http://127.0.0.2:{redirector.Port}/photo.jpg", PlainHttp, 1 << 20, default));

        Assert.Equal(1, redirector.Connections);
        Assert.Equal(0, forbidden.Connections);
        Assert.Equal("The image could not be fetched from that URL: it must be a public https address that serves the image.", refused.Message);
    }

    [Fact]
    public async Task An_allowed_server_is_fetched_and_more_than_three_redirects_are_refused()
    {
        var hops = 0;
        using var server = new Listener(Allowed, path => path.StartsWith("/hop", StringComparison.Ordinal) && ++hops <= 10
            ? Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: /hop{hops}\r\nContent-Length: 0\r\n\r\n")
            : "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 4\r\n\r\nJPEG"u8.ToArray());

        var direct = await Fetcher().FetchAsync($"http://127.0.0.2:{server.Port}/photo.jpg", PlainHttp, 1 << 20, default);
        var endless = await Assert.ThrowsAsync<SourceRefusedException>(() =>
            Fetcher().FetchAsync($"http://127.0.0.2:{server.Port}/hop", PlainHttp, 1 << 20, default));

        Assert.Equal("JPEG"u8.ToArray(), direct.Bytes);
        Assert.Equal("image/jpeg", direct.MediaType);
        Assert.Contains("more than 3 redirects", endless.Cause);
    }

    [Fact]
    public async Task A_server_trickling_its_body_hits_the_one_deadline()
    {
        using var trickler = new Listener(Allowed, _ => "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"u8.ToArray(), trickle: true);
        var policy = PlainHttp with { Deadline = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() =>
            Fetcher().FetchAsync($"http://127.0.0.2:{trickler.Port}/slow.jpg", policy, 1 << 20, default));

        Assert.Contains("no complete answer within 1 s", refused.Cause);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 4); // the headers came at once: the deadline covers the body too
    }

    [Theory]
    [InlineData("https://user:secret@photos.example/a.jpg", "credentials")]
    [InlineData("file:///etc/passwd", "scheme file")]
    [InlineData("ftp://photos.example/a.jpg", "scheme ftp")]
    [InlineData("not a url", "not an absolute URL")]
    public async Task Urls_that_could_never_be_fetched_are_refused_before_anything_is_sent(string url, string cause)
    {
        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() => Fetcher().FetchAsync(url, new FetchPolicy(), 1 << 20, default));

        Assert.Contains(cause, refused.Cause);
    }

    [Fact]
    public async Task A_host_outside_the_platforms_allow_list_is_refused()
    {
        var policy = new FetchPolicy { AllowedHosts = ["cdn.discordapp.com"] };

        var refused = await Assert.ThrowsAsync<SourceRefusedException>(() => Fetcher().FetchAsync("https://evil.example/a.png", policy, 1 << 20, default));

        Assert.Contains("evil.example is not allowed", refused.Cause);
    }

    /// <summary>A raw TCP server on one loopback address: counts connections, answers each request with what the path asks for.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new();
        private int connections;

        public Listener(IPAddress address, Func<string, byte[]> answer, bool trickle = false)
        {
            listener = new TcpListener(address, 0);
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
                    Interlocked.Increment(ref connections);
                    _ = Task.Run(() => Serve(client, answer, trickle));
                }
            });
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref connections);

        private async Task Serve(TcpClient client, Func<string, byte[]> answer, bool trickle)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII);
                    while (!stop.IsCancellationRequested)
                    {
                        var line = await reader.ReadLineAsync(stop.Token);
                        if (string.IsNullOrEmpty(line)) return;
                        var path = line.Split(' ') is [_, var p, _] ? p : "/";
                        while (await reader.ReadLineAsync(stop.Token) is { Length: > 0 }) { } // the rest of the headers
                        await stream.WriteAsync(answer(path), stop.Token);
                        if (trickle)
                            while (!stop.IsCancellationRequested) { await stream.WriteAsync("x"u8.ToArray(), stop.Token); await Task.Delay(200, stop.Token); }
                    }
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
        }
    }
}
