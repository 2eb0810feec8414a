using ImageToMusic.Engine.Imaging;
using ImageToMusic.Functions.Hosting;
using ImageToMusic.Functions.Uploads;

namespace ImageToMusic.Functions.Endpoints;

/// <summary>One photo of a story, read into memory, with the name it is reported and stored under.</summary>
public sealed record StoryPhoto(int Index, string Source, byte[] Bytes);

/// <summary>
/// Gets a story's photos from wherever the request names them: multipart parts, blobs in the uploads
/// container, or https URLs. Every photo is size-checked before it is held in memory, and a photo that
/// cannot be had fails the request naming which one.
/// </summary>
public sealed class StoryImages(IUploads uploads, HttpClient web, ImageLimits limits, bool allowPlainHttp = false)
{
    public const int MaxPhotos = 20;

    public static void CheckCount(int count)
    {
        if (count is < 1 or > MaxPhotos) throw ApiProblem.BadRequest($"A story has 1 to {MaxPhotos} images; this request has {count}.");
    }

    public async Task<IReadOnlyList<StoryPhoto>> FromFormAsync(IFormFileCollection files, CancellationToken cancellation)
    {
        CheckCount(files.Count);
        var photos = new List<StoryPhoto>(files.Count);
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            var which = $"image {i + 1} ({file.FileName})";
            if (file.Length > limits.MaxBytes) throw ApiProblem.For(new ImageRejectedException(ImageErrorKind.TooLarge, $"{file.Length:N0} bytes; the limit is {limits.MaxBytes:N0}."), which);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellation);
            photos.Add(new StoryPhoto(i, $"upload:{file.FileName}", buffer.ToArray()));
        }
        return photos;
    }

    /// <summary>Each reference is {"blob": name} or {"url": "https://…"}.</summary>
    public async Task<IReadOnlyList<StoryPhoto>> FromReferencesAsync(IReadOnlyList<ImageReference> references, CancellationToken cancellation)
    {
        CheckCount(references.Count);
        var photos = new List<StoryPhoto>(references.Count);
        foreach (var (reference, i) in references.Select((r, i) => (r, i)))
        {
            var which = $"image {i + 1}";
            photos.Add((reference.Blob, reference.Url) switch
            {
                ({ } blob, null) => new StoryPhoto(i, $"{AnalyzeImageFunction.Container}/{blob}", await ReadBlobAsync(blob, which, cancellation)),
                (null, { } url) => new StoryPhoto(i, url, await DownloadAsync(url, which, cancellation)),
                _ => throw ApiProblem.BadRequest($"{which}: give exactly one of \"blob\" or \"url\"."),
            });
        }
        return photos;
    }

    private async Task<byte[]> ReadBlobAsync(string name, string which, CancellationToken cancellation)
    {
        try
        {
            return (await uploads.ReadAsync(name, limits.MaxBytes, cancellation)).Bytes;
        }
        catch (FileNotFoundException)
        {
            throw ApiProblem.NotFound($"{which}: no blob named '{name}' in the uploads container.");
        }
        catch (ImageRejectedException e)
        {
            throw ApiProblem.For(e, which);
        }
    }

    private async Task<byte[]> DownloadAsync(string url, string which, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && uri.Scheme == Uri.UriSchemeHttp)))
            throw ApiProblem.BadRequest($"{which}: '{url}' is not an https URL.");
        using var response = await web.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (!response.IsSuccessStatusCode)
            throw ApiProblem.BadRequest($"{which}: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        if (response.Content.Headers.ContentLength > limits.MaxBytes)
            throw ApiProblem.For(new ImageRejectedException(ImageErrorKind.TooLarge, $"{response.Content.Headers.ContentLength:N0} bytes; the limit is {limits.MaxBytes:N0}."), which);
        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await body.ReadAsync(chunk, cancellation)) > 0;)
        {
            // Servers may omit or understate Content-Length: count what actually arrives.
            if (buffer.Length + read > limits.MaxBytes)
                throw ApiProblem.For(new ImageRejectedException(ImageErrorKind.TooLarge, $"more than {limits.MaxBytes:N0} bytes."), which);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>A photo named in a JSON story request.</summary>
public sealed record ImageReference(string? Blob, string? Url);
