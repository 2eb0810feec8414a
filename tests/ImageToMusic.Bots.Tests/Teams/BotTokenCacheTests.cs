using ImageToMusic.Bots.Teams;
using ImageToMusic.Bots.Tests.Teams.Support;

namespace ImageToMusic.Bots.Tests.Teams;

public sealed class BotTokenCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task One_token_serves_many_calls_and_is_renewed_shortly_before_it_expires()
    {
        var clock = new ManualClock();
        var credential = new CountingCredential(TimeSpan.FromHours(1), clock);
        var cache = new BotTokenCache(credential, clock);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(default)));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(BotTokenCache.Scope, credential.LastScope);

        clock.Now += TimeSpan.FromMinutes(54);
        await cache.GetAsync(default);
        Assert.Equal(1, credential.Calls);

        clock.Now += TimeSpan.FromMinutes(2); // within RenewBefore of expiry
        Assert.Equal(FakeBotConnector.BotToken, await cache.GetAsync(default));
        Assert.Equal(2, credential.Calls);
    }
}
