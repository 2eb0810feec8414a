using ImageToMusic.Bots.Discord.AutoReplies;

namespace ImageToMusic.Bots.Tests.Discord.AutoReplies;

public sealed class RecentIdsTests
{
    [Fact]
    public void An_id_is_new_once_and_forgotten_after_capacity_newer_ones()
    {
        var ids = new RecentIds(capacity: 3);
        Assert.True(ids.TryAdd("1"));
        Assert.False(ids.TryAdd("1"));

        foreach (var id in new[] { "2", "3", "4" }) Assert.True(ids.TryAdd(id));

        Assert.True(ids.TryAdd("1"));
        Assert.False(ids.TryAdd("4"));
    }

    [Fact]
    public void A_removed_id_is_new_again()
    {
        var ids = new RecentIds();
        ids.TryAdd("1");
        ids.Remove("1");

        Assert.True(ids.TryAdd("1"));
    }
}
