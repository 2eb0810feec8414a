using ImageToMusic.Engine.Storage;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// Analyses, recommendations and failures in one container partitioned by analysis id (<see cref="AnalysisDocument"/>).
/// Records are created if absent and never rewritten, so a blob delivered twice writes one result.
/// </summary>
public sealed class CosmosAnalysisStore(Container container) : IAnalysisStore
{
    /// <summary>
    /// Not all or nothing, unlike SQLite: the two documents are created one after the other (a transactional
    /// batch would do it in one, but the local server cannot run batches). The recommendation goes first, so
    /// a stored analysis always has its recommendation; a failure in between leaves a recommendation whose
    /// analysis is missing, and saving again completes the pair.
    /// </summary>
    public void Save(AnalysisRecord analysis, RecommendationRecord recommendation)
    {
        if (recommendation.AnalysisId != analysis.Id)
            throw new ArgumentException($"Recommendation {recommendation.Id} belongs to analysis {recommendation.AnalysisId}, not {analysis.Id}.", nameof(recommendation));

        var partition = new PartitionKey(analysis.Id);
        CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(recommendation), partition).GetAwaiter().GetResult();
        CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(analysis, recommendation), partition).GetAwaiter().GetResult();
    }

    public void SaveFailure(AnalysisFailureRecord failure) =>
        CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(failure), new PartitionKey(failure.Id)).GetAwaiter().GetResult();

    public AnalysisRecord? FindAnalysis(string id) =>
        CosmosQueries.Find<AnalysisDocument>(container, id, new PartitionKey(id))?.Resource.Analysis;

    public AnalysisFailureRecord? FindFailure(string id) =>
        CosmosQueries.Find<AnalysisDocument>(container, AnalysisDocument.FailureDocumentId(id), new PartitionKey(id))?.Resource.Failure;

    /// <summary>
    /// A query across partitions, since a recommendation id does not name its analysis: one indexed lookup per
    /// physical partition, which for this app's sizes is one.
    /// </summary>
    public RecommendationRecord? FindRecommendation(string id) =>
        Recommendations(new QueryDefinition("SELECT * FROM c WHERE c.id = @id AND c.kind = @kind").WithParameter("@id", id), partitionKey: null)
            .SingleOrDefault();

    public IReadOnlyList<RecommendationRecord> RecommendationsFor(string analysisId) =>
        Recommendations(new QueryDefinition("SELECT * FROM c WHERE c.analysisId = @analysisId AND c.kind = @kind").WithParameter("@analysisId", analysisId),
            new PartitionKey(analysisId));

    // Sorted here rather than with ORDER BY: one analysis has a handful of recommendations, and sorting on two
    // properties in Cosmos would need a composite index.
    private List<RecommendationRecord> Recommendations(QueryDefinition query, PartitionKey? partitionKey) =>
        CosmosQueries.ReadAll<AnalysisDocument>(container, query.WithParameter("@kind", AnalysisDocument.RecommendationKind), partitionKey)
            .Select(d => d.Recommendation!)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
}
