using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Storage;

/// <summary>One photo's analysis as stored: what was analysed, by which model, and the mood found.</summary>
/// <param name="Id">"an-" followed by a time-ordered GUID (<see cref="RecordIds"/>).</param>
/// <param name="Source">Where the photo came from: a file name, blob name or URL, as the door knows it.</param>
/// <param name="ImageSha256">Hex SHA-256 of the encoded photo bytes, so the same photo can be recognised.</param>
/// <param name="Timings">How long each stage took, when the door measured it (the function app stores them).</param>
/// <param name="SourceVersion">Which version of the source was analysed (a blob's ETag), when it has versions.</param>
public sealed record AnalysisRecord(
    string Id,
    DateTimeOffset CreatedAt,
    string Source,
    string ImageSha256,
    string ModelVersion,
    double Valence,
    double Arousal,
    IReadOnlyDictionary<string, double> Emotions,
    VisualEvidence Evidence,
    AnalysisTimings? Timings = null,
    string? SourceVersion = null)
{
    /// <summary>The record of <paramref name="analysis"/> of <paramref name="photo"/>, as every use case stores it.</summary>
    public static AnalysisRecord Of(MoodAnalysis analysis, ReadOnlySpan<byte> photo, string id, DateTimeOffset createdAt, string source, string? sourceVersion = null) =>
        new(id, createdAt, source, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)),
            analysis.ModelVersion, analysis.Valence, analysis.Arousal, analysis.Emotions, analysis.Evidence, analysis.Timings, sourceVersion);
}

/// <summary>A photo that could not be analysed, kept so nothing is lost silently: which one, when, and the typed reason.</summary>
/// <param name="ErrorCode">The rejection code (empty, unsupported_format, corrupt, too_large, not_found).</param>
public sealed record AnalysisFailureRecord(string Id, DateTimeOffset CreatedAt, string Source, string ErrorCode, string ErrorMessage);

/// <summary>The tracks suggested for one analysis, in the order shown.</summary>
/// <param name="Id">"rec-" followed by a time-ordered GUID.</param>
/// <param name="Options">How the list was asked for (top N, filters), as readable text, so it can be reproduced.</param>
public sealed record RecommendationRecord(
    string Id,
    string AnalysisId,
    DateTimeOffset CreatedAt,
    string Options,
    IReadOnlyList<RecommendedTrack> Tracks);

public sealed record RecommendedTrack(int Rank, string TrackId, string Title, string Artist, double Score, string Reason);

/// <summary>
/// Ids for stored records: a readable prefix plus a version-7 GUID, so ids sort by creation time; or, for
/// work that may be delivered twice (a blob trigger), a hash of what identifies the input, so doing it
/// again writes the same records.
/// </summary>
public static class RecordIds
{
    public static string NewAnalysisId() => "an-" + Guid.CreateVersion7().ToString("N");

    public static string NewRecommendationId() => "rec-" + Guid.CreateVersion7().ToString("N");

    /// <summary>The analysis id for one version of a source (a blob name and its ETag).</summary>
    public static string AnalysisIdFor(string source, string version) => "an-" + Hash(source, version);

    /// <summary>The recommendation id made from <see cref="AnalysisIdFor"/>'s input.</summary>
    public static string RecommendationIdFor(string source, string version) => "rec-" + Hash(source, version);

    private static string Hash(string source, string version) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{source}\n{version}")))[..32];
}
