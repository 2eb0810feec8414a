namespace ImageToMusic.Azure.Blobs;

/// <summary>One version of an uploaded photo: its bytes and the ETag that identifies the version read.</summary>
public sealed record BlobPhoto(string Name, byte[] Bytes, string ETag, string? ContentType, long Size);
