using System.Text.Json;
using ImageToMusic.Bots.Discord.AutoReplies;
using ImageToMusic.DiscordStandIn;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests.Discord;

/// <summary>
/// Photos posted in a channel, end to end: the Discord stand-in's Gateway dispatches MESSAGE_CREATE over a real
/// WebSocket, `discord gateway` (real client, real engine, SQLite) decides and replies through the stand-in's REST API.
/// </summary>
public sealed class GatewayAutoReplyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Emotion6Fact]
    public async Task A_photo_posted_in_a_switched_on_channel_gets_exactly_one_reply_with_five_tracks_and_their_buttons()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.SwitchOnAsync();

        var message = await gateway.PostPhotosAsync();
        await gateway.SettledAsync(1);

        var reply = Assert.Single(gateway.RepliesIn(RunningGateway.Photos));
        Assert.Equal(message, reply.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal((message, true), (reply.GetProperty("nonce").GetString(), reply.GetProperty("enforce_nonce").GetBoolean()));
        Assert.Empty(reply.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var embed = reply.GetProperty("embeds")[0];
        Assert.Equal("A soundtrack for this photo", embed.GetProperty("title").GetString());
        Assert.Equal(5, embed.GetProperty("fields").EnumerateArray().Count(f => f.GetProperty("name").GetString()!.StartsWith('#')));
        var rows = reply.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal(["👍", "👎"], row.GetProperty("components").EnumerateArray().Select(b => b.GetProperty("emoji").GetProperty("name").GetString())));
        Assert.Single(gateway.Discord.Messages);
    }

    [Emotion6Fact]
    public async Task Several_photos_in_one_message_get_one_reply_with_one_soundtrack_for_them_all()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.SwitchOnAsync();

        await gateway.PostPhotosAsync(emotion6Photos: ["joy/6.jpg", "sadness/6.jpg", "fear/6.jpg"]);
        await gateway.SettledAsync(1);

        var embed = Assert.Single(gateway.RepliesIn(RunningGateway.Photos)).GetProperty("embeds")[0];
        Assert.Equal("A soundtrack for these 3 photos", embed.GetProperty("title").GetString());
        Assert.Equal(3, embed.GetProperty("fields").GetArrayLength());
    }

    [Emotion6Fact]
    public async Task A_photo_in_a_channel_that_is_off_or_posted_by_a_bot_gets_nothing_and_is_not_downloaded()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.SwitchOnAsync();

        await gateway.PostPhotosAsync(channel: "900000000000000011");
        await gateway.PostPhotosAsync(author: "900000000000000200", bot: true);
        await gateway.PostPhotosAsync(author: gateway.Discord.Options.BotUserId);
        await gateway.SettledAsync(3);

        Assert.DoesNotContain(gateway.Discord.Calls, c => c.Method == "POST");
        Assert.Equal(0, gateway.Discord.AttachmentDownloads);
        Assert.Equal((1, 2), (gateway.Listener.Counts[PhotoPostOutcome.ChannelOff], gateway.Listener.Counts[PhotoPostOutcome.NotAPhotoPost]));
    }

    [Emotion6Fact]
    public async Task After_a_missed_heartbeat_ACK_the_bot_resumes_with_its_last_sequence_and_a_replayed_photo_is_answered_once()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.SwitchOnAsync();
        var first = await gateway.PostPhotosAsync();
        await gateway.SettledAsync(1);
        gateway.Discord.ReplayOverlap = 2; // the resume delivers the photo already answered again, as Discord may

        gateway.Discord.StopAcking();
        await gateway.Discord.WaitForResumesAsync(1, Timeout);
        gateway.Discord.ResumeAcking();
        var second = await gateway.PostPhotosAsync();
        await gateway.SettledAsync(3);

        var resume = Assert.Single(gateway.Discord.Resumes);
        Assert.NotNull(resume.Seq);
        Assert.True(resume.Seq >= 2, $"resumed from {resume.Seq}, after READY and the first photo"); // READY is 1, the photo 2 (heartbeats carry no sequence of their own)
        Assert.Single(gateway.Discord.Identifies);
        Assert.Equal([first, second], gateway.RepliesIn(RunningGateway.Photos).Select(r => r.GetProperty("message_reference").GetProperty("message_id").GetString()));
        Assert.True(gateway.Listener.Counts[PhotoPostOutcome.Duplicate] >= 1);
    }

    [Emotion6Fact]
    public async Task Through_a_hundred_dropped_connections_every_photo_is_answered_exactly_once()
    {
        await using var gateway = await RunningGateway.StartAsync(repliesPerMinute: 100);
        await gateway.SwitchOnAsync();
        gateway.Discord.ReplayOverlap = 2;
        var posted = new List<string>();

        for (var drop = 0; drop < 100; drop++)
        {
            if (drop % 5 == 0) posted.Add(await gateway.PostPhotosAsync(emotion6Photos: [$"joy/{drop / 5 + 1}.jpg"]));
            while (!await gateway.Discord.DropConnectionAsync()) await Task.Delay(1);
            await gateway.Discord.WaitForResumesAsync(drop + 1, Timeout);
        }
        await gateway.Discord.WaitForLiveSessionAsync(Timeout);
        await gateway.Discord.WaitUntilAsync(() => gateway.Listener.Counts[PhotoPostOutcome.Enqueued] >= posted.Count, Timeout, "every photo handed on");
        await gateway.SettledAsync(posted.Count);

        var answered = gateway.RepliesIn(RunningGateway.Photos).Select(r => r.GetProperty("message_reference").GetProperty("message_id").GetString()).ToList();
        Assert.Equal(posted.Order(), answered.Order());
        Assert.Equal(posted.Count, gateway.Discord.Messages.Count);
        Assert.Single(gateway.Discord.Identifies);
    }

    [Fact]
    public async Task A_token_Discord_refuses_stops_the_worker_with_the_reason_instead_of_reconnecting_forever()
    {
        await using var gateway = await RunningGateway.StartAsync();

        await gateway.Discord.CloseAsync(4004, "Authentication failed.");
        await gateway.Stopped.WaitAsync(Timeout);

        Assert.Equal(4004, gateway.Worker.Fatal?.Code);
        Assert.Contains("token", gateway.Worker.Fatal!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(gateway.Discord.Identifies);
    }
}
