using ImageToMusic.Engine.AutoReplies;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// Channel switches by /community ("platform:community"): a guild's or team's channels are one partition, and the
/// gateway's check for each posted photo is a point read (id = the channel id).
/// </summary>
public sealed class CosmosAutoReplyStore(Container container) : IAutoReplyStore
{
    public async Task<bool> IsOnAsync(ChatChannel channel, CancellationToken cancellation = default) =>
        (await CosmosQueries.FindAsync<ChannelDocument>(container, channel.Channel, PartitionOf(channel), cancellation))?.Resource.On == true;

    /// <summary>A read, then an upsert only when the state differs; two switches at once both land and the later one stays.</summary>
    public async Task<bool> SetAsync(ChatChannel channel, bool on, DateTimeOffset at, CancellationToken cancellation = default)
    {
        if (await IsOnAsync(channel, cancellation) == on) return false;
        await container.UpsertItemAsync(new ChannelDocument(channel.Channel, CommunityOf(channel), channel.Platform, on, at), PartitionOf(channel),
            cancellationToken: cancellation);
        return true;
    }

    private static string CommunityOf(ChatChannel channel) => $"{channel.Platform}:{channel.Community}";

    private static PartitionKey PartitionOf(ChatChannel channel) => new(CommunityOf(channel));

    private sealed record ChannelDocument(string Id, string Community, string Platform, bool On, DateTimeOffset UpdatedAt);
}
