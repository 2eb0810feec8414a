namespace ImageToMusic.Azure.Blobs;

/// <summary>
/// A polling stand-in for Event Grid's BlobCreated events, for local runs against Azurite (which raises no
/// events): each poll lists the container and returns the blobs that are new or rewritten (new ETag) since the
/// previous poll, so a local loop can deliver them to AnalyzeImage as the Functions host would. The first poll
/// reports every blob already there. Not thread-safe: one loop owns one poller.
/// </summary>
public sealed class BlobCreatedPoller(UploadsContainer uploads)
{
    private Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<BlobVersion>> PollAsync(CancellationToken cancellationToken = default)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new List<BlobVersion>();
        await foreach (var item in uploads.Client.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = item.Properties.ETag is { } tag ? ETagText.Of(tag) : "";
            current[item.Name] = etag;
            if (!_seen.TryGetValue(item.Name, out var seenETag) || seenETag != etag)
                created.Add(new BlobVersion(item.Name, etag));
        }
        // Replaced, not merged: deleted blobs are forgotten, so memory follows the container's size.
        _seen = current;
        return created;
    }
}
