using System.Text.Json;
using System.Text.Json.Serialization;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// The AnalyzeImage blob-trigger function. The Functions host POSTs {Data, Metadata} to /AnalyzeImage;
/// the photo is read from the uploads container by name (the base64 copy in Data is ignored: large
/// photos are better streamed by the Storage SDK), analysed, and its mood and top tracks stored under ids
/// derived from blob name + ETag, so a repeated delivery writes nothing new and is not even decoded (a restarted
/// folder watcher re-delivers every file; the host redelivers after a timeout). A photo the engine refuses
/// is stored as a failed analysis and the invocation succeeds, so the host does not retry it forever;
/// only faults worth retrying (storage unreachable) fail the invocation.
/// </summary>
public static class AnalyzeImageFunction
{
    public const string Name = "AnalyzeImage";
    public const string Container = "uploads";

    private static readonly JsonSerializerOptions HostJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>What the host reads back from a custom handler.</summary>
    public sealed record InvocationResult(Dictionary<string, object?> Outputs, List<string> Logs, object? ReturnValue);

    public static async Task<IResult> Handle(HttpRequest request, Backend backend, TimeProvider clock, CancellationToken cancellation)
    {
        string blobName;
        try
        {
            using var invocation = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellation);
            blobName = BlobNameOf(invocation.RootElement);
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"The invocation is not JSON: {e.Message}");
        }
        var result = await AnalyzeAsync(blobName, backend, clock, cancellation);
        return Results.Json(new InvocationResult([], [result], null), HostJson);
    }

    /// <summary>Analyses one upload and stores the outcome; returns a line for the host's log. Used by the local poller too.</summary>
    public static async Task<string> AnalyzeAsync(string blobName, Backend backend, TimeProvider clock, CancellationToken cancellation)
    {
        var source = $"{Container}/{blobName}";
        Uploads.UploadedPhoto photo;
        try
        {
            photo = await backend.Uploads.ReadAsync(blobName, backend.Limits.MaxBytes, cancellation);
        }
        catch (ImageRejectedException tooLarge)
        {
            // Refused before reading, so without an ETag: keyed by name alone, and a smaller re-upload gets its own analysis.
            backend.Analyses.SaveFailure(new AnalysisFailureRecord(RecordIds.AnalysisIdFor(source, "unread"), clock.GetUtcNow(), source, tooLarge.Code, tooLarge.Message));
            return $"{source}: {tooLarge.Code}: {tooLarge.Message}";
        }
        catch (FileNotFoundException)
        {
            return $"{source}: gone before it could be read; nothing to analyse";
        }
        var ids = (RecordIds.AnalysisIdFor(source, photo.ETag), RecordIds.RecommendationIdFor(source, photo.ETag));
        if (backend.Analyses.FindAnalysis(ids.Item1) is not null || backend.Analyses.FindFailure(ids.Item1) is not null)
            return $"{source} ({photo.ETag}): already analysed as {ids.Item1}; not decoded again";
        try
        {
            var recommendation = backend.Recommender.Recommend(photo.Bytes, source, ids: ids, sourceVersion: photo.ETag);
            return $"{source} ({photo.ETag}): analysis {recommendation.AnalysisId}, {recommendation.Tracks.Count} tracks";
        }
        catch (ImageRejectedException e) // the recommender has stored the failure under ids.Item1
        {
            return $"{source} ({photo.ETag}): {e.Code}: {e.Message}";
        }
    }

    /// <summary>The blob's name within the container: the {name} binding, else the trigger path without the container.</summary>
    public static string BlobNameOf(JsonElement invocation)
    {
        var name = NamedBlob(invocation);
        return Uploads.UploadNames.Problem(name) is { } problem
            ? throw ApiProblem.BadRequest($"The invocation names '{Uploads.UploadNames.Shown(name)}', which is not a blob name: {problem}.")
            : name;
    }

    private static string NamedBlob(JsonElement invocation)
    {
        if (invocation.ValueKind != JsonValueKind.Object || !invocation.TryGetProperty("Metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            throw ApiProblem.BadRequest("The invocation has no Metadata object; expected the Functions host's blob-trigger payload.");
        if (metadata.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } n)
            return n;
        if (metadata.TryGetProperty("BlobTrigger", out var path) && path.ValueKind == JsonValueKind.String
            && path.GetString() is { } p && p.StartsWith(Container + "/", StringComparison.Ordinal) && p.Length > Container.Length + 1)
            return p[(Container.Length + 1)..];
        throw ApiProblem.BadRequest($"The invocation's Metadata names no blob (neither 'name' nor a 'BlobTrigger' path under {Container}/).");
    }
}
