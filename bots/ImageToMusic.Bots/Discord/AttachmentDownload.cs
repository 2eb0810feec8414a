using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Fetches an attachment's bytes from its URL, through the <see cref="SafeFetcher"/> and only from Discord's CDN
/// (<see cref="DiscordOptions.AttachmentPolicy"/>): the URL comes from a signed payload, but it is still someone
/// else's URL. Nothing larger than the engine accepts is held in memory, and only images are taken.
/// </summary>
public sealed class AttachmentDownload(SafeFetcher fetcher, FetchPolicy policy, ImageLimits limits)
{
    /// <exception cref="ImageRejectedException">Too large, or not an image.</exception>
    /// <exception cref="AttachmentUnavailableException">The download was refused or failed (the message never says how, so
    /// a reply cannot echo what answered).</exception>
    public async Task<byte[]> ReadAsync(Attachment attachment, CancellationToken cancellation)
    {
        if (attachment.Size > limits.MaxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge, $"the image is {attachment.Size:N0} bytes; the limit is {limits.MaxBytes:N0} bytes.");
        FetchedImage fetched;
        try
        {
            fetched = await fetcher.FetchAsync(attachment.Url ?? "", policy, limits.MaxBytes, cancellation);
        }
        catch (SourceRefusedException e)
        {
            throw new AttachmentUnavailableException("the attachment could not be downloaded from Discord.", e);
        }
        if (fetched.MediaType is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            throw new ImageRejectedException(ImageErrorKind.UnsupportedFormat, $"it is {fetched.MediaType ?? "of no stated type"}, not an image.");
        return fetched.Bytes;
    }
}

/// <summary>An attachment that could not be fetched; the message is fit to show the user.</summary>
public sealed class AttachmentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
