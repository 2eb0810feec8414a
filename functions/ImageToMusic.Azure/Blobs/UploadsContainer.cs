using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Azure.Blobs;

/// <summary>The container users' photos are uploaded to: bounded reads for analysis, plus writes for tests, serve and the bench.</summary>
public sealed class UploadsContainer
{
    // A blob replaced between the size check and the download is re-checked; more races than this in a row is a writer loop.
    private const int MaxReadAttempts = 3;

    public UploadsContainer(BlobServiceClient service, string containerName)
    {
        Client = service.GetBlobContainerClient(containerName);
    }

    public UploadsContainer(string connectionString, string containerName)
        : this(new BlobServiceClient(connectionString), containerName)
    {
    }

    public string Name => Client.Name;

    internal BlobContainerClient Client { get; }

    public async Task EnsureExistsAsync(CancellationToken cancellationToken = default) =>
        await Client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// Every blob's name and current ETag. Where no Event Grid delivers BlobCreated (Azurite), the function app's
    /// upload watcher polls this and analyses what is new or rewritten.
    /// </summary>
    public async Task<IReadOnlyList<BlobVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var blobs = new List<BlobVersion>();
        await foreach (var item in Client.GetBlobsAsync(cancellationToken: cancellationToken))
            blobs.Add(new BlobVersion(item.Name, item.Properties.ETag is { } tag ? ETagText.Of(tag) : ""));
        return blobs;
    }

    /// <summary>Writes (or overwrites) a blob and returns its new ETag.</summary>
    public async Task<string> UploadAsync(string blobName, byte[] bytes, string? contentType = null,
        CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        var response = await Client.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), options, cancellationToken);
        return ETagText.Of(response.Value.ETag);
    }

    /// <summary>
    /// Reads a photo, refusing it from its properties when over <paramref name="maxBytes"/> so an oversized upload
    /// is never downloaded. The download is pinned to the ETag that was size-checked.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such blob.</exception>
    /// <exception cref="ImageRejectedException">Empty, or larger than <paramref name="maxBytes"/>.</exception>
    public async Task<BlobPhoto> ReadAsync(string blobName, long maxBytes, CancellationToken cancellationToken = default)
    {
        var blob = Client.GetBlobClient(blobName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                Refuse(blobName, properties.ContentLength, maxBytes);
                var download = await blob.DownloadContentAsync(
                    new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
                    cancellationToken);
                return new BlobPhoto(blobName, download.Value.Content.ToArray(), ETagText.Of(properties.ETag),
                    properties.ContentType, properties.ContentLength);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new FileNotFoundException($"No blob named '{blobName}' in container '{Name}'.", blobName, e);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxReadAttempts)
            {
                // Overwritten since the size check: check the new version.
            }
        }
    }

    private void Refuse(string blobName, long size, long maxBytes)
    {
        if (size == 0)
            throw new ImageRejectedException(ImageErrorKind.Empty, $"{Name}/{blobName} is empty (0 bytes).");
        if (size > maxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"{Name}/{blobName} is {size / 1048576.0:F1} MB; the limit is {maxBytes / 1048576.0:F1} MB.");
    }
}
