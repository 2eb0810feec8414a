using System.Globalization;
using ImageToMusic.Engine.Feedback;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>Votes in Cosmos DB: each <see cref="FeedbackVote"/> is a document with its Id as "id", partitioned by recommendation.</summary>
public sealed class CosmosFeedbackStore(Container container) : IFeedbackStore
{
    /// <summary>One document per vote id, written with optimistic concurrency (<see cref="CosmosQueries.RecordLatestAsync"/>).</summary>
    public Task<FeedbackOutcome> RecordAsync(FeedbackVote vote, CancellationToken cancellation = default) =>
        CosmosQueries.RecordLatestAsync(container, vote.Id, new PartitionKey(vote.RecommendationId), vote,
            stored => stored.Vote == vote.Vote, stored => vote with { CreatedAt = stored.CreatedAt }, cancellation);

    /// <summary>A single-partition query; sorted here, as the votes on one recommendation are few.</summary>
    public async Task<IReadOnlyList<FeedbackVote>> ForRecommendationAsync(string recommendationId, CancellationToken cancellation = default) =>
        (await CosmosQueries.ReadAllAsync<FeedbackVote>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.recommendationId = @recommendationId").WithParameter("@recommendationId", recommendationId),
                cancellation, new PartitionKey(recommendationId)))
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>A cross-partition query (a community's votes span many recommendations); its callers cache the result.</summary>
    public async Task<IReadOnlyList<FeedbackVote>> ForCommunityAsync(string community, CancellationToken cancellation = default) =>
        (await CosmosQueries.ReadAllAsync<FeedbackVote>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.community = @community").WithParameter("@community", community), cancellation))
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A cross-partition query, paged by continuation. Dates are stored as ISO text with the writer's offset, so the
    /// text only orders instants within a few hours: the query keeps everything whose clock time is within 14 hours
    /// (the largest offset) before <paramref name="since"/>, and the exact instant is compared here.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackVote>> AllAsync(DateTimeOffset? since = null, CancellationToken cancellation = default)
    {
        var query = since is { } from
            ? new QueryDefinition("SELECT * FROM c WHERE c.updatedAt >= @lowerBound")
                .WithParameter("@lowerBound", from.UtcDateTime.AddHours(-14).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            : new QueryDefinition("SELECT * FROM c");
        return (await CosmosQueries.ReadAllAsync<FeedbackVote>(container, query, cancellation))
            .Where(v => since is null || v.UpdatedAt >= since)
            .OrderBy(v => v.UpdatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();
    }

    public Task<int> EraseCommunityAsync(string community, CancellationToken cancellation = default) => DeleteAsync("c.community = @key", community, cancellation);

    public Task<int> EraseUserAsync(string userHash, CancellationToken cancellation = default) => DeleteAsync("c.userHash = @key", userHash, cancellation);

    /// <summary>Finds the votes with a cross-partition query, then deletes each in its own partition.</summary>
    private async Task<int> DeleteAsync(string condition, string key, CancellationToken cancellation) =>
        await CosmosQueries.DeleteEachAsync(container, (await CosmosQueries.ReadAllAsync<StoredVoteKey>(container,
                new QueryDefinition($"SELECT c.id, c.recommendationId FROM c WHERE {condition}").WithParameter("@key", key), cancellation))
            .Select(v => (v.Id, v.RecommendationId)), cancellation);

    private sealed record StoredVoteKey(string Id, string RecommendationId);
}
