using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Engine;

/// <summary>An image that could not be used, and why (kept so nothing is dropped silently).</summary>
public sealed record ImageFailure(string Image, string Error, string Message);

/// <summary>Features for a labelled set, in input order, with the images that failed listed separately.</summary>
public sealed record ExtractedSet(IReadOnlyList<LabelledImage> Images, IReadOnlyList<ExtractedImage> Extracted, IReadOnlyList<ImageFailure> Failures);

/// <summary>Extracts features for many images on all cores, reporting progress and keeping failures.</summary>
public static class BatchExtraction
{
    public static ExtractedSet Extract(
        FeatureExtractor extractor, IReadOnlyList<LabelledImage> images, ImageLimits limits,
        IReadOnlyList<string>? blocks, int parallelism, Action<int, int>? progress = null)
    {
        var results = new ExtractedImage?[images.Count];
        var errors = new ImageFailure?[images.Count];
        var done = 0;
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            try
            {
                results[i] = extractor.Extract(EncodedImageFile.Read(images[i].Path, limits), blocks);
            }
            catch (ImageRejectedException e)
            {
                errors[i] = new ImageFailure(images[i].Id, e.Code, e.Message);
            }
            catch (FileNotFoundException e)
            {
                errors[i] = new ImageFailure(images[i].Id, "not_found", e.Message);
            }
            var count = Interlocked.Increment(ref done);
            progress?.Invoke(count, images.Count);
        });
        var kept = Enumerable.Range(0, images.Count).Where(i => results[i] is not null).ToList();
        return new ExtractedSet(
            [.. kept.Select(i => images[i])], [.. kept.Select(i => results[i]!)], [.. errors.OfType<ImageFailure>()]);
    }
}
