using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.DiscordStandIn;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Bots.Tests.Discord;

/// <summary>The outgoing client against the Discord stand-in on 127.0.0.1.</summary>
public sealed class DiscordApiTests : IAsyncLifetime
{
    private StandIn discord = null!;
    private readonly HttpClient http = new();
    private DiscordApi Api(string? token = "bot-token") => new(http, discord.ApiBase, token);

    // The stand-in refuses authorised calls without its bot token; it is given the one these tests send.
    public async Task InitializeAsync() => discord = await StandIn.StartAsync(new StandInOptions { BotToken = "bot-token" });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await discord.DisposeAsync();
    }

    [Fact]
    public async Task Commands_are_PUT_globally_or_to_one_guild_with_the_bot_token()
    {
        await Api().RegisterCommandsAsync("123", null, DiscordCommands.All);
        await Api().RegisterCommandsAsync("123", "456", DiscordCommands.All);

        var calls = discord.Calls;
        Assert.Equal(["PUT /api/v10/applications/123/commands", "PUT /api/v10/applications/123/guilds/456/commands"], calls.Select(c => $"{c.Method} {c.Path}"));
        Assert.All(calls, c => Assert.Equal("Bot bot-token", c.Authorization));
        var commands = JsonDocument.Parse(calls[0].Body).RootElement.EnumerateArray().ToList();
        Assert.Equal("soundtrack", commands[0].GetProperty("name").GetString());
        Assert.Equal(1, commands[0].GetProperty("type").GetInt32());
        var option = commands[0].GetProperty("options")[0];
        Assert.Equal(("image", 11, true), (option.GetProperty("name").GetString(), option.GetProperty("type").GetInt32(), option.GetProperty("required").GetBoolean()));
        Assert.Equal(("Find a soundtrack", 3), (commands[1].GetProperty("name").GetString(), commands[1].GetProperty("type").GetInt32()));
    }

    [Fact]
    public async Task Registering_without_a_bot_token_fails_naming_the_setting_and_sends_nothing()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Api(token: null).RegisterCommandsAsync("123", null, DiscordCommands.All));
        Assert.Contains(DiscordSettings.BotToken, e.Message);
        Assert.Empty(discord.Calls);
    }

    [Fact]
    public async Task A_webhook_edit_carries_no_bot_token()
    {
        await Api().EditOriginalResponseAsync("123", "interaction-token", new DiscordMessage(Content: "hi"));

        var call = Assert.Single(discord.Calls);
        Assert.Equal(("PATCH", "/api/v10/webhooks/123/interaction-token/messages/@original", null), (call.Method, call.Path, call.Authorization));
        Assert.Equal("""{"content":"hi"}""", call.Body);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after()
    {
        discord.RateLimitNextCalls(0.3);

        await Api().EditOriginalResponseAsync("123", "t", new DiscordMessage(Content: "hi"));

        var calls = discord.Calls;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.25), $"retried after {(calls[1].At - calls[0].At).TotalSeconds:F2} s");
    }

    [Fact]
    public async Task An_empty_bucket_delays_the_next_call_on_the_same_route_until_it_resets()
    {
        discord.EmptyBucketAfterNextCall(0.3);
        var api = Api();

        await api.EditOriginalResponseAsync("123", "t", new DiscordMessage(Content: "one"));
        await api.EditOriginalResponseAsync("123", "t", new DiscordMessage(Content: "two"));

        var calls = discord.Calls;
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.25), $"second call after {(calls[1].At - calls[0].At).TotalSeconds:F2} s");
    }

    [Fact]
    public async Task A_global_429_on_one_route_holds_a_call_on_another_route_until_its_retry_after_has_passed()
    {
        var retryAfter = TimeSpan.FromSeconds(1);
        discord.RateLimitNextCalls(retryAfter.TotalSeconds, calls: 1, global: true);
        var clock = new TimerWatch();
        var api = new DiscordApi(http, discord.ApiBase, "bot-token", clock);

        var edit = api.EditOriginalResponseAsync("123", "t", new DiscordMessage(Content: "one"));
        await clock.FirstTimer.WaitAsync(TimeSpan.FromSeconds(10)); // the edit waits out the 429, so the hold is in place
        await api.CreateMessageAsync("42", new DiscordMessage(Content: "hi"));
        await edit;

        var calls = discord.Calls;
        var limited = calls[0];
        Assert.Equal("PATCH", limited.Method);
        var post = Assert.Single(calls, c => c.Path == "/api/v10/channels/42/messages");
        Assert.Equal(("POST", "Bot bot-token"), (post.Method, post.Authorization));
        Assert.Equal("hi", JsonDocument.Parse(post.Body).RootElement.GetProperty("content").GetString());
        Assert.True(post.At - limited.At >= retryAfter, $"posted {(post.At - limited.At).TotalSeconds:F3} s after the global 429");
        Assert.Equal("hi", JsonDocument.Parse(Assert.Single(discord.Messages).Json).RootElement.GetProperty("content").GetString());
    }

    /// <summary>The system clock, telling when DiscordApi first waits on a timer (it waits only for a rate limit).</summary>
    private sealed class TimerWatch : TimeProvider
    {
        private readonly TaskCompletionSource firstTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstTimer => firstTimer.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            firstTimer.TrySetResult();
            return System.CreateTimer(callback, state, dueTime, period);
        }
    }

    [Fact]
    public async Task Rate_limited_on_every_attempt_fails_with_the_status_and_without_the_interaction_token()
    {
        discord.RateLimitNextCalls(0.01, calls: DiscordApi.MaxAttempts);

        var e = await Assert.ThrowsAsync<DiscordApiException>(() => Api().EditOriginalResponseAsync("123", "secret-token", new DiscordMessage(Content: "x")));

        Assert.Equal(429, e.Status);
        Assert.Equal(DiscordApi.MaxAttempts, discord.Calls.Count);
        Assert.DoesNotContain("secret-token", e.Message);
    }
}
