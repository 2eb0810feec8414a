using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ImageToMusic.Server.Web;

/// <summary>
/// The pages' hand-written HTML, CSS and JS, embedded in this assembly (Web/Assets) so a publish carries them and
/// nothing is fetched from elsewhere at run time. Each is served with its content type and an ETag; scripts and
/// styles may be cached briefly and then revalidated, pages are always revalidated so a deploy shows at once.
/// </summary>
public static class WebAssets
{
    private const string ResourcePrefix = "ImageToMusic.Server.Web.Assets.";

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, Asset>> All = new(Load);

    /// <summary>
    /// The browser itself refuses anything not from this app (the pages need nothing else): scripts and styles
    /// from /static, photos previewed from blob: URLs, fetches to our own API.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The names of the embedded assets (e.g. home.html, site.css).</summary>
    public static IEnumerable<string> Names => All.Value.Keys;

    /// <summary>GET /static/{name}: a script or stylesheet; pages are not served under their file names.</summary>
    public static IResult Static(string name, HttpContext context) =>
        name.EndsWith(".html", StringComparison.Ordinal) ? Results.NotFound() : Serve(name, context, "public, max-age=300");

    /// <summary>An HTML page, revalidated on every visit.</summary>
    public static IResult Page(string name, HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Serve(name, context, "no-cache");
    }

    private static IResult Serve(string name, HttpContext context, string cacheControl)
    {
        if (!All.Value.TryGetValue(name, out var asset)) return Results.NotFound();
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[ResourcePrefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                var type = ContentTypes.GetValueOrDefault(Path.GetExtension(n), "application/octet-stream");
                return new Asset(bytes, type, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"").ToString());
            });
    }
}
