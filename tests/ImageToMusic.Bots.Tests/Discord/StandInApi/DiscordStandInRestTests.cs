using System.Net;
using System.Text;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.DiscordStandIn;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Bots.Tests.Discord.StandInApi;

/// <summary>The stand-in's HTTP API behaves as Discord documents it (so the bots' tests and the bench can rely on it).</summary>
public sealed class DiscordStandInRestTests : IAsyncLifetime
{
    private StandIn discord = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => discord = await StandIn.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await discord.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostMessageAsync(string body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{discord.ApiBase}/channels/42/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bot {token ?? discord.Options.BotToken}");
        return http.SendAsync(request);
    }

    [Fact]
    public async Task The_same_enforced_nonce_returns_the_earlier_message_and_creates_nothing()
    {
        var first = JsonDocument.Parse(await (await PostMessageAsync("""{"content":"songs","nonce":"n-1","enforce_nonce":true}""")).Content.ReadAsStringAsync()).RootElement;
        var again = JsonDocument.Parse(await (await PostMessageAsync("""{"content":"songs","nonce":"n-1","enforce_nonce":true}""")).Content.ReadAsStringAsync()).RootElement;
        await PostMessageAsync("""{"content":"songs","nonce":"n-1"}"""); // not enforced: a new message

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(("42", "songs", true), (first.GetProperty("channel_id").GetString(), first.GetProperty("content").GetString(), first.GetProperty("author").GetProperty("bot").GetBoolean()));
        Assert.Equal(2, discord.Messages.Count);
    }

    [Fact]
    public async Task Channel_messages_need_the_bot_token()
    {
        var response = await PostMessageAsync("""{"content":"x"}""", token: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(discord.Messages);
    }

    [Fact]
    public async Task A_global_429_says_so_in_body_and_header_and_the_client_retries_after_it()
    {
        discord.RateLimitNextCalls(0.2, global: true);
        using var probe = new HttpRequestMessage(HttpMethod.Put, $"{discord.ApiBase}/applications/1/commands") { Content = new StringContent("[]") };
        probe.Headers.TryAddWithoutValidation("Authorization", $"Bot {discord.Options.BotToken}");
        var limited = await http.SendAsync(probe);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("true", limited.Headers.GetValues("X-RateLimit-Global").Single());
        var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("global").GetBoolean());
        Assert.Equal(0.2, body.GetProperty("retry_after").GetDouble());

        discord.RateLimitNextCalls(0.2);
        await new DiscordApi(http, discord.ApiBase, discord.Options.BotToken).RegisterCommandsAsync(discord.Options.ApplicationId, null, DiscordCommands.All);
        var puts = discord.Calls.Where(c => c.Method == "PUT").ToList();
        Assert.Equal(3, puts.Count);
        Assert.True(puts[2].At - puts[1].At >= TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task An_empty_bucket_is_announced_with_remaining_0_and_reset_after()
    {
        discord.EmptyBucketAfterNextCall(1.5);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{discord.ApiBase}/webhooks/1/tok/messages/@original") { Content = new StringContent("""{"content":"hi"}""") };
        var response = await http.SendAsync(request);

        Assert.Equal(("0", "1.5"), (response.Headers.GetValues("X-RateLimit-Remaining").Single(), response.Headers.GetValues("X-RateLimit-Reset-After").Single()));
        Assert.Equal("hi", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Attachments_are_served_with_their_content_type()
    {
        var url = discord.Attach("photo.jpg", [1, 2, 3]);

        var response = await http.GetAsync(url);

        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, discord.AttachmentDownloads);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{discord.Url}/attachments/none.jpg")).StatusCode);
    }

    [Fact]
    public async Task Gateway_bot_gives_the_gateway_url_shards_and_session_start_limit()
    {
        await using var custom = await StandIn.StartAsync(new StandInOptions { Shards = 3, MaxConcurrency = 16, SessionStartRemaining = 7 });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{custom.ApiBase}/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bot {custom.Options.BotToken}");

        var root = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(custom.GatewayUrl, root.GetProperty("url").GetString());
        Assert.StartsWith("ws://127.0.0.1:", custom.GatewayUrl);
        Assert.Equal(3, root.GetProperty("shards").GetInt32());
        var limit = root.GetProperty("session_start_limit");
        Assert.Equal((1000, 7, 16), (limit.GetProperty("total").GetInt32(), limit.GetProperty("remaining").GetInt32(), limit.GetProperty("max_concurrency").GetInt32()));
        Assert.True(limit.GetProperty("reset_after").GetInt64() > 0);
    }
}
