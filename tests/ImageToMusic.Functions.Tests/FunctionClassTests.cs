using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Bots.Tests.Teams.Support;
using ImageToMusic.DiscordStandIn;
using ImageToMusic.Engine;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Storage;
using ImageToMusic.LocalAzure;
using ImageToMusic.Server;
using ImageToMusic.Server.Composition;
using ImageToMusic.Server.Gateway;
using ImageToMusic.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Functions.Tests;

/// <summary>
/// Each function class invoked directly, as the host invokes it, with the function app composed exactly as its
/// Program composes it, on real services: Azurite (uploads blobs and the follow-up queue), the Cosmos server
/// (stores), the Discord stand-in over HTTP. The Functions host itself cannot run here.
/// </summary>
public sealed class FunctionClassTests : IAsyncLifetime
{
    private const string Salt = "function-tests-salt-0123456789";
    private const string FollowUps = "bot-followups";

    private readonly InteractionSigner discordKey = new();
    private StandIn discord = null!;
    private FakeBotConnector teams = null!;
    private LocalAzureServices azure = null!;
    private ServiceProvider services = null!;
    private QueueClient queue = null!;

    public async Task InitializeAsync()
    {
        discord = await StandIn.StartAsync();
        teams = await FakeBotConnector.StartAsync();
        azure = await LocalAzureServices.StartAsync(CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv")));
        var settings = new Dictionary<string, string>(azure.Settings)
        {
            [AppSettings.UserSalt] = Salt,
            [AppSettings.ModelFolder] = TestData.Models,
            [AppSettings.HostStorage] = azure.UploadsConnectionString,
            [AppSettings.FollowUpsQueue] = FollowUps,
            [AppSettings.DiscordPublicKey] = discordKey.PublicKeyHex,
            [AppSettings.DiscordApiBase] = discord.ApiBase,
            [AppSettings.DiscordBotToken] = discord.Options.BotToken,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var options = new ServerOptions { Teams = new TeamsOptions(FakeBotConnector.AppId, new CountingCredential(), teams.MetadataUrl) };
        services = new ServiceCollection().AddLogging().AddFunctionApp(configuration, options).BuildServiceProvider();
        await services.LoadCatalogAsync();
        queue = new QueueClient(azure.UploadsConnectionString, FollowUps, StorageFollowUpQueue.ClientOptions);
        await queue.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await azure.DisposeAsync();
        await discord.DisposeAsync();
        await teams.DisposeAsync();
        discordKey.Dispose();
    }

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(services);

    private T Service<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>Uploads to Azurite; returns the blob as the trigger binds it, and the version (ETag) the analysis is keyed by.</summary>
    private async Task<(BlobClient Blob, string ETag)> UploadAsync(string name, byte[] bytes)
    {
        var etag = await azure.Uploads.UploadAsync(name, bytes, "image/jpeg");
        return (new BlobContainerClient(azure.UploadsConnectionString, ImageToMusicSettings.DefaultUploadsContainer).GetBlobClient(name), etag);
    }

    private static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name));

    [Emotion6Fact]
    public async Task AnalyzeImage_stores_one_analysis_with_five_tracks_in_Cosmos_however_often_the_blob_is_delivered()
    {
        var (upload, etag) = await UploadAsync("beach.jpg", Photo("joy/4.jpg"));

        await Function<UploadFunctions>().AnalyzeImage(upload, CancellationToken.None);
        await Function<UploadFunctions>().AnalyzeImage(upload, CancellationToken.None);

        var id = RecordIds.AnalysisIdFor("uploads/beach.jpg", etag);
        Assert.NotNull(await Service<IAnalysisStore>().FindAnalysisAsync(id));
        var recommendation = Assert.Single(await Service<IAnalysisStore>().RecommendationsForAsync(id));
        Assert.Equal(5, recommendation.Tracks.Count);
        Assert.Equal(1, Service<Recommender>().Analyzer.PhotosDecoded);
    }

    [Fact]
    public async Task AnalyzeImage_stores_a_blob_that_is_not_a_photo_as_a_failed_analysis_and_succeeds()
    {
        var (upload, etag) = await UploadAsync("notes.jpg", "shopping list: milk"u8.ToArray());

        await Function<UploadFunctions>().AnalyzeImage(upload, CancellationToken.None);

        var failure = await Service<IAnalysisStore>().FindFailureAsync(RecordIds.AnalysisIdFor("uploads/notes.jpg", etag));
        Assert.Equal("unsupported_format", failure?.ErrorCode);
    }

    private DefaultHttpContext SignedInteraction(object interaction)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(interaction);
        var timestamp = InteractionSigner.TimestampOf(DateTimeOffset.UtcNow);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/" + Routes.DiscordInteractions;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers[DiscordSignature.SignatureHeader] = discordKey.Sign(timestamp, body);
        context.Request.Headers[DiscordSignature.TimestampHeader] = timestamp;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement ResponseJson(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    private object SlashCommand(string attachmentUrl) => new
    {
        type = 2, id = "9001", application_id = "app-1", token = "interaction-token-1", guild_id = "guild-1", channel_id = "channel-1",
        member = new { user = new { id = "user-1" } },
        data = new
        {
            name = "soundtrack", type = 1,
            options = new[] { new { name = "image", type = 11, value = "att-1" } },
            resolved = new { attachments = new Dictionary<string, object> { ["att-1"] = new { id = "att-1", filename = "photo.jpg", size = 1000, url = attachmentUrl, content_type = "image/jpeg" } } },
        },
    };

    private async Task<string> InteractAndTakeTheQueuedFollowUpAsync()
    {
        var context = SignedInteraction(SlashCommand(discord.Attach("photo.jpg", Photo("joy/4.jpg"))));
        await Function<HttpFunctions>().DiscordInteractions(context.Request);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(5, ResponseJson(context).GetProperty("type").GetInt32()); // deferred: "thinking…" until the edit
        Assert.Empty(discord.Calls); // nothing is made before the answer
        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        return message.Body.ToString();
    }

    private DiscordCall OnlyWebhookEdit()
    {
        var call = Assert.Single(discord.Calls);
        Assert.Equal(("PATCH", "/api/v10/webhooks/app-1/interaction-token-1/messages/@original"), (call.Method, call.Path));
        return call;
    }

    [Emotion6Fact]
    public async Task A_soundtrack_command_is_answered_at_once_and_BotFollowUp_edits_five_tracks_into_the_reply_from_the_queue()
    {
        var message = await InteractAndTakeTheQueuedFollowUpAsync();

        await Function<FollowUpFunctions>().BotFollowUp(message, CancellationToken.None);

        var edit = JsonDocument.Parse(OnlyWebhookEdit().Body).RootElement;
        Assert.Equal(6, edit.GetProperty("embeds")[0].GetProperty("fields").GetArrayLength()); // palette + five tracks
        Assert.Equal(5, edit.GetProperty("components").GetArrayLength()); // a 👍/👎 row per track
        Assert.Equal(1, discord.AttachmentDownloads);
    }

    [Emotion6Fact]
    public async Task A_follow_up_the_host_gave_up_on_is_edited_by_BotFollowUpPoison_into_a_friendly_failure()
    {
        var message = await InteractAndTakeTheQueuedFollowUpAsync();

        await Function<FollowUpFunctions>().BotFollowUpPoison(message, CancellationToken.None);

        Assert.Contains(SoundtrackReplies.GaveUp, OnlyWebhookEdit().Body);
        Assert.Equal(0, discord.AttachmentDownloads);
    }

    [Emotion6Fact]
    public async Task A_photo_the_gateway_hands_to_the_queue_is_answered_by_BotFollowUp_with_a_reply_to_its_message()
    {
        await Service<IAutoReplyStore>().SetAsync(new ChatChannel("discord", "guild-1", "photos"), true, DateTimeOffset.UtcNow);
        // The gateway as the Container App runs it: only the stores and the queue; no salt, uploads or models.
        using var gateway = await DiscordGatewayHost.BuildAsync(new Dictionary<string, string>
        {
            [AppSettings.StoreKind] = "cosmos", [AppSettings.CosmosEndpoint] = azure.Settings[AppSettings.CosmosEndpoint],
            [AppSettings.CosmosKey] = azure.Settings[AppSettings.CosmosKey],
            [AppSettings.FollowUpsQueue] = FollowUps, [AppSettings.HostStorage] = azure.UploadsConnectionString,
            [AppSettings.DiscordBotToken] = discord.Options.BotToken, [AppSettings.DiscordApiBase] = discord.ApiBase,
        });
        await gateway.StartAsync();
        await discord.WaitForLiveSessionAsync(TimeSpan.FromSeconds(30));

        await discord.DispatchAsync("MESSAGE_CREATE", new
        {
            id = "4321", channel_id = "photos", guild_id = "guild-1", type = 0, author = new { id = "person-1" },
            attachments = new[] { new { id = "8765", filename = "photo.jpg", size = 1000, url = discord.Attach("posted.jpg", Photo("joy/4.jpg")), content_type = "image/jpeg" } },
        });
        string? message = null;
        await discord.WaitUntilAsync(() => (message ??= ReceiveOne()) is not null, TimeSpan.FromSeconds(30), "the follow-up on the Storage queue");
        await gateway.StopAsync();
        await Function<FollowUpFunctions>().BotFollowUp(message!, CancellationToken.None);

        var reply = Assert.Single(discord.Calls, c => c.Method == "POST");
        Assert.Equal(("/api/v10/channels/photos/messages", $"Bot {discord.Options.BotToken}"), (reply.Path, reply.Authorization));
        var body = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal("4321", body.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(5, body.GetProperty("components").GetArrayLength());
    }

    private string? ReceiveOne() => queue.ReceiveMessages(maxMessages: 1).Value.SingleOrDefault()?.Body.ToString();

    private async Task<string> PostTeamsPhotoAndTakeTheQueuedFollowUpAsync()
    {
        var activity = new
        {
            type = "message", id = "act-1", serviceUrl = teams.ServiceUrl, channelId = FakeBotConnector.Channel,
            from = new { id = "29:user-1", aadObjectId = "aad-user-1" }, recipient = new { id = "28:" + FakeBotConnector.AppId },
            conversation = new { id = "19:chat" }, attachments = new[] { new { contentType = "image/jpeg", contentUrl = teams.Attach("photo.jpg", Photo("joy/4.jpg")) } },
        };
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/" + Routes.Messages;
        context.Request.ContentType = "application/json";
        context.Request.Headers.Authorization = $"Bearer {teams.Token()}";
        context.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(activity));
        context.Response.Body = new MemoryStream();

        await Function<HttpFunctions>().Messages(context.Request);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Empty(teams.Calls); // acknowledged; the card comes from the follow-up
        return Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value).Body.ToString();
    }

    [Emotion6Fact]
    public async Task A_photo_posted_to_the_Teams_bot_is_acknowledged_and_BotFollowUp_replies_with_the_card()
    {
        var message = await PostTeamsPhotoAndTakeTheQueuedFollowUpAsync();

        await Function<FollowUpFunctions>().BotFollowUp(message, CancellationToken.None);

        var reply = Assert.Single(teams.Calls, c => c.Method == "POST");
        Assert.Equal("/v3/conversations/19:chat/activities/act-1", reply.Path);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Body.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Emotion6Fact]
    public async Task A_Teams_follow_up_the_host_gave_up_on_is_answered_by_BotFollowUpPoison_with_a_friendly_failure()
    {
        var message = await PostTeamsPhotoAndTakeTheQueuedFollowUpAsync();

        await Function<FollowUpFunctions>().BotFollowUpPoison(message, CancellationToken.None);

        Assert.Equal(TeamsPhotoReplies.GaveUp, Assert.Single(teams.Calls, c => c.Method == "POST").Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_queue_message_that_is_no_follow_up_is_dropped_without_calling_Discord()
    {
        await Function<FollowUpFunctions>().BotFollowUp("{\"not\":\"a follow-up\"}", CancellationToken.None);
        await Function<FollowUpFunctions>().BotFollowUpPoison("not even JSON", CancellationToken.None);

        Assert.Empty(discord.Calls);
        Assert.Empty(teams.Calls);
    }

    [Fact]
    public async Task An_http_function_answers_through_its_door_with_route_values_and_problems_as_serve_does()
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/analyses/an-nope";
        context.Request.RouteValues["id"] = "an-nope";
        context.Response.Body = new MemoryStream();

        await Function<HttpFunctions>().GetAnalysis(context.Request);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("an-nope", ResponseJson(context).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Feedback_with_a_malformed_body_is_a_400_problem_not_a_failed_invocation()
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/" + Routes.Feedback;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"vote\": "));
        context.Response.Body = new MemoryStream();

        await Function<HttpFunctions>().Feedback(context.Request);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal(400, ResponseJson(context).GetProperty("status").GetInt32());
    }
}
