using System.Net;
using System.Net.Sockets;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Fetching;

/// <summary>What a fetch of someone else's URL may do.</summary>
public sealed record FetchPolicy
{
    /// <summary>Plain http too (only where a platform documents it, or for a local test server); https otherwise.</summary>
    public bool AllowPlainHttp { get; init; }
    /// <summary>Hosts the URL may name ("cdn.example.com", or "*.example.com" for its subdomains); null: any host.</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }
    /// <summary>One deadline for the whole download, headers and body, redirects included.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(20);
    public int MaxRedirects { get; init; } = 3;

    public bool AllowsHost(string host) => AllowedHosts is null || AllowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
        : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The bytes a URL served and the type it said they were.</summary>
public sealed record FetchedImage(byte[] Bytes, string? MediaType);

/// <summary>
/// The one way to fetch a URL someone else gave us. The URL must be https (unless the policy allows http), carry no
/// credentials and name an allowed host; the address actually connected to is checked after DNS resolution, in the
/// handler's connect step (<see cref="CreateHandler"/>), so neither DNS rebinding nor a redirect reaches a private
/// address. Redirects are followed by hand, at most <see cref="FetchPolicy.MaxRedirects"/>, each checked again. One
/// deadline covers headers and body, and the byte cap is enforced while reading. Every refusal and every failure is the
/// same <see cref="SourceRefusedException"/>.
/// </summary>
public sealed class SafeFetcher(HttpClient http)
{
    /// <summary>
    /// The handler every client of this fetcher must use: no automatic redirects, no cookies, and a connect step that
    /// resolves the host itself (with <paramref name="resolve"/>, DNS by default) and connects only to public addresses
    /// (<see cref="SourceAddresses"/>), or loopback too when <paramref name="allowLoopback"/> (local test servers only).
    /// </summary>
    public static SocketsHttpHandler CreateHandler(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, bool allowLoopback = false) =>
        CreateHandler(resolve, allowLoopback ? IPAddress.IsLoopback : _ => false);

    /// <summary>As above, also allowing the non-public addresses <paramref name="alsoAllowed"/> accepts (tests name one loopback address).</summary>
    public static SocketsHttpHandler CreateHandler(Func<string, CancellationToken, Task<IPAddress[]>>? resolve, Func<IPAddress, bool> alsoAllowed)
    {
        resolve ??= Dns.GetHostAddressesAsync;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, cancellation) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, cancellation);
                // Every address the name has must be allowed: a name with one public and one private address could be
                // steered to the private one.
                if (addresses.Length == 0 || !addresses.All(a => SourceAddresses.IsPublic(a) || alsoAllowed(a)))
                    throw new SourceRefusedException($"{host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, not only public addresses");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(addresses[0], context.DnsEndPoint.Port), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <exception cref="SourceRefusedException">Not allowed, unreachable, an error status, or past the deadline.</exception>
    /// <exception cref="ImageRejectedException">More than <paramref name="maxBytes"/>.</exception>
    /// <param name="authorise">Credentials for one hop's URL, or null for none; asked again after every redirect, so a
    /// token meant for one host never follows a redirect to another.</param>
    public async Task<FetchedImage> FetchAsync(string url, FetchPolicy policy, long maxBytes, CancellationToken cancellation,
        Func<Uri, CancellationToken, Task<System.Net.Http.Headers.AuthenticationHeaderValue?>>? authorise = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(policy.Deadline);
        var uri = Checked(url, policy);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (authorise is not null) request.Headers.Authorization = await authorise(uri, deadline.Token);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == policy.MaxRedirects) throw new SourceRefusedException($"more than {policy.MaxRedirects} redirects");
                    uri = Checked(new Uri(uri, location).ToString(), policy);
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw new SourceRefusedException($"{uri.Host} answered {(int)response.StatusCode}");
                if (response.Content.Headers.ContentLength > maxBytes) throw TooLarge($"{response.Content.Headers.ContentLength:N0} bytes", maxBytes);
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                for (int read; (read = await body.ReadAsync(chunk, deadline.Token)) > 0;)
                {
                    // Content-Length may be absent or wrong: count what actually arrives.
                    if (buffer.Length + read > maxBytes) throw TooLarge($"more than {maxBytes:N0} bytes", maxBytes);
                    buffer.Write(chunk, 0, read);
                }
                return new FetchedImage(buffer.ToArray(), response.Content.Headers.ContentType?.MediaType);
            }
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new SourceRefusedException($"no complete answer within {policy.Deadline.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw e.InnerException as SourceRefusedException ?? new SourceRefusedException(e.Message, e);
        }
        catch (IOException e)
        {
            throw new SourceRefusedException(e.Message, e);
        }
    }

    private static Uri Checked(string url, FetchPolicy policy)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new SourceRefusedException("not an absolute URL");
        if (!(uri.Scheme == Uri.UriSchemeHttps || (policy.AllowPlainHttp && uri.Scheme == Uri.UriSchemeHttp)))
            throw new SourceRefusedException($"scheme {uri.Scheme}");
        if (uri.UserInfo.Length > 0) throw new SourceRefusedException("credentials in the URL");
        if (!policy.AllowsHost(uri.IdnHost)) throw new SourceRefusedException($"host {uri.IdnHost} is not allowed here");
        return uri;
    }

    private static ImageRejectedException TooLarge(string size, long maxBytes) =>
        new(ImageErrorKind.TooLarge, $"The image is {size}; the limit is {maxBytes:N0} bytes.");
}
