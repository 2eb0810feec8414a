using System.Globalization;
using ImageToMusic.Engine.Feedback;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>Votes in Cosmos DB: each <see cref="FeedbackVote"/> is a document with its Id as "id", partitioned by recommendation.</summary>
public sealed class CosmosFeedbackStore(Container container) : IFeedbackStore
{
    /// <summary>One document per vote id, written with optimistic concurrency (<see cref="CosmosQueries.RecordLatest"/>).</summary>
    public FeedbackOutcome Record(FeedbackVote vote) =>
        CosmosQueries.RecordLatest(container, vote.Id, new PartitionKey(vote.RecommendationId), vote,
            stored => stored.Vote == vote.Vote, stored => vote with { CreatedAt = stored.CreatedAt });

    /// <summary>A single-partition query; sorted here, as the votes on one recommendation are few.</summary>
    public IReadOnlyList<FeedbackVote> ForRecommendation(string recommendationId) =>
        CosmosQueries.ReadAll<FeedbackVote>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.recommendationId = @recommendationId").WithParameter("@recommendationId", recommendationId),
                new PartitionKey(recommendationId))
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>A cross-partition query (a community's votes span many recommendations); its callers cache the result.</summary>
    public IReadOnlyList<FeedbackVote> ForCommunity(string community) =>
        CosmosQueries.ReadAll<FeedbackVote>(container,
                new QueryDefinition("SELECT * FROM c WHERE c.community = @community").WithParameter("@community", community))
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A cross-partition query, paged by continuation. Dates are stored as ISO text with the writer's offset, so the
    /// text only orders instants within a few hours: the query keeps everything whose clock time is within 14 hours
    /// (the largest offset) before <paramref name="since"/>, and the exact instant is compared here.
    /// </summary>
    public IReadOnlyList<FeedbackVote> All(DateTimeOffset? since = null)
    {
        var query = since is { } from
            ? new QueryDefinition("SELECT * FROM c WHERE c.updatedAt >= @lowerBound")
                .WithParameter("@lowerBound", from.UtcDateTime.AddHours(-14).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            : new QueryDefinition("SELECT * FROM c");
        return CosmosQueries.ReadAll<FeedbackVote>(container, query)
            .Where(v => since is null || v.UpdatedAt >= since)
            .OrderBy(v => v.UpdatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();
    }

    public int EraseCommunity(string community) => Delete("c.community = @key", community);

    public int EraseUser(string userHash) => Delete("c.userHash = @key", userHash);

    /// <summary>Finds the votes with a cross-partition query, then deletes each in its own partition.</summary>
    private int Delete(string condition, string key) =>
        CosmosQueries.DeleteEach(container, CosmosQueries.ReadAll<StoredVoteKey>(container,
                new QueryDefinition($"SELECT c.id, c.recommendationId FROM c WHERE {condition}").WithParameter("@key", key))
            .Select(v => (v.Id, v.RecommendationId)));

    private sealed record StoredVoteKey(string Id, string RecommendationId);
}
