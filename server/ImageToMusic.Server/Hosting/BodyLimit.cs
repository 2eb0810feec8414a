using Microsoft.AspNetCore.Http.Features;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Caps how much of a request body the server will read, before anything reads it: for a declared length and for a
/// chunked body alike (the server stops reading at the cap and the request fails with 413), so an anonymous caller
/// cannot make the app read megabytes before it has even checked who is asking. It only ever lowers the server's
/// own limit (ServerOptions.MaxRequestBytes), never raises it.
/// </summary>
public static class BodyLimit
{
    public static void Cap(HttpRequest request, long maxBytes, string what)
    {
        if (request.ContentLength > maxBytes)
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"{what} is at most {maxBytes:N0} bytes.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > maxBytes))
            feature.MaxRequestBodySize = maxBytes;
    }
}
