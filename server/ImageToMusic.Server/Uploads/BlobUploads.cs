using ImageToMusic.Azure.Blobs;

namespace ImageToMusic.Server.Uploads;

/// <summary>The uploads blob container (Azure, or Azurite locally) as the function app reads it.</summary>
public sealed class BlobUploads(UploadsContainer container) : IUploads
{
    public UploadsContainer Container { get; } = container;

    public async Task<UploadedPhoto> ReadAsync(string name, long maxBytes, CancellationToken cancellation)
    {
        var photo = await Container.ReadAsync(name, maxBytes, cancellation);
        return new UploadedPhoto(photo.Name, photo.Bytes, photo.ETag);
    }

    public async Task<IReadOnlyList<(string Name, string ETag)>> ListAsync(CancellationToken cancellation) =>
        [.. (await Container.ListAsync(cancellation)).Select(b => (b.Name, b.ETag))];
}
