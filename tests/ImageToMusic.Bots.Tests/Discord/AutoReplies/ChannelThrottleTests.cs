using ImageToMusic.Bots.Discord.AutoReplies;
using Microsoft.Extensions.Time.Testing;

namespace ImageToMusic.Bots.Tests.Discord.AutoReplies;

public sealed class ChannelThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_channel_gets_its_replies_per_minute_and_no_more_until_the_oldest_is_a_minute_old()
    {
        var throttle = new ChannelThrottle(10, clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(throttle.TryTake("photos"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(throttle.TryTake("photos"));
        clock.Advance(TimeSpan.FromSeconds(50)); // the first reply is now exactly a minute old
        Assert.True(throttle.TryTake("photos"));
        Assert.False(throttle.TryTake("photos"));
    }

    [Fact]
    public void Each_channel_has_its_own_allowance()
    {
        var throttle = new ChannelThrottle(2, clock);
        Assert.True(throttle.TryTake("photos"));
        Assert.True(throttle.TryTake("photos"));

        Assert.False(throttle.TryTake("photos"));
        Assert.True(throttle.TryTake("holidays"));
    }

    [Fact]
    public void A_channel_quiet_for_a_minute_starts_afresh_after_the_sweep()
    {
        var throttle = new ChannelThrottle(1, clock);
        Assert.True(throttle.TryTake("photos"));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(throttle.TryTake("holidays")); // sweeps the idle channel
        Assert.True(throttle.TryTake("photos"));
    }

    [Fact]
    public void No_replies_at_all_is_not_a_throttle()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelThrottle(0, clock));
    }
}
