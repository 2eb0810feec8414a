namespace ImageToMusic.Engine.Storage;

/// <summary>
/// Analyses and the suggestions made from them, kept with ids so feedback (thumbs, surveys) can
/// name exactly what a person saw.
/// </summary>
public interface IAnalysisStore
{
    /// <summary>
    /// Stores an analysis and the recommendation made from it. Saving records whose ids are already stored
    /// changes nothing (deliveries of the same blob twice write one result). SQLite saves the two all or nothing;
    /// Cosmos DB writes the recommendation, then the analysis, so a failure between them leaves a recommendation
    /// without its analysis (never the reverse) until the same save is repeated (docs/storage.md).
    /// </summary>
    Task SaveAsync(AnalysisRecord analysis, RecommendationRecord recommendation, CancellationToken cancellation = default);

    /// <summary>Stores a failed analysis; saving the same id again changes nothing.</summary>
    Task SaveFailureAsync(AnalysisFailureRecord failure, CancellationToken cancellation = default);

    Task<AnalysisRecord?> FindAnalysisAsync(string id, CancellationToken cancellation = default);

    Task<AnalysisFailureRecord?> FindFailureAsync(string id, CancellationToken cancellation = default);

    Task<RecommendationRecord?> FindRecommendationAsync(string id, CancellationToken cancellation = default);

    /// <summary>Recommendations made from one analysis, oldest first.</summary>
    Task<IReadOnlyList<RecommendationRecord>> RecommendationsForAsync(string analysisId, CancellationToken cancellation = default);
}
