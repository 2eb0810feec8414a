using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// One document in the analyses container: an analysis, a recommendation or a failure, under the id of the
/// analysis it belongs to (the partition key). A failure's document id is prefixed because a failure and an
/// analysis may share an id, and ids are unique within a partition. An analysis document also carries the
/// tracks first suggested from it (<see cref="TopTracks"/>), so the one document a blob trigger writes is whole:
/// mood, evidence, top tracks with reasons, model version, timings and the blob's name and ETag.
/// </summary>
internal sealed record AnalysisDocument(
    string Id,
    string AnalysisId,
    string Kind,
    AnalysisRecord? Analysis = null,
    RecommendationRecord? Recommendation = null,
    AnalysisFailureRecord? Failure = null,
    IReadOnlyList<RecommendedTrack>? TopTracks = null)
{
    public const string AnalysisKind = "analysis", RecommendationKind = "recommendation", FailureKind = "failure";

    public static AnalysisDocument Of(AnalysisRecord analysis, RecommendationRecord firstRecommendation) =>
        new(analysis.Id, analysis.Id, AnalysisKind, Analysis: analysis, TopTracks: firstRecommendation.Tracks);

    public static AnalysisDocument Of(RecommendationRecord recommendation) =>
        new(recommendation.Id, recommendation.AnalysisId, RecommendationKind, Recommendation: recommendation);

    public static AnalysisDocument Of(AnalysisFailureRecord failure) => new(FailureDocumentId(failure.Id), failure.Id, FailureKind, Failure: failure);

    public static string FailureDocumentId(string failureId) => "failure-" + failureId;
}
