using ImageToMusic.Engine;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Server.Endpoints;

/// <summary>One stored analysis as the API returns it: status ok with mood and suggestions, or failed with the typed reason.</summary>
public sealed record AnalysisJson(
    string Id,
    string Status,
    string Source,
    string? SourceVersion,
    DateTimeOffset CreatedAt,
    string? ImageSha256,
    string? ModelVersion,
    MoodJson? Mood,
    VisualEvidence? Evidence,
    AnalysisTimings? TimingsMs,
    IReadOnlyList<RecommendationJson>? Recommendations,
    ErrorJson? Error)
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    public static AnalysisJson From(AnalysisRecord a, IReadOnlyList<RecommendationRecord> recommendations) => new(
        a.Id, Ok, a.Source, a.SourceVersion, a.CreatedAt, a.ImageSha256, a.ModelVersion,
        MoodJson.Of(a.Valence, a.Arousal, a.Emotions),
        a.Evidence, a.Timings, [.. recommendations.Select(RecommendationJson.From)], null);

    public static AnalysisJson From(AnalysisFailureRecord f) =>
        new(f.Id, Failed, f.Source, null, f.CreatedAt, null, null, null, null, null, null, new ErrorJson(f.ErrorCode, f.ErrorMessage));
}

public sealed record RecommendationJson(string Id, DateTimeOffset CreatedAt, string Options, IReadOnlyList<RecommendedTrack> Tracks)
{
    public static RecommendationJson From(RecommendationRecord r) => new(r.Id, r.CreatedAt, r.Options, r.Tracks);
}

public sealed record ErrorJson(string Code, string Message);
