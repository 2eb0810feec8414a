using System.Globalization;
using System.Net;
using ImageToMusic.Engine.Feedback;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>Votes in Cosmos DB: each <see cref="FeedbackVote"/> is a document with its Id as "id", partitioned by recommendation.</summary>
public sealed class CosmosFeedbackStore(Container container) : IFeedbackStore
{
    /// <summary>
    /// Optimistic concurrency: read, then create (refused with 409 if another call created it first) or replace
    /// only if the document is still the one read (412 otherwise). Either refusal means another call got there
    /// first, so we start over from a fresh read; one document survives and every call sees the latest vote.
    /// </summary>
    public FeedbackOutcome Record(FeedbackVote vote)
    {
        var partition = new PartitionKey(vote.RecommendationId);
        while (true)
        {
            var stored = CosmosQueries.Find<FeedbackVote>(container, vote.Id, partition);
            try
            {
                if (stored is null)
                {
                    container.CreateItemAsync(vote, partition).GetAwaiter().GetResult();
                    return FeedbackOutcome.Created;
                }
                if (stored.Resource.Vote == vote.Vote)
                    return FeedbackOutcome.Unchanged;
                container.ReplaceItemAsync(vote with { CreatedAt = stored.Resource.CreatedAt }, vote.Id, partition,
                    new ItemRequestOptions { IfMatchEtag = stored.ETag }).GetAwaiter().GetResult();
                return FeedbackOutcome.Changed;
            }
            catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
            {
                // Another call wrote first: decide again from what it stored.
            }
        }
    }

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

    /// <summary>
    /// Finds the votes with a cross-partition query, then deletes each in its own partition (Cosmos deletes
    /// one item at a time across partitions). A vote already gone, erased by a concurrent call, is not counted.
    /// </summary>
    private int Delete(string condition, string key)
    {
        var found = CosmosQueries.ReadAll<StoredVoteKey>(container,
            new QueryDefinition($"SELECT c.id, c.recommendationId FROM c WHERE {condition}").WithParameter("@key", key));
        var deleted = 0;
        foreach (var vote in found)
        {
            try
            {
                container.DeleteItemAsync<FeedbackVote>(vote.Id, new PartitionKey(vote.RecommendationId)).GetAwaiter().GetResult();
                deleted++;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Erased meanwhile by another call, which counts it.
            }
        }
        return deleted;
    }

    private sealed record StoredVoteKey(string Id, string RecommendationId);
}
