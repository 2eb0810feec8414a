using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine;

namespace ImageToMusic.Server.Uploads;

/// <summary>
/// One uploaded photo analysed and stored with its top tracks: what the function app's blob trigger and serve's
/// folder watcher both call. Ids derive from the name and the version (ETag), so a repeated delivery writes nothing
/// new and is not even decoded. A photo the engine refuses is stored as a failed analysis and not thrown, so a
/// trigger does not retry it forever; only faults worth retrying (storage unreachable) are thrown.
/// </summary>
public sealed class UploadAnalysis(IUploads uploads, IAnalysisStore analyses, Recommender recommender, ImageLimits limits, TimeProvider clock)
{
    public const string Container = "uploads";

    /// <summary>Analyses one upload and stores the outcome; returns a line for the log.</summary>
    public async Task<string> AnalyzeAsync(string blobName, CancellationToken cancellation)
    {
        if (UploadNames.Problem(blobName) is { } problem) return $"'{UploadNames.Shown(blobName)}' is not a blob name ({problem}); not read";
        var source = $"{Container}/{blobName}";
        UploadedPhoto photo;
        try
        {
            photo = await uploads.ReadAsync(blobName, limits.MaxBytes, cancellation);
        }
        catch (ImageRejectedException tooLarge)
        {
            // Refused before reading, so without an ETag: keyed by name alone, and a smaller re-upload gets its own analysis.
            await analyses.SaveFailureAsync(new AnalysisFailureRecord(RecordIds.AnalysisIdFor(source, "unread"), clock.GetUtcNow(), source, tooLarge.Code, tooLarge.Message),
                cancellation);
            return $"{source}: {tooLarge.Code}: {tooLarge.Message}";
        }
        catch (FileNotFoundException)
        {
            return $"{source}: gone before it could be read; nothing to analyse";
        }
        var ids = (RecordIds.AnalysisIdFor(source, photo.ETag), RecordIds.RecommendationIdFor(source, photo.ETag));
        if (await analyses.FindAnalysisAsync(ids.Item1, cancellation) is not null || await analyses.FindFailureAsync(ids.Item1, cancellation) is not null)
            return $"{source} ({photo.ETag}): already analysed as {ids.Item1}; not decoded again";
        try
        {
            var recommendation = await recommender.RecommendAsync(photo.Bytes, source, ids: ids, sourceVersion: photo.ETag, cancellation: cancellation);
            return $"{source} ({photo.ETag}): analysis {recommendation.AnalysisId}, {recommendation.Tracks.Count} tracks";
        }
        catch (ImageRejectedException e) // the recommender has stored the failure under ids.Item1
        {
            return $"{source} ({photo.ETag}): {e.Code}: {e.Message}";
        }
    }
}
