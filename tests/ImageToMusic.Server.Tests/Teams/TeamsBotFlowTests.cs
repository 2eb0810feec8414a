using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Bots.Tests.Teams.Support;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Server.Tests.Teams;

/// <summary>
/// The Teams bot through the real function app on 127.0.0.1, talking to a stand-in Bot Connector (real HTTP, real RS256
/// tokens): a photo in → a card with five tracks → 👍/👎 stored and the card refreshed; and every refusal.
/// </summary>
public sealed class TeamsBotFlowTests : IAsyncLifetime
{
    private const string ChannelId = "19:abc@thread.tacv2";
    private const string OtherChannelId = "19:general@thread.tacv2";
    private const string Conversation = ChannelId + ";messageid=1";
    private const string TeamId = "19:team@thread.tacv2";
    private const string UserId = "29:user-1";
    private const string BotId = "28:" + FakeBotConnector.AppId;
    private FakeBotConnector connector = null!;
    private RunningApp app = null!;
    private readonly CountingCredential credential = new();
    private readonly HttpClient bare = new(); // no API key: the Bot Connector cannot send one

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        app = await RunningApp.StartAsync(new ServerOptions { Teams = new TeamsOptions(FakeBotConnector.AppId, credential, connector.MetadataUrl) });
    }

    public async Task DisposeAsync()
    {
        bare.Dispose();
        await app.DisposeAsync();
        await connector.DisposeAsync();
    }

    private static byte[] Photo => File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "6.jpg"));

    /// <summary>
    /// An activity in a team's channel, as Teams sends it: by default @mentioning the bot (a mention entity naming the
    /// recipient, and &lt;at&gt;ImageToMusic&lt;/at&gt; in the text); without, it mentions someone else, as a message the
    /// bot receives only through resource-specific consent.
    /// </summary>
    private Dictionary<string, object?> Activity(string type, string id = "act-1", bool mention = true, string channel = ChannelId, string text = "")
    {
        var mentioned = mention ? new { id = BotId, name = "ImageToMusic" } : new { id = "29:user-2", name = "Grace" };
        return new()
        {
            ["type"] = type,
            ["id"] = id,
            ["serviceUrl"] = connector.ServiceUrl,
            ["channelId"] = FakeBotConnector.Channel,
            ["from"] = new { id = UserId, name = "Ada", aadObjectId = "aad-user-1" },
            ["recipient"] = new { id = BotId, name = "ImageToMusic" },
            ["conversation"] = new { id = channel + ";messageid=1", conversationType = "channel", tenantId = "tenant-1" },
            ["channelData"] = new { team = new { id = TeamId }, channel = new { id = channel }, tenant = new { id = "tenant-1" } },
            ["text"] = $"<at>{mentioned.name}</at> {text}".TrimEnd(),
            ["entities"] = new object[]
            {
                new { type = "mention", mentioned, text = $"<at>{mentioned.name}</at>" },
                new { type = "clientInfo", locale = "en-GB", country = "GB", platform = "Web" },
            },
        };
    }

    private Dictionary<string, object?> PhotoMessage(string contentUrl, bool mention = true, string channel = ChannelId)
    {
        var message = Activity("message", mention: mention, channel: channel);
        message["attachments"] = new[] { new { contentType = "image/jpeg", contentUrl } };
        return message;
    }

    private static ChatChannel Channel(string channelId = ChannelId) => new("teams", TeamId, channelId);

    private IAutoReplyStore AutoReplies => app.AppServices.GetRequiredService<IAutoReplyStore>();

    /// <summary>Says "@ImageToMusic {command}" in the channel; the bot's reply text.</summary>
    private async Task<string> SayAsync(string command, string channel = ChannelId)
    {
        var before = connector.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("message", "cmd-1", channel: channel, text: command))).StatusCode);
        var reply = connector.Calls.Skip(before).Last();
        Assert.Equal(("POST", $"/v3/conversations/{channel};messageid=1/activities/cmd-1"), (reply.Method, reply.Path));
        return reply.Body.GetProperty("text").GetString()!;
    }

    /// <summary>Nothing reached the Bot Connector: no reply, no member lookup, no download, not even a token.</summary>
    private void AssertSilence()
    {
        Assert.Empty(connector.Calls);
        Assert.Equal(0, connector.Downloads);
        Assert.Equal(0, credential.Calls);
    }

    private Dictionary<string, object?> VoteInvoke(string recommendationId, string trackId, string vote)
    {
        var invoke = Activity("invoke", "act-2");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new { action = new { type = "Action.Execute", verb = "vote", data = new { recommendationId, trackId, vote } }, trigger = "manual" };
        return invoke;
    }

    private Task<HttpResponseMessage> PostAsync(object activity, string? authorization = "valid") =>
        PostRawAsync(JsonSerializer.Serialize(activity), authorization);

    private Task<HttpResponseMessage> PostRawAsync(string json, string? authorization = "valid")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress, "/api/messages"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization == "valid" ? $"Bearer {connector.Token()}" : authorization);
        return SettledAsync(bare.SendAsync(request));
    }

    /// <summary>The response, once the follow-up it may have queued (a photo's card) is done too.</summary>
    private async Task<HttpResponseMessage> SettledAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        await app.AppServices.GetRequiredService<InProcessFollowUpQueue>().WhenIdleAsync();
        return response;
    }

    private static JsonElement CardOf(JsonElement activity) => activity.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>The track containers of a card: (track id, 👍 title, 👎 title).</summary>
    private static List<(string TrackId, string Up, string Down)> Tracks(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").Select(c =>
        {
            var actions = c.GetProperty("items")[2].GetProperty("actions");
            return (actions[0].GetProperty("data").GetProperty("trackId").GetString()!, actions[0].GetProperty("title").GetString()!, actions[1].GetProperty("title").GetString()!);
        })];

    private async Task<(string RecommendationId, List<(string TrackId, string Up, string Down)> Tracks)> PostPhotoAsync(bool mention = true)
    {
        var response = await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo), mention));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.Calls);
        var card = CardOf(reply.Body);
        var recommendationId = card.GetProperty("body").EnumerateArray().First(e => e.GetProperty("type").GetString() == "Container")
            .GetProperty("items")[2].GetProperty("actions")[0].GetProperty("data").GetProperty("recommendationId").GetString()!;
        return (recommendationId, Tracks(card));
    }

    [Fact]
    public async Task A_photo_gets_a_card_with_five_tracks_and_votes_are_stored_changed_and_counted()
    {
        var (recommendationId, tracks) = await PostPhotoAsync();

        var reply = Assert.Single(connector.Calls);
        Assert.Equal(("POST", $"/v3/conversations/{Conversation}/activities/act-1"), (reply.Method, reply.Path));
        Assert.Equal($"Bearer {FakeBotConnector.BotToken}", reply.Authorization);
        Assert.Equal("act-1", reply.Body.GetProperty("replyToId").GetString());
        var card = CardOf(reply.Body);
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Contains("Mood:", card.GetRawText());
        Assert.Contains("Palette:", card.GetRawText());
        Assert.Equal(5, tracks.Count);
        Assert.All(tracks, t => Assert.Equal(("👍 0", "👎 0"), (t.Up, t.Down)));
        Assert.NotNull(await app.Analyses.FindRecommendationAsync(recommendationId));

        var up = await PostAsync(VoteInvoke(recommendationId, tracks[0].TrackId, "up"));
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        using var upBody = JsonDocument.Parse(await up.Content.ReadAsStringAsync());
        Assert.Equal(200, upBody.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", upBody.RootElement.GetProperty("type").GetString());
        Assert.Equal(("👍 1", "👎 0"), (Tracks(upBody.RootElement.GetProperty("value"))[0].Up, Tracks(upBody.RootElement.GetProperty("value"))[0].Down));
        var stored = Assert.Single(await app.Feedback.ForRecommendationAsync(recommendationId));
        Assert.Equal((tracks[0].TrackId, Vote.Up, "teams", TeamId), (stored.TrackId, stored.Vote, stored.Platform, stored.Community));
        Assert.Equal(UserIds.Hash(RunningApp.Salt, "teams", "aad-user-1"), stored.UserHash);

        var down = await PostAsync(VoteInvoke(recommendationId, tracks[0].TrackId, "down"));
        using var downBody = JsonDocument.Parse(await down.Content.ReadAsStringAsync());
        var refreshed = Tracks(downBody.RootElement.GetProperty("value"))[0];
        Assert.Equal(("👍 0", "👎 1"), (refreshed.Up, refreshed.Down));
        Assert.Equal(Vote.Down, Assert.Single(await app.Feedback.ForRecommendationAsync(recommendationId)).Vote);
        Assert.Single(connector.Calls); // invokes answer in the response, not with another message
        Assert.Equal(1, credential.Calls); // the bot's token was reused for the download and the reply
    }

    [Fact]
    public async Task An_Action_Submit_vote_from_an_older_client_is_stored_and_the_card_replaced()
    {
        var (recommendationId, tracks) = await PostPhotoAsync();
        var submit = Activity("message", "act-3");
        submit["replyToId"] = "sent-1";
        submit["value"] = new { recommendationId, trackId = tracks[1].TrackId, vote = "up" };

        var response = await PostAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Vote.Up, Assert.Single(await app.Feedback.ForRecommendationAsync(recommendationId)).Vote);
        var update = connector.Calls.Last();
        Assert.Equal(("PUT", $"/v3/conversations/{Conversation}/activities/sent-1"), (update.Method, update.Path));
        Assert.Equal("👍 1", Tracks(CardOf(update.Body))[1].Up);
    }

    [Fact]
    public async Task A_file_shared_from_a_host_that_is_neither_the_service_nor_sharepoint_is_not_fetched()
    {
        var message = Activity("message");
        // Downloads come only from the activity's own service (which alone gets the bot's token) or SharePoint; this
        // downloadUrl names another host, so nothing is fetched, and the reply does not say what answered.
        var elsewhere = connector.Attach("shared.jpg", Photo).Replace("127.0.0.1", "localhost");
        message["attachments"] = new[] { new { contentType = "application/vnd.microsoft.teams.file.download.info", content = new { downloadUrl = elsewhere, fileType = "jpg" }, name = "shared.jpg" } };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message)).StatusCode);

        var reply = Assert.Single(connector.Calls).Body.GetProperty("text").GetString();
        Assert.Equal("I couldn't fetch that image. Teams did not let me download it.", reply);
    }

    [Fact]
    public async Task A_mention_without_an_image_gets_a_short_help_reply_saying_how_to_turn_channel_replies_on()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("message", text: "hello"))).StatusCode);

        var help = Assert.Single(connector.Calls).Body.GetProperty("text").GetString();
        Assert.Equal(TeamsBot.HelpText, help);
        Assert.Contains("@ImageToMusic photos on", help);
    }

    [Fact]
    public async Task A_photo_in_a_channel_with_photo_replies_on_gets_one_card_with_five_tracks_without_a_mention()
    {
        Assert.True(await AutoReplies.SetAsync(Channel(), true, DateTimeOffset.UtcNow));

        var (recommendationId, tracks) = await PostPhotoAsync(mention: false);

        var reply = Assert.Single(connector.Calls);
        Assert.Equal(("POST", $"/v3/conversations/{Conversation}/activities/act-1"), (reply.Method, reply.Path));
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Body.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal(5, tracks.Count);
        Assert.NotNull(await app.Analyses.FindRecommendationAsync(recommendationId));
    }

    [Fact]
    public async Task A_photo_in_a_channel_with_photo_replies_off_gets_silence_and_is_not_analysed()
    {
        var response = await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo), mention: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSilence();
        Assert.False(await AutoReplies.IsOnAsync(Channel()));
    }

    [Fact]
    public async Task A_channel_message_without_an_image_or_a_mention_gets_silence_even_with_photo_replies_on()
    {
        await AutoReplies.SetAsync(Channel(), true, DateTimeOffset.UtcNow);

        var chat = await PostAsync(Activity("message", mention: false, text: "lovely weather today"));
        var command = await PostAsync(Activity("message", "act-2", mention: false, text: "photos off")); // not said to the bot

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (chat.StatusCode, command.StatusCode));
        AssertSilence();
        Assert.True(await AutoReplies.IsOnAsync(Channel()));
    }

    [Fact]
    public async Task A_mention_with_an_image_in_a_channel_with_photo_replies_off_still_gets_the_card()
    {
        var (_, tracks) = await PostPhotoAsync(mention: true);

        Assert.Equal(5, tracks.Count);
        Assert.Equal("POST", Assert.Single(connector.Calls).Method);
        Assert.False(await AutoReplies.IsOnAsync(Channel()));
    }

    [Fact]
    public async Task A_team_owner_turns_photo_replies_on_and_off_and_photos_are_answered_only_meanwhile()
    {
        connector.SetRole(TeamId, UserId, "owner");

        Assert.Equal(TeamsBot.TurnedOn, await SayAsync("photos on"));
        Assert.True(await AutoReplies.IsOnAsync(Channel()));
        var lookup = connector.Calls.First();
        Assert.Equal(("GET", $"/v3/conversations/{TeamId}/members/{UserId}", $"Bearer {FakeBotConnector.BotToken}"), (lookup.Method, lookup.Path, lookup.Authorization));
        Assert.Equal(TeamsBot.AlreadyOn, await SayAsync(" Photos   ON\n"));

        connector.Calls.Clear();
        var (_, tracks) = await PostPhotoAsync(mention: false);
        Assert.Equal(5, tracks.Count);

        Assert.Equal(TeamsBot.TurnedOff, await SayAsync("photos off"));
        Assert.False(await AutoReplies.IsOnAsync(Channel()));
        Assert.Equal(TeamsBot.AlreadyOff, await SayAsync("photos off"));

        connector.Calls.Clear();
        var downloads = connector.Downloads;
        await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo), mention: false));
        Assert.Empty(connector.Calls);
        Assert.Equal(downloads, connector.Downloads);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("guest")]
    [InlineData(null)] // the members API does not know them (404)
    public async Task Anyone_but_a_team_owner_is_politely_refused_and_the_channel_stays_off(string? role)
    {
        if (role is not null) connector.SetRole(TeamId, UserId, role);
        connector.SetRole(TeamId, "29:someone-else", "owner");

        Assert.Equal(TeamsBot.OwnersOnly, await SayAsync("photos on"));

        Assert.False(await AutoReplies.IsOnAsync(Channel()));
        Assert.Equal(["GET", "POST"], connector.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Photo_replies_are_per_channel_so_another_channel_of_the_same_team_stays_off()
    {
        connector.SetRole(TeamId, UserId, "owner");
        Assert.Equal(TeamsBot.TurnedOn, await SayAsync("photos on", ChannelId));
        connector.Calls.Clear();

        await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo), mention: false, channel: OtherChannelId));

        Assert.Empty(connector.Calls);
        Assert.Equal(0, connector.Downloads);
        Assert.True(await AutoReplies.IsOnAsync(Channel(ChannelId)));
        Assert.False(await AutoReplies.IsOnAsync(Channel(OtherChannelId)));
    }

    [Fact]
    public async Task A_photo_in_a_personal_chat_is_answered_without_a_mention_as_before()
    {
        var message = PhotoMessage(connector.Attach("photo.jpg", Photo), mention: false);
        message["conversation"] = new { id = "a:personal-chat", conversationType = "personal", tenantId = "tenant-1" };
        message["channelData"] = new { tenant = new { id = "tenant-1" } };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message)).StatusCode);

        var reply = Assert.Single(connector.Calls);
        Assert.Equal("/v3/conversations/a:personal-chat/activities/act-1", reply.Path);
        Assert.Equal(5, Tracks(CardOf(reply.Body)).Count);
    }

    [Fact]
    public async Task An_image_the_engine_rejects_gets_a_friendly_reply_naming_the_reason()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PhotoMessage(connector.Attach("notes.jpg", Encoding.UTF8.GetBytes("just some text, not a photo"))))).StatusCode);

        var text = Assert.Single(connector.Calls).Body.GetProperty("text").GetString()!;
        Assert.StartsWith("I couldn't use that image (unsupported format)", text);
    }

    public static TheoryData<string> Attacks => [.. TokenAttacks.Names];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Forged_or_stale_tokens_get_401_and_nothing_is_stored_or_sent(string attack)
    {
        var recommendationId = (await app.Recommender.RecommendAsync(Photo, "test")).RecommendationId;
        var trackId = (await app.Analyses.FindRecommendationAsync(recommendationId))!.Tracks[0].TrackId;

        var vote = await PostAsync(VoteInvoke(recommendationId, trackId, "up"), TokenAttacks.Header(connector, attack));
        var photo = await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo)), TokenAttacks.Header(connector, attack));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (vote.StatusCode, photo.StatusCode));
        Assert.Empty(await app.Feedback.ForRecommendationAsync(recommendationId));
        Assert.Single(await app.Analyses.RecommendationsForAsync((await app.Analyses.FindRecommendationAsync(recommendationId))!.AnalysisId));
        Assert.Empty(connector.Calls);
        Assert.Equal(0, credential.Calls);
    }

    [Theory]
    [InlineData("serviceUrl mismatch")]
    [InlineData("key not endorsed for msteams")]
    public async Task Tokens_not_issued_for_this_activity_get_403_and_nothing_is_stored_or_sent(string attack)
    {
        var recommendationId = (await app.Recommender.RecommendAsync(Photo, "test")).RecommendationId;
        var trackId = (await app.Analyses.FindRecommendationAsync(recommendationId))!.Tracks[0].TrackId;
        var token = attack == "serviceUrl mismatch" ? connector.Token(serviceUrl: "https://smba.trafficmanager.net/emea/") : connector.Token(connector.EndorsedElsewhere);

        var vote = await PostAsync(VoteInvoke(recommendationId, trackId, "up"), $"Bearer {token}");
        var photo = await PostAsync(PhotoMessage(connector.Attach("photo.jpg", Photo)), $"Bearer {token}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (vote.StatusCode, photo.StatusCode));
        Assert.Empty(await app.Feedback.ForRecommendationAsync(recommendationId));
        Assert.Empty(connector.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"value\":{\"action\":{\"verb\":\"vote\",\"data\":{\"vote\":\"sideways\"}}}}")]
    public async Task Malformed_activities_get_400(string json)
    {
        // Valid service and channel, so the refusal is about the payload itself.
        using var shape = JsonDocument.Parse(JsonSerializer.Serialize(Activity("message")));
        var body = json.StartsWith("{\"type\"") ? MergeInto(shape.RootElement, json) : json;

        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(connector.Calls);
    }

    /// <summary>An activity with this JSON's fields; "{"type":"message"}" alone keeps only serviceUrl and channelId.</summary>
    private static string MergeInto(JsonElement activity, string json)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        fields["serviceUrl"] = activity.GetProperty("serviceUrl");
        fields["channelId"] = activity.GetProperty("channelId");
        if (fields.ContainsKey("name")) { fields["from"] = activity.GetProperty("from"); fields["conversation"] = activity.GetProperty("conversation"); }
        return JsonSerializer.Serialize(fields);
    }

    [Fact]
    public async Task Without_a_Teams_bot_configured_the_endpoint_says_so()
    {
        await using var plain = await RunningApp.StartAsync();

        var response = await plain.Client.PostAsync("/api/messages", new StringContent("{}", new MediaTypeHeaderValue("application/json")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
