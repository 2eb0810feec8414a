using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Uploads;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// Gets a story's photos from wherever the request names them: multipart parts, blobs in the uploads
/// container, or https URLs (through the <see cref="SafeFetcher"/>). Every photo is size-checked before it is held in
/// memory, and a photo that cannot be had fails the request naming which one.
/// </summary>
public sealed class StoryImages(IUploads uploads, SafeFetcher web, ImageLimits limits, FetchPolicy policy)
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
                ({ } blob, null) => new StoryPhoto(i, $"{UploadAnalysis.Container}/{blob}", await ReadBlobAsync(blob, which, cancellation)),
                (null, { } url) => new StoryPhoto(i, url, await DownloadAsync(url, which, cancellation)),
                _ => throw ApiProblem.BadRequest($"{which}: give exactly one of \"blob\" or \"url\"."),
            });
        }
        return photos;
    }

    private async Task<byte[]> ReadBlobAsync(string name, string which, CancellationToken cancellation)
    {
        if (UploadNames.Problem(name) is { } problem)
            throw ApiProblem.BadRequest($"{which}: '{UploadNames.Shown(name)}' is not a blob name: {problem}.");
        try
        {
            return (await uploads.ReadAsync(name, limits.MaxBytes, cancellation)).Bytes;
        }
        catch (FileNotFoundException)
        {
            throw ApiProblem.NotFound($"{which}: no blob named '{UploadNames.Shown(name)}' in the uploads container.");
        }
        catch (ImageRejectedException e)
        {
            throw ApiProblem.For(e, which);
        }
    }

    private async Task<byte[]> DownloadAsync(string url, string which, CancellationToken cancellation)
    {
        try
        {
            return (await web.FetchAsync(url, policy, limits.MaxBytes, cancellation)).Bytes;
        }
        catch (SourceRefusedException e)
        {
            throw ApiProblem.SourceRefused(e, which);
        }
        catch (ImageRejectedException e)
        {
            throw ApiProblem.For(e, which);
        }
    }
}

/// <summary>A photo named in a JSON story request.</summary>
public sealed record ImageReference(string? Blob, string? Url);
