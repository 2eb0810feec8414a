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
    void Save(AnalysisRecord analysis, RecommendationRecord recommendation);

    /// <summary>Stores a failed analysis; saving the same id again changes nothing.</summary>
    void SaveFailure(AnalysisFailureRecord failure);

    AnalysisRecord? FindAnalysis(string id);

    AnalysisFailureRecord? FindFailure(string id);

    RecommendationRecord? FindRecommendation(string id);

    /// <summary>Recommendations made from one analysis, oldest first.</summary>
    IReadOnlyList<RecommendationRecord> RecommendationsFor(string analysisId);
}
