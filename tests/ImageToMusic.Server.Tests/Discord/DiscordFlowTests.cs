using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Server.Endpoints;
using System.Net;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.DiscordStandIn;
using ImageToMusic.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Server.Tests.Discord;

/// <summary>
/// The Discord bot through the real function app on 127.0.0.1: interactions signed with a key made here, the Discord
/// stand-in (real HTTP) serving Emotion6 photos as attachments and recording the webhook edits.
/// </summary>
public sealed class DiscordFlowTests : IAsyncLifetime
{
    private const string Endpoint = "/api/discord/interactions";
    private readonly InteractionSigner discordKey = new();
    private StandIn discord = null!;
    private readonly HttpClient anonymous = new(); // Discord sends no API key
    private RunningApp app = null!;

    public async Task InitializeAsync()
    {
        discord = await StandIn.StartAsync();
        app = await RunningApp.StartAsync(extraSettings: new Dictionary<string, string>
        {
            [AppSettings.DiscordPublicKey] = discordKey.PublicKeyHex,
            [AppSettings.DiscordApiBase] = discord.ApiBase,
        });
    }

    public async Task DisposeAsync()
    {
        anonymous.Dispose();
        await app.DisposeAsync();
        await discord.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> Interact(object interaction) =>
        SendAsync(discordKey.Request(new Uri(app.BaseAddress, Endpoint).ToString(), JsonSerializer.Serialize(interaction)));

    private Task SettledAsync() => app.AppServices.GetRequiredService<InProcessFollowUpQueue>().WhenIdleAsync();

    private static object SlashCommand(string attachmentUrl, string contentType = "image/jpeg") => new
    {
        type = 2, id = "9001", application_id = "app-1", token = "interaction-token-1", guild_id = "guild-1", channel_id = "channel-1",
        member = new { user = new { id = "user-1" } },
        data = new
        {
            name = "soundtrack", type = 1,
            options = new[] { new { name = "image", type = 11, value = "att-1" } },
            resolved = new { attachments = new Dictionary<string, object> { ["att-1"] = new { id = "att-1", filename = "photo.jpg", size = 1000, url = attachmentUrl, content_type = contentType } } },
        },
    };

    private static object Click(string customId, string user) => new
    {
        type = 3, id = "9002", application_id = "app-1", token = "interaction-token-2", guild_id = "guild-1", channel_id = "channel-1",
        member = new { user = new { id = user } },
        data = new { custom_id = customId, component_type = 2 },
    };

    private DiscordCall OnlyWebhookEdit()
    {
        var call = Assert.Single(discord.Calls);
        Assert.Equal(("PATCH", "/api/v10/webhooks/app-1/interaction-token-1/messages/@original"), (call.Method, call.Path));
        return call;
    }

    private static string Label(JsonElement components, int row, int button) =>
        components[row].GetProperty("components")[button].GetProperty("label").GetString()!;

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_while_it_is_read_not_after()
    {
        // No Content-Length: the body streams in chunks, 2 MB of it, twice the most an interaction may be.
        var body = new byte[2 * DiscordInteractionsEndpoint.MaxBodyBytes];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.Client.BaseAddress!, DiscordInteractionsEndpoint.Path))
        {
            Content = new StreamContent(new MemoryStream(body)),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_PING_gets_a_PONG_without_an_API_key()
    {
        var (status, body) = await Interact(new { type = 1, id = "1", application_id = "app-1", token = "t" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"type":1}""", body.GetRawText());
    }

    [Emotion6Fact]
    public async Task A_photo_gets_five_tracks_with_buttons_and_clicks_store_one_vote_per_person_and_update_the_counts()
    {
        var url = discord.Attach("joy.jpg", File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "6.jpg")));

        var (status, deferred) = await Interact(SlashCommand(url));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, deferred.GetProperty("type").GetInt32());

        await SettledAsync();
        var edit = JsonDocument.Parse(OnlyWebhookEdit().Body).RootElement;
        var embed = edit.GetProperty("embeds")[0];
        Assert.Contains("Mood:", embed.GetProperty("description").GetString());
        Assert.Equal("Palette", embed.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal(6, embed.GetProperty("fields").GetArrayLength()); // palette + five tracks
        var rows = edit.GetProperty("components");
        Assert.Equal(5, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), row => Assert.Equal(2, row.GetProperty("components").GetArrayLength()));
        Assert.Equal("#1: 0", Label(rows, 0, 0));
        var up = rows[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
        var down = rows[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;
        var recommendation = (await app.Analyses.FindRecommendationAsync(FeedbackButton.Parse(up)!.RecommendationId))!;
        Assert.StartsWith("discord:guild-1/channel-1/att-1", (await app.Analyses.FindAnalysisAsync(recommendation.AnalysisId))!.Source);

        var (_, afterUp) = await Interact(Click(up, "user-2"));
        Assert.Equal(7, afterUp.GetProperty("type").GetInt32());
        Assert.Equal(("#1: 1", "#1: 0"), (Label(afterUp.GetProperty("data").GetProperty("components"), 0, 0), Label(afterUp.GetProperty("data").GetProperty("components"), 0, 1)));
        var vote = Assert.Single(await app.Feedback.ForRecommendationAsync(recommendation.Id));
        Assert.Equal((recommendation.Tracks[0].TrackId, ImageToMusic.Engine.Feedback.Vote.Up, "discord", "guild-1"), (vote.TrackId, vote.Vote, vote.Platform, vote.Community));
        Assert.DoesNotContain("user-2", vote.UserHash);

        var (_, afterDown) = await Interact(Click(down, "user-2"));
        Assert.Equal(("#1: 0", "#1: 1"), (Label(afterDown.GetProperty("data").GetProperty("components"), 0, 0), Label(afterDown.GetProperty("data").GetProperty("components"), 0, 1)));
        Assert.Equal(ImageToMusic.Engine.Feedback.Vote.Down, Assert.Single(await app.Feedback.ForRecommendationAsync(recommendation.Id)).Vote);
        Assert.Single(discord.Calls); // clicks are answered in the response; nothing more is sent
    }

    [Fact]
    public async Task A_file_the_engine_rejects_gets_a_friendly_edit_naming_the_reason()
    {
        var url = discord.Attach("broken.jpg", "this is not a JPEG"u8.ToArray());

        var (status, _) = await Interact(SlashCommand(url));
        await SettledAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var content = JsonDocument.Parse(OnlyWebhookEdit().Body).RootElement.GetProperty("content").GetString();
        Assert.StartsWith("Sorry, I couldn't find a soundtrack for that:", content);
        Assert.True(content!.Length > "Sorry, I couldn't find a soundtrack for that: ".Length);
    }

    [Fact]
    public async Task An_attachment_that_is_not_an_image_gets_a_friendly_edit_saying_so()
    {
        var url = discord.Attach("notes.txt", "hello"u8.ToArray(), "text/plain");

        await Interact(SlashCommand(url));
        await SettledAsync();

        Assert.Contains("text/plain, not an image", JsonDocument.Parse(OnlyWebhookEdit().Body).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_message_command_on_a_message_without_an_image_answers_privately_at_once()
    {
        var (_, body) = await Interact(new
        {
            type = 2, id = "1", application_id = "app-1", token = "t", guild_id = "g", channel_id = "c", member = new { user = new { id = "u" } },
            data = new
            {
                name = "Find a soundtrack", type = 3, target_id = "m-1",
                resolved = new { messages = new Dictionary<string, object> { ["m-1"] = new { id = "m-1", attachments = Array.Empty<object>() } } },
            },
        });

        Assert.Equal((4, 64), (body.GetProperty("type").GetInt32(), body.GetProperty("data").GetProperty("flags").GetInt32()));
        await SettledAsync();
        Assert.Empty(discord.Calls);
    }

    public static TheoryData<string> Attacks => ["forged", "stale", "tampered", "no signature", "no timestamp"];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_request_not_signed_by_Discord_now_is_refused_with_401_and_nothing_is_stored_or_sent(string attack)
    {
        var url = discord.Attach("joy.jpg", [0xFF, 0xD8]);
        var json = JsonSerializer.Serialize(SlashCommand(url));
        var address = new Uri(app.BaseAddress, Endpoint).ToString();
        var request = attack switch
        {
            "forged" => new InteractionSigner().Request(address, json),
            "stale" => discordKey.Request(address, json, DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => discordKey.Request(address, json),
        };
        switch (attack)
        {
            case "tampered":
                request.Content = new StringContent(json.Replace("user-1", "user-9"), System.Text.Encoding.UTF8, "application/json");
                break;
            case "no signature":
                request.Headers.Remove(DiscordSignature.SignatureHeader);
                break;
            case "no timestamp":
                request.Headers.Remove(DiscordSignature.TimestampHeader);
                break;
        }

        var (status, _) = await SendAsync(request);
        await SettledAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(discord.Calls);
        Assert.Equal(0, discord.AttachmentDownloads); // so nothing was analysed or stored either
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"type":"ping"}""")]
    [InlineData("""{"type":3,"data":{"custom_id":"something-else"},"member":{"user":{"id":"u"}}}""")]
    [InlineData("""{"type":2,"data":{"name":"soundtrack","options":[]},"application_id":"a","token":"t"}""")]
    public async Task A_correctly_signed_payload_that_makes_no_sense_gets_400_problem(string json)
    {
        using var response = await anonymous.SendAsync(discordKey.Request(new Uri(app.BaseAddress, Endpoint).ToString(), json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await SettledAsync();
        Assert.Empty(discord.Calls);
    }
}
