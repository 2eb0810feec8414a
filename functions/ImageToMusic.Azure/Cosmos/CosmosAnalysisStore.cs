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
    public async Task SaveAsync(AnalysisRecord analysis, RecommendationRecord recommendation, CancellationToken cancellation = default)
    {
        if (recommendation.AnalysisId != analysis.Id)
            throw new ArgumentException($"Recommendation {recommendation.Id} belongs to analysis {recommendation.AnalysisId}, not {analysis.Id}.", nameof(recommendation));

        var partition = new PartitionKey(analysis.Id);
        await CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(recommendation), partition, cancellation);
        await CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(analysis, recommendation), partition, cancellation);
    }

    public Task SaveFailureAsync(AnalysisFailureRecord failure, CancellationToken cancellation = default) =>
        CosmosQueries.CreateIfAbsentAsync(container, AnalysisDocument.Of(failure), new PartitionKey(failure.Id), cancellation);

    public async Task<AnalysisRecord?> FindAnalysisAsync(string id, CancellationToken cancellation = default) =>
        (await CosmosQueries.FindAsync<AnalysisDocument>(container, id, new PartitionKey(id), cancellation))?.Resource.Analysis;

    public async Task<AnalysisFailureRecord?> FindFailureAsync(string id, CancellationToken cancellation = default) =>
        (await CosmosQueries.FindAsync<AnalysisDocument>(container, AnalysisDocument.FailureDocumentId(id), new PartitionKey(id), cancellation))?.Resource.Failure;

    /// <summary>
    /// A query across partitions, since a recommendation id does not name its analysis: one indexed lookup per
    /// physical partition, which for this app's sizes is one.
    /// </summary>
    public async Task<RecommendationRecord?> FindRecommendationAsync(string id, CancellationToken cancellation = default) =>
        (await RecommendationsAsync(new QueryDefinition("SELECT * FROM c WHERE c.id = @id AND c.kind = @kind").WithParameter("@id", id), partitionKey: null, cancellation))
            .SingleOrDefault();

    public async Task<IReadOnlyList<RecommendationRecord>> RecommendationsForAsync(string analysisId, CancellationToken cancellation = default) =>
        await RecommendationsAsync(new QueryDefinition("SELECT * FROM c WHERE c.analysisId = @analysisId AND c.kind = @kind").WithParameter("@analysisId", analysisId),
            new PartitionKey(analysisId), cancellation);

    // Sorted here rather than with ORDER BY: one analysis has a handful of recommendations, and sorting on two
    // properties in Cosmos would need a composite index.
    private async Task<List<RecommendationRecord>> RecommendationsAsync(QueryDefinition query, PartitionKey? partitionKey, CancellationToken cancellation) =>
        (await CosmosQueries.ReadAllAsync<AnalysisDocument>(container, query.WithParameter("@kind", AnalysisDocument.RecommendationKind), cancellation, partitionKey))
            .Select(d => d.Recommendation!)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
}
