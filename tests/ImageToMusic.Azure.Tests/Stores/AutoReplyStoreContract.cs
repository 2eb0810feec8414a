using ImageToMusic.Engine.AutoReplies;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="IAutoReplyStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class AutoReplyStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IAutoReplyStore> NewStoreAsync();

    [Fact]
    public async Task A_channel_is_off_until_turned_on_and_off_again_after_turned_off()
    {
        var store = await NewStoreAsync();
        var photos = new ChatChannel("discord", "guild-1", "photos");

        Assert.False(await store.IsOnAsync(photos));
        Assert.True(await store.SetAsync(photos, on: true, Noon));
        Assert.True(await store.IsOnAsync(photos));
        Assert.True(await store.SetAsync(photos, on: false, Noon.AddMinutes(1)));
        Assert.False(await store.IsOnAsync(photos));
    }

    [Fact]
    public async Task Switching_to_the_state_a_channel_is_already_in_says_so()
    {
        var store = await NewStoreAsync();
        var photos = new ChatChannel("teams", "team-1", "19:photos@thread.tacv2");

        Assert.False(await store.SetAsync(photos, on: false, Noon));
        Assert.True(await store.SetAsync(photos, on: true, Noon));
        Assert.False(await store.SetAsync(photos, on: true, Noon.AddMinutes(1)));
        Assert.True(await store.IsOnAsync(photos));
    }

    [Fact]
    public async Task A_switch_belongs_to_one_platform_community_and_channel()
    {
        var store = await NewStoreAsync();
        await store.SetAsync(new ChatChannel("discord", "guild-1", "photos"), on: true, Noon);

        Assert.False(await store.IsOnAsync(new ChatChannel("discord", "guild-1", "general")));
        Assert.False(await store.IsOnAsync(new ChatChannel("discord", "guild-2", "photos")));
        Assert.False(await store.IsOnAsync(new ChatChannel("teams", "guild-1", "photos")));
    }
}
