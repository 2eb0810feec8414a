namespace ImageToMusic.Engine.Storage;

/// <summary>
/// Analyses and the suggestions made from them, kept with ids so feedback (thumbs, surveys) can
/// name exactly what a person saw.
/// </summary>
public interface IAnalysisStore
{
    /// <summary>Stores an analysis and the recommendation made from it together, all or nothing.</summary>
    void Save(AnalysisRecord analysis, RecommendationRecord recommendation);

    AnalysisRecord? FindAnalysis(string id);

    RecommendationRecord? FindRecommendation(string id);

    /// <summary>Recommendations made from one analysis, oldest first.</summary>
    IReadOnlyList<RecommendationRecord> RecommendationsFor(string analysisId);
}
