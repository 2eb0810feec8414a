using Azure;

namespace ImageToMusic.Azure.Blobs;

/// <summary>
/// One text form for ETags: Storage quotes them in response headers but not in blob listings, and the poller's
/// versions must compare equal to what uploads and reads return.
/// </summary>
internal static class ETagText
{
    public static string Of(ETag etag) => etag.ToString().Trim('"');
}
