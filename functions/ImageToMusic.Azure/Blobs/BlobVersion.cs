namespace ImageToMusic.Azure.Blobs;

/// <summary>A blob as of one write: a new ETag means new content under the same name.</summary>
public sealed record BlobVersion(string Name, string ETag);
