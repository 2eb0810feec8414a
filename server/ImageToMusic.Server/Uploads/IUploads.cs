namespace ImageToMusic.Server.Uploads;

/// <summary>A photo as uploaded: its bytes and the version tag that tells one upload of a name from the next.</summary>
public sealed record UploadedPhoto(string Name, byte[] Bytes, string ETag);

/// <summary>
/// Where uploaded photos are read from: the uploads blob container on Azure (and Azurite), a watched folder
/// on one machine. The blob trigger names a photo; the analysis reads it from here.
/// </summary>
public interface IUploads
{
    /// <summary>Reads a photo, refusing one over <paramref name="maxBytes"/> before reading it.</summary>
    /// <exception cref="FileNotFoundException">No photo of that name.</exception>
    /// <exception cref="ImageToMusic.Engine.Imaging.ImageRejectedException">Too large.</exception>
    Task<UploadedPhoto> ReadAsync(string name, long maxBytes, CancellationToken cancellation);

    /// <summary>Every upload's name and current ETag, for watching where no events are raised (a folder, Azurite).</summary>
    Task<IReadOnlyList<(string Name, string ETag)>> ListAsync(CancellationToken cancellation);
}
