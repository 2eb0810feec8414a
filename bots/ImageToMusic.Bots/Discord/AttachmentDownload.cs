using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Fetches an attachment's bytes from its URL. The URL comes from a payload Discord signed, so it points at
/// Discord's CDN; still, nothing larger than the engine accepts is held in memory, and only images are taken.
/// </summary>
public sealed class AttachmentDownload(HttpClient http, ImageLimits limits)
{
    /// <exception cref="ImageRejectedException">Too large, or not an image.</exception>
    /// <exception cref="AttachmentUnavailableException">The download failed.</exception>
    public async Task<byte[]> ReadAsync(Attachment attachment, CancellationToken cancellation)
    {
        if (attachment.Size > limits.MaxBytes) throw TooLarge($"{attachment.Size:N0} bytes");
        if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url)) throw new AttachmentUnavailableException("the attachment has no download address.");
        HttpResponseMessage response;
        try { response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation); }
        catch (HttpRequestException e) { throw new AttachmentUnavailableException($"downloading it failed ({e.Message}).", e); }
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw new AttachmentUnavailableException($"downloading it failed ({(int)response.StatusCode} {response.ReasonPhrase}).");
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is null || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                throw new ImageRejectedException(ImageErrorKind.UnsupportedFormat, $"it is {type ?? "of no stated type"}, not an image.");
            if (response.Content.Headers.ContentLength > limits.MaxBytes) throw TooLarge($"{response.Content.Headers.ContentLength:N0} bytes");
            await using var body = await response.Content.ReadAsStreamAsync(cancellation);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            for (int read; (read = await body.ReadAsync(chunk, cancellation)) > 0;)
            {
                // Content-Length may be absent or wrong: count what actually arrives.
                if (buffer.Length + read > limits.MaxBytes) throw TooLarge($"more than {limits.MaxBytes:N0} bytes");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    private ImageRejectedException TooLarge(string size) =>
        new(ImageErrorKind.TooLarge, $"the image is {size}; the limit is {limits.MaxBytes:N0} bytes.");
}

/// <summary>An attachment that could not be fetched; the message is fit to show the user.</summary>
public sealed class AttachmentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
